package topology

// placeColumns sets the boxes of the four main columns: the fullest column is stacked from
// the top, the others are placed column by column outwards, each box at the mean height of
// its neighbours in the column already placed, pushed down to clear the box above. It
// returns the lowest box bottom.
func placeColumns(g *Graph, cols [][]int, left, right [][]int) float32 {
	top := float32(Pad + HeaderH)
	anchor := ColSources
	for c := ColSources; c <= ColTargets; c++ {
		if len(cols[c]) > len(cols[anchor]) {
			anchor = c
		}
	}
	placed := map[int]bool{}
	stack(g, cols[anchor], anchor, top, nil, placed)
	for c := anchor + 1; c <= ColTargets; c++ {
		stack(g, cols[c], c, top, left, placed)
	}
	for c := anchor - 1; c >= ColSources; c-- {
		stack(g, cols[c], c, top, right, placed)
	}
	bottom := top
	for c := ColSources; c <= ColTargets; c++ {
		for _, n := range cols[c] {
			bottom = max(bottom, g.Nodes[n].Y+BoxH)
		}
	}
	return bottom
}

// stack places col in order: each box at the mean centre of its placed neighbours nb (when
// nb is given), never above the previous box's bottom plus the gap.
func stack(g *Graph, col []int, c int, top float32, nb [][]int, placed map[int]bool) {
	y := top
	for _, n := range col {
		want := y
		if nb != nil {
			var sum float32
			k := 0
			for _, m := range nb[n] {
				if placed[m] {
					sum += g.Nodes[m].Y
					k++
				}
			}
			if k > 0 {
				want = max(y, sum/float32(k))
			}
		}
		g.Nodes[n].Rect = Rect{X: colX(c), Y: want, W: BoxW, H: BoxH}
		placed[n] = true
		y = want + BoxH + GapY
	}
}

// placeDeadLetters lays the dead-letter row out below bottom, left to right in the order of
// the boxes that send to them, wrapping at the diagram's width.
func placeDeadLetters(g *Graph, row []int, bottom float32) {
	if len(row) == 0 {
		return
	}
	from := map[int]float32{}
	count := map[int]float32{}
	for _, e := range g.Edges {
		if g.Nodes[e.To].Col == ColDeadLetters && g.Nodes[e.From].Col != ColDeadLetters {
			from[e.To] += g.Nodes[e.From].Y
			count[e.To]++
		}
	}
	key := func(n int) float32 {
		if count[n] == 0 {
			return 1e9
		}
		return from[n] / count[n]
	}
	sortStable(row, func(a, b int) bool { return key(a) < key(b) })
	perRow := ColTargets + 1
	y0 := bottom + DLGap + HeaderH
	for i, n := range row {
		r, c := i/perRow, i%perRow
		g.Nodes[n].Rect = Rect{X: colX(c), Y: y0 + float32(r)*(BoxH+GapY*2), W: BoxW, H: BoxH}
	}
}

// sortStable is an insertion sort (rows are short), stable.
func sortStable(s []int, less func(a, b int) bool) {
	for i := 1; i < len(s); i++ {
		for j := i; j > 0 && less(s[j], s[j-1]); j-- {
			s[j], s[j-1] = s[j-1], s[j]
		}
	}
}
