package edit

import (
	"fmt"
	"strconv"
	"strings"
)

// seg is one step of a path: a mapping key, or a list index when isIndex.
type seg struct {
	key     string
	index   int
	isIndex bool
}

func (s seg) String() string {
	if s.isIndex {
		return fmt.Sprintf("[%d]", s.index)
	}
	if isPlainKey(s.key) {
		return s.key
	}
	return "[" + strconv.Quote(s.key) + "]"
}

// parsePath splits a path such as `rules[0].targets[1].function` or
// `loads[0].events[0].fields["data.size"]` into steps. Keys are identifiers separated by dots;
// a key holding other characters is written as a quoted string in brackets. "" is the root.
func parsePath(p string) ([]seg, error) {
	var out []seg
	rest := p
	for rest != "" {
		switch {
		case rest[0] == '[':
			end := strings.IndexByte(rest, ']')
			if strings.HasPrefix(rest, `["`) {
				q, err := strconv.QuotedPrefix(rest[1:])
				if err != nil || !strings.HasPrefix(rest[1+len(q):], "]") {
					return nil, fmt.Errorf("invalid path %q: unterminated quoted key", p)
				}
				k, _ := strconv.Unquote(q)
				out = append(out, seg{key: k})
				rest = rest[len(q)+2:]
				break
			}
			if end < 0 {
				return nil, fmt.Errorf("invalid path %q: missing ]", p)
			}
			i, err := strconv.Atoi(rest[1:end])
			if err != nil || i < 0 {
				return nil, fmt.Errorf("invalid path %q: bad index %q", p, rest[1:end])
			}
			out = append(out, seg{index: i, isIndex: true})
			rest = rest[end+1:]
		case rest[0] == '.' && len(out) > 0:
			rest = rest[1:]
			if rest == "" || rest[0] == '.' || rest[0] == '[' {
				return nil, fmt.Errorf("invalid path %q: empty key", p)
			}
		default:
			if len(out) > 0 && !strings.HasPrefix(p[len(p)-len(rest)-1:], ".") {
				return nil, fmt.Errorf("invalid path %q: want . or [ before %q", p, rest)
			}
			n := strings.IndexAny(rest, ".[")
			if n < 0 {
				n = len(rest)
			}
			if n == 0 {
				return nil, fmt.Errorf("invalid path %q: empty key", p)
			}
			out = append(out, seg{key: rest[:n]})
			rest = rest[n:]
		}
	}
	return out, nil
}

// formatPath is the inverse of parsePath.
func formatPath(ss []seg) string {
	var b strings.Builder
	for i, s := range ss {
		if i > 0 && !s.isIndex && isPlainKey(s.key) {
			b.WriteByte('.')
		}
		b.WriteString(s.String())
	}
	return b.String()
}

// isPlainKey reports whether k can be written bare in a path.
func isPlainKey(k string) bool {
	if k == "" {
		return false
	}
	for _, r := range k {
		if r == '.' || r == '[' || r == ']' || r == '"' {
			return false
		}
	}
	return true
}
