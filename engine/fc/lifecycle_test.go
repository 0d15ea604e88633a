package fc

import (
	"errors"
	"sort"
	"testing"
	"time"

	"github.com/fanout/fanout/engine/sim"
)

type recorder struct{ evs []InstanceEvent }

func (r *recorder) InstanceChanged(e InstanceEvent) { r.evs = append(r.evs, e) }

// fixedFn is a deterministic function: 100 ms of I/O, cold start exactly 50 ms, init 20 ms.
func fixedFn() FunctionSpec {
	return FunctionSpec{Name: "f", Runtime: "python3.10", Memory: 1 << 30,
		KeepAlive: dur(10 * time.Second), Timeout: dur(10 * time.Second),
		ColdStart: &sim.Spec{Kind: "constant", Value: 50},
		Handler: HandlerSpec{IO: dur(100 * time.Millisecond), Init: dur(10 * time.Millisecond),
			Variability: &Variability{}}}
}

type rig struct {
	s   *sim.Scheduler
	f   *Function
	c   *collector
	obs *recorder
	tag uint64
}

func newRig(t *testing.T, spec FunctionSpec) *rig {
	t.Helper()
	r := &rig{s: sim.NewScheduler(), c: &collector{keep: true}, obs: &recorder{}}
	f, err := NewFunction("svc", spec, Env{Sched: r.s, Streams: sim.NewStreams(7), Prices: testPrices(t), Observer: r.obs})
	if err != nil {
		t.Fatal(err)
	}
	r.f = f
	return r
}

// at invokes n requests at time t (seconds).
// Requests are tagged 1, 2, ... in invocation order.
func (r *rig) at(t float64, n int) {
	r.s.ScheduleFunc(sim.FromSeconds(t), func() {
		for range n {
			r.tag++
			r.f.Invoke(Request{Tag: r.tag}, r.c)
		}
	})
}

// byTag returns the completed invocations in invocation order.
func (r *rig) byTag() []Invocation {
	out := append([]Invocation(nil), r.c.invs...)
	sort.Slice(out, func(i, j int) bool { return out[i].Tag < out[j].Tag })
	return out
}

func TestColdThenWarm(t *testing.T) {
	r := newRig(t, fixedFn())
	r.at(0, 1)
	r.at(1, 1)
	r.s.RunUntil(sim.FromSeconds(2))
	if len(r.c.invs) != 2 {
		t.Fatalf("%d invocations", len(r.c.invs))
	}
	cold, warm := r.c.invs[0], r.c.invs[1]
	// init 10 ms of CPU at min(vCPU, 1): 1 GB has 1024/1769 vCPU.
	vcpu := DefaultVCPU(1 << 30)
	wantInit := time.Duration(float64(10*time.Millisecond) / vcpu)
	if !cold.Cold || cold.ColdStart != 50*time.Millisecond || cold.Init != wantInit {
		t.Errorf("cold: %+v, want cold start 50ms init %v", cold, wantInit)
	}
	if cold.Start != sim.Time(50*time.Millisecond+wantInit) || cold.Exec() != 100*time.Millisecond {
		t.Errorf("cold start at %v exec %v", cold.Start, cold.Exec())
	}
	if want := RoundUp(wantInit+100*time.Millisecond, time.Millisecond); cold.Charge.Billed != want {
		t.Errorf("cold billed %v, want init + exec = %v (platform start not billed)", cold.Charge.Billed, want)
	}
	if warm.Cold || warm.Instance != cold.Instance || warm.Charge.Billed != 100*time.Millisecond {
		t.Errorf("warm: %+v", warm)
	}
}

// TestKeepAliveReclaimExact: an idle on-demand instance is reclaimed exactly keep_alive after
// it went idle, and a request just before that keeps it.
func TestKeepAliveReclaimExact(t *testing.T) {
	r := newRig(t, fixedFn())
	r.at(0, 1) // idle from 0.05+init+0.1
	r.at(5, 1) // reuses it: idle again from 5.1
	r.s.Run()
	var reclaimed []InstanceEvent
	for _, e := range r.obs.evs {
		if e.To == StateReclaimed {
			reclaimed = append(reclaimed, e)
		}
	}
	if len(reclaimed) != 1 {
		t.Fatalf("reclaims: %+v", reclaimed)
	}
	if want := sim.FromSeconds(5.1).Add(10 * time.Second); reclaimed[0].Time != want {
		t.Errorf("reclaimed at %v, want %v", reclaimed[0].Time, want)
	}
	if r.c.invs[1].Cold {
		t.Error("second request cold-started")
	}
	if got := r.f.Instances(); got != 0 {
		t.Errorf("%d instances left", got)
	}
	wantStates := []State{StateStarting, StateBusy, StateIdle, StateBusy, StateIdle, StateReclaimed}
	for i, e := range r.obs.evs {
		if i >= len(wantStates) || e.To != wantStates[i] {
			t.Fatalf("life cycle %+v, want %v", r.obs.evs, wantStates)
		}
	}
}

