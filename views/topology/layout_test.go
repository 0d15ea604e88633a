package topology

import (
	"fmt"
	"testing"

	"github.com/fanout/fanout/engine/bus"
	"github.com/fanout/fanout/engine/delivery"
	"github.com/fanout/fanout/engine/fc"
	"github.com/fanout/fanout/engine/load"
	"github.com/fanout/fanout/scenarios"
)

// big is a scenario at the size the diagram is designed for: 5 buses, 50 rules and 100
// target boxes (60 functions, 20 queues, 20 logstores), 5 loads and 5 dead-letter queues.
func big() *scenarios.Scenario {
	sc := &scenarios.Scenario{}
	svc := fc.ServiceSpec{Name: "svc"}
	for i := 0; i < 60; i++ {
		f := fc.FunctionSpec{Name: fmt.Sprintf("fn-%d", i), Runtime: "go1"}
		f.Async.OnFailure = fmt.Sprintf("dlq-%d", i%5)
		svc.Functions = append(svc.Functions, f)
	}
	sc.Services = []fc.ServiceSpec{svc}
	for i := 0; i < 20; i++ {
		sc.Queues = append(sc.Queues, delivery.QueueSpec{Name: fmt.Sprintf("q-%d", i), Type: "mns"})
	}
	for i := 0; i < 5; i++ {
		b := fmt.Sprintf("bus-%d", i)
		sc.Buses = append(sc.Buses, bus.BusSpec{Name: b})
		sc.Loads = append(sc.Loads, load.Spec{Name: fmt.Sprintf("load-%d", i), Bus: b})
		sc.Queues = append(sc.Queues, delivery.QueueSpec{Name: fmt.Sprintf("dlq-%d", i), Type: "mns",
			Consumer: &delivery.ConsumerSpec{Function: fmt.Sprintf("svc/fn-%d", i)}})
	}
	for r := 0; r < 50; r++ {
		// declared out of bus order, so the layout has to sort them
		rule := bus.RuleSpec{Name: fmt.Sprintf("rule-%d", r), Bus: fmt.Sprintf("bus-%d", (r*3)%5)}
		rule.Targets = []bus.TargetSpec{
			{ID: "f", Type: "function", Function: fmt.Sprintf("fn-%d", (r*7)%60),
				DeadLetter: &delivery.DeadLetterSpec{Queue: fmt.Sprintf("dlq-%d", r%5)}},
			{ID: "g", Type: "function", Function: fmt.Sprintf("svc/fn-%d", (r*7+1)%60)},
		}
		if r < 20 {
			rule.Targets = append(rule.Targets, bus.TargetSpec{ID: "q", Type: "mns", Queue: fmt.Sprintf("q-%d", r)},
				bus.TargetSpec{ID: "log", Type: "logstore", Logstore: "p/s"})
		}
		sc.Rules = append(sc.Rules, rule)
	}
	return sc
}

func TestLayoutAtScale(t *testing.T) {
	g := Build(big())
	Layout(g)
	count := map[int]int{}
	for _, n := range g.Nodes {
		count[n.Col]++
	}
	if count[ColBuses] != 5 || count[ColRules] != 50 || count[ColTargets] != 100 || count[ColDeadLetters] != 5 {
		t.Fatalf("columns hold %v", count)
	}
	for i, a := range g.Nodes {
		if a.X < 0 || a.Y < 0 || a.X+a.W > g.W || a.Y+a.H > g.H || a.W != BoxW || a.H != BoxH {
			t.Errorf("%v at %+v outside %vx%v", a.ID, a.Rect, g.W, g.H)
		}
		for _, b := range g.Nodes[i+1:] {
			if a.Overlaps(b.Rect) {
				t.Errorf("%v overlaps %v", a.ID, b.ID)
			}
		}
	}
	for _, e := range g.Edges {
		first, last := e.Points[0], e.Points[len(e.Points)-1]
		if !onBorder(g.Nodes[e.From].Rect, first) || !onBorder(g.Nodes[e.To].Rect, last) {
			t.Errorf("arrow %v → %v does not join its boxes", g.Nodes[e.From].ID, g.Nodes[e.To].ID)
		}
	}
	if g.H > 6500 {
		t.Errorf("diagram %v high: the targets column alone needs %v", g.H, 100*(BoxH+GapY))
	}
}

