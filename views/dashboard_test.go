package views

import (
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/fanout/fanout/engine/obs"
	"github.com/fanout/fanout/engine/sim"
)

func sampleSnapshot() obs.Snapshot {
	var s obs.Snapshot
	s.Now = sim.Time(60 * time.Second) // the six 10 s buckets below have all ended
	s.Totals = obs.Totals{Received: 1000, Evaluated: 1000, Matched: 98, Invocations: 196, ColdStarts: 6, DLQ: 2, CostUSD: 0.0183}
	s.Totals.Instances[obs.InstanceBusy] = 4
	s.Totals.Instances[obs.InstanceIdle] = 3
	s.Fanout = obs.LatencyStat{Count: 98, P50: 180 * time.Millisecond, P99: 2300 * time.Millisecond}
	for i := 0; i < 6; i++ {
		b := obs.BucketStat{Start: sim.Time(time.Duration(i) * 10 * time.Second), Width: 10 * time.Second}
		b.Totals = obs.Totals{Received: int64(100 + 10*i), Evaluated: int64(100 + 10*i), Matched: int64(10 + i)}
		b.Totals.Instances[obs.InstanceBusy] = int64(i)
		b.Fanout = obs.LatencyStat{Count: 10, P50: time.Duration(100+i) * time.Millisecond, P90: 300 * time.Millisecond, P99: time.Second}
		s.Series[1] = append(s.Series[1], b)
	}
	return s
}

func TestDashboardTiles(t *testing.T) {
	tiles := DashboardTiles(sampleSnapshot())
	want := map[string]string{
		"match rate":          "9.8 %",
		"p50 fan-out":         "180 ms",
		"p99 fan-out":         "2300 ms",
		"cold starts":         "3.1 %",
		"instances busy/idle": "4 / 3",
		"dead letters":        "2",
		"cost so far":         "$0.0183",
	}
	got := map[string]Tile{}
	for _, tl := range tiles {
		got[tl.Label] = tl
	}
	for label, v := range want {
		if got[label].Value != v {
			t.Errorf("%s = %q, want %q", label, got[label].Value, v)
		}
	}
	if !got["dead letters"].Attention || got["match rate"].Attention {
		t.Errorf("only dead letters need attention here")
	}
	// events/s comes from the last 10 s bucket: 150 events in 10 s.
	if got["events / s"].Value != "15.0" {
		t.Errorf("events/s = %q, want 15.0", got["events / s"].Value)
	}
}

func TestFlowHealth(t *testing.T) {
	cases := []struct {
		t    FlowTarget
		want string
	}{
		{FlowTarget{Delivered: 10}, "ok"},
		{FlowTarget{Delivered: 10, Retried: 3, InFlight: 2}, "retrying"},
		{FlowTarget{Retried: 3, InFlight: 0, Delivered: 5}, "ok"},
		{FlowTarget{Throttled: 4, InFlight: 1}, "throttled"},
		{FlowTarget{Delivered: 9, DeadLettered: 1}, "dead-lettering"},
		{FlowTarget{Expired: 1}, "dead-lettering"},
	}
	for _, c := range cases {
		if got := c.t.Health(); got != c.want {
			t.Errorf("%+v: health %q, want %q", c.t, got, c.want)
		}
	}
}

func TestDashboardRendersChartsAtTheirSize(t *testing.T) {
	test.NewTempApp(t)
	d := NewDashboard(false)
	w := test.NewWindow(d.Content())
	defer w.Close()
	w.Resize(fyne.NewSize(1100, 700))
	d.Update(DashboardData{Live: sampleSnapshot(), Flows: []Flow{{Bus: "default", Rule: "csv-uploads", Evaluated: 1000, Matched: 98,
		Targets: []FlowTarget{{ID: "notify", Kind: "notification", Delivered: 98}, {ID: "index-fn", Kind: "function", Delivered: 90, Retried: 12, InFlight: 8}}}}})
	if len(d.strip.Objects) != 3 {
		t.Fatalf("strip rows = %d, want the rule and its 2 targets", len(d.strip.Objects))
	}
	for name, cv := range map[string]*ChartView{"latency": d.latency, "instances": d.inst, "throughput": d.thru} {
		img := cv.img.Image
		if img == nil {
			t.Fatalf("%s chart not drawn", name)
		}
		sz := cv.Size()
		if img.Bounds().Dx() != int(sz.Width) || img.Bounds().Dy() != int(sz.Height) {
			t.Errorf("%s drawn at %v for a %v view", name, img.Bounds().Size(), sz)
		}
	}
	w.Resize(fyne.NewSize(1400, 800))
	if sz := d.latency.Size(); d.latency.img.Image.Bounds().Dx() != int(sz.Width) {
		t.Errorf("after a resize the chart must be redrawn at %v, is %v", sz, d.latency.img.Image.Bounds().Size())
	}
}

// The bucket still filling is left out, so rates do not appear to drop at the end.
func TestCompleteBucketsDropsTheOneFilling(t *testing.T) {
	s := sampleSnapshot()
	if n := len(CompleteBuckets(s, 1)); n != 6 {
		t.Fatalf("complete buckets = %d, want 6", n)
	}
	s.Now = sim.Time(55 * time.Second)
	if n := len(CompleteBuckets(s, 1)); n != 5 {
		t.Errorf("with the last bucket half full: %d buckets, want 5", n)
	}
	if got := DashboardTiles(s)[0].Value; got != "14.0" {
		t.Errorf("events/s from the last complete bucket = %q, want 14.0", got)
	}
}
