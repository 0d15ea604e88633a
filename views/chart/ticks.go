package chart

import (
	"math"
	"strconv"
	"strings"

	"gonum.org/v1/plot"
)

// scaledTicks places about N (default 5) "nice" labelled ticks, with unlabelled minor ticks
// halfway between them, on an axis whose data are in a base unit (seconds, ms, USD) but whose
// labels are in a display unit: Div converts base to display units, Format prints a display
// value given the tick step (so it can choose the number of decimals).
type scaledTicks struct {
	Div    float64
	N      int
	Format func(v, step float64) string
}

// Ticks implements plot.Ticker.
func (s scaledTicks) Ticks(lo, hi float64) []plot.Tick {
	div := s.Div
	if div == 0 {
		div = 1
	}
	lo, hi = lo/div, hi/div
	if !(hi > lo) || !finite(lo) || !finite(hi) {
		return []plot.Tick{{Value: lo * div, Label: s.Format(lo, 1)}}
	}
	n := s.N
	if n <= 0 {
		n = 5
	}
	step := niceStep(hi-lo, n)
	var out []plot.Tick
	first := math.Ceil(lo/step*2-1e-9) / 2
	for k := 0; k < 200; k++ {
		v := (first + float64(k)/2) * step
		if v > hi+step*1e-9 {
			break
		}
		t := plot.Tick{Value: v * div}
		if isMultiple(v, step) {
			t.Label = s.Format(roundTo(v, step), step)
		}
		out = append(out, t)
	}
	return out
}

// niceStep is the 1, 2, 2.5 or 5 × 10^k step that splits span into at most about n parts.
func niceStep(span float64, n int) float64 {
	raw := span / float64(n)
	mag := math.Pow(10, math.Floor(math.Log10(raw)))
	for _, m := range []float64{1, 2, 2.5, 5, 10} {
		if m*mag >= raw*(1-1e-9) {
			return m * mag
		}
	}
	return 10 * mag
}

// isMultiple reports whether v is (within rounding) a whole multiple of step.
func isMultiple(v, step float64) bool {
	q := v / step
	return math.Abs(q-math.Round(q)) < 1e-6
}

// roundTo snaps v to the nearest multiple of step (removing float noise such as 0.30000004).
func roundTo(v, step float64) float64 {
	return math.Round(v/step) * step
}

// roundUpAxis extends ax.Max to the next labelled tick of n ticks, so the top of a zero-based
// chart carries a label and the data do not touch the frame.
func roundUpAxis(ax *plot.Axis, n int) {
	if !(ax.Max > ax.Min) || !finite(ax.Max) || !finite(ax.Min) {
		return
	}
	step := niceStep(ax.Max-ax.Min, n)
	if up := math.Ceil(ax.Max/step-1e-9) * step; finite(up) && up > ax.Max {
		ax.Max = up
	}
}

// decimals returns how many decimals show ticks spaced by step without repeating labels: the
// fewest that make step a whole number (2.5 → 1, 0.25 → 2, 500 → 0), at most 8.
func decimals(step float64) int {
	if step <= 0 || !finite(step) {
		return 0
	}
	for d := 0; d < 8; d++ {
		x := step * math.Pow10(d)
		if math.Abs(x-math.Round(x)) < 1e-6*math.Max(1, x) {
			return d
		}
	}
	return 8
}

// number formats v with thousands separators and the decimals the step needs.
func number(v, step float64) string {
	if v == 0 {
		return "0"
	}
	if math.Abs(v) >= 1e12 {
		return strings.Replace(strconv.FormatFloat(v, 'g', 3, 64), "-", "−", 1)
	}
	s := strconv.FormatFloat(v, 'f', decimals(step), 64)
	return groupThousands(s)
}

// money formats v as US dollars ("$1,234", "$0.018") with the decimals the step needs.
func money(v, step float64) string {
	s := number(math.Abs(v), step)
	if v == 0 {
		return "$0"
	}
	if v < 0 {
		return "−$" + s
	}
	return "$" + s
}

// groupThousands inserts commas in the integer part of a decimal string.
func groupThousands(s string) string {
	neg := strings.HasPrefix(s, "-")
	if neg {
		s = s[1:]
	}
	intPart, frac, _ := strings.Cut(s, ".")
	var b strings.Builder
	for i, r := range intPart {
		if i > 0 && (len(intPart)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(r)
	}
	out := b.String()
	if frac != "" {
		out += "." + frac
	}
	if neg {
		out = "−" + out
	}
	return out
}

// timeUnit chooses how to show simulated seconds spanning [0, maxSec]: the divisor and the unit
// name for the axis label.
func timeUnit(maxSec float64) (div float64, unit string) {
	switch {
	case maxSec <= 180:
		return 1, "s"
	case maxSec <= 3*3600:
		return 60, "min"
	default:
		return 3600, "h"
	}
}

// durationUnit chooses ms or s for a duration axis whose largest value is maxMs milliseconds.
func durationUnit(maxMs float64) (div float64, unit string) {
	if maxMs >= 5000 {
		return 1000, "s"
	}
	return 1, "ms"
}

// logTicks places ticks at 1, 2 and 5 times powers of ten (labelled) on a log axis, with unlabelled
// minor ticks at the other integers times powers of ten. Format prints a tick value.
type logTicks struct {
	Format func(v float64) string
}

// Ticks implements plot.Ticker.
func (l logTicks) Ticks(min, max float64) []plot.Tick {
	if min <= 0 || !(max > min) || math.IsInf(max, 0) {
		return nil
	}
	var out []plot.Tick
	for e := math.Floor(math.Log10(min)); math.Pow(10, e) <= max; e++ {
		p := math.Pow(10, e)
		for m := 1.0; m < 10; m++ {
			v := m * p
			if v < min*(1-1e-9) || v > max*(1+1e-9) {
				continue
			}
			t := plot.Tick{Value: v}
			if m == 1 || m == 2 || m == 5 {
				t.Label = l.Format(v)
			}
			out = append(out, t)
		}
	}
	return out
}

// memoryLabel formats a memory size in MB as "128 MB", "1 GB", "1.5 GB".
func memoryLabel(mb float64) string {
	if mb >= 1024 && math.Mod(mb, 512) == 0 {
		return strconv.FormatFloat(mb/1024, 'f', -1, 64) + " GB"
	}
	return groupThousands(strconv.FormatFloat(mb, 'f', -1, 64)) + " MB"
}

// fixedTicks labels exactly the given values (e.g. the tested memory sizes).
type fixedTicks struct {
	Values []float64
	Format func(v float64) string
}

// Ticks implements plot.Ticker.
func (f fixedTicks) Ticks(_, _ float64) []plot.Tick {
	out := make([]plot.Tick, len(f.Values))
	for i, v := range f.Values {
		out[i] = plot.Tick{Value: v, Label: f.Format(v)}
	}
	return out
}
