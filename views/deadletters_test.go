package views

import (
	"image/png"
	"os"
	"path/filepath"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/software"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/fanout/fanout/engine/obs"
)

// deadLettered counts the fixture's dead-lettered events among 2..n.
func deadLettered(n int) int {
	c := 0
	for r := 2; r <= n; r++ {
		if r%3 == 0 && r%5 != 0 {
			c++
		}
	}
	return c
}

func TestDeadLettersReplayCallsBackWithTheSelection(t *testing.T) {
	test.NewTempApp(t)
	var got []obs.Final
	d := newDeadLetters(memoryRun(100), func(f []obs.Final) { got = f }, inlineBackground)
	w := test.NewWindow(d.Content())
	defer w.Close()
	w.Resize(fyne.NewSize(1300, 500))
	if len(d.items) != deadLettered(100) {
		t.Fatalf("items = %d, want %d", len(d.items), deadLettered(100))
	}
	if !d.replayBtn.Disabled() {
		t.Fatalf("replay must be disabled with nothing selected")
	}
	d.table.Select(widget.TableCellID{Row: 0, Col: 3})
	d.table.Select(widget.TableCellID{Row: 2, Col: 6})
	d.table.Select(widget.TableCellID{Row: 4, Col: 1})
	d.table.Select(widget.TableCellID{Row: 2, Col: 0}) // untick
	if d.replayBtn.Disabled() {
		t.Fatalf("replay must be enabled with a selection and a live run")
	}
	test.Tap(d.replayBtn)
	if len(got) != 2 || got[0].Event != d.items[0].Event || got[1].Event != d.items[4].Event {
		t.Fatalf("replayed %+v, want rows 0 and 4", got)
	}
	for _, f := range got {
		if f.Outcome != obs.FinalDeadLettered || f.Reason != "retries_exhausted" || f.Attempts != 2 || f.LastError != "503" {
			t.Errorf("replayed %+v lacks its reason, attempts or error", f)
		}
	}
	if deadLetterCell(d.items[0], 0, true) != "☑" || deadLetterCell(d.items[0], 1, false) != "#3" {
		t.Errorf("cells: %q %q", deadLetterCell(d.items[0], 0, true), deadLetterCell(d.items[0], 1, false))
	}
}

func TestDeadLettersWithoutLiveRunCannotReplay(t *testing.T) {
	test.NewTempApp(t)
	d := newDeadLetters(memoryRun(40), nil, inlineBackground)
	d.tickAll(true)
	if !d.replayBtn.Disabled() {
		t.Fatalf("replay must be disabled without a live run")
	}
	called := 0
	d.SetReplay(func([]obs.Final) { called++ })
	if d.replayBtn.Disabled() {
		t.Fatalf("SetReplay must enable replay of the selection")
	}
	test.Tap(d.replayBtn)
	if called != 1 {
		t.Fatalf("replay called %d times", called)
	}
}

func TestDeadLettersLoadMore(t *testing.T) {
	test.NewTempApp(t)
	src := memoryRun(2000)
	d := newDeadLetters(src, nil, inlineBackground)
	if len(d.items) != deadLetterBatch || !d.more || d.moreBtn.Disabled() {
		t.Fatalf("first batch: %d items more %v", len(d.items), d.more)
	}
	test.Tap(d.moreBtn)
	if len(d.items) != deadLettered(2000) || d.more {
		t.Fatalf("after more: %d items more %v, want %d", len(d.items), d.more, deadLettered(2000))
	}
	for i := 1; i < len(d.items); i++ {
		if d.items[i].Event <= d.items[i-1].Event {
			t.Fatalf("items out of order at %d", i)
		}
	}
}

// TestEventScreensLook writes the dead-letter and runs screens to PNGs for a look (not goldens:
// they are plain tables). Set FANOUT_VIEWS_PNG_DIR to a folder to run it.
func TestEventScreensLook(t *testing.T) {
	dir := os.Getenv("FANOUT_VIEWS_PNG_DIR")
	if dir == "" {
		t.Skip("set FANOUT_VIEWS_PNG_DIR to look at the renderings")
	}
	a := test.NewTempApp(t)
	a.Settings().SetTheme(theme.LightTheme())
	d := newDeadLetters(memoryRun(100), func([]obs.Final) {}, inlineBackground)
	d.toggle(1)
	r := newRuns(catalogFixture(), func(RunEntry) {}, inlineBackground)
	r.pick(0)
	r.pick(2)
	r.onCompare()
	for name, c := range map[string]fyne.CanvasObject{"deadletters.png": d.Content(), "runs.png": r.Content()} {
		w := test.NewWindow(c)
		w.Resize(fyne.NewSize(1200, 560))
		f, err := os.Create(filepath.Join(dir, name))
		if err != nil {
			t.Fatal(err)
		}
		err = png.Encode(f, software.RenderCanvas(w.Canvas(), theme.LightTheme()))
		f.Close()
		w.Close()
		if err != nil {
			t.Fatal(err)
		}
	}
}
