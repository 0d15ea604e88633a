package topology

import "sort"

// route sets the points of every arrow and the diagram's extent. Event arrows between
// adjacent columns are straight; the others (dead letters, destinations, consumers) run
// right of the targets column, in one lane per destination box, then to their box.
func route(g *Graph) {
	gutter := colX(ColTargets) + BoxW + 18
	var others []int
	for i, e := range g.Edges {
		a, b := g.Nodes[e.From], g.Nodes[e.To]
		if e.Kind == EdgeEvents && b.Col == a.Col+1 && b.Col <= ColTargets {
			g.Edges[i].Points = []Point{{a.X + a.W, a.Y + a.H/2}, {b.X, b.Y + b.H/2}}
			continue
		}
		others = append(others, i)
	}
	sort.SliceStable(others, func(i, j int) bool {
		return g.Nodes[g.Edges[others[i]].From].Y < g.Nodes[g.Edges[others[j]].From].Y
	})
	// Arrows into the same box share a lane: their vertical runs merge into one line.
	lanes := map[int]int{}
	for _, i := range others {
		if _, ok := lanes[g.Edges[i].To]; !ok {
			lanes[g.Edges[i].To] = len(lanes)
		}
	}
	for _, i := range others {
		e := &g.Edges[i]
		lane := lanes[e.To]
		a, b := g.Nodes[e.From].Rect, g.Nodes[e.To].Rect
		gx := gutter + float32(lane)*LaneW
		rise := float32(8 + (lane%5)*4)
		var pts []Point
		if g.Nodes[e.From].Col == ColDeadLetters {
			hy := a.Y - HeaderH - rise + 6
			pts = append(pts, Point{a.X + a.W - 14, a.Y}, Point{a.X + a.W - 14, hy}, Point{gx, hy})
		} else {
			pts = append(pts, Point{a.X + a.W, a.Y + a.H/2}, Point{gx, a.Y + a.H/2})
		}
		if g.Nodes[e.To].Col == ColDeadLetters {
			// run above the row's heading, then straight down into the box
			hy := b.Y - HeaderH - rise + 6
			cx := b.X + b.W/2
			pts = append(pts, Point{gx, hy}, Point{cx, hy}, Point{cx, b.Y})
		} else {
			pts = append(pts, Point{gx, b.Y + b.H/2}, Point{b.X + b.W, b.Y + b.H/2})
		}
		e.Points = pts
	}
	g.W = colX(ColTargets) + BoxW + Pad
	if len(lanes) > 0 {
		g.W = gutter + float32(len(lanes))*LaneW + Pad
	}
	g.H = Pad + HeaderH
	for _, n := range g.Nodes {
		g.H = max(g.H, n.Y+n.H+Pad)
	}
}