func TestProvisionedNeverReclaimed(t *testing.T) {
	spec := fixedFn()
	spec.Provisioned = 2
	r := newRig(t, spec)
	r.at(0, 2)
	r.at(1, 3) // two warm, one cold on demand
	r.s.RunUntil(sim.FromSeconds(3600))
	for i, inv := range r.c.invs {
		if want := i == 4; inv.Cold != want {
			t.Errorf("invocation %d cold=%v, want %v", i, inv.Cold, want)
		}
		if want := i < 4; inv.Provisioned != want {
			t.Errorf("invocation %d provisioned=%v", i, inv.Provisioned)
		}
	}
	if got := r.f.Instances(); got != 2 {
		t.Errorf("%d instances after an hour, want the 2 provisioned", got)
	}
	st := r.f.Stats()
	// Two provisioned instances idle for the hour, minus the 100 ms each of the two waves.
	if want := 2*3600 - 4*0.1; !near(st.ProvisionedIdleSeconds, want, 1e-9) {
		t.Errorf("provisioned idle %v s, want %v", st.ProvisionedIdleSeconds, want)
	}
	if st.ProvisionedIdle.CU <= 0 || st.ProvisionedIdle.VCPUs != 0 {
		t.Errorf("provisioned idle charge %+v: want memory-only CU", st.ProvisionedIdle)
	}
}

func TestThrottleAtMaxInstances(t *testing.T) {
	spec := fixedFn()
	spec.MaxInstances = 3
	r := newRig(t, spec)
	var errs []error
	r.s.ScheduleFunc(0, func() {
		for range 5 {
			errs = append(errs, r.f.Invoke(Request{}, r.c))
		}
	})
	r.s.RunUntil(sim.FromSeconds(1))
	for i, err := range errs {
		if want := i >= 3; errors.Is(err, ErrThrottled) != want {
			t.Errorf("request %d: err %v", i, err)
		}
	}
	st := r.f.Stats()
	if st.Throttles != 2 || st.Invocations != 3 || st.MaxInstances != 3 || st.Outcomes[Throttled] != 2 {
		t.Errorf("stats %+v", st)
	}
}

// TestConcurrencySharing: with concurrency 4, four simultaneous requests on one warm instance
// share its vCPU, so CPU-bound work takes 4× as long (one new instance, not four).
func TestConcurrencySharing(t *testing.T) {
	spec := fixedFn()
	spec.Runtime, spec.Concurrency, spec.Provisioned = "custom-container", 4, 1
	spec.Image = &ImageSpec{Size: 100 << 20}
	spec.Memory, spec.VCPU = 2<<30, 1
	spec.Handler.IO, spec.Handler.CPU = 0, dur(100*time.Millisecond)
	r := newRig(t, spec)
	r.at(0, 5)
	r.s.RunUntil(sim.FromSeconds(5))
	invs := r.byTag()
	for i, inv := range invs {
		if i >= 4 {
			break
		}
		if inv.Instance != 1 || inv.Cold {
			t.Errorf("request %d on instance %d cold=%v", i, inv.Instance, inv.Cold)
		}
	}
	// Request k (0-based) started with k+1 active: exec = 100 ms × (k+1).
	for _, inv := range r.c.invs {
		if inv.Instance == 1 && inv.Exec()%(100*time.Millisecond) != 0 {
			t.Errorf("exec %v not a multiple of 100 ms", inv.Exec())
		}
	}
	last := invs[4]
	if !last.Cold || last.Instance != 2 {
		t.Errorf("fifth request: %+v, want a cold start on a second instance", last)
	}
	if st := r.f.Stats(); st.Invocation.Billed >= 1000*time.Millisecond {
		t.Errorf("billed %v: concurrency > 1 bills instance busy time", st.Invocation.Billed)
	}
}