func onBorder(r Rect, p Point) bool {
	in := func(v, lo, hi float32) bool { return v >= lo-0.5 && v <= hi+0.5 }
	if !in(p.X, r.X, r.X+r.W) || !in(p.Y, r.Y, r.Y+r.H) {
		return false
	}
	return p.X <= r.X+0.5 || p.X >= r.X+r.W-0.5 || p.Y <= r.Y+0.5 || p.Y >= r.Y+r.H-0.5 ||
		(p.Y == r.Y)
}

// straightCrossings counts crossing pairs among the straight arrows of adjacent columns.
func straightCrossings(g *Graph) int {
	n := 0
	for i, a := range g.Edges {
		for _, b := range g.Edges[i+1:] {
			if len(a.Points) != 2 || len(b.Points) != 2 || a.Points[0].X != b.Points[0].X {
				continue
			}
			if (a.Points[0].Y-b.Points[0].Y)*(a.Points[1].Y-b.Points[1].Y) < 0 {
				n++
			}
		}
	}
	return n
}

// TestLayoutUntangles: a scenario declared in an order that crosses every arrow is drawn
// without crossings.
func TestLayoutUntangles(t *testing.T) {
	sc := &scenarios.Scenario{Services: []fc.ServiceSpec{{Name: "s"}}}
	for i := 0; i < 4; i++ {
		sc.Buses = append(sc.Buses, bus.BusSpec{Name: fmt.Sprintf("b%d", i)})
		sc.Services[0].Functions = append(sc.Services[0].Functions, fc.FunctionSpec{Name: fmt.Sprintf("f%d", i)})
	}
	for i := 0; i < 4; i++ {
		j := 3 - i
		sc.Loads = append(sc.Loads, load.Spec{Name: fmt.Sprintf("l%d", i), Bus: fmt.Sprintf("b%d", (i+2)%4)})
		sc.Rules = append(sc.Rules, bus.RuleSpec{Name: fmt.Sprintf("r%d", i), Bus: fmt.Sprintf("b%d", j),
			Targets: []bus.TargetSpec{{ID: "t", Type: "function", Function: fmt.Sprintf("f%d", (j+1)%4)}}})
	}
	g := Build(sc)
	before := straightCrossings(laidOutInDeclarationOrder(g))
	Layout(g)
	if after := straightCrossings(g); after != 0 || before == 0 {
		t.Errorf("crossings: declaration order %d, laid out %d (want >0, 0)", before, after)
	}
}

// laidOutInDeclarationOrder stacks every column in declaration order (no barycentre).
func laidOutInDeclarationOrder(g *Graph) *Graph {
	c := &Graph{Nodes: append([]Node(nil), g.Nodes...), Edges: append([]Edge(nil), g.Edges...)}
	y := map[int]float32{}
	for i := range c.Nodes {
		n := &c.Nodes[i]
		n.Rect = Rect{colX(n.Col), y[n.Col], BoxW, BoxH}
		y[n.Col] += BoxH + GapY
	}
	route(c)
	return c
}

func TestBuildNilAndDangling(t *testing.T) {
	g := Build(nil)
	Layout(g)
	if len(g.Nodes) != 0 {
		t.Fatal("nil scenario: want an empty graph")
	}
	sc := &scenarios.Scenario{Rules: []bus.RuleSpec{{Name: "r", Targets: []bus.TargetSpec{
		{ID: "a", Type: "function", Function: "ghost"}, {ID: "b", Type: "mns", Queue: "nowhere"}}}}}
	g = Build(sc)
	for _, id := range []ID{{KindBus, "default"}, {KindFunction, "ghost"}, {KindQueue, "nowhere"}} {
		if g.Find(id) < 0 {
			t.Errorf("missing %v", id)
		}
	}
}
