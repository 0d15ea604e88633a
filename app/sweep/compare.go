package sweep

import (
	"fmt"
	"math"
)

// Comparison is one size against the baseline. CheaperPct is (base − size)/base × 100 of the
// cost per 1M (negative: dearer); FasterPct the same of the objective's duration percentile
// (negative: slower). OK is false when either size did not run or a baseline figure is 0.
type Comparison struct {
	MemoryMB   int     `json:"memory_mb"`
	CheaperPct float64 `json:"cheaper_pct"`
	FasterPct  float64 `json:"faster_pct"`
	OK         bool    `json:"ok"`
}

// Compare compares s with base under o's duration percentile.
func Compare(s, base Size, o Objective) Comparison {
	c := Comparison{MemoryMB: s.MemoryMB}
	bd := o.duration(base)
	if !s.Ran() || !base.Ran() || base.CostPer1M <= 0 || bd <= 0 {
		return c
	}
	c.CheaperPct = (base.CostPer1M - s.CostPer1M) / base.CostPer1M * 100
	c.FasterPct = (bd - o.duration(s)) / bd * 100
	c.OK = true
	return c
}

// Phrase words c: "38% cheaper, 61% faster", "12% dearer, 5% slower", "same cost, 3% faster";
// "n/a" when not OK. Percentages are rounded to whole numbers.
func (c Comparison) Phrase() string {
	if !c.OK {
		return "n/a"
	}
	return relative(c.CheaperPct, "cheaper", "dearer", "same cost") + ", " +
		relative(c.FasterPct, "faster", "slower", "same speed")
}

func relative(pct float64, less, more, same string) string {
	r := math.Round(pct)
	switch {
	case r > 0:
		return fmt.Sprintf("%.0f%% %s", r, less)
	case r < 0:
		return fmt.Sprintf("%.0f%% %s", -r, more)
	}
	return same
}

// Report is a sweep judged under an objective: the optimum and every size against the
// baseline. It is what the command prints and writes as JSON.
type Report struct {
	Result
	Objective Objective `json:"objective"`
	// OptimumMB is the best size (0: no size eligible); VsBaseline holds one comparison per
	// size, in the order of Sizes.
	OptimumMB  int          `json:"optimum_mb"`
	VsBaseline []Comparison `json:"vs_baseline"`
	// Verdict is the one-line conclusion, e.g. "optimum (balanced, w 0.5, p50): 512 MB — 38%
	// cheaper, 61% faster than the current 128 MB" ("the baseline" when it is not the
	// function's current memory).
	Verdict string `json:"verdict"`
	// WallSeconds is how long the sweep took on this machine; nil (left out) unless the caller
	// sets it, so the JSON of the same inputs is byte-identical.
	WallSeconds *float64 `json:"wall_seconds,omitempty"`
}

// Evaluate judges r under o (which must be valid).
func Evaluate(r Result, o Objective) Report {
	rep := Report{Result: r, Objective: o, VsBaseline: make([]Comparison, len(r.Sizes))}
	base, haveBase := r.Find(r.BaselineMB)
	for i, s := range r.Sizes {
		rep.VsBaseline[i] = Comparison{MemoryMB: s.MemoryMB}
		if haveBase {
			rep.VsBaseline[i] = Compare(s, base, o)
		}
	}
	i, ok := Optimum(r.Sizes, o)
	if ok {
		rep.OptimumMB = r.Sizes[i].MemoryMB
	}
	rep.Verdict = verdict(rep, i, ok)
	return rep
}

// Label names the objective: "balanced, w 0.5, p50", "cost", "speed, p99".
func (o Objective) Label() string {
	switch o.Strategy {
	case Cost:
		return Cost
	case Speed:
		return Speed + ", " + o.Percentile
	}
	return fmt.Sprintf("%s, w %g, %s", o.Strategy, o.Weight, o.Percentile)
}

func verdict(rep Report, i int, ok bool) string {
	head := "optimum (" + rep.Objective.Label() + ")"
	if !ok {
		return head + ": none — no size ran without errors"
	}
	opt := rep.Sizes[i]
	base := "the baseline " + MB(rep.BaselineMB)
	if rep.BaselineMB == rep.CurrentMB {
		base = "the current " + MB(rep.BaselineMB)
	}
	switch c := rep.VsBaseline[i]; {
	case opt.MemoryMB == rep.BaselineMB:
		same := "the baseline"
		if rep.BaselineMB == rep.CurrentMB {
			same = "the current setting"
		}
		return fmt.Sprintf("%s: %s, %s", head, MB(opt.MemoryMB), same)
	case c.OK:
		return fmt.Sprintf("%s: %s — %s than %s", head, MB(opt.MemoryMB), c.Phrase(), base)
	}
	return fmt.Sprintf("%s: %s (no comparison: %s did not run or costs nothing)", head, MB(opt.MemoryMB), base)
}
