package views

import (
	"io"
	"math"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/fanout/fanout/engine/obs"
)

// fakePatterns holds the open scenario's rules.
type fakePatterns map[string]string

func (f fakePatterns) RulePattern(bus, rule string) ([]byte, string, bool) {
	src, ok := f[bus+"/"+rule]
	return []byte(src), "alibaba", ok
}

var uploadPatterns = fakePatterns{
	"default/csv-uploads":  `{"source":["acs.oss"],"data":{"oss":{"object":{"key":[{"prefix":"uploads/"}],"size":[{"numeric":[">=",1048576]}]}}}}`,
	"default/large-images": `{"source":["acs.oss"],"subject":[{"suffix":".jpg"}]}`,
}

func pageFixture(t *testing.T, deps EventPageDeps) (*EventPage, fyne.Window) {
	t.Helper()
	test.NewTempApp(t)
	p := newEventPage(memoryRun(3), 1, deps, inlineBackground)
	w := test.NewWindow(p.Content())
	t.Cleanup(w.Close)
	w.Resize(fyne.NewSize(1280, 860))
	return p, w
}

func labelTexts(objs []fyne.CanvasObject) []string {
	var out []string
	for _, o := range objs {
		out = append(out, o.(*widget.Label).Text)
	}
	return out
}

func TestEventPageExplainsEachRule(t *testing.T) {
	p, _ := pageFixture(t, EventPageDeps{Patterns: uploadPatterns})
	lines := labelTexts(p.rulesBox.Objects)
	joined := strings.Join(lines, "\n")
	for _, want := range []string{"✓ csv-uploads", "✗ large-images", "✓ data.oss.object.size", "(event has 2097152)",
		"✗ subject", "acs:oss:cn-hangzhou:1234:bucket-a/uploads/2026/sales.csv"} {
		if !strings.Contains(joined, want) {
			t.Errorf("rules panel lacks %q:\n%s", want, joined)
		}
	}
	// Only the unmet condition of the unmatched rule takes the accent colour.
	for _, o := range p.rulesBox.Objects {
		l := o.(*widget.Label)
		attention := l.Importance == widget.DangerImportance
		if attention != strings.Contains(l.Text, "✗ subject") {
			t.Errorf("line %q attention %v", l.Text, attention)
		}
	}
}

func TestEventPageWithoutPatternsShowsVerdictsOnly(t *testing.T) {
	p, _ := pageFixture(t, EventPageDeps{})
	if got := labelTexts(p.rulesBox.Objects); len(got) != 2 || got[0] != "✓ csv-uploads" || got[1] != "✗ large-images" {
		t.Fatalf("rules = %q", got)
	}
	d := strings.Join(labelTexts(p.delivBox.Objects), "\n")
	for _, want := range []string{"csv-uploads → index-fn   delivered", "attempt 1", "timeout   Timeout",
		"media/index-fn #1 cold 260 ms", "attempt 2", "csv-uploads → notify   delivered"} {
		if !strings.Contains(d, want) {
			t.Errorf("deliveries lack %q:\n%s", want, d)
		}
	}
	if !p.exportBtn.Disabled() {
		t.Errorf("export must be disabled without an exporter")
	}
}

func TestEventPageWaterfallOneBarPerSpanAtItsTime(t *testing.T) {
	p, _ := pageFixture(t, EventPageDeps{})
	spans := p.trace.Spans
	r := p.waterfall.r
	if r == nil || len(r.bars) != len(spans) || len(spans) < 10 {
		t.Fatalf("bars = %v for %d spans", r, len(spans))
	}
	x0, aw := barArea(p.waterfall.Size().Width)
	t0, t1 := spans[0].Start, spans[0].End
	for _, s := range spans {
		t0, t1 = min(t0, s.Start), max(t1, s.End)
	}
	for i, s := range spans {
		frac := float64(s.Start-t0) / float64(t1-t0)
		got := float64(r.bars[i].Position().X-x0) / float64(aw)
		if math.Abs(got-frac) > 0.002 {
			t.Errorf("span %d %q starts at %.4f of the axis, want %.4f", i, s.Name, got, frac)
		}
		wantW := math.Max(float64(s.End-s.Start)/float64(t1-t0)*float64(aw), wfMinBar)
		if math.Abs(float64(r.bars[i].Size().Width)-wantW) > 0.5 {
			t.Errorf("span %d width %.1f, want %.1f", i, r.bars[i].Size().Width, wantW)
		}
		if y := r.bars[i].Position().Y; y < wfAxisH+float32(i)*wfRowH || y >= wfAxisH+float32(i+1)*wfRowH {
			t.Errorf("span %d bar at y %.0f is outside its row", i, y)
		}
		if r.durs[i].Text != evDur(s.Duration()) || r.durs[i].Alignment != fyne.TextAlignTrailing {
			t.Errorf("span %d duration %q", i, r.durs[i].Text)
		}
	}
}

