package transform

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"strings"
	"testing"
)

// docExample is one example of docs/transformers.md: a spec block, the event
// in force, and the expected output and warnings, or the expected error.
type docExample struct {
	line     int
	lang     string // json or yaml
	spec     string
	event    string
	output   *string
	warnings []string
	err      *string
}

// parseDocExamples extracts the examples from the markdown. Fences are
// "```<lang> <kind>" with kind event, spec, output, warning or error; fences
// without a kind are ignored. An output, warning or error block must follow a
// spec block.
func parseDocExamples(md string) ([]docExample, error) {
	var out []docExample
	var event string
	lines := strings.Split(md, "\n")
	for i := 0; i < len(lines); i++ {
		info, ok := strings.CutPrefix(lines[i], "```")
		if !ok || info == "" {
			continue
		}
		start := i + 1
		for i++; i < len(lines) && lines[i] != "```"; i++ {
		}
		if i >= len(lines) {
			return nil, fmt.Errorf("line %d: unclosed fence", start)
		}
		body := strings.Join(lines[start:i], "\n")
		lang, kind, _ := strings.Cut(info, " ")
		last := len(out) - 1
		switch kind {
		case "":
		case "event":
			event = body
		case "spec":
			out = append(out, docExample{line: start, lang: lang, spec: body, event: event})
		case "output", "warning", "error":
			if last < 0 || (kind != "warning" && (out[last].output != nil || out[last].err != nil)) {
				return nil, fmt.Errorf("line %d: %s block without a spec block before it", start, kind)
			}
			switch kind {
			case "output":
				out[last].output = &body
			case "error":
				out[last].err = &body
			default:
				out[last].warnings = strings.Split(body, "\n")
			}
		default:
			return nil, fmt.Errorf("line %d: unknown block kind %q", start, kind)
		}
	}
	for _, ex := range out {
		if ex.output == nil && ex.err == nil {
			return nil, fmt.Errorf("line %d: spec without an output or error block", ex.line)
		}
	}
	return out, nil
}

func readDocExamples(t *testing.T) []docExample {
	t.Helper()
	md, err := os.ReadFile("../../docs/transformers.md")
	if err != nil {
		t.Fatal(err)
	}
	exs, err := parseDocExamples(string(md))
	if err != nil {
		t.Fatalf("docs/transformers.md: %v", err)
	}
	if len(exs) < 30 {
		t.Fatalf("docs/transformers.md: found only %d examples; the parser or the doc is broken", len(exs))
	}
	return exs
}

// TestDocExamples runs every JSON example of docs/transformers.md (the YAML
// ones run through the CLI in app/cli).
func TestDocExamples(t *testing.T) {
	for _, ex := range readDocExamples(t) {
		if ex.lang != "json" {
			continue
		}
		t.Run(fmt.Sprintf("line%d", ex.line), func(t *testing.T) {
			var spec Spec
			dec := json.NewDecoder(strings.NewReader(ex.spec))
			dec.DisallowUnknownFields()
			if err := dec.Decode(&spec); err != nil {
				t.Fatalf("spec: %v", err)
			}
			checkDocExample(t, ex, spec)
		})
	}
}

// checkDocExample compiles and applies spec and compares with the example.
func checkDocExample(t *testing.T, ex docExample, spec Spec) {
	t.Helper()
	tr, err := Compile(spec)
	if ex.err != nil {
		if err == nil || err.Error() != *ex.err {
			t.Fatalf("Compile error:\n got %v\nwant %s", err, *ex.err)
		}
		return
	}
	if err != nil {
		t.Fatalf("Compile: %v", err)
	}
	res, err := tr.Apply([]byte(ex.event))
	if err != nil {
		t.Fatalf("Apply: %v", err)
	}
	if string(res.Payload) != *ex.output {
		t.Errorf("payload:\n got %s\nwant %s", res.Payload, *ex.output)
	}
	if spec.Form == FormOriginal && !bytes.Equal(res.Payload, []byte(ex.event)) {
		t.Errorf("ORIGINAL payload differs from the event")
	}
	var got []string
	for _, w := range res.Warnings {
		got = append(got, w.String())
	}
	if strings.Join(got, "\n") != strings.Join(ex.warnings, "\n") {
		t.Errorf("warnings:\n got %q\nwant %q", got, ex.warnings)
	}
}

func TestParseDocExamplesRejectsOrphans(t *testing.T) {
	for _, md := range []string{
		"```text output\nx\n```\n",
		"```json spec\n{}\n```\n",
		"```json spec\n{}\n```\n```text output\na\n```\n```text output\nb\n```\n",
		"```json spec\n{}\n",
		"```json thing\n{}\n```\n",
	} {
		if _, err := parseDocExamples(md); err == nil {
			t.Errorf("parseDocExamples(%q) accepted a malformed doc", md)
		}
	}
}
