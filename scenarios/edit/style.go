package edit

import (
	"reflect"
	"strings"

	"github.com/goccy/go-yaml/ast"
)

// foldWidth is the line width folded scalars are wrapped at (relative to their indentation).
const foldWidth = 96

// keepStyle renders a string value in the block style (literal | or folded >) of the scalar it
// replaces, so a user's multi-line description or expression keeps its shape. It returns
// false when old is not a block scalar, value is not a string, or the style cannot hold it.
// raw is the old scalar's source text; a folded value with as many words as before keeps its
// line breaks at the same words.
func keepStyle(old ast.Node, raw string, value any) (string, bool) {
	lit, ok := old.(*ast.LiteralNode)
	if !ok || lit.GetToken() == nil || lit.GetToken().Value == "" {
		return "", false
	}
	header := lit.GetToken().Value
	rv := reflect.ValueOf(value)
	if !rv.IsValid() || rv.Kind() != reflect.String {
		return "", false
	}
	s := rv.String()
	var body []string
	if strings.HasPrefix(header, ">") {
		body = fold(s, raw)
	} else {
		body = strings.Split(strings.TrimSuffix(s, "\n"), "\n")
	}
	if body == nil {
		return "", false
	}
	chomp := "-"
	if strings.HasSuffix(s, "\n") {
		if strings.HasSuffix(s, "\n\n") {
			return "", false
		}
		chomp = ""
	}
	out := header[:1] + chomp + "\n  " + strings.Join(body, "\n  ")
	if got, err := generic([]byte("k: " + out + "\n")); err != nil || !reflect.DeepEqual(got, map[string]any{"k": s}) {
		return "", false
	}
	return out, true
}

// fold wraps s at single spaces into lines: at the same words as the lines of the old folded
// text raw when the word counts agree, else at about foldWidth bytes. It returns nil when s
// cannot be written folded (line breaks, tabs, runs of spaces, leading or trailing space).
func fold(s, raw string) []string {
	if s == "" || strings.ContainsAny(s, "\n\t") || strings.Contains(s, "  ") || strings.TrimSpace(s) != s {
		return nil
	}
	words := strings.Split(s, " ")
	var counts []int
	total := 0
	for i, l := range strings.Split(raw, "\n") {
		if f := strings.Fields(l); len(f) > 0 && i > 0 { // line 0 is the header
			counts = append(counts, len(f))
			total += len(f)
		}
	}
	if total == len(words) {
		var lines []string
		for _, c := range counts {
			lines = append(lines, strings.Join(words[:c], " "))
			words = words[c:]
		}
		return lines
	}
	var lines []string
	line := ""
	for _, w := range words {
		if line != "" && len(line)+1+len(w) > foldWidth {
			lines = append(lines, line)
			line = w
			continue
		}
		if line != "" {
			line += " "
		}
		line += w
	}
	return append(lines, line)
}
