package sim

import (
	"fmt"
	"math"
	"math/rand/v2"
	"sort"
	"strings"
)

// Point is one point of a percentile table: a fraction P of draws fall at or
// below V.
type Point struct {
	P float64 `yaml:"p" json:"p"` // cumulative probability in [0, 1]
	V float64 `yaml:"v" json:"v"` // value in the caller's unit
}

// percentiles samples the piecewise-linear inverse CDF through its points.
type percentiles struct {
	pts  []Point
	mean float64
}

// NewPercentileTable returns the distribution whose inverse CDF interpolates
// linearly between the points: a draw u ~ U[0,1) falls in the segment
// p[i] <= u < p[i+1] and yields v[i] + (u-p[i])/(p[i+1]-p[i])*(v[i+1]-v[i]).
// There must be at least two points, the first with p = 0 and the last with
// p = 1; p and v must be finite and non-decreasing. Equal p values make a
// jump. The slice is copied.
func NewPercentileTable(points []Point) (Dist, error) {
	if err := checkPoints(points); err != nil {
		return nil, err
	}
	t := percentiles{pts: append([]Point(nil), points...)}
	for i := 1; i < len(points); i++ {
		a, b := points[i-1], points[i]
		t.mean += (b.P - a.P) * (a.V/2 + b.V/2)
	}
	t.mean = clampFinite(t.mean)
	return t, nil
}

// checkPoints validates a percentile table.
func checkPoints(pts []Point) error {
	const k = "percentiles"
	if len(pts) < 2 {
		msg := fmt.Sprintf("points has %d entries, want at least 2 (p=0 and p=1)", len(pts))
		return &ParamError{Dist: k, Field: "points", Msg: msg}
	}
	for i, pt := range pts {
		fp, fv := fmt.Sprintf("points[%d].p", i), fmt.Sprintf("points[%d].v", i)
		if err := checkFinite(k, fp, pt.P); err != nil {
			return err
		}
		if err := checkFinite(k, fv, pt.V); err != nil {
			return err
		}
		if pt.P < 0 || pt.P > 1 {
			return paramErr(k, fp, pt.P, "must be in [0, 1]")
		}
		if i == 0 {
			continue
		}
		if prev := pts[i-1]; pt.P < prev.P {
			return paramErr(k, fp, pt.P, "must be >= the previous p (%s)", fmtNum(prev.P))
		} else if pt.V < prev.V {
			return paramErr(k, fv, pt.V, "must be >= the previous v (%s)", fmtNum(prev.V))
		}
	}
	if pts[0].P != 0 {
		return paramErr(k, "points[0].p", pts[0].P, "must be 0: the table must start at p=0")
	}
	if last := len(pts) - 1; pts[last].P != 1 {
		return paramErr(k, fmt.Sprintf("points[%d].p", last), pts[last].P, "must be 1: the table must end at p=1")
	}
	return nil
}

func (t percentiles) Sample(r *rand.Rand) float64 { return t.Quantile(r.Float64()) }

func (t percentiles) Mean() float64 { return t.mean }

// Quantile interpolates the table at p.
func (t percentiles) Quantile(p float64) float64 {
	p = clamp01(p)
	pts := t.pts
	// first i with pts[i].P > p; the segment is [i-1, i]
	i := sort.Search(len(pts), func(i int) bool { return pts[i].P > p })
	if i >= len(pts) {
		return pts[len(pts)-1].V
	}
	a, b := pts[i-1], pts[i]
	return a.V + (p-a.P)/(b.P-a.P)*(b.V-a.V)
}

// String lists the points as percentiles, e.g.
// "percentiles(p0=10, p50=120, p99.9=800, p100=900)".
func (t percentiles) String() string {
	var b strings.Builder
	b.WriteString("percentiles(")
	for i, pt := range t.pts {
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString("p" + fmtNum(math.Round(pt.P*1e12)/1e10) + "=" + fmtNum(pt.V))
	}
	return b.String() + ")"
}
