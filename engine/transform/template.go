package transform

import (
	"fmt"
	"strings"
)

// escapeFn is the escape function applied to a placeholder's value.
type escapeFn uint8

const (
	escNone escapeFn = iota
	escJSON          // ${jsonEscape(v)}
	escHTML          // ${htmlEscape(v)}
)

// functions maps the template function names to their escapes.
var functions = map[string]escapeFn{"jsonEscape": escJSON, "htmlEscape": escHTML}

// segment is a literal run of template text followed by an optional
// placeholder.
type segment struct {
	lit      string
	hasVar   bool
	name     string   // variable name
	varIdx   int      // index into Transformer.vars, set by Compile
	fn       escapeFn // escape function
	inString bool     // the placeholder sits inside a "..." of the template
	off      int      // byte offset of "${" in the template
}

// TemplateError reports a template syntax error at a byte offset.
type TemplateError struct {
	Offset int
	Msg    string
}

func (e *TemplateError) Error() string {
	return fmt.Sprintf("at offset %d: %s", e.Offset, e.Msg)
}

// parseTemplate splits a template into segments. A placeholder is
// ${name} or ${fn(name)} with name made of letters, digits, "_" and "-" and
// fn one of jsonEscape, htmlEscape. A "$" not followed by "{" is literal text.
// The JSON string context of each placeholder is tracked by following the
// double quotes (and backslash escapes inside them) of the literal text.
func parseTemplate(src string) ([]segment, error) {
	var segs []segment
	inStr := false
	rest, base := src, 0
	for {
		k := strings.Index(rest, "${")
		if k < 0 {
			segs = append(segs, segment{lit: rest})
			return segs, nil
		}
		lit := rest[:k]
		inStr = followQuotes(lit, inStr)
		end := placeholderEnd(rest, k+2)
		if end >= len(rest) || rest[end] != '}' {
			return nil, &TemplateError{base + k, unclosedMsg(rest, end)}
		}
		inner := rest[k+2 : end]
		seg, err := parsePlaceholder(inner, base+k)
		if err != nil {
			return nil, err
		}
		seg.lit, seg.inString = lit, inStr
		segs = append(segs, seg)
		rest, base = rest[end+1:], base+end+1
	}
}

// placeholderEnd returns the index of the first byte at or after i that
// cannot be part of a placeholder's content.
func placeholderEnd(s string, i int) int {
	for i < len(s) && (isVarByte(s[i]) || s[i] == '(' || s[i] == ')') {
		i++
	}
	return i
}

// unclosedMsg describes a "${" whose content stops at s[end] without "}".
func unclosedMsg(s string, end int) string {
	if end >= len(s) {
		return "unclosed \"${\": the template ends before \"}\""
	}
	return fmt.Sprintf("unclosed \"${\": found %q where \"}\" was expected; write ${name} or ${jsonEscape(name)}", nextRune(s, end))
}

// parsePlaceholder parses the text between "${" and "}".
func parsePlaceholder(inner string, off int) (segment, error) {
	seg := segment{hasVar: true, off: off}
	name := inner
	if open := strings.IndexByte(inner, '('); open >= 0 {
		fname := inner[:open]
		if !strings.HasSuffix(inner, ")") {
			return seg, &TemplateError{off, fmt.Sprintf("invalid placeholder \"${%s}\": expected ${%s(name)}", inner, fname)}
		}
		fn, ok := functions[fname]
		if !ok {
			return seg, &TemplateError{off, fmt.Sprintf("unknown function %q; valid functions are jsonEscape and htmlEscape", fname)}
		}
		seg.fn, name = fn, inner[open+1:len(inner)-1]
	}
	if err := checkVarName(name); err != nil {
		return seg, &TemplateError{off, fmt.Sprintf("invalid placeholder \"${%s}\": %v", inner, err)}
	}
	seg.name = name
	return seg, nil
}

// checkVarName reports whether name is a valid variable name.
func checkVarName(name string) error {
	if name == "" {
		return fmt.Errorf("empty variable name")
	}
	for i := 0; i < len(name); i++ {
		if !isVarByte(name[i]) {
			return fmt.Errorf("variable name %q may contain only letters, digits, \"_\" and \"-\"", name)
		}
	}
	return nil
}

// isVarByte reports whether c may appear in a variable name.
func isVarByte(c byte) bool {
	return c == '_' || c == '-' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
}

// followQuotes returns the JSON string state after reading lit, starting in
// state inStr: a double quote toggles it, a backslash inside a string skips
// the next character.
func followQuotes(lit string, inStr bool) bool {
	for i := 0; i < len(lit); i++ {
		switch lit[i] {
		case '\\':
			if inStr {
				i++
			}
		case '"':
			inStr = !inStr
		}
	}
	return inStr
}
