package cli

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestExportFiles(t *testing.T) {
	dir := t.TempDir()
	db := obsRun(t, dir, "run.db", true)
	for _, c := range []struct {
		args  []string
		check func([]byte) error
	}{
		{[]string{"--what", "events"}, csvRows(3)},
		{[]string{"--what", "deliveries", "--format", "csv"}, csvRows(3)},
		{[]string{"--what", "invocations", "--format", "jsonl"}, jsonLines(2)},
		{[]string{"--what", "events", "--format", "jsonl"}, jsonLines(3)},
		{[]string{"--what", "trace", "--event", "evt-1"}, otlpSpans(20)},
		{[]string{"--what", "trace", "--event", "#3", "--format", "otlp"}, otlpSpans(6)},
		{[]string{"--what", "summary"}, jsonSeed(42)},
	} {
		out := filepath.Join(dir, "out")
		args := append([]string{"export", db, "--out", out}, c.args...)
		if code, msg := run(args...); code != 0 {
			t.Fatalf("%v: %s", c.args, msg)
		}
		b, err := os.ReadFile(out)
		if err != nil {
			t.Fatal(err)
		}
		if err := c.check(b); err != nil {
			t.Errorf("%v: %v\n%s", c.args, err, b)
		}
	}
	// Standard output when --out is absent.
	if code, msg := run("export", db, "--what", "events"); code != 0 || !strings.Contains(msg, "evt-3") {
		t.Errorf("export to stdout: %s", msg)
	}
}

func TestExportBadArguments(t *testing.T) {
	dir := t.TempDir()
	db := obsRun(t, dir, "run.db", true)
	killed := obsRun(t, dir, "killed.db", false)
	for _, args := range [][]string{
		{"export", db},
		{"export", db, "--what", "bogus"},
		{"export", db, "--what", "events", "--format", "otlp"},
		{"export", db, "--what", "trace"},
		{"export", db, "--what", "events", "--event", "evt-1"},
		{"export", db, "--what", "trace", "--event", "evt-404"},
		{"export", filepath.Join(dir, "nope.db"), "--what", "events"},
		{"export", db, "--what", "events", "--out", filepath.Join(dir, "no", "such", "dir", "f.csv")},
		{"export", db, db, "--what", "events"},
	} {
		if code, out := run(args...); code != 2 {
			t.Errorf("%v: %s; want exit 2", args[2:], out)
		}
	}
	if code, out := run("export", killed, "--what", "summary"); code != 1 || !strings.Contains(out, "did not finish") {
		t.Errorf("summary of an unfinished run: %s; want exit 1", out)
	}
}

func csvRows(n int) func([]byte) error {
	return func(b []byte) error {
		recs, err := csv.NewReader(bytes.NewReader(b)).ReadAll()
		if err == nil && len(recs) != n+1 {
			err = errorf("%d rows, want %d", len(recs)-1, n)
		}
		return err
	}
}

func jsonLines(n int) func([]byte) error {
	return func(b []byte) error {
		lines := strings.Split(strings.TrimSpace(string(b)), "\n")
		for _, l := range lines {
			var m map[string]any
			if err := json.Unmarshal([]byte(l), &m); err != nil {
				return err
			}
		}
		if len(lines) != n {
			return errorf("%d lines, want %d", len(lines), n)
		}
		return nil
	}
}

func otlpSpans(n int) func([]byte) error {
	return func(b []byte) error {
		var doc struct {
			ResourceSpans []struct {
				ScopeSpans []struct {
					Spans []struct {
						TraceID, SpanID, Name string
					} `json:"spans"`
				} `json:"scopeSpans"`
			} `json:"resourceSpans"`
		}
		if err := json.Unmarshal(b, &doc); err != nil {
			return err
		}
		if len(doc.ResourceSpans) != 1 || len(doc.ResourceSpans[0].ScopeSpans) != 1 ||
			len(doc.ResourceSpans[0].ScopeSpans[0].Spans) != n {
			return errorf("want %d spans in one resource and scope", n)
		}
		return nil
	}
}

func jsonSeed(seed float64) func([]byte) error {
	return func(b []byte) error {
		var m map[string]any
		if err := json.Unmarshal(b, &m); err != nil {
			return err
		}
		if m["seed"] != seed {
			return errorf("seed %v, want %v", m["seed"], seed)
		}
		return nil
	}
}
