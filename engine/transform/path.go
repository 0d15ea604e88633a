package transform

import (
	"fmt"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// stepKind is the kind of one JSONPath step.
type stepKind uint8

const (
	stepKey      stepKind = iota // .name or ['name']
	stepIndex                    // [N]
	stepWildcard                 // .* or [*]
)

// step is one compiled JSONPath step.
type step struct {
	kind  stepKind
	key   string
	index int
}

// Path is a compiled JSONPath of the subset documented in docs/transformers.md:
// the root `$`, dot members `.name`, bracket members `['a.b']` or `["a.b"]`,
// array indexes `[0]` and the wildcards `.*` and `[*]`. A Path is immutable.
type Path struct {
	src      string
	steps    []step
	definite bool // no wildcard: the path names at most one value
}

// PathError reports a JSONPath syntax error at a byte offset of the path.
type PathError struct {
	Path   string // the path as written
	Offset int    // byte offset of the fault
	Msg    string
}

func (e *PathError) Error() string {
	return fmt.Sprintf("invalid JSONPath %q at offset %d: %s", e.Path, e.Offset, e.Msg)
}

// String returns the path as written.
func (p *Path) String() string { return p.src }

// Definite reports whether the path has no wildcard, so it names at most one
// value. An indefinite path always yields a JSON array.
func (p *Path) Definite() bool { return p.definite }

// ParsePath compiles a JSONPath. Every construct outside the documented subset
// (recursive descent, filters, slices, unions, functions, negative indexes) is
// rejected with a *PathError naming it.
func ParsePath(src string) (*Path, error) {
	p := &Path{src: src, definite: true}
	if src == "" {
		return nil, &PathError{src, 0, "empty path; a JSONPath starts with \"$\", e.g. $.data.name"}
	}
	if src[0] != '$' {
		return nil, &PathError{src, 0, "a JSONPath starts with \"$\", e.g. $.data.name"}
	}
	for i := 1; i < len(src); {
		var s step
		var err error
		switch src[i] {
		case '.':
			s, i, err = parseDot(src, i)
		case '[':
			s, i, err = parseBracket(src, i)
		default:
			err = &PathError{src, i, fmt.Sprintf("unexpected %q; expected \".\" or \"[\"", nextRune(src, i))}
		}
		if err != nil {
			return nil, err
		}
		if s.kind == stepWildcard {
			p.definite = false
		}
		p.steps = append(p.steps, s)
	}
	return p, nil
}

// parseDot parses `.name` or `.*` starting at src[i] == '.'.
func parseDot(src string, i int) (step, int, error) {
	start := i + 1
	if start >= len(src) {
		return step{}, 0, &PathError{src, i, "path ends after \".\"; expected a member name"}
	}
	switch src[start] {
	case '.':
		return step{}, 0, &PathError{src, i, "recursive descent \"..\" is not supported"}
	case '*':
		return step{kind: stepWildcard}, start + 1, nil
	}
	j := start
	for j < len(src) {
		r, n := utf8.DecodeRuneInString(src[j:])
		if !isNameRune(r) {
			break
		}
		j += n
	}
	if j == start {
		return step{}, 0, &PathError{src, start, fmt.Sprintf("unexpected %q after \".\"; member names are letters, digits, \"_\" and \"-\"; use ['...'] for others", nextRune(src, start))}
	}
	if j < len(src) && src[j] == '(' {
		return step{}, 0, &PathError{src, start, "functions such as " + src[start:j] + "() are not supported"}
	}
	return step{kind: stepKey, key: src[start:j]}, j, nil
}

// isNameRune reports whether r may appear in a dot-notation member name.
func isNameRune(r rune) bool {
	return r == '_' || r == '-' || unicode.IsLetter(r) || unicode.IsDigit(r)
}

// parseBracket parses `[N]`, `[*]`, `['name']` or `["name"]` at src[i] == '['.
func parseBracket(src string, i int) (step, int, error) {
	j := i + 1
	if j >= len(src) {
		return step{}, 0, &PathError{src, i, "unclosed \"[\""}
	}
	switch c := src[j]; {
	case c == '*':
		if j+1 < len(src) && src[j+1] == ']' {
			return step{kind: stepWildcard}, j + 2, nil
		}
		return step{}, 0, &PathError{src, j, "expected \"]\" after \"[*\""}
	case c == '\'' || c == '"':
		return parseQuotedKey(src, i, j)
	case c >= '0' && c <= '9':
		return parseIndex(src, i, j)
	case c == '-':
		return step{}, 0, &PathError{src, j, "negative indexes are not supported"}
	case c == '?':
		return step{}, 0, &PathError{src, j, "filter expressions [?(...)] are not supported"}
	case c == ':':
		return step{}, 0, &PathError{src, j, "array slices are not supported"}
	default:
		return step{}, 0, &PathError{src, j, fmt.Sprintf("unexpected %q after \"[\"; expected an index, * or a quoted name", nextRune(src, j))}
	}
}

// parseIndex parses the digits of `[N]`; src[j] is the first digit.
func parseIndex(src string, open, j int) (step, int, error) {
	k := j
	for k < len(src) && src[k] >= '0' && src[k] <= '9' {
		k++
	}
	if k >= len(src) {
		return step{}, 0, &PathError{src, open, "unclosed \"[\""}
	}
	switch src[k] {
	case ']':
	case ':':
		return step{}, 0, &PathError{src, k, "array slices are not supported"}
	case ',':
		return step{}, 0, &PathError{src, k, "unions [a,b] are not supported"}
	default:
		return step{}, 0, &PathError{src, k, fmt.Sprintf("unexpected %q in index; expected \"]\"", nextRune(src, k))}
	}
	n, err := strconv.Atoi(src[j:k])
	if err != nil || n > 1<<30 {
		return step{}, 0, &PathError{src, j, fmt.Sprintf("index %s is too large", src[j:k])}
	}
	return step{kind: stepIndex, index: n}, k + 1, nil
}

// parseQuotedKey parses `['name']` or `["name"]`; src[q] is the opening quote.
// Inside, a backslash escapes the next character.
func parseQuotedKey(src string, open, q int) (step, int, error) {
	quote := src[q]
	var b strings.Builder
	k := q + 1
	for ; k < len(src) && src[k] != quote; k++ {
		if src[k] == '\\' {
			k++
			if k >= len(src) {
				break
			}
		}
		b.WriteByte(src[k])
	}
	if k >= len(src) {
		return step{}, 0, &PathError{src, q, "unterminated quoted name"}
	}
	k++ // closing quote
	if k >= len(src) || src[k] != ']' {
		if k < len(src) && src[k] == ',' {
			return step{}, 0, &PathError{src, k, "unions ['a','b'] are not supported"}
		}
		return step{}, 0, &PathError{src, open, "expected \"]\" after the quoted name"}
	}
	return step{kind: stepKey, key: b.String()}, k + 1, nil
}

// nextRune returns the rune at src[i:] as a string, for messages.
func nextRune(src string, i int) string {
	r, _ := utf8.DecodeRuneInString(src[i:])
	return string(r)
}
