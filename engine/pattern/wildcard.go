package pattern

import (
	"errors"
	"strings"
)

// wildcard is a compiled wildcard: literal parts separated by '*' (which matches any run of
// characters, including none). parts has len(stars)+1 entries.
type wildcard struct {
	parts []string
}

// compileWildcard parses "dir/*.png"; `\*` is a literal asterisk and `\\` a backslash; any other
// escape and consecutive "**" are errors (as in AWS).
func compileWildcard(s string) (wildcard, error) {
	var w wildcard
	var cur strings.Builder
	for i := 0; i < len(s); i++ {
		switch c := s[i]; c {
		case '\\':
			if i+1 >= len(s) || (s[i+1] != '*' && s[i+1] != '\\') {
				return w, errors.New(`wildcard: "\" must be followed by "*" or "\" in ` + quote(s))
			}
			i++
			cur.WriteByte(s[i])
		case '*':
			if i+1 < len(s) && s[i+1] == '*' {
				return w, errors.New(`wildcard: consecutive "**" is not allowed in ` + quote(s))
			}
			w.parts = append(w.parts, cur.String())
			cur.Reset()
		default:
			cur.WriteByte(c)
		}
	}
	w.parts = append(w.parts, cur.String())
	return w, nil
}

// match reports whether s matches the wildcard. Greedy-free: the first part anchors at the start,
// the last at the end, the middle parts are found leftmost in order (always correct for '*').
func (w *wildcard) match(s string) bool {
	if len(w.parts) == 1 {
		return s == w.parts[0]
	}
	first, last := w.parts[0], w.parts[len(w.parts)-1]
	if len(s) < len(first)+len(last) || !strings.HasPrefix(s, first) || !strings.HasSuffix(s, last) {
		return false
	}
	s = s[len(first) : len(s)-len(last)]
	for _, p := range w.parts[1 : len(w.parts)-1] {
		i := strings.Index(s, p)
		if i < 0 {
			return false
		}
		s = s[i+len(p):]
	}
	return true
}
