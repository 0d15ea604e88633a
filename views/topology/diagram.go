package topology

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// Health colours a box by how its element is doing in a run.
type Health int

// Health levels.
const (
	HealthNone    Health = iota // no run data: neutral
	HealthOK                    // delivering
	HealthWarning               // retrying, throttled, backlog growing
	HealthError                 // dead-lettering or failing
)

// Count is the live figure shown in a box during a run, e.g. "✓ 2,041" or "⟳ 12 retrying".
type Count struct {
	Text   string
	Health Health
}

// Counts are the live figures per element; elements without an entry show none.
type Counts map[ID]Count

// Diagram draws a laid-out Graph with canvas primitives: rectangles, text and lines with
// arrow heads. Tapping a box selects it. Its minimum size is the graph's extent at the
// current zoom, so it belongs in a scroll container.
type Diagram struct {
	widget.BaseWidget
	graph    *Graph
	zoom     float32
	selected ID
	counts   Counts
	// OnSelect, when set, is called with the element the user tapped.
	OnSelect func(id ID)
}

// NewDiagram makes an empty diagram at zoom 1.
func NewDiagram() *Diagram {
	d := &Diagram{graph: &Graph{}, zoom: 1}
	d.ExtendBaseWidget(d)
	return d
}

// SetGraph shows g (laid out); the selection is kept when its element is still there.
func (d *Diagram) SetGraph(g *Graph) {
	d.graph = g
	if g.Find(d.selected) < 0 {
		d.selected = ID{}
	}
	d.Refresh()
}

// Graph returns the graph shown.
func (d *Diagram) Graph() *Graph { return d.graph }

// Zoom returns the zoom factor.
func (d *Diagram) Zoom() float32 { return d.zoom }

// SetZoom sets the zoom factor, clamped to [0.25, 3].
func (d *Diagram) SetZoom(z float32) {
	d.zoom = min(max(z, 0.25), 3)
	d.Refresh()
}

// Select highlights the element id; false (and no change) when it is not in the graph.
func (d *Diagram) Select(id ID) bool {
	if d.graph.Find(id) < 0 {
		return false
	}
	d.selected = id
	d.Refresh()
	return true
}

// Selected returns the highlighted element (false when none).
func (d *Diagram) Selected() (ID, bool) { return d.selected, d.selected != ID{} }

// SetCounts shows live figures and health colours (nil clears them).
func (d *Diagram) SetCounts(c Counts) {
	d.counts = c
	d.Refresh()
}

// At returns the element under the point p (in the widget's coordinates).
func (d *Diagram) At(p fyne.Position) (ID, bool) {
	x, y := p.X/d.zoom, p.Y/d.zoom
	for _, n := range d.graph.Nodes {
		if n.Contains(x, y) {
			return n.ID, true
		}
	}
	return ID{}, false
}

// Tapped selects the box under the pointer and reports it to OnSelect.
func (d *Diagram) Tapped(e *fyne.PointEvent) {
	id, ok := d.At(e.Position)
	if !ok {
		return
	}
	d.Select(id)
	if d.OnSelect != nil {
		d.OnSelect(id)
	}
}

// MinSize is the graph's extent at the current zoom.
func (d *Diagram) MinSize() fyne.Size {
	return fyne.NewSize(d.graph.W*d.zoom, d.graph.H*d.zoom)
}

// CreateRenderer implements fyne.Widget.
func (d *Diagram) CreateRenderer() fyne.WidgetRenderer {
	r := &diagramRenderer{d: d}
	r.Refresh()
	return r
}
