package views

import (
	"context"
	"fmt"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// SweepRunner is what the memory-sweep screen asks of the application: the functions it can
// sweep, the sweep itself and the choice of the optimum. app/sweep/sweepview implements it.
type SweepRunner interface {
	// SweepFunctions lists the open scenario's functions in scenario order.
	SweepFunctions() []SweepFunction
	// RunSweep runs the scenario once per size; it calls progress (from any goroutine, never
	// concurrently) after each finished size, and stops early with ctx's error when ctx is
	// cancelled. The rows are in ascending memory order and include the baseline.
	RunSweep(ctx context.Context, req SweepRequest, progress func(done, total int)) (SweepResult, error)
	// JudgeSweep picks the optimum of res under obj and compares every row with the baseline.
	// It is cheap and pure: the screen calls it again when the strategy changes.
	JudgeSweep(res SweepResult, obj SweepObjective) SweepJudgement
}

// SweepFunction is one function that can be swept.
type SweepFunction struct {
	Key       string // "service/function"
	CurrentMB int    // its memory in the scenario
}

// SweepRequest is one sweep to run.
type SweepRequest struct {
	Function   string
	SizesMB    []int // ascending
	BaselineMB int   // compared against; always run
}

// SweepObjective is how the optimum is chosen: Strategy cost, speed or balanced; Weight the
// share of cost in the balanced score (0..1); Percentile p50 or p99.
type SweepObjective struct {
	Strategy   string
	Weight     float64
	Percentile string
}

// SweepResult is a finished sweep: one row per size.
type SweepResult struct {
	Function   string
	BaselineMB int
	Rows       []SweepRow
}

// SweepRow is one size's figures (durations in ms, cost in USD per 1M invocations). Err is
// set when the size could not run.
type SweepRow struct {
	MemoryMB                int
	Invocations, ColdStarts int64
	ColdStartMs             float64
	P50Ms, P90Ms, P99Ms     float64
	OOM, Timeouts           uint64
	ErrorRate               float64
	CostPer1M               float64
	Err                     string
}

// SweepJudgement is the optimum (0: none) and, per row, the comparison with the baseline
// ("38% cheaper, 61% faster"), plus the one-line verdict.
type SweepJudgement struct {
	OptimumMB  int
	VsBaseline []string
	Verdict    string
}

// SweepSizes are the sizes offered as checkboxes, in MB; others go in the text field.
var SweepSizes = []int{128, 256, 512, 1024, 1536, 2048, 3072, 4096, 8192}

// SweepScreen is the memory sweep: choose a function, sizes and a strategy, run, then read the
// charts and the table. The sweep runs on its own goroutine; the screen stays responsive and
// receives progress and the result through fyne.Do.
type SweepScreen struct {
	runner     SweepRunner
	fns        []SweepFunction
	function   *widget.Select
	sizes      *widget.CheckGroup
	extra      *widget.Entry // more sizes, comma-separated MB
	strategy   *widget.Select
	weight     *widget.Slider
	weightText *widget.Label
	percentile *widget.Select
	baseline   *widget.Entry
	runBtn     *widget.Button
	cancelBtn  *widget.Button
	progress   *widget.ProgressBar
	status     *widget.Label
	errLabel   *widget.Label
	verdict    *widget.Label
	chart      *canvas.Raster
	table      *widget.Table
	content    fyne.CanvasObject

	cancel   context.CancelFunc // of the running sweep; nil when idle
	runID    int                // increments per run, so a stale result is ignored
	result   *SweepResult
	judgment SweepJudgement
	rows     [][]string // the table, header first
	// afterFinish, when set (tests), is called at the end of every finish.
	afterFinish func()
}

// NewSweepScreen builds the screen over runner. Call it on the Fyne thread.
func NewSweepScreen(runner SweepRunner) *SweepScreen {
	s := &SweepScreen{runner: runner, fns: runner.SweepFunctions()}
	keys := make([]string, len(s.fns))
	for i, f := range s.fns {
		keys[i] = f.Key
	}
	s.function = widget.NewSelect(keys, func(string) { s.onFunction() })
	labels := make([]string, len(SweepSizes))
	for i, mb := range SweepSizes {
		labels[i] = sweepMB(mb)
	}
	s.sizes = widget.NewCheckGroup(labels, nil)
	s.sizes.Horizontal = true
	s.sizes.SetSelected(labels[:8])
	s.extra = widget.NewEntry()
	s.extra.SetPlaceHolder("more sizes in MB, e.g. 640, 1792, 16384")
	s.strategy = widget.NewSelect([]string{"cost", "speed", "balanced"}, func(string) { s.onObjective() })
	s.weight = widget.NewSlider(0, 1)
	s.weight.Step = 0.05
	s.weightText = widget.NewLabel("")
	s.weight.OnChanged = func(float64) { s.onObjective() }
	s.percentile = widget.NewSelect([]string{"p50", "p99"}, func(string) { s.onObjective() })
	s.baseline = widget.NewEntry()
	s.runBtn = widget.NewButtonWithIcon("Run sweep", theme.MediaPlayIcon(), s.onRun)
	s.runBtn.Importance = widget.HighImportance
	s.cancelBtn = widget.NewButtonWithIcon("Cancel", theme.CancelIcon(), s.Stop)
	s.cancelBtn.Disable()
	s.progress = widget.NewProgressBar()
	s.status = widget.NewLabel("") // shown as the progress bar's text
	s.progress.TextFormatter = func() string { return s.status.Text }
	s.errLabel = widget.NewLabel("")
	s.errLabel.Importance = widget.DangerImportance
	s.errLabel.Wrapping = fyne.TextWrapWord
	s.errLabel.Hide()
	s.verdict = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	s.verdict.Wrapping = fyne.TextWrapWord
	s.chart = canvas.NewRaster(s.drawChart)
	s.table = s.newTable()
	s.content = s.layout()
	s.weight.SetValue(0.5)
	s.percentile.SetSelected("p50")
	s.strategy.SetSelected("balanced")
	if len(keys) > 0 {
		s.function.SetSelected(keys[0])
	} else {
		s.runBtn.Disable()
		s.setStatus("the scenario has no functions to sweep")
	}
	return s
}

// Content is the screen's root object.
func (s *SweepScreen) Content() fyne.CanvasObject { return s.content }

func (s *SweepScreen) layout() fyne.CanvasObject {
	form := widget.NewForm(
		widget.NewFormItem("function", s.function),
		widget.NewFormItem("sizes", container.NewVBox(s.sizes, s.extra)),
		widget.NewFormItem("strategy", container.NewHBox(s.strategy, widget.NewLabel("cost weight"),
			container.NewGridWrap(fyne.NewSize(160, 36), s.weight), s.weightText, widget.NewLabel("duration"), s.percentile)),
		widget.NewFormItem("baseline (MB)", container.NewGridWrap(fyne.NewSize(120, 36), s.baseline)),
	)
	bar := container.NewBorder(nil, nil, container.NewHBox(s.runBtn, s.cancelBtn), nil, s.progress)
	top := container.NewVBox(form, bar, s.errLabel, s.verdict)
	s.chart.SetMinSize(fyne.NewSize(480, 300))
	split := container.NewVSplit(s.chart, s.table)
	split.Offset = 0.6
	return container.NewBorder(top, nil, nil, nil, split)
}

// onFunction puts the chosen function's current memory in the baseline field.
func (s *SweepScreen) onFunction() {
	for _, f := range s.fns {
		if f.Key == s.function.Selected {
			s.baseline.SetText(strconv.Itoa(f.CurrentMB))
		}
	}
}

// objective reads the strategy controls.
func (s *SweepScreen) objective() SweepObjective {
	return SweepObjective{Strategy: s.strategy.Selected, Weight: s.weight.Value, Percentile: s.percentile.Selected}
}

// onObjective re-judges the last result when the strategy, weight or percentile changes.
func (s *SweepScreen) onObjective() {
	if s.weightText == nil {
		return
	}
	s.weightText.SetText(fmt.Sprintf("%.2f", s.weight.Value))
	if s.strategy.Selected == "balanced" {
		s.weight.Enable()
	} else {
		s.weight.Disable()
	}
	if s.result != nil && s.table != nil {
		s.show(*s.result)
	}
}

// request reads the function, sizes and baseline; the error names the bad input.
func (s *SweepScreen) request() (SweepRequest, error) {
	req := SweepRequest{Function: s.function.Selected}
	if req.Function == "" {
		return req, fmt.Errorf("choose a function to sweep")
	}
	for _, l := range s.sizes.Selected {
		req.SizesMB = append(req.SizesMB, sweepParseMB(l))
	}
	for _, part := range strings.Split(s.extra.Text, ",") {
		if part = strings.TrimSpace(part); part == "" {
			continue
		}
		mb, err := strconv.Atoi(strings.TrimSuffix(strings.TrimSpace(strings.TrimSuffix(part, "MB")), " "))
		if err != nil || mb < 128 || mb > 32768 || mb%64 != 0 {
			return req, fmt.Errorf("size %q is not valid: a function's memory must be 128 MB to 32 GB (32768 MB) in multiples of 64 MB", part)
		}
		req.SizesMB = append(req.SizesMB, mb)
	}
	if len(req.SizesMB) == 0 {
		return req, fmt.Errorf("choose at least one memory size")
	}
	b, err := strconv.Atoi(strings.TrimSpace(s.baseline.Text))
	if err != nil || b < 128 || b > 32768 || b%64 != 0 {
		return req, fmt.Errorf("baseline %q is not valid: 128 to 32768 MB in multiples of 64 MB", s.baseline.Text)
	}
	req.BaselineMB = b
	req.SizesMB = sweepUnique(req.SizesMB)
	return req, nil
}
