package builder

import (
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"github.com/fanout/fanout/engine/fc"
	"github.com/fanout/fanout/engine/field"
	"github.com/fanout/fanout/scenarios"
)

func TestMemorySliderSteps64MB(t *testing.T) {
	newTestApp(t)
	e, err := NewFunctionEditor(testEnv(t), openDefault(t), "csv-pipeline/index-fn", nil)
	if err != nil {
		t.Fatal(err)
	}
	e.Wait()
	if e.Memory() != 1<<30 {
		t.Fatalf("memory %s, want 1GB", e.Memory())
	}
	if e.memory.Min*memStep != 128<<20 || e.memory.Max*memStep != 32<<30 || e.memory.Step != 1 {
		t.Fatalf("slider %v..%v step %v", e.memory.Min, e.memory.Max, e.memory.Step)
	}
	right := &fyne.KeyEvent{Name: fyne.KeyRight}
	left := &fyne.KeyEvent{Name: fyne.KeyLeft}
	e.memory.TypedKey(right)
	if got := e.Memory(); got != 1<<30+64<<20 {
		t.Errorf("one step right: %s, want 1088MB", got)
	}
	e.memory.TypedKey(left)
	e.memory.TypedKey(left)
	if got := e.Memory(); got != 1<<30-64<<20 {
		t.Errorf("two steps left: %s, want 960MB", got)
	}
	// The entry takes any size; the slider follows.
	e.memText.SetText("2GB")
	if e.memory.Value != 32 || e.Memory() != 2<<30 {
		t.Errorf("entry 2GB: slider %v, memory %s", e.memory.Value, e.Memory())
	}
	// A size off the 64 MB grid is refused in place, with the cloud's rule.
	e.memText.SetText("200MB")
	if !strings.Contains(e.status.Text, "64 MB") {
		t.Errorf("200MB: status %q", e.status.Text)
	}
	if e.memText.Validate() == nil {
		t.Errorf("200MB: the memory entry shows no error")
	}
}

// TestPredictionFollowsMemory: the handler model gives a single-threaded handler a CPU share
// that grows with memory up to one vCPU (1,769 MB), so the predicted duration falls as the
// slider moves right, then stays flat. Below its working set (384 MB) every invocation fails
// out of memory early, which the prediction reports.
func TestPredictionFollowsMemory(t *testing.T) {
	newTestApp(t)
	e, err := NewFunctionEditor(testEnv(t), openDefault(t), "index-fn", nil)
	if err != nil {
		t.Fatal(err)
	}
	e.memory.SetValue(4) // 256 MB
	e.Wait()
	if e.Prediction.OOM != predictRuns || !strings.Contains(e.pred.Text, "100.0 % of invocations fail (2000 out of memory)") {
		t.Errorf("256MB: %d OOM, shown as %q", e.Prediction.OOM, e.pred.Text)
	}
	var prev Prediction
	first := 6.0
	for v := first; v <= 48; v += 2 { // 384 MB .. 3 GB
		e.memory.SetValue(v)
		e.Wait()
		p := e.Prediction
		mem := field.Bytes(v) * memStep
		if p.Runs != predictRuns || !strings.Contains(e.pred.Text, "p50 "+ms(p.P50)) {
			t.Fatalf("%s: prediction %+v shown as %q", mem, p, e.pred.Text)
		}
		if v > first {
			saturated := float64(mem-2*memStep) >= 1769<<20
			switch {
			case saturated && (p.P50 != prev.P50 || p.P99 != prev.P99):
				t.Errorf("%s: p50 %v p99 %v changed past one vCPU (was %v %v)", mem, p.P50, p.P99, prev.P50, prev.P99)
			case !saturated && (p.P50 >= prev.P50 || p.P99 >= prev.P99):
				t.Errorf("%s: p50 %v p99 %v did not fall (was %v %v)", mem, p.P50, p.P99, prev.P50, prev.P99)
			}
		}
		prev = p
	}
}

