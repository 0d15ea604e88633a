package report

import (
	"fmt"
	"html"
	"strings"

	"github.com/fanout/fanout/scenarios"
)

// node is one box of the topology diagram.
type node struct {
	col        int // 0 loads, 1 buses, 2 rules, 3 targets, 4 dead-letter queues, 5 queue consumers
	row        int
	label, sub string
}

// edge joins two nodes by index; dashed edges lead to dead-letter destinations.
type edge struct {
	from, to int
	dashed   bool
}

const (
	topoColW, topoBoxW, topoBoxH, topoRowH = 190, 168, 36, 46
	topoPad                                = 8
)

// topology lays out sc like the article's Figure 1: loads and buses on the left, rules in the
// middle, targets on the right and their dead-letter destinations beyond them (dashed, in the
// accent colour), arrows between them. It
// returns inline SVG (no external references, one marker id).
func topology(g graph) string {
	nodes, edges := g.nodes, g.edges
	if len(nodes) == 0 {
		return ""
	}
	var b strings.Builder
	w, h := g.size()
	fmt.Fprintf(&b, `<svg class="topology" viewBox="0 0 %d %d" role="img" aria-label="topology" font-family="'Liberation Sans',Arial,Helvetica,sans-serif" xmlns="http://www.w3.org/2000/svg">`, w, h)
	b.WriteString(`<defs><marker id="topo-arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0,0L10,5L0,10z" fill="#57606a"/></marker></defs>`)
	for _, e := range edges {
		x1, y1 := nodePos(nodes[e.from])
		x2, y2 := nodePos(nodes[e.to])
		style := `stroke="#57606a"`
		if e.dashed {
			style = `stroke="#d55e00" stroke-dasharray="4 3"`
		}
		fmt.Fprintf(&b, `<path d="M%d,%dC%d,%d %d,%d %d,%d" fill="none" %s marker-end="url(#topo-arrow)"/>`,
			x1+topoBoxW, y1+topoBoxH/2, x1+topoBoxW+12, y1+topoBoxH/2, x2-12, y2+topoBoxH/2, x2, y2+topoBoxH/2, style)
	}
	for _, n := range nodes {
		x, y := nodePos(n)
		c := topoFill[n.col]
		fill := fmt.Sprintf("#%02x%02x%02x", c[0], c[1], c[2])
		fmt.Fprintf(&b, `<rect x="%d" y="%d" width="%d" height="%d" rx="5" fill="%s" stroke="#8c959f"/>`,
			x, y, topoBoxW, topoBoxH, fill)
		fmt.Fprintf(&b, `<text x="%d" y="%d" font-size="12" font-weight="bold">%s</text>`, x+7, y+15, html.EscapeString(cut(n.label, 24)))
		fmt.Fprintf(&b, `<text x="%d" y="%d" font-size="10" fill="#57606a">%s</text>`, x+7, y+29, html.EscapeString(cut(n.sub, 30)))
	}
	b.WriteString(`</svg>`)
	return b.String()
}

// graph is the topology's layout, drawn as SVG for the HTML and with PDF primitives.
type graph struct {
	nodes []node
	edges []edge
}

// size is the diagram's width and height in CSS pixels.
func (g graph) size() (int, int) {
	cols, rows := 0, 0
	for _, n := range g.nodes {
		cols, rows = max(cols, n.col+1), max(rows, n.row+1)
	}
	return (cols-1)*topoColW + topoBoxW + 2*topoPad, rows*topoRowH - (topoRowH - topoBoxH) + 2*topoPad
}

// topoFill is the box colour of each column.
var topoFill = [...][3]int{{0xe8, 0xf1, 0xfb}, {0xee, 0xf6, 0xee}, {0xfd, 0xf3, 0xe1}, {0xf3, 0xee, 0xfa}, {0xfd, 0xeb, 0xe3}, {0xf3, 0xee, 0xfa}}

// nodePos is the top-left corner of a node's box.
func nodePos(n node) (int, int) {
	return topoPad + n.col*topoColW, topoPad + n.row*topoRowH
}

// topologyGraph lays out the nodes and edges of sc, in file order.
func topologyGraph(sc *scenarios.Scenario) graph {
	var nodes []node
	var edges []edge
	rowOf := make([]int, 6)
	feeds := map[string][]int{} // queue → nodes that put messages in it
	index := map[string]int{}
	add := func(key string, col int, label, sub string) int {
		if i, ok := index[key]; ok {
			return i
		}
		nodes = append(nodes, node{col: col, row: rowOf[col], label: label, sub: sub})
		rowOf[col]++
		index[key] = len(nodes) - 1
		return len(nodes) - 1
	}
	busNode := func(name string) int { return add("bus:"+name, 1, name, "event bus") }
	for _, b := range sc.Buses {
		add("bus:"+b.Name, 1, b.Name, b.KindOrDefault()+" bus")
	}
	for _, l := range sc.Loads {
		li := add("load:"+l.Name, 0, l.Name, "load")
		edges = append(edges, edge{from: li, to: busNode(l.Bus)})
	}
	onFailure := map[string]string{}
	for _, svc := range sc.Services {
		for _, f := range svc.Functions {
			if f.Async.OnFailure != "" {
				onFailure[svc.Name+"/"+f.Name] = f.Async.OnFailure
				onFailure[f.Name] = f.Async.OnFailure
			}
		}
	}
	for _, r := range sc.Rules {
		ri := add("rule:"+r.BusOrDefault()+"/"+r.Name, 2, r.Name, "rule")
		edges = append(edges, edge{from: busNode(r.BusOrDefault()), to: ri})
		for _, t := range r.Targets {
			ti := add("target:"+r.Name+"/"+t.ID, 3, t.ID, t.Type+" "+destination(t))
			edges = append(edges, edge{from: ri, to: ti})
			if q := t.Queue + t.Topic; q != "" {
				feeds[q] = append(feeds[q], ti)
			}
			dlq := ""
			if t.DeadLetter != nil {
				dlq = t.DeadLetter.Queue
			} else if t.Type == "function" {
				dlq = onFailure[t.Function]
			}
			if dlq != "" {
				di := add("dlq:"+dlq, 4, dlq, "dead-letter queue")
				edges = append(edges, edge{from: ti, to: di, dashed: true})
				if len(feeds[dlq]) == 0 || feeds[dlq][len(feeds[dlq])-1] != di {
					feeds[dlq] = append(feeds[dlq], di)
				}
			}
		}
	}
	for _, q := range sc.Queues {
		if q.Consumer == nil || len(feeds[q.Name]) == 0 {
			continue
		}
		ci := add("consumer:"+q.Name, 5, q.Consumer.Function, "consumer of "+q.Name)
		for _, from := range feeds[q.Name] {
			edges = append(edges, edge{from: from, to: ci})
		}
	}
	return graph{nodes, edges}
}
