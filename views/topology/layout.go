package topology

import "sort"

// Layout dimensions, in layout units (pixels at zoom 1).
const (
	BoxW    = 184 // box width
	BoxH    = 44  // box height
	GapX    = 88  // between columns
	GapY    = 12  // between boxes of a column
	Pad     = 20  // around the diagram
	HeaderH = 26  // the column headings
	DLGap   = 40  // between the lowest box and the dead-letter row's heading
	LaneW   = 7   // between the vertical runs of routed arrows
	sweeps  = 8   // barycentre passes
)

// Header is a column heading of the laid-out diagram.
type Header struct {
	Text string
	X, Y float32
}

// Layout places the nodes of g in columns (sources, buses, rules, targets) and the dead-letter
// row below, orders each column to reduce arrow crossings (barycentre heuristic), and routes
// the arrows. Boxes never overlap.
func Layout(g *Graph) {
	cols := make([][]int, numCols)
	for i, n := range g.Nodes {
		cols[n.Col] = append(cols[n.Col], i)
	}
	left, right := neighbours(g)
	orderColumns(cols, left, right)
	bottom := placeColumns(g, cols, left, right)
	placeDeadLetters(g, cols[ColDeadLetters], bottom)
	g.Headers = []Header{
		{"SOURCES", colX(ColSources), Pad}, {"BUSES", colX(ColBuses), Pad},
		{"RULES", colX(ColRules), Pad}, {"TARGETS", colX(ColTargets), Pad},
	}
	if len(cols[ColDeadLetters]) > 0 {
		g.Headers = append(g.Headers, Header{"DEAD LETTERS", colX(ColSources), bottom + DLGap})
	}
	route(g)
}

func colX(c int) float32 { return Pad + float32(c)*(BoxW+GapX) }

// neighbours lists, for every node, the nodes joined to it by event arrows in the column to
// its left and to its right.
func neighbours(g *Graph) (left, right [][]int) {
	left, right = make([][]int, len(g.Nodes)), make([][]int, len(g.Nodes))
	for _, e := range g.Edges {
		a, b := g.Nodes[e.From].Col, g.Nodes[e.To].Col
		if e.Kind == EdgeEvents && b == a+1 && b <= ColTargets {
			right[e.From] = append(right[e.From], e.To)
			left[e.To] = append(left[e.To], e.From)
		}
	}
	return left, right
}

// orderColumns sorts each column by the mean position of its neighbours, sweeping right then
// left, and keeps the order with the fewest crossings seen.
func orderColumns(cols [][]int, left, right [][]int) {
	pos := map[int]float64{}
	setPos := func() {
		for _, col := range cols {
			for i, n := range col {
				pos[n] = float64(i)
			}
		}
	}
	setPos()
	best, bestX := snapshot(cols), crossings(cols[:ColDeadLetters], right, pos)
	for s := 0; s < sweeps && bestX > 0; s++ {
		for c := ColBuses; c <= ColTargets; c++ {
			sortBy(cols[c], left, pos)
			setPos()
		}
		for c := ColRules; c >= ColSources; c-- {
			sortBy(cols[c], right, pos)
			setPos()
		}
		if x := crossings(cols[:ColDeadLetters], right, pos); x < bestX {
			best, bestX = snapshot(cols), x
		}
	}
	for c := range cols {
		copy(cols[c], best[c])
	}
}

func snapshot(cols [][]int) [][]int {
	out := make([][]int, len(cols))
	for i, c := range cols {
		out[i] = append([]int(nil), c...)
	}
	return out
}

// sortBy orders col by the barycentre of each node's neighbours (a node without neighbours
// keeps its own position), stably.
func sortBy(col []int, nb [][]int, pos map[int]float64) {
	key := map[int]float64{}
	for _, n := range col {
		key[n] = pos[n]
		if len(nb[n]) > 0 {
			sum := 0.0
			for _, m := range nb[n] {
				sum += pos[m]
			}
			key[n] = sum / float64(len(nb[n]))
		}
	}
	sort.SliceStable(col, func(i, j int) bool { return key[col[i]] < key[col[j]] })
}

// crossings counts pairs of event arrows between adjacent columns that cross.
func crossings(cols [][]int, right [][]int, pos map[int]float64) int {
	n := 0
	for _, col := range cols {
		type seg struct{ a, b float64 }
		var segs []seg
		for _, u := range col {
			for _, v := range right[u] {
				segs = append(segs, seg{pos[u], pos[v]})
			}
		}
		for i := range segs {
			for j := i + 1; j < len(segs); j++ {
				s, t := segs[i], segs[j]
				if (s.a-t.a)*(s.b-t.b) < 0 {
					n++
				}
			}
		}
	}
	return n
}