func TestEventPageTapABarShowsItsAttributes(t *testing.T) {
	p, _ := pageFixture(t, EventPageDeps{})
	var k int
	for i, s := range p.trace.Spans {
		if s.Kind == obs.SpanColdStart {
			k = i
		}
	}
	test.TapAt(p.waterfall, fyne.NewPos(400, wfAxisH+float32(k)*wfRowH+wfRowH/2))
	if p.waterfall.Selected() != k {
		t.Fatalf("selected %d, want the cold start span %d", p.waterfall.Selected(), k)
	}
	if !strings.HasPrefix(p.spanInfo.Text, p.trace.Spans[k].Name+"\nkind      cold_start") {
		t.Fatalf("span info = %q", p.spanInfo.Text)
	}
	if !strings.Contains(p.spanInfo.Text, "duration  220 ms") {
		t.Errorf("span info lacks the duration: %q", p.spanInfo.Text)
	}
	test.TapAt(p.waterfall, fyne.NewPos(400, 5))
	if p.waterfall.Selected() != k {
		t.Errorf("a tap on the axis must not change the selection")
	}
}

func TestEventPageCopyAndExport(t *testing.T) {
	var exported obs.EventRef
	deps := EventPageDeps{ExportTrace: func(w io.Writer, ref obs.EventRef) error {
		exported = ref
		_, err := io.WriteString(w, `{"resourceSpans":[]}`)
		return err
	}}
	p, _ := pageFixture(t, deps)
	var name, data string
	p.save = func(n string, d []byte) { name, data = n, string(d) }
	test.Tap(p.copyBtn)
	clip := fyne.CurrentApp().Clipboard().Content()
	if clip != string(eventJSONIndent(p.trace.Event)) || !strings.Contains(clip, `"key": "uploads/2026/sales.csv"`) {
		t.Fatalf("clipboard = %q", clip)
	}
	test.Tap(p.exportBtn)
	if exported != 1 || name != "trace-7f3c-0001.otlp.json" || data != `{"resourceSpans":[]}` {
		t.Fatalf("export: ref %d name %q data %q", exported, name, data)
	}
}

func TestEventPageMissingEventShowsError(t *testing.T) {
	test.NewTempApp(t)
	p := newEventPage(memoryRun(2), 99, EventPageDeps{}, inlineBackground)
	if !p.errLabel.Visible() || !strings.Contains(p.errLabel.Text, "#99") || !p.copyBtn.Disabled() {
		t.Fatalf("error %q visible %v", p.errLabel.Text, p.errLabel.Visible())
	}
}

func TestWaterfallFoldsADelivery(t *testing.T) {
	p, _ := pageFixture(t, EventPageDeps{})
	wf := p.waterfall
	d := -1
	for i, s := range p.trace.Spans {
		if s.Kind == obs.SpanDelivery && strings.HasSuffix(s.Name, "index-fn") {
			d = i
		}
	}
	all := wf.Rows()
	if d < 0 || all != len(p.trace.Spans) {
		t.Fatalf("delivery %d, rows %d of %d spans", d, all, len(p.trace.Spans))
	}
	hidden := 0
	for i := range p.trace.Spans {
		for k := i; k > 0; k = int(p.trace.Spans[k].Parent) - 1 {
			if int(p.trace.Spans[k].Parent)-1 == d {
				hidden++
				break
			}
		}
	}
	row := wf.rowOf(d)
	x := float32(wf.depth[d])*wfIndent + 6
	test.TapAt(wf, fyne.NewPos(x, wfAxisH+float32(row)*wfRowH+wfRowH/2))
	if wf.Rows() != all-hidden || wf.Selected() != -1 {
		t.Fatalf("folded: rows %d, want %d; selected %d", wf.Rows(), all-hidden, wf.Selected())
	}
	if !strings.HasPrefix(wf.r.names[d].Text, "▸ ") || wf.r.bars[d+1].Visible() {
		t.Fatalf("folded delivery: label %q, first child visible %v", wf.r.names[d].Text, wf.r.bars[d+1].Visible())
	}
	// The rows below move up: the next visible span sits right under the delivery.
	next := wf.rows[row+1]
	if y := wf.r.bars[next].Position().Y; y >= wfAxisH+float32(row+2)*wfRowH {
		t.Fatalf("span %d still at y %.0f after folding", next, y)
	}
	test.TapAt(wf, fyne.NewPos(x, wfAxisH+float32(row)*wfRowH+wfRowH/2))
	if wf.Rows() != all {
		t.Fatalf("unfolded: rows %d, want %d", wf.Rows(), all)
	}
}