// TestPredictIsTheModel: without variability, a warm invocation takes cpu/share + io and costs
// what the biller says.
func TestPredictIsTheModel(t *testing.T) {
	env := testEnv(t)
	spec := fc.FunctionSpec{Name: "f", Runtime: "python3.10", Memory: 512 << 20, Timeout: field.Duration(time.Minute),
		Handler: fc.HandlerSpec{CPU: field.Duration(100 * time.Millisecond), IO: field.Duration(50 * time.Millisecond),
			Variability: &fc.Variability{Sigma: 0}}}
	p, err := Predict(spec, nil, 100, env.Billing)
	if err != nil {
		t.Fatal(err)
	}
	vcpu := fc.DefaultVCPU(512 << 20)
	want := time.Duration((0.1/vcpu + 0.05) * 1e9)
	if d := p.P50 - want; d < -time.Microsecond || d > time.Microsecond || p.P99 != p.P50 {
		t.Errorf("p50 %v p99 %v, want %v", p.P50, p.P99, want)
	}
	cost := fc.Biller{Prices: env.Billing.Prices, Model: env.Billing.Model}.Invocation(512<<20, vcpu, p.P50).USD
	if diff := p.USD - cost; diff > 1e-15 || diff < -1e-15 {
		t.Errorf("cost %g, want %g", p.USD, cost)
	}
	// A working set above the memory fails every invocation out of memory.
	spec.Handler.WorkingSet = 1 << 30
	p, _ = Predict(spec, nil, 100, env.Billing)
	if p.OOM != 100 || p.Failed != 1 {
		t.Errorf("working set 1GB at 512MB: %d OOM, failed %.2f", p.OOM, p.Failed)
	}
}

func TestFunctionApply(t *testing.T) {
	newTestApp(t)
	doc := openDefault(t)
	e, err := NewFunctionEditor(testEnv(t), doc, "csv-pipeline/index-fn", nil)
	if err != nil {
		t.Fatal(err)
	}
	e.memory.TypedKey(&fyne.KeyEvent{Name: fyne.KeyRight})
	for _, f := range e.fields {
		switch f.key {
		case "timeout":
			f.entry.SetText("30s")
		case "handler.failure_rate":
			f.entry.SetText("") // back to the default: the key goes
		}
	}
	e.Apply()
	if !strings.HasPrefix(e.status.Text, "applied 3 change(s)") {
		t.Fatalf("status %q", e.status.Text)
	}
	f := doc.Scenario().Services[0].Functions[0]
	if f.Memory != 1088<<20 || f.Timeout.D() != 30*time.Second || f.Handler.FailureRate != 0 || len(doc.Diagnostics()) != 0 {
		t.Errorf("after apply: memory %s timeout %s failure_rate %g; diagnostics %v", f.Memory, f.Timeout.D(), f.Handler.FailureRate, doc.Diagnostics())
	}
	text := string(doc.Text())
	if !strings.Contains(text, "# parse and index, at 1 vCPU") || strings.Contains(text, "failure_rate: 0.005") {
		t.Errorf("comments lost or failure_rate kept:\n%s", text)
	}
}

func TestFunctionEvents(t *testing.T) {
	sc, err := scenarios.Default()
	if err != nil {
		t.Fatal(err)
	}
	evs := FunctionEvents(sc, "index-fn", 2000, 50, nil)
	want, _ := MatchedEvents(sc, sc.Rules[0], 2000, 50, nil)
	if len(evs) == 0 || len(evs) != len(want) {
		t.Fatalf("%d events, want %d", len(evs), len(want))
	}
	for i := range evs {
		if string(evs[i]) != string(want[i]) {
			t.Fatalf("event %d differs", i)
		}
	}
	if got := FunctionEvents(sc, "no-such-fn", 2000, 50, nil); got != nil {
		t.Errorf("unknown function: %d events", len(got))
	}
	// With its events, index-fn's extra-CPU rule (60 ms per MB) makes it slower than without.
	spec := sc.Services[0].Functions[0]
	with, _ := Predict(spec, evs, 500, testEnv(t).Billing)
	without, _ := Predict(spec, nil, 500, testEnv(t).Billing)
	if with.Mean <= without.Mean {
		t.Errorf("mean %v with events, %v without", with.Mean, without.Mean)
	}
}
