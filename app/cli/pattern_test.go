package cli

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"strings"
	"testing"
)

// runPattern runs the command line in-process with stdin and returns the exit code and output.
func runPattern(args []string, stdin io.Reader) (int, string, string) {
	var out, errb bytes.Buffer
	root := NewRoot(nil)
	root.SetArgs(args)
	root.SetIn(stdin)
	root.SetOut(&out)
	root.SetErr(&errb)
	err := root.Execute()
	code := 0
	if err != nil {
		code = 2
		var ee *exitError
		if errors.As(err, &ee) {
			code = ee.code
		}
		if !errors.Is(err, errSilent) {
			errb.WriteString("fanout: " + err.Error() + "\n")
		}
	}
	return code, out.String(), errb.String()
}

const td = "testdata/pattern/"

func TestPatternTestFiles(t *testing.T) {
	code, out, _ := runPattern([]string{"pattern", "test", "--pattern", td + "big-uploads.json",
		td + "events.jsonl", td + "one-event.json"}, nil)
	want := "true\nfalse\nfalse\n" +
		"error: " + td + "events.jsonl:5: invalid event: expected ',' or '}' in an object at offset 67\n" +
		"true\ntrue\n"
	if code != 2 || out != want {
		t.Errorf("exit %d, output:\n%s\nwant exit 2:\n%s", code, out, want)
	}
}

func TestPatternTestStdinExplain(t *testing.T) {
	in := strings.NewReader(`{"source":"acs.oss","type":"oss:ObjectCreated:PutObject","data":{"oss":{"object":{"size":524288}}}}` + "\n" +
		`{"source":"acs.oss","type":"oss:ObjectCreated:PutObject","data":{"oss":{"object":{"size":2097152}}}}` + "\n")
	code, out, errs := runPattern([]string{"pattern", "test", "--explain", "--dialect", "aws", "--pattern", td + "big-uploads.json"}, in)
	want := `false
  met: source: needs "acs.oss", event has "acs.oss"
  met: type: needs prefix "oss:ObjectCreated:", event has "oss:ObjectCreated:PutObject"
  not met: data.oss.object.size: needs numeric >= 1048576, event has 524288
true
  met: source: needs "acs.oss", event has "acs.oss"
  met: type: needs prefix "oss:ObjectCreated:", event has "oss:ObjectCreated:PutObject"
  met: data.oss.object.size: needs numeric >= 1048576, event has 2097152
`
	if code != 0 || out != want || errs != "" {
		t.Errorf("exit %d stderr %q output:\n%s\nwant:\n%s", code, errs, out, want)
	}
}

func TestPatternTestBadInput(t *testing.T) {
	cases := []struct {
		args []string
		err  string
	}{
		{[]string{"pattern", "test", "--pattern", td + "bad-pattern.json"},
			"fanout: " + td + "bad-pattern.json: invalid pattern: data.oss.object.size[0]: numeric: expected an operator string at position 2, got 1000\n"},
		{[]string{"pattern", "test", "--pattern", td + "big-uploads.json", "--dialect", "gcp"},
			"fanout: unknown dialect \"gcp\": want alibaba or aws\n"},
		{[]string{"pattern", "test", "--pattern", td + "missing.json"},
			"fanout: open " + td + "missing.json: no such file or directory\n"},
		{[]string{"pattern", "count", "--patterns", td + "bad-patterns.jsonl", "--events", td + "count-events.jsonl"},
			"fanout: " + td + "bad-patterns.jsonl:2: pattern \"broken\": source: an empty array matches nothing: give at least one value\n"},
		{[]string{"pattern", "count", "--patterns", td + "patterns.jsonl", "--events", td + "events.jsonl"},
			"fanout: " + td + "events.jsonl:5: invalid event: expected ',' or '}' in an object at offset 67\n"},
		{[]string{"pattern", "lint", "--pattern", td + "bad-pattern.json"},
			"fanout: " + td + "bad-pattern.json: invalid pattern: data.oss.object.size[0]: numeric: expected an operator string at position 2, got 1000\n"},
	}
	for _, c := range cases {
		code, out, errs := runPattern(c.args, strings.NewReader(""))
		if code != 2 || out != "" || errs != c.err {
			t.Errorf("%v: exit %d, out %q, stderr %q; want exit 2, stderr %q", c.args, code, out, errs, c.err)
		}
	}
}

func TestPatternCount(t *testing.T) {
	code, out, errs := runPattern([]string{"pattern", "count", "--patterns", td + "patterns.jsonl",
		"--events", td + "count-events.jsonl"}, nil)
	if code != 0 || errs != "" {
		t.Fatalf("exit %d: %s", code, errs)
	}
	var rep countReport
	if err := json.Unmarshal([]byte(out), &rep); err != nil {
		t.Fatalf("%v: %s", err, out)
	}
	want := map[string]int{"oss-created": 2, "big": 1, "csv": 2, "none": 0}
	if rep.Events != 4 || rep.MatchedEvents != 2 || len(rep.PerPattern) != len(want) || rep.Seconds < 0 {
		t.Errorf("report %+v", rep)
	}
	for k, v := range want {
		if rep.PerPattern[k] != v {
			t.Errorf("%s: %d, want %d", k, rep.PerPattern[k], v)
		}
	}
	prefix := `{"events":4,"matched_events":2,"per_pattern":{"big":1,"csv":2,"none":0,"oss-created":2},"seconds":`
	if !strings.HasPrefix(out, prefix) || !strings.Contains(out, `,"events_per_second":`) {
		t.Errorf("output %s\nwant prefix %s", out, prefix)
	}
}

func TestPatternLint(t *testing.T) {
	code, out, _ := runPattern([]string{"pattern", "lint", "--pattern", td + "not-portable.json"}, nil)
	want := `data.n[0]: suspicious: numeric bound 5e9 is outside ±1e9, the range Alibaba Cloud accepts
detail.ip: not-portable: top-level key "detail" is not a CloudEvents attribute; Alibaba Cloud rejects it (payload fields go under "data")
detail.ip[0]: not-portable: IPv6 cidr is not documented by Alibaba Cloud
source[0]: not-portable: equals-ignore-case is not documented by Alibaba Cloud
`
	if code != 0 || out != want {
		t.Errorf("exit %d:\n%s\nwant:\n%s", code, out, want)
	}
	code, out, _ = runPattern([]string{"pattern", "lint", "--pattern", td + "csv.json",
		"--samples", td + "count-events.jsonl"}, nil)
	if code != 0 || out != "no findings\n" {
		t.Errorf("exit %d: %s", code, out)
	}
}
