package delivery

import (
	"testing"
	"time"

	"github.com/fanout/fanout/engine/sim"
)

// An endpoint's attempt takes its latency (here 10 ms, written in milliseconds) and fails at
// its error rate.
func TestEndpointLatencyAndErrorRate(t *testing.T) {
	s := sim.NewScheduler()
	lat, _ := sim.NewConstant(10)
	e, err := NewEndpoint(s, lat, time.Millisecond, 0.5, "503", seeded(4))
	if err != nil {
		t.Fatal(err)
	}
	rec := &recorder{}
	tg := mustTarget(t, s, TargetConfig{Invoker: e, Policy: Fixed{}, Observer: rec})
	s.ScheduleFunc(0, func() {
		for range 1000 {
			tg.Deliver(Message{Event: ev("x")})
		}
	})
	s.Run()
	ends := rec.kinds(KindAttemptEnded)
	fails := 0
	for _, r := range ends {
		if r.At != sec(0.010) {
			t.Fatalf("attempt ended at %v, want 10ms", r.At)
		}
		if r.Status == Failed {
			fails++
			if r.Err != "503" {
				t.Fatalf("error %q", r.Err)
			}
		}
	}
	// binomial(1000, 0.5): ±5 standard deviations
	if len(ends) != 1000 || fails < 421 || fails > 579 {
		t.Errorf("%d attempts, %d failed", len(ends), fails)
	}
	if c := tg.Counts(); c.Discarded != uint64(fails) || c.Delivered != uint64(1000-fails) {
		t.Errorf("counts %+v", c)
	}
	for _, bad := range []float64{-0.1, 1.1} {
		if _, err := NewEndpoint(s, lat, time.Millisecond, bad, "", seeded(1)); err == nil {
			t.Errorf("error rate %v accepted", bad)
		}
	}
}
