package load

import (
	"bytes"
	"fmt"
	"math"
	"math/rand/v2"
	"sort"
	"strconv"
	"time"

	"github.com/fanout/fanout/engine/event"
	"github.com/fanout/fanout/engine/sim"
)

// Trace is a parsed replay file: arrival offsets in seconds from the earliest record (sorted,
// stable for equal times) and, for CloudEvents input, the recorded events in the same order.
type Trace struct {
	Offsets []float64
	Events  []event.Event // nil for timestamps
}

// ReplayError is a replay parse error located at a file line (1-based).
type ReplayError struct {
	File string
	Line int
	Msg  string
}

func (e *ReplayError) Error() string { return fmt.Sprintf("%s:%d: %s", e.File, e.Line, e.Msg) }

// ParseTrace parses replay input b read from file in the given format (timestamps or
// cloudevents). Empty lines and, for timestamps, lines starting with '#' are skipped.
//
// Timestamps: one per line, either all seconds offsets ("12.5", >= 0) or all RFC 3339 times.
// CloudEvents: one structured-mode JSON event per line (event.Parse) whose "time" attribute
// (RFC 3339 or a form event.ParseTime reads) gives its arrival time.
// Times are made relative to the earliest one; records are sorted by time, stably.
func ParseTrace(file, format string, b []byte) (*Trace, error) {
	var tr Trace
	var kind string // "seconds" or "rfc3339" for timestamps
	var abs []float64
	var base time.Time
	for n, line := range bytes.Split(b, []byte("\n")) {
		line = bytes.TrimSpace(line)
		if len(line) == 0 || (format != FormatCloudEvents && line[0] == '#') {
			continue
		}
		lerr := func(format string, a ...any) error {
			return &ReplayError{File: file, Line: n + 1, Msg: fmt.Sprintf(format, a...)}
		}
		var sec float64
		var err error
		if format == FormatCloudEvents {
			var e event.Event
			e, err = event.Parse(line)
			if err != nil {
				return nil, lerr("%v", err)
			}
			t, ok := event.ParseTime(e.Time)
			if !ok {
				return nil, lerr("event %q: time %q is missing or not RFC 3339", e.ID, e.Time)
			}
			sec, base = relSeconds(t, base, len(abs) == 0)
			tr.Events = append(tr.Events, e)
		} else {
			sec, kind, base, err = parseStamp(string(line), kind, base, len(abs) == 0)
			if err != nil {
				return nil, lerr("%v", err)
			}
		}
		abs = append(abs, sec)
	}
	if len(abs) == 0 {
		return nil, &ReplayError{File: file, Line: 1, Msg: "no records"}
	}
	tr.Offsets = sortTrace(abs, tr.Events)
	return &tr, nil
}

// parseStamp reads one timestamps line as seconds (offsets as given; RFC 3339 times relative
// to base, set by the first line). kind is fixed by the first line.
func parseStamp(s, kind string, base time.Time, first bool) (float64, string, time.Time, error) {
	if f, err := strconv.ParseFloat(s, 64); err == nil {
		if kind == "rfc3339" {
			return 0, kind, base, fmt.Errorf("%q is a number but earlier lines are RFC 3339 times", s)
		}
		if math.IsNaN(f) || math.IsInf(f, 0) || f < 0 || f > 1e9 {
			return 0, kind, base, fmt.Errorf("offset %q must be a number of seconds in [0, 1e9]", s)
		}
		return f, "seconds", base, nil
	}
	t, err := time.Parse(time.RFC3339Nano, s)
	if err != nil {
		return 0, kind, base, fmt.Errorf("%q is neither a number of seconds nor an RFC 3339 time", s)
	}
	if kind == "seconds" {
		return 0, kind, base, fmt.Errorf("%q is an RFC 3339 time but earlier lines are seconds", s)
	}
	sec, base := relSeconds(t, base, first)
	if math.Abs(sec) > 1e9 {
		return 0, kind, base, fmt.Errorf("time %q is more than 1e9 s from the first line", s)
	}
	return sec, "rfc3339", base, nil
}

// relSeconds returns t in seconds after base, setting base to t on the first record.
func relSeconds(t, base time.Time, first bool) (float64, time.Time) {
	if first {
		base = t
	}
	return t.Sub(base).Seconds(), base
}

// sortTrace sorts the times (and events alongside) stably and returns them relative to the
// earliest.
func sortTrace(abs []float64, events []event.Event) []float64 {
	idx := make([]int, len(abs))
	for i := range idx {
		idx[i] = i
	}
	sort.SliceStable(idx, func(a, b int) bool { return abs[idx[a]] < abs[idx[b]] })
	out := make([]float64, len(abs))
	var evs []event.Event
	if events != nil {
		evs = make([]event.Event, len(events))
	}
	for i, j := range idx {
		out[i] = abs[j] - abs[idx[0]]
		if events != nil {
			evs[i] = events[j]
		}
	}
	copy(events, evs)
	return out
}

// replay arrivals are the trace's offsets times scale, after the start.
type replay struct {
	t0, scale float64
	offsets   []float64
	i         int
}

func (p *replay) Next(*rand.Rand) (sim.Time, bool) {
	if p.i >= len(p.offsets) {
		return sim.Never, false
	}
	t := p.t0 + p.offsets[p.i]*p.scale
	p.i++
	return at(t), true
}

// index returns the trace index of the arrival last returned by Next.
func (p *replay) index() int { return p.i - 1 }
