package pattern

import (
	"os"
	"strings"
	"testing"
)

type docExample struct {
	line           int
	dialect        string
	pattern, err   string
	match, nomatch []string
}

// docExamples parses the ```example blocks of docs/patterns.md.
func docExamples(t *testing.T) []docExample {
	b, err := os.ReadFile("../../docs/patterns.md")
	if err != nil {
		t.Fatal(err)
	}
	var out []docExample
	var cur *docExample
	for i, line := range strings.Split(string(b), "\n") {
		switch {
		case line == "```example":
			cur = &docExample{line: i + 1, dialect: "both"}
		case cur != nil && line == "```":
			out = append(out, *cur)
			cur = nil
		case cur != nil:
			key, val, ok := strings.Cut(line, ":")
			val = strings.TrimSpace(val)
			switch {
			case !ok:
				t.Fatalf("patterns.md:%d: not key: value", i+1)
			case key == "dialect":
				cur.dialect = val
			case key == "pattern":
				cur.pattern = val
			case key == "match":
				cur.match = append(cur.match, val)
			case key == "no":
				cur.nomatch = append(cur.nomatch, val)
			case key == "error":
				cur.err = val
			default:
				t.Fatalf("patterns.md:%d: unknown key %q", i+1, key)
			}
		}
	}
	return out
}

// TestDocExamples runs every example of docs/patterns.md against both matchers.
func TestDocExamples(t *testing.T) {
	exs := docExamples(t)
	if len(exs) < 40 {
		t.Fatalf("only %d examples in patterns.md", len(exs))
	}
	ops := map[string]bool{}
	for _, ex := range exs {
		var ds []Dialect
		switch ex.dialect {
		case "both":
			ds = []Dialect{Alibaba, AWS}
		case "alibaba":
			ds = []Dialect{Alibaba}
		case "aws":
			ds = []Dialect{AWS}
		default:
			t.Fatalf("patterns.md:%d: dialect %q", ex.line, ex.dialect)
		}
		for _, d := range ds {
			p, err := Compile([]byte(ex.pattern), d)
			if ex.err != "" {
				if err == nil || err.Error() != ex.err {
					t.Errorf("patterns.md:%d: error %v, doc says %s", ex.line, err, ex.err)
				}
				continue
			}
			if err != nil {
				t.Errorf("patterns.md:%d: %v", ex.line, err)
				continue
			}
			walkFields(p.root, func(f *Field) {
				for _, c := range f.Conds {
					ops[strings.SplitN(c.String(), " ", 2)[0]] = true
				}
			})
			if len(ex.match)+len(ex.nomatch) == 0 {
				t.Errorf("patterns.md:%d: example without events", ex.line)
			}
			for _, ev := range ex.match {
				checkCase(t, mcase{d: map[Dialect]string{Alibaba: "ali", AWS: "aws"}[d], pat: ex.pattern, ev: ev, want: true})
			}
			for _, ev := range ex.nomatch {
				checkCase(t, mcase{d: map[Dialect]string{Alibaba: "ali", AWS: "aws"}[d], pat: ex.pattern, ev: ev, want: false})
			}
		}
	}
	for _, op := range []string{"prefix", "suffix", "contains", "equals-ignore-case", "wildcard",
		"anything-but", "numeric", "cidr", "exists", `"acs.oss"`, "null", "true", "300", `""`} {
		if !ops[op] {
			t.Errorf("patterns.md has no example of %s", op)
		}
	}
}
