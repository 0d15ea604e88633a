package views

import (
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/fanout/fanout/engine/obs"
	"github.com/fanout/fanout/engine/sim"
)

func TestEvDur(t *testing.T) {
	cases := []struct {
		d    time.Duration
		want string
	}{
		{0, "0 ms"}, {40 * time.Microsecond, "0.04 ms"}, {4200 * time.Microsecond, "4.2 ms"},
		{412 * time.Millisecond, "412 ms"}, {2310 * time.Millisecond, "2,310 ms"},
		{12500 * time.Millisecond, "12.5 s"}, {210 * time.Second, "3.5 min"}, {3 * time.Hour, "3.0 h"},
		{-5 * time.Millisecond, "-5.0 ms"},
	}
	for _, c := range cases {
		if got := evDur(c.d); got != c.want {
			t.Errorf("evDur(%v) = %q, want %q", c.d, got, c.want)
		}
	}
}

func TestEvCountAndClock(t *testing.T) {
	for n, want := range map[int64]string{0: "0", 999: "999", 1000: "1,000", 1234567: "1,234,567", -4200: "-4,200"} {
		if got := evCount(n); got != want {
			t.Errorf("evCount(%d) = %q, want %q", n, got, want)
		}
	}
	if got := evClock(sim.Time(time.Hour + 2*time.Minute + 3250*time.Millisecond)); got != "1:02:03.250" {
		t.Errorf("evClock = %q", got)
	}
}

func TestEvParseClock(t *testing.T) {
	good := map[string]time.Duration{
		"": 0, "90s": 90 * time.Second, "1h2m": time.Hour + 2*time.Minute, "1:02:03": time.Hour + 2*time.Minute + 3*time.Second,
		"2:30": 150 * time.Second, "0:00:01.5": 1500 * time.Millisecond, " 10s ": 10 * time.Second,
	}
	for in, want := range good {
		got, ok := evParseClock(in)
		if !ok || time.Duration(got) != want {
			t.Errorf("evParseClock(%q) = %v,%v, want %v", in, time.Duration(got), ok, want)
		}
	}
	for _, in := range []string{"yesterday", "-5s", "1:xx", "1:2:3:4", "1.5:00", ":", "1::2"} {
		if _, ok := evParseClock(in); ok {
			t.Errorf("evParseClock(%q) accepted", in)
		}
	}
}

func FuzzEvParseClock(f *testing.F) {
	for _, s := range []string{"", "90s", "1:02:03.5", "2:30", "x", "-1s", "99999999:00"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got, ok := evParseClock(s)
		if ok && got < 0 {
			t.Fatalf("evParseClock(%q) = %d: negative", s, got)
		}
	})
}

func TestEventJSONIsAStructuredCloudEvent(t *testing.T) {
	e := obs.Received{ID: "a-1", Source: "acs.oss", Type: "t", Subject: "s/1", Bus: "default",
		Time: "2026-01-01T00:00:00Z", ContentType: "application/json", Data: []byte(` {"k":[1,2]} `)}
	got := string(eventJSON(e))
	want := `{"specversion":"1.0","id":"a-1","source":"acs.oss","type":"t","subject":"s/1","time":"2026-01-01T00:00:00Z",` +
		`"datacontenttype":"application/json","aliyuneventbusname":"default","data":{"k":[1,2]}}`
	if got != want {
		t.Fatalf("eventJSON =\n%s\nwant\n%s", got, want)
	}
	e.Data = []byte("not json")
	var doc map[string]any
	if err := json.Unmarshal(eventJSON(e), &doc); err != nil || doc["data"] != "not json" {
		t.Fatalf("non-JSON data must be embedded as a string: %v %v", err, doc["data"])
	}
}

func TestParseJSONTreeKeepsOrder(t *testing.T) {
	root, err := parseJSONTree([]byte(`{"z":1,"a":{"y":[true,null,"s"],"b":1.50}}`))
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	var walk func(n jsonNode, depth int)
	walk = func(n jsonNode, depth int) {
		got = append(got, strings.Repeat(" ", depth)+n.Key+"="+n.Text)
		for _, c := range n.Children {
			walk(c, depth+1)
		}
	}
	walk(root, 0)
	want := "={2}| z=1| a={2}|  y=[3]|   [0]=true|   [1]=null|   [2]=\"s\"|  b=1.50"
	if strings.Join(got, "|") != want {
		t.Fatalf("tree = %q\nwant  %q", strings.Join(got, "|"), want)
	}
	tree := newJSONTree(root)
	if !tree.IsBranchOpen("1") || tree.IsBranch("0") || len(tree.ChildUIDs("1/0")) != 3 {
		t.Fatalf("tree ids: top-level object open, leaves are leaves")
	}
	for _, bad := range []string{`{`, `{"a":1} {}`, `[1,]`} {
		if _, err := parseJSONTree([]byte(bad)); err == nil {
			t.Errorf("parseJSONTree(%q) accepted", bad)
		}
	}
}

func FuzzParseJSONTree(f *testing.F) {
	for _, s := range []string{`{}`, `[]`, `{"a":[1,{"b":null}]}`, `"x"`, `{"a":1,"a":2}`, `[`} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		root, err := parseJSONTree(b)
		if err != nil {
			return
		}
		if !json.Valid(b) {
			t.Fatalf("parseJSONTree accepted invalid JSON %q", b)
		}
		if _, _, err := numericLeaves(b); err != nil {
			t.Fatalf("numericLeaves rejects what parseJSONTree accepts: %v", err)
		}
		_ = root
	})
}
