package load

import (
	"bytes"
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/fanout/fanout/engine/event"
	"github.com/fanout/fanout/engine/sim"
)

func files(m map[string]string) func(string) ([]byte, error) {
	return func(p string) ([]byte, error) {
		s, ok := m[p]
		if !ok {
			return nil, fmt.Errorf("open %s: no such file", p)
		}
		return []byte(s), nil
	}
}

func TestParseTraceTimestamps(t *testing.T) {
	cases := []struct {
		name, in string
		want     []float64
	}{
		{"seconds", "# recorded\n10\n12.5\n\n  11  \n", []float64{0, 1, 2.5}},
		{"rfc3339", "2026-01-01T00:00:01.5Z\n2026-01-01T00:00:00Z\n2026-01-01T01:00:00+01:00\n", []float64{0, 0, 1.5}},
		{"crlf", "1\r\n2\r\n", []float64{0, 1}},
	}
	for _, c := range cases {
		tr, err := ParseTrace("t.txt", FormatTimestamps, []byte(c.in))
		if err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
		if fmt.Sprint(tr.Offsets) != fmt.Sprint(c.want) || tr.Events != nil {
			t.Errorf("%s: got %v, want %v", c.name, tr.Offsets, c.want)
		}
	}
}

func TestParseTraceErrors(t *testing.T) {
	ce := `{"specversion":"1.0","id":"1","source":"s","type":"t","time":"2026-01-01T00:00:00Z"}`
	cases := []struct {
		name, format, in string
		line             int
		msg              string
	}{
		{"garbage", FormatTimestamps, "1\n2\nsoon\n", 3, "neither a number"},
		{"negative", FormatTimestamps, "-1\n", 1, "must be a number of seconds"},
		{"nan", FormatTimestamps, "1\nNaN\n", 2, "must be a number of seconds"},
		{"mixed", FormatTimestamps, "1\n2026-01-01T00:00:00Z\n", 2, "earlier lines are seconds"},
		{"mixed other way", FormatTimestamps, "2026-01-01T00:00:00Z\n5\n", 2, "earlier lines are RFC 3339"},
		{"empty", FormatTimestamps, "\n# only a comment\n", 1, "no records"},
		{"bad json", FormatCloudEvents, ce + "\n{\"id\":\n", 2, "invalid JSON"},
		{"no time", FormatCloudEvents, ce + "\n" + strings.Replace(ce, `,"time":"2026-01-01T00:00:00Z"`, "", 1) + "\n", 2, "time"},
		{"not an event", FormatCloudEvents, "[1]\n", 1, "object"},
	}
	for _, c := range cases {
		_, err := ParseTrace("day1.txt", c.format, []byte(c.in))
		var re *ReplayError
		if !errors.As(err, &re) || re.File != "day1.txt" || re.Line != c.line || !strings.Contains(err.Error(), c.msg) {
			t.Errorf("%s: want day1.txt:%d: ...%s..., got %v", c.name, c.line, c.msg, err)
		}
		if err != nil && !strings.HasPrefix(err.Error(), fmt.Sprintf("day1.txt:%d: ", c.line)) {
			t.Errorf("%s: message %q does not start with file:line", c.name, err)
		}
	}
}

func TestReplayTimestampsTimeScale(t *testing.T) {
	s := decodeSpec(t, "name: r\nstart: 5s\narrival: {process: replay, file: day1.txt, time_scale: 0.5}\n"+okEvent)
	l := mustBuild(t, s, Env{ReadFile: files(map[string]string{"day1.txt": "100\n104\n101\n"})})
	c := run(t, sim.Time(time.Minute), l)
	want := []sim.Time{sim.Time(5 * time.Second), sim.Time(5500 * time.Millisecond), sim.Time(7 * time.Second)}
	if fmt.Sprint(c.times) != fmt.Sprint(want) {
		t.Fatalf("arrivals %v, want %v", c.times, want)
	}
	if c.events[0].Source != "app" {
		t.Errorf("replayed timestamps should carry template events: %+v", c.events[0])
	}
}

func TestReplayCloudEvents(t *testing.T) {
	var lines []string
	var want []event.Event
	for i := range 4 {
		e := event.Event{ID: fmt.Sprintf("rec-%d", i), Source: "acs.oss", SpecVersion: "1.0",
			Type: "oss:ObjectCreated:PutObject", Time: event.FormatTime(wall.Add(time.Duration(i*i) * time.Second)),
			DataContentType: "application/json", Data: []byte(`{"k":` + fmt.Sprint(i) + `}`),
			Extensions: map[string]string{"aliyunregionid": "cn-hangzhou"}}
		lines = append(lines, string(e.JSON()))
		want = append(want, e)
	}
	// one big event proves lines longer than a bufio.Scanner buffer are fine
	big := want[3]
	big.Data = []byte(`{"pad":"` + strings.Repeat("x", 100000) + `"}`)
	lines[3], want[3] = string(big.JSON()), big
	// recorded out of order: replay sorts by time
	lines[1], lines[2] = lines[2], lines[1]
	read := files(map[string]string{"ev.jsonl": strings.Join(lines, "\n") + "\n"})

	s := decodeSpec(t, "name: r\narrival: {process: replay, file: ev.jsonl, format: cloudevents, time_scale: 2}\n")
	c := run(t, sim.Time(time.Hour), mustBuild(t, s, Env{ReadFile: read}))
	if len(c.events) != 4 {
		t.Fatalf("got %d events, want 4", len(c.events))
	}
	for i, e := range c.events {
		if !bytes.Equal(e.JSON(), want[i].JSON()) {
			t.Errorf("event %d not replayed as is:\n got %.200s\nwant %.200s", i, e.JSON(), want[i].JSON())
		}
		if wantT := sim.Time(time.Duration(2*i*i) * time.Second); c.times[i] != wantT {
			t.Errorf("event %d at %s, want %s", i, c.times[i], wantT)
		}
	}

	// with templates, the recorded times drive template events
	s.Events = decodeSpec(t, "name: x\n"+okArrival+okEvent).Events
	c = run(t, sim.Time(time.Hour), mustBuild(t, s, Env{ReadFile: read}))
	if len(c.events) != 4 || c.events[0].Source != "app" || c.times[3] != sim.Time(18*time.Second) {
		t.Errorf("templated replay: %d events, first %+v", len(c.events), c.events)
	}
}