func TestTimeoutBilledToTimeout(t *testing.T) {
	spec := fixedFn()
	spec.Timeout = dur(2 * time.Second)
	spec.Handler.IO = dur(5 * time.Second)
	r := newRig(t, spec)
	r.at(0, 1)
	r.s.Run()
	inv := r.c.invs[0]
	if inv.Outcome != ErrorTimeout || inv.Exec() != 2*time.Second {
		t.Fatalf("outcome %v exec %v", inv.Outcome, inv.Exec())
	}
	if want := RoundUp(2*time.Second+inv.Init, time.Millisecond); inv.Charge.Billed != want {
		t.Errorf("billed %v, want %v", inv.Charge.Billed, want)
	}
}

func TestOOM(t *testing.T) {
	spec := fixedFn()
	spec.Memory = 256 << 20
	spec.Handler.WorkingSet = 512 << 20
	r := newRig(t, spec)
	r.at(0, 1)
	r.s.Run()
	inv := r.c.invs[0]
	if inv.Outcome != ErrorOOM || inv.Exec() != 50*time.Millisecond {
		t.Errorf("outcome %v after %v, want oom after half the 100 ms", inv.Outcome, inv.Exec())
	}
	spec.Memory = 512 << 20
	r = newRig(t, spec)
	r.at(0, 1)
	r.s.Run()
	if inv := r.c.invs[0]; inv.Outcome != OK {
		t.Errorf("working set = memory: %v", inv.Outcome)
	}
}

func TestSelectionPolicies(t *testing.T) {
	for _, c := range []struct {
		sel  string
		want uint64
	}{{SelectNewest, 3}, {SelectOldest, 1}} {
		spec := fixedFn()
		spec.InstanceSelection = c.sel
		r := newRig(t, spec)
		r.at(0, 3) // instances 1, 2, 3 finish together, pushed in order 1, 2, 3
		r.at(1, 1)
		r.s.RunUntil(sim.FromSeconds(2))
		if got := r.byTag()[3].Instance; got != c.want {
			t.Errorf("%s: instance %d, want %d", c.sel, got, c.want)
		}
	}
}

func TestFailureRules(t *testing.T) {
	spec := fixedFn()
	spec.Handler.Failure = `data.size > 100 ? "timeout" : data.size < 0 ? "boom" : ""`
	spec.Handler.DurationExtra = `data.size`
	spec.Memory, spec.VCPU = 1<<30, 1
	r := newRig(t, spec)
	for i, ev := range []string{`{"data":{"size":50}}`, `{"data":{"size":500}}`, `{"data":{"size":-1}}`, `{"data":{}}`} {
		r.s.ScheduleFunc(sim.FromSeconds(float64(i)), func() { r.f.Invoke(Request{Tag: uint64(i), Event: []byte(ev)}, r.c) })
	}
	r.s.Run()
	invs := r.byTag()
	want := []struct {
		out  Outcome
		exec time.Duration
	}{{OK, 150 * time.Millisecond}, {ErrorTimeout, 10 * time.Second}, {ErrorHandler, 100 * time.Millisecond}, {OK, 100 * time.Millisecond}}
	for i, w := range want {
		if inv := invs[i]; inv.Outcome != w.out || inv.Exec() != w.exec {
			t.Errorf("event %d: %v after %v, want %v after %v", i, inv.Outcome, inv.Exec(), w.out, w.exec)
		}
	}
	if d := invs[2].Detail; d != "boom" {
		t.Errorf("detail %q", d)
	}
	if st := r.f.Stats(); st.ExprErrors == 0 {
		t.Error("the missing field should count an expression error")
	}
}

func TestFailureRate(t *testing.T) {
	spec := fixedFn()
	spec.Handler.FailureRate = 0.25
	f, c, _ := runPoisson(t, spec, 5, 20000*time.Second, 3)
	if got := float64(c.byOutcome[ErrorHandler]) / float64(c.n); !near(got, 0.25, 0.03) {
		t.Errorf("handler error share %.4f, want 0.25", got)
	}
	if f.Stats().Outcomes[ErrorHandler] != c.byOutcome[ErrorHandler] {
		t.Error("stats and callbacks disagree")
	}
}
