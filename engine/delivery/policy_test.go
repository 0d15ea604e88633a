package delivery

import (
	"testing"
	"time"

	"github.com/fanout/fanout/engine/sim"
)

// The EXPONENTIAL_DECAY_RETRY table of facts sheet §4.1, written out independently of the code.
func exponentialTable() []time.Duration {
	var ds []time.Duration
	for _, s := range []int{1, 2, 4, 8, 16, 32, 64, 128, 256} {
		ds = append(ds, time.Duration(s)*time.Second)
	}
	for range 167 {
		ds = append(ds, 512*time.Second)
	}
	return ds
}

func TestExponentialDecaySchedule(t *testing.T) {
	want := exponentialTable()
	p := ExponentialDecay{}
	if p.Retries() != len(want) || len(want) != 176 {
		t.Fatalf("retries = %d, table has %d, facts sheet says 176", p.Retries(), len(want))
	}
	var total time.Duration
	for n, w := range want {
		d, ok := p.Delay(n+1, nil)
		if !ok || d != w {
			t.Errorf("retry %d: delay %v ok=%v, want %v", n+1, d, ok, w)
		}
		total += d
	}
	if total != 86015*time.Second {
		t.Errorf("total = %v, want 86015s", total)
	}
	if ExponentialDecayTotal != total {
		t.Errorf("ExponentialDecayTotal = %v, the table sums to %v", ExponentialDecayTotal, total)
	}
	if d, ok := p.Delay(177, nil); ok || d != 512*time.Second {
		t.Errorf("retry 177: %v ok=%v, want 512s and no retry", d, ok)
	}
}

func TestBackoffBounds(t *testing.T) {
	p := DefaultBackoff()
	r := seeded(7)
	seen := map[time.Duration]bool{}
	for i := range 10000 {
		n := i%3 + 1
		d, ok := p.Delay(n, r)
		if !ok || d < 10*time.Second || d > 20*time.Second {
			t.Fatalf("retry %d: %v ok=%v, want [10s, 20s]", n, d, ok)
		}
		seen[d/time.Second] = true
	}
	if len(seen) < 10 { // whole seconds 10..19 (and 20 rarely): the draw covers the range
		t.Errorf("draws cover only %d whole seconds of [10s, 20s]", len(seen))
	}
	if _, ok := p.Delay(4, r); ok {
		t.Error("retry 4 allowed; BACKOFF_RETRY makes 3")
	}
}

func TestAsyncRetryExactWithoutJitter(t *testing.T) {
	eight := 8
	p, err := NewAsyncRetry(&eight)
	if err != nil {
		t.Fatal(err)
	}
	p.Jitter = JitterNone
	want := []float64{1, 2, 4, 8, 16, 32, 60, 60}
	for n, w := range want {
		if d, ok := p.Delay(n+1, nil); !ok || d != time.Duration(w*1e9) {
			t.Errorf("retry %d: %v ok=%v, want %vs", n+1, d, ok, w)
		}
	}
	if _, ok := p.Delay(9, nil); ok {
		t.Error("retry 9 allowed with max retries 8")
	}
}

func TestAsyncRetryEqualJitterBounds(t *testing.T) {
	eight := 8
	p, _ := NewAsyncRetry(&eight)
	r := seeded(3)
	exp := []float64{1, 2, 4, 8, 16, 32, 60, 60}
	for range 2000 {
		for n, e := range exp {
			d, _ := p.Delay(n+1, r)
			lo, hi := max(e/2, 1), e
			if s := d.Seconds(); s < lo || s > hi {
				t.Fatalf("retry %d: %v outside [%vs, %vs]", n+1, d, lo, hi)
			}
		}
	}
	if d, _ := p.Delay(1, r); d != time.Second {
		t.Errorf("retry 1 = %v, want exactly 1s under equal jitter", d)
	}
}

func TestAsyncRetryRange(t *testing.T) {
	for _, n := range []int{-1, 9} {
		if _, err := NewAsyncRetry(&n); err == nil {
			t.Errorf("max retries %d accepted", n)
		}
	}
	p, err := NewAsyncRetry(nil)
	if err != nil || p.Retries() != 3 {
		t.Errorf("default: %v %v, want 3 retries", p.Retries(), err)
	}
}

func TestMaxEventAge(t *testing.T) {
	cases := []struct {
		in   time.Duration
		want time.Duration
		bad  bool
	}{{0, 6 * time.Hour, false}, {time.Second, time.Second, false}, {7 * 24 * time.Hour, 7 * 24 * time.Hour, false},
		{time.Millisecond, 0, true}, {7*24*time.Hour + 1, 0, true}, {-time.Second, 0, true}}
	for _, c := range cases {
		got, err := MaxEventAgeOrDefault(c.in)
		if (err != nil) != c.bad || got != c.want {
			t.Errorf("MaxEventAgeOrDefault(%v) = %v, %v", c.in, got, err)
		}
	}
}

func TestRetrierDecisions(t *testing.T) {
	r := Retrier{Policy: Fixed{Count: 2, Interval: 10 * time.Second}, MaxAge: 25 * time.Second}
	cases := []struct {
		n    int
		t    float64
		want Decision
	}{
		{1, 0, Decision{At: sec(10)}},
		{2, 10, Decision{At: sec(20)}},
		{3, 20, Decision{At: sec(20), Reason: ReasonRetriesExhausted}},
		{2, 15, Decision{At: sec(25), Reason: ReasonEventTooOld}}, // retry at 25 = deadline
		{1, 25, Decision{At: sec(25), Reason: ReasonEventTooOld}},
	}
	for _, c := range cases {
		if got := r.Next(c.n, 0, sec(c.t), nil); got != c.want {
			t.Errorf("Next(%d, t=%vs) = %+v, want %+v", c.n, c.t, got, c.want)
		}
	}
	if got := (Retrier{Policy: ExponentialDecay{}}).Deadline(5); got != sim.Never {
		t.Errorf("deadline without max age = %v", got)
	}
}

func TestThrottleSchedule(t *testing.T) {
	th := DefaultThrottle()
	want := []float64{0.5, 1, 2, 4, 8, 16, 32, 64, 128, 256, 300, 300}
	for k, w := range want {
		if d := th.Delay(k + 1); d != time.Duration(w*1e9) {
			t.Errorf("throttle %d: %v, want %vs", k+1, d, w)
		}
	}
	if d := th.Next(1, 0, sec(10), sec(10.2)); d != (Decision{At: sec(10.2), Reason: ReasonEventTooOld}) {
		t.Errorf("bounded by deadline: %+v", d)
	}
	if d := th.Next(1, 0, sec(5*3600-0.1), sim.Never); d.Retry() {
		t.Errorf("without deadline the 5 h limit applies: %+v", d)
	}
}

func TestPolicyFor(t *testing.T) {
	for spec, want := range map[string]string{"": BackoffRetry, BackoffRetry: BackoffRetry,
		ExponentialDecayRetry: ExponentialDecayRetry} {
		p, err := PolicyFor(RetrySpec{Strategy: spec})
		if err != nil || p.String()[:len(want)] != want {
			t.Errorf("PolicyFor(%q) = %v, %v", spec, p, err)
		}
	}
	if _, err := PolicyFor(RetrySpec{Strategy: "LINEAR"}); err == nil {
		t.Error("unknown strategy accepted")
	}
}
