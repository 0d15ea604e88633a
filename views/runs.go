package views

import (
	"fmt"
	"strconv"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// RunEntry is one stored run of the catalog (app fills it from storage.CatalogEntry).
type RunEntry struct {
	File        string // the run database
	Scenario    string
	Seed        uint64
	Started     time.Time // wall clock
	SimDuration time.Duration
	Events      int64
	Complete    bool // false for a run killed half-way
	Missing     bool // the file is gone
}

// RunCatalog lists the stored runs and reads a run's summary JSON (storage.ListRuns, and
// storage.OpenRun(file).Info().Summary).
type RunCatalog interface {
	Runs() ([]RunEntry, error)
	Summary(file string) ([]byte, error)
}

var runColumns = []column{
	{"A/B", 48, false}, {"scenario", 240, false}, {"seed", 90, true}, {"started", 150, true},
	{"sim duration", 110, true}, {"events", 110, true}, {"state", 100, false},
}

// Runs is the catalog of stored runs: open one (tap its row, then Open), or tick two in the
// A/B column and Compare their summaries side by side.
type Runs struct {
	cat      RunCatalog
	open     func(RunEntry)
	bg       background
	runs     []RunEntry
	current  int   // the row selected for Open, -1 for none
	picked   []int // rows ticked for comparison, oldest first, at most 2
	diffs    []summaryDiff
	table    *widget.Table
	compare  *widget.Table
	openBtn  *widget.Button
	cmpBtn   *widget.Button
	cmpTitle *widget.Label
	errLabel *widget.Label
	content  fyne.CanvasObject
}

// NewRuns lists cat's runs; open (nil hides the button) opens a run for browsing.
func NewRuns(cat RunCatalog, open func(RunEntry)) *Runs {
	return newRuns(cat, open, goBackground)
}

func newRuns(cat RunCatalog, open func(RunEntry), bg background) *Runs {
	r := &Runs{cat: cat, open: open, bg: bg, current: -1}
	r.errLabel = widget.NewLabel("")
	r.errLabel.Importance = widget.DangerImportance
	r.errLabel.Wrapping = fyne.TextWrapWord
	r.errLabel.Hide()
	r.openBtn = widget.NewButtonWithIcon("Open", theme.FolderOpenIcon(), r.onOpen)
	r.openBtn.Importance = widget.HighImportance
	r.cmpBtn = widget.NewButtonWithIcon("Compare A and B", theme.ViewRestoreIcon(), r.onCompare)
	reload := widget.NewButtonWithIcon("Reload", theme.ViewRefreshIcon(), r.Reload)
	if open == nil {
		r.openBtn.Hide()
	}
	r.cmpTitle = widget.NewLabel("Tick two runs in the A/B column to compare their summaries.")
	r.cmpTitle.Importance = widget.LowImportance
	r.table = r.newTable()
	r.compare = newCompareTable(func() []summaryDiff { return r.diffs })
	bar := container.NewHBox(r.openBtn, r.cmpBtn, reload)
	lower := container.NewBorder(r.cmpTitle, nil, nil, nil, r.compare)
	split := container.NewVSplit(r.table, lower)
	split.Offset = 0.45
	r.content = container.NewBorder(container.NewVBox(bar, r.errLabel), nil, nil, nil, split)
	r.Reload()
	return r
}

// Content is the screen's root object.
func (r *Runs) Content() fyne.CanvasObject { return r.content }

// Reload reads the catalog again.
func (r *Runs) Reload() {
	cat := r.cat
	r.bg(func() func() {
		runs, err := cat.Runs()
		return func() {
			if err != nil {
				r.showError(fmt.Sprintf("runs: %v", err))
				return
			}
			r.errLabel.Hide()
			r.runs, r.current, r.picked = runs, -1, nil
			r.table.UnselectAll()
			r.table.Refresh()
			r.sync()
		}
	})
}

func (r *Runs) showError(msg string) {
	r.errLabel.SetText(msg)
	r.errLabel.Show()
}

func (r *Runs) sync() {
	setEnabled(r.openBtn, r.current >= 0 && !r.runs[r.current].Missing)
	setEnabled(r.cmpBtn, len(r.picked) == 2)
}

// pick ticks or unticks row i for comparison; a third tick replaces the older one.
func (r *Runs) pick(i int) {
	for k, p := range r.picked {
		if p == i {
			r.picked = append(r.picked[:k], r.picked[k+1:]...)
			r.table.Refresh()
			r.sync()
			return
		}
	}
	r.picked = append(r.picked, i)
	if len(r.picked) > 2 {
		r.picked = r.picked[1:]
	}
	r.table.Refresh()
	r.sync()
}

func (r *Runs) onOpen() {
	if r.open != nil && r.current >= 0 {
		r.open(r.runs[r.current])
	}
}

// onCompare reads both summaries off the Fyne thread and fills the comparison.
func (r *Runs) onCompare() {
	if len(r.picked) != 2 {
		return
	}
	a, b := r.runs[r.picked[0]], r.runs[r.picked[1]]
	cat := r.cat
	r.bg(func() func() {
		diffs, err := loadComparison(cat, a, b)
		return func() {
			if err != nil {
				r.showError(err.Error())
				return
			}
			r.errLabel.Hide()
			r.diffs = diffs
			n := 0
			for _, d := range diffs {
				if d.Differs() {
					n++
				}
			}
			r.cmpTitle.SetText(fmt.Sprintf("A %s   ·   B %s   ·   %d of %d values differ",
				runName(a), runName(b), n, len(diffs)))
			r.cmpTitle.Importance = widget.MediumImportance
			r.cmpTitle.Refresh()
			r.compare.Refresh()
		}
	})
}

func loadComparison(cat RunCatalog, a, b RunEntry) ([]summaryDiff, error) {
	sa, err := cat.Summary(a.File)
	if err != nil {
		return nil, fmt.Errorf("summary of %s: %w", a.File, err)
	}
	sb, err := cat.Summary(b.File)
	if err != nil {
		return nil, fmt.Errorf("summary of %s: %w", b.File, err)
	}
	return compareSummaries(sa, sb)
}

func runName(e RunEntry) string {
	return e.Scenario + " seed " + strconv.FormatUint(e.Seed, 10) + " " + e.Started.Format("2006-01-02 15:04")
}
