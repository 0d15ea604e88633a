package builder

import (
	"math"
	"strings"
	"testing"

	"github.com/fanout/fanout/engine/load"
	"github.com/fanout/fanout/engine/sim"
)

func field0(d *LoadDesigner, key string) *textField[load.Arrival] {
	for _, f := range d.fields[d.process.Selected] {
		if f.key == key {
			return f
		}
	}
	return nil
}

func TestLoadDesignerPreview(t *testing.T) {
	newTestApp(t)
	doc := openDefault(t)
	d, err := NewLoadDesigner(testEnv(t), doc, "oss-uploads")
	if err != nil {
		t.Fatal(err)
	}
	d.Wait()
	// Poisson at 5/s over the 1 h run: the expected curve is flat at 5; the arrivals drawn from
	// the process average 5/s too.
	if len(d.Expected) != curveBins || len(d.Sampled) != curveBins {
		t.Fatalf("%d expected and %d sampled points, want %d", len(d.Expected), len(d.Sampled), curveBins)
	}
	sum := 0.0
	for i, p := range d.Expected {
		if p.V != 5 {
			t.Fatalf("expected rate at %gs is %g, want 5", p.T, p.V)
		}
		sum += d.Sampled[i].V
	}
	if mean := sum / curveBins; math.Abs(mean-5) > 0.15 {
		t.Errorf("sampled mean rate %g, want about 5", mean)
	}
	if d.chartImg.Image == nil {
		t.Errorf("no chart drawn")
	}

	// The event preview is the load's own first events.
	d.count.SetSelected("5")
	d.Wait()
	sc := doc.Scenario()
	l, err := load.Build(sc.Loads[0], load.Env{Streams: sim.NewStreams(sc.Seed), Start: sc.Start, Horizon: sim.Time(sc.Duration.D())})
	if err != nil {
		t.Fatal(err)
	}
	want, _ := l.Sample(5)
	if len(d.Previewed) != 5 {
		t.Fatalf("%d events previewed, want 5", len(d.Previewed))
	}
	for i := range want {
		if string(d.Previewed[i]) != string(want[i].JSON()) {
			t.Errorf("event %d\n%s\nwant\n%s", i, d.Previewed[i], want[i].JSON())
		}
	}
	if !strings.Contains(d.events.Text, `"type": "oss:Object`) {
		t.Errorf("events shown as %q", d.events.Text)
	}
}

func TestLoadDesignerRampAndApply(t *testing.T) {
	newTestApp(t)
	doc := openDefault(t)
	d, err := NewLoadDesigner(testEnv(t), doc, "oss-uploads")
	if err != nil {
		t.Fatal(err)
	}
	d.process.SetSelected(load.ProcRamp)
	field0(d, "from").entry.SetText("0")
	field0(d, "to").entry.SetText("10/s")
	field0(d, "over").entry.SetText("30m")
	d.Wait()
	// Linear from 0 to 10/s over the first half hour, then flat.
	w := 3600.0 / curveBins
	for _, p := range d.Expected {
		want := 10.0
		if p.T < 1800 {
			want = 10 * p.T / 1800
		}
		if math.Abs(p.V-want) > 1e-9 {
			t.Fatalf("ramp at %gs: %g, want %g", p.T, p.V, want)
		}
	}
	if first := d.Expected[0]; first.T != w/2 {
		t.Errorf("first bin at %g, want %g", first.T, w/2)
	}

	// A bad value is shown at its field and nothing is applied.
	field0(d, "to").entry.SetText("fast")
	if field0(d, "to").entry.Validate() == nil || !d.errLbl.Visible() {
		t.Errorf("bad rate not shown: %q", d.errLbl.Text)
	}
	before := string(doc.Text())
	d.Apply()
	if string(doc.Text()) != before {
		t.Errorf("an invalid load was applied")
	}
	field0(d, "to").entry.SetText("10/s")
	d.Apply()
	a := doc.Scenario().Loads[0].Arrival
	if a.Process != load.ProcRamp || a.To.PerSecond() != 10 || a.Over.D().Minutes() != 30 || a.Rate != 0 {
		t.Errorf("arrival after apply: %+v; status %q; diagnostics %v", a, d.status.Text, doc.Diagnostics())
	}
	if len(doc.Diagnostics()) != 0 || !strings.Contains(string(doc.Text()), "# The bucket's traffic") {
		t.Errorf("diagnostics %v, or the comments were lost", doc.Diagnostics())
	}
}
