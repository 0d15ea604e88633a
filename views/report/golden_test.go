package report

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"strings"
	"testing"

	"golang.org/x/net/html"
)

var update = flag.Bool("update", false, "rewrite the golden files")

// outline describes the structure of an HTML report: headings, the run's facts, headline
// figures, tables with their captions, header rows, row counts and failing rows, the inline
// SVGs, and the patterns. It is what the golden test compares, so the charts' drawing may
// change without churning the golden file while the report's structure may not.
func outline(doc *html.Node) string {
	var b strings.Builder
	var walk func(n *html.Node, depth int)
	walk = func(n *html.Node, depth int) {
		if n.Type == html.ElementNode {
			if line := describe(n); line != "" {
				fmt.Fprintf(&b, "%s%s\n", strings.Repeat("  ", depth), line)
				if n.Data == "section" {
					depth++
				}
			}
			if n.Data == "table" || n.Data == "svg" || n.Data == "style" {
				return
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c, depth)
		}
	}
	walk(doc, 0)
	return b.String()
}

// describe is one node's outline line, "" for nodes the outline skips.
func describe(n *html.Node) string {
	switch n.Data {
	case "section":
		return "section #" + attr(n, "id")
	case "h1", "h2", "h3":
		return n.Data + " " + text(n)
	case "dt":
		return "fact " + text(n) + ": " + text(next(n, "dd"))
	case "div":
		if attr(n, "class") == "figure" {
			return "figure " + text(n)
		}
	case "p":
		if c := attr(n, "class"); c != "" {
			return "p." + c + " " + text(n)
		}
	case "pre":
		raw := ""
		if n.FirstChild != nil {
			raw = n.FirstChild.Data
		}
		return fmt.Sprintf("pre.%s %d lines", attr(n, "class"), strings.Count(strings.TrimSpace(raw), "\n")+1)
	case "svg":
		return "svg." + attr(n, "class") + " " + attr(n, "aria-label")
	case "table":
		return describeTable(n)
	}
	return ""
}

func describeTable(n *html.Node) string {
	var caption string
	var header, first []string
	rows, fails := 0, 0
	var walk func(*html.Node)
	walk = func(c *html.Node) {
		switch {
		case c.Type != html.ElementNode:
		case c.Data == "caption":
			caption = text(c)
		case c.Data == "th":
			header = append(header, text(c))
		case c.Data == "td" && rows == 1:
			first = append(first, text(c))
		case c.Data == "tr" && c.Parent.Data == "tbody":
			rows++
			if attr(c, "class") == "fail" {
				fails++
			}
		}
		for k := c.FirstChild; k != nil; k = k.NextSibling {
			walk(k)
		}
	}
	walk(n)
	return fmt.Sprintf("table #%s %q [%s] rows=%d fail=%d first=[%s]", attr(n, "id"), caption,
		strings.Join(header, " | "), rows, fails, strings.Join(first, " | "))
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

// text is the node's text content with white space collapsed.
func text(n *html.Node) string {
	if n == nil {
		return ""
	}
	var b strings.Builder
	var walk func(*html.Node)
	walk = func(c *html.Node) {
		if c.Type == html.TextNode {
			b.WriteString(c.Data + " ")
		}
		for k := c.FirstChild; k != nil; k = k.NextSibling {
			walk(k)
		}
	}
	walk(n)
	return strings.Join(strings.Fields(b.String()), " ")
}

// next is the next sibling element named tag.
func next(n *html.Node, tag string) *html.Node {
	for s := n.NextSibling; s != nil; s = s.NextSibling {
		if s.Type == html.ElementNode && s.Data == tag {
			return s
		}
	}
	return nil
}

func buildHTML(t *testing.T, in Input) []byte {
	t.Helper()
	r, err := Build(in)
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	if err := r.WriteHTML(&b); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func TestGoldenOutline(t *testing.T) {
	cases := []struct {
		name string
		in   func() Input
	}{
		{"full", func() Input { in := fixtureInput(t); in.Sweep = fixtureSweep(); return in }},
		{"summary_only", func() Input { in := fixtureInput(t); in.Records, in.Scenario = nil, nil; return in }},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			doc, err := html.Parse(bytes.NewReader(buildHTML(t, c.in())))
			if err != nil {
				t.Fatal(err)
			}
			got := outline(doc)
			path := "testdata/outline_" + c.name + ".golden"
			if *update {
				if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("%v (run with -update to create it)", err)
			}
			if got != string(want) {
				t.Errorf("outline differs from %s (run with -update and review the diff):\n%s", path, got)
			}
		})
	}
}
