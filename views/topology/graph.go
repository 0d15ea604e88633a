// Package topology draws a scenario as a diagram in the shape of the seed article's Figure 1:
// event sources (loads, with the cloud services whose events they generate) and buses on the
// left, rules in the middle, targets (functions, queues and topics, logstores, HTTP endpoints,
// notifications) on the right, dead-letter destinations in a row below, arrows between them.
//
// Graph and Layout are plain data (no Fyne) so the layout can be tested at scale; Diagram draws
// a laid-out graph with canvas primitives; View puts the diagram in a scroller under a toolbar
// that adds, renames and deletes elements through the edit document. Constructors must be
// called on the Fyne thread. No package-level mutable state.
package topology

import (
	"fmt"
	"strings"

	"github.com/fanout/fanout/engine/bus"
	"github.com/fanout/fanout/engine/event"
	"github.com/fanout/fanout/engine/load"
	"github.com/fanout/fanout/scenarios"
)

// Element kinds.
const (
	KindLoad     = "load"     // a load (an event source); name: the load's name
	KindBus      = "bus"      // name: the bus name
	KindRule     = "rule"     // name: the rule name
	KindFunction = "function" // name: "service/function"
	KindQueue    = "queue"    // an MNS queue or RocketMQ topic; name: its name
	KindTarget   = "target"   // a logstore, HTTP or notification target; name: "rule/id"
)

// Columns of the diagram.
const (
	ColSources = iota
	ColBuses
	ColRules
	ColTargets
	ColDeadLetters // the row below the targets
	numCols
)

// ID names an element of the diagram.
type ID struct{ Kind, Name string }

func (id ID) String() string { return id.Kind + " " + id.Name }

// Node is one box of the diagram.
type Node struct {
	ID    ID
	Title string // the element's name as shown
	Sub   string // a one-line summary: "poisson 5/s · OSS", "python3.10 · 1GB", ...
	Col   int    // ColSources … ColDeadLetters
	Rect         // position and size, set by Layout
}

// Rect is a box in layout units (pixels at zoom 1).
type Rect struct{ X, Y, W, H float32 }

// Contains reports whether (x, y) is inside r.
func (r Rect) Contains(x, y float32) bool {
	return x >= r.X && x < r.X+r.W && y >= r.Y && y < r.Y+r.H
}

// Overlaps reports whether r and o share any area.
func (r Rect) Overlaps(o Rect) bool {
	return r.X < o.X+o.W && o.X < r.X+r.W && r.Y < o.Y+o.H && o.Y < r.Y+r.H
}

// EdgeKind tells what an arrow means.
type EdgeKind int

// Edge kinds.
const (
	EdgeEvents      EdgeKind = iota // events flow: load → bus → rule → target
	EdgeDeadLetter                  // undeliverable events: target or function → dead-letter queue
	EdgeDestination                 // a function's on-success destination
	EdgeConsumer                    // a queue's consumer: queue → function
)

// Edge is one arrow between two nodes (indexes into Graph.Nodes).
type Edge struct {
	From, To int
	Kind     EdgeKind
	Points   []Point // the route, first point at From, last at To (arrow head), set by Layout
}

// Point is a position in layout units.
type Point struct{ X, Y float32 }

// Graph is the diagram of one scenario.
type Graph struct {
	Nodes   []Node
	Edges   []Edge
	W, H    float32  // the extent of the laid-out diagram
	Headers []Header // the column headings, set by Layout
	index   map[ID]int
}

// Find returns the index of the node id, or -1.
func (g *Graph) Find(id ID) int {
	if i, ok := g.index[id]; ok {
		return i
	}
	return -1
}

// Build makes the (not yet laid out) graph of sc. A nil scenario gives an empty graph.
func Build(sc *scenarios.Scenario) *Graph {
	g := &Graph{index: map[ID]int{}}
	if sc == nil {
		return g
	}
	b := &builder{g: g, sc: sc, fnIndex: functionIndex(sc)}
	b.buses()
	b.loads()
	b.rules()
	b.functions()
	b.queues()
	return g
}

type builder struct {
	g       *Graph
	sc      *scenarios.Scenario
	fnIndex map[string]string // function reference (full or unique bare name) → "service/function"
}

// node adds a node unless it exists, and returns its index.
func (b *builder) node(id ID, col int, sub string) int {
	if i, ok := b.g.index[id]; ok {
		return i
	}
	title := id.Name
	if id.Kind == KindTarget || id.Kind == KindFunction {
		title = id.Name[strings.Index(id.Name, "/")+1:] // the service or rule is in the summary
	}
	b.g.Nodes = append(b.g.Nodes, Node{ID: id, Title: title, Sub: sub, Col: col})
	b.g.index[id] = len(b.g.Nodes) - 1
	return len(b.g.Nodes) - 1
}

// edge adds an arrow unless the same one exists.
func (b *builder) edge(from, to int, k EdgeKind) {
	for _, e := range b.g.Edges {
		if e.From == from && e.To == to && e.Kind == k {
			return
		}
	}
	b.g.Edges = append(b.g.Edges, Edge{From: from, To: to, Kind: k})
}

func (b *builder) buses() {
	for _, bs := range b.sc.Buses {
		b.node(ID{KindBus, bs.Name}, ColBuses, bs.KindOrDefault()+" bus")
	}
}

// bus returns the node of the named bus, adding the implicit default bus when needed.
func (b *builder) bus(name string) int {
	if name == "" {
		name = bus.DefaultBusName
	}
	kind := "custom bus (not declared)"
	if name == bus.DefaultBusName {
		kind = "default bus"
	}
	return b.node(ID{KindBus, name}, ColBuses, kind)
}

func (b *builder) loads() {
	for _, l := range b.sc.Loads {
		i := b.node(ID{KindLoad, l.Name}, ColSources, loadSummary(l))
		b.edge(i, b.bus(l.Bus), EdgeEvents)
	}
}

// loadSummary is "poisson 5/s · OSS": the arrival process and the services of its events.
func loadSummary(l load.Spec) string {
	parts := []string{l.Arrival.Process}
	if r := l.Arrival.Rate; r > 0 {
		parts[0] += " " + rateText(r.PerSecond())
	}
	var svcs []string
	seen := map[string]bool{}
	for _, t := range l.Events {
		s := "custom"
		if t.Catalog != "" {
			if c, ok := event.Lookup(t.Catalog); ok {
				s = c.Service
			}
		} else if t.Event != nil && t.Event.Source != "" {
			s = t.Event.Source
		}
		if !seen[s] {
			seen[s] = true
			svcs = append(svcs, s)
		}
	}
	if len(svcs) > 0 {
		parts = append(parts, strings.Join(svcs, ", "))
	}
	return strings.Join(parts, " · ")
}

func rateText(perSec float64) string {
	switch {
	case perSec >= 1:
		return fmt.Sprintf("%g/s", perSec)
	case perSec*60 >= 1:
		return fmt.Sprintf("%g/min", perSec*60)
	}
	return fmt.Sprintf("%g/h", perSec*3600)
}
