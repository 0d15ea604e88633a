package transform

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
)

// ErrBadEvent is wrapped by the errors Apply returns for an event that is not
// valid JSON where the walk reads it.
var ErrBadEvent = errors.New("event is not valid JSON")

// badEvent returns an error wrapping ErrBadEvent for a fault at byte offset off.
func badEvent(off int, msg string) error {
	return fmt.Errorf("%w: %s at offset %d", ErrBadEvent, msg, off)
}

// The scanner below walks raw JSON bytes. It reads only what a path needs:
// object members on the path are parsed (keys decoded, values skipped), the
// rest of the document is skipped by matching brackets and strings. It never
// recurses on the event's nesting, so deep events cannot exhaust the stack.

// skipWS returns the index of the first non-whitespace byte at or after i.
func skipWS(b []byte, i int) int {
	for i < len(b) {
		switch b[i] {
		case ' ', '\t', '\n', '\r':
			i++
		default:
			return i
		}
	}
	return i
}

// skipString skips the string whose opening quote is b[i]. It returns the
// index after the closing quote and whether the string contains escapes. It
// does not validate the content: the strings a path extracts are checked by
// textForm.
func skipString(b []byte, i int) (end int, escaped bool, err error) {
	j := i + 1
	// Most strings of an event are short: a plain loop beats the call
	// overhead of the vectorised search used for longer ones.
	for lim := min(len(b), j+32); j < lim; j++ {
		switch b[j] {
		case '"':
			return j + 1, false, nil
		case '\\':
			return skipLongString(b, i, j)
		}
	}
	return skipLongString(b, i, j)
}

// skipLongString finishes skipString from b[j], searching for the closing
// quote with bytes.IndexByte and counting the backslashes before it.
func skipLongString(b []byte, i, j int) (end int, escaped bool, err error) {
	for {
		k := bytes.IndexByte(b[j:], '"')
		if k < 0 {
			return 0, false, badEvent(i, "unterminated string")
		}
		q := j + k
		n := 0 // backslashes right before the quote
		for q-n-1 > i && b[q-n-1] == '\\' {
			n++
		}
		if n%2 == 0 {
			escaped = escaped || bytes.IndexByte(b[i+1:q], '\\') >= 0
			return q + 1, escaped, nil
		}
		escaped, j = true, q+1
	}
}

// skipValue skips the value starting at b[i] (no leading whitespace) and
// returns the index after it. Containers are skipped by bracket depth.
func skipValue(b []byte, i int) (int, error) {
	if i >= len(b) {
		return 0, badEvent(i, "unexpected end, expected a value")
	}
	switch b[i] {
	case '"':
		end, _, err := skipString(b, i)
		return end, err
	case '{', '[':
		return skipContainer(b, i)
	default:
		return skipScalar(b, i)
	}
}

// skipContainer skips the object or array opening at b[i].
func skipContainer(b []byte, i int) (int, error) {
	depth := 0
	for j := i; j < len(b); j++ {
		switch b[j] {
		case '{', '[':
			depth++
		case '}', ']':
			depth--
			if depth == 0 {
				return j + 1, nil
			}
		case '"':
			end, _, err := skipString(b, j)
			if err != nil {
				return 0, err
			}
			j = end - 1
		}
	}
	return 0, badEvent(i, "unterminated "+containerName(b[i]))
}

func containerName(c byte) string {
	if c == '{' {
		return "object"
	}
	return "array"
}

// skipScalar skips a number, true, false or null at b[i] and validates it.
func skipScalar(b []byte, i int) (int, error) {
	j := i
	for j < len(b) && !isDelim(b[j]) {
		j++
	}
	if j == i || !validScalar(b[i:j]) {
		return 0, badEvent(i, fmt.Sprintf("invalid value %q", clip(b[i:j])))
	}
	return j, nil
}

// isDelim reports whether c ends a scalar token.
func isDelim(c byte) bool {
	switch c {
	case ',', ']', '}', ' ', '\t', '\n', '\r', ':', '"', '{', '[':
		return true
	}
	return false
}

// validScalar reports whether tok is true, false, null or a JSON number.
func validScalar(tok []byte) bool {
	switch string(tok) {
	case "true", "false", "null":
		return true
	}
	return validNumber(tok)
}

// validNumber implements the JSON number grammar.
func validNumber(s []byte) bool {
	i := 0
	if i < len(s) && s[i] == '-' {
		i++
	}
	switch {
	case i < len(s) && s[i] == '0':
		i++
	case i < len(s) && s[i] >= '1' && s[i] <= '9':
		i = digits(s, i)
	default:
		return false
	}
	if i < len(s) && s[i] == '.' {
		if j := digits(s, i+1); j > i+1 {
			i = j
		} else {
			return false
		}
	}
	if i < len(s) && (s[i] == 'e' || s[i] == 'E') {
		i++
		if i < len(s) && (s[i] == '+' || s[i] == '-') {
			i++
		}
		j := digits(s, i)
		if j == i {
			return false
		}
		i = j
	}
	return i == len(s)
}

func digits(s []byte, i int) int {
	for i < len(s) && s[i] >= '0' && s[i] <= '9' {
		i++
	}
	return i
}

// clip shortens a byte slice for an error message.
func clip(b []byte) string {
	if len(b) > 20 {
		return string(b[:20]) + "..."
	}
	return string(b)
}

// decodeKey returns the decoded text of the raw JSON string at k.
func decodeKey(b []byte, k span, escaped bool) string {
	if !escaped {
		return string(b[k.s+1 : k.e-1])
	}
	var s string
	if json.Unmarshal(b[k.s:k.e], &s) != nil {
		return string(b[k.s:k.e])
	}
	return s
}

// keyEquals reports whether the raw JSON string b[s:e] (quotes included)
// decodes to key. Only escaped keys are decoded.
func keyEquals(b []byte, s, e int, escaped bool, key string) bool {
	if !escaped {
		return string(b[s+1:e-1]) == key
	}
	var k string
	if json.Unmarshal(b[s:e], &k) != nil {
		return false
	}
	return k == key
}
