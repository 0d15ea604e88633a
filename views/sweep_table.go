package views

import (
	"math"
	"slices"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// sweepHeader is the sweep table's header.
var sweepHeader = []string{"memory", "invocations", "cold starts", "cold start", "p50", "p90", "p99",
	"OOM", "timeouts", "$ per 1M", "vs baseline"}

// sweepTable returns the table cells, header first: one row per size, the optimum marked ◆
// and the baseline "=".
func sweepTable(res SweepResult, j SweepJudgement) [][]string {
	rows := [][]string{sweepHeader}
	for i, r := range res.Rows {
		mem := sweepMB(r.MemoryMB)
		switch r.MemoryMB {
		case j.OptimumMB:
			mem = "◆ " + mem
		case res.BaselineMB:
			mem = "= " + mem
		}
		if r.Err != "" {
			rows = append(rows, []string{mem, "", "", "", "", "", "", "", "", "", "error: " + r.Err})
			continue
		}
		vs := ""
		if i < len(j.VsBaseline) {
			vs = j.VsBaseline[i]
		}
		if r.MemoryMB == res.BaselineMB {
			vs = "baseline"
		}
		rows = append(rows, []string{mem, evCount(r.Invocations), evCount(r.ColdStarts), sweepMs(r.ColdStartMs),
			sweepMs(r.P50Ms), sweepMs(r.P90Ms), sweepMs(r.P99Ms), evCount(int64(r.OOM)), evCount(int64(r.Timeouts)),
			sweepUSD(r.CostPer1M), vs})
	}
	return rows
}

func (s *SweepScreen) newTable() *widget.Table {
	s.rows = [][]string{sweepHeader}
	t := widget.NewTableWithHeaders(
		func() (int, int) { return len(s.rows) - 1, len(sweepHeader) },
		func() fyne.CanvasObject { return widget.NewLabel("") },
		func(id widget.TableCellID, o fyne.CanvasObject) {
			l := o.(*widget.Label)
			l.Alignment = fyne.TextAlignTrailing // numbers right-aligned; set before the text
			if id.Col == 0 || id.Col == len(sweepHeader)-1 {
				l.Alignment = fyne.TextAlignLeading
			}
			l.SetText(s.rows[id.Row+1][id.Col])
			l.Refresh()
		})
	t.ShowHeaderColumn = false
	t.CreateHeader = func() fyne.CanvasObject {
		return widget.NewLabelWithStyle("", fyne.TextAlignCenter, fyne.TextStyle{Bold: true})
	}
	t.UpdateHeader = func(id widget.TableCellID, o fyne.CanvasObject) {
		if id.Row < 0 && id.Col >= 0 && id.Col < len(sweepHeader) {
			o.(*widget.Label).SetText(sweepHeader[id.Col])
		}
	}
	t.SetColumnWidth(0, 110)
	for c := 1; c < len(sweepHeader)-1; c++ {
		t.SetColumnWidth(c, 96)
	}
	t.SetColumnWidth(len(sweepHeader)-1, 240)
	return t
}

// sweepMB names a size: "512 MB", "1.5 GB".
func sweepMB(mb int) string {
	if mb >= 1024 && mb%512 == 0 {
		return strconv.FormatFloat(float64(mb)/1024, 'f', -1, 64) + " GB"
	}
	return strconv.Itoa(mb) + " MB"
}

// sweepParseMB reads a label made by sweepMB back (0 if it is not one).
func sweepParseMB(l string) int {
	if v, ok := strings.CutSuffix(l, " GB"); ok {
		f, _ := strconv.ParseFloat(v, 64)
		return int(f * 1024)
	}
	n, _ := strconv.Atoi(strings.TrimSuffix(l, " MB"))
	return n
}

// sweepMs formats milliseconds with the unit: "3.1 ms", "412 ms", "1,950 ms".
func sweepMs(ms float64) string {
	if ms < 100 {
		return strconv.FormatFloat(ms, 'f', 1, 64) + " ms"
	}
	return evCount(int64(math.Round(ms))) + " ms"
}

// sweepUSD formats dollars: "$2.31", "$0.2083".
func sweepUSD(usd float64) string {
	if usd >= 1 || usd <= 0 {
		return "$" + strconv.FormatFloat(usd, 'f', 2, 64)
	}
	return "$" + strconv.FormatFloat(usd, 'f', 3-int(math.Floor(math.Log10(usd))), 64)
}

func sweepUnique(v []int) []int {
	out := slices.Clone(v)
	slices.Sort(out)
	return slices.Compact(out)
}
