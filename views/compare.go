package views

import (
	"fmt"
	"math"
	"strconv"

	"fyne.io/fyne/v2/widget"
)

// summaryDiff is one numeric leaf of two summary documents.
type summaryDiff struct {
	Path       string // "latency.p99_ms", "rules[0].matched"
	A, B       float64
	HasA, HasB bool
}

// Differs says whether the two runs disagree on this leaf (a leaf missing on one side differs).
func (d summaryDiff) Differs() bool { return d.HasA != d.HasB || d.A != d.B }

// numericLeaves lists the numeric leaves of a JSON document with their paths, in document
// order.
func numericLeaves(doc []byte) ([]string, map[string]float64, error) {
	root, err := parseJSONTree(doc)
	if err != nil {
		return nil, nil, err
	}
	vals := map[string]float64{}
	var order []string
	var walk func(n jsonNode, path string)
	walk = func(n jsonNode, path string) {
		switch n.Kind {
		case "number":
			if v, err := strconv.ParseFloat(n.Text, 64); err == nil {
				if _, dup := vals[path]; !dup {
					order = append(order, path)
				}
				vals[path] = v
			}
		case "object", "array":
			for _, c := range n.Children {
				p := c.Key
				switch {
				case n.Kind == "array":
					p = path + c.Key
				case path != "":
					p = path + "." + c.Key
				}
				walk(c, p)
			}
		}
	}
	walk(root, "")
	return order, vals, nil
}

// compareSummaries pairs the numeric leaves of a and b: a's paths in its order, then the paths
// only b has, in b's order.
func compareSummaries(a, b []byte) ([]summaryDiff, error) {
	oa, va, err := numericLeaves(a)
	if err != nil {
		return nil, fmt.Errorf("summary A: %w", err)
	}
	ob, vb, err := numericLeaves(b)
	if err != nil {
		return nil, fmt.Errorf("summary B: %w", err)
	}
	var out []summaryDiff
	for _, p := range oa {
		x, inB := vb[p]
		out = append(out, summaryDiff{Path: p, A: va[p], B: x, HasA: true, HasB: inB})
	}
	for _, p := range ob {
		if _, inA := va[p]; !inA {
			out = append(out, summaryDiff{Path: p, B: vb[p], HasB: true})
		}
	}
	return out, nil
}

// evNum formats a summary value: whole numbers with separators, others with 6 significant
// digits.
func evNum(v float64) string {
	if v == math.Trunc(v) && math.Abs(v) < 1e15 {
		return evCount(int64(v))
	}
	return strconv.FormatFloat(v, 'g', 6, 64)
}

// diffCells are the texts of a comparison row: path, A, B, delta, percentage.
func diffCells(d summaryDiff) [5]string {
	c := [5]string{d.Path, "—", "—", "", ""}
	if d.HasA {
		c[1] = evNum(d.A)
	}
	if d.HasB {
		c[2] = evNum(d.B)
	}
	if !d.HasA || !d.HasB {
		return c
	}
	delta := d.B - d.A
	c[3] = evNum(delta)
	if delta > 0 {
		c[3] = "+" + c[3]
	}
	switch {
	case d.A != 0:
		c[4] = strconv.FormatFloat(delta/math.Abs(d.A)*100, 'f', 1, 64) + " %"
		if delta > 0 {
			c[4] = "+" + c[4]
		}
	case delta != 0:
		c[4] = "new"
	default:
		c[4] = "0.0 %"
	}
	return c
}

var compareColumns = []column{{"summary value", 320, false}, {"A", 130, true}, {"B", 130, true}, {"Δ", 120, true}, {"%", 90, true}}

// newCompareTable shows rows (read through get, so the owner can replace them); differing rows
// take the accent colour.
func newCompareTable(get func() []summaryDiff) *widget.Table {
	return newColumnTable(compareColumns, func() int { return len(get()) }, func(id widget.TableCellID, l *widget.Label) {
		row := get()[id.Row]
		if row.Differs() {
			l.Importance = widget.DangerImportance
		}
		l.SetText(diffCells(row)[id.Col])
	})
}
