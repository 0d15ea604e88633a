package transform

// pathSet evaluates several definite paths in one pass over an event. The
// paths are merged into a tree of steps; the walk descends only into members
// and elements some path names and skips everything else. A TEMPLATE with n
// variables therefore reads the event once, not n times.
type pathSet struct {
	root  pathNode
	slots int // number of paths (result slots)
}

// pathNode is one step of the merged tree.
type pathNode struct {
	step     step        // the edge from the parent (unused at the root)
	children []*pathNode // distinct next steps
	leaves   []int       // slots of the paths that end here
	subtree  []int       // slots of every path ending here or below
}

// hit is the result of one path: the span of the value it names, if any.
type hit struct {
	v     span
	found bool
}

// add inserts a definite path and returns its result slot.
func (ps *pathSet) add(p *Path) int {
	slot := ps.slots
	ps.slots++
	n := &ps.root
	n.subtree = append(n.subtree, slot)
	for _, st := range p.steps {
		var next *pathNode
		for _, c := range n.children {
			if c.step == st {
				next = c
				break
			}
		}
		if next == nil {
			next = &pathNode{step: st}
			n.children = append(n.children, next)
		}
		n = next
		n.subtree = append(n.subtree, slot)
	}
	n.leaves = append(n.leaves, slot)
	return slot
}

// eval fills res[slot] for every path (len(res) >= ps.slots).
func (ps *pathSet) eval(doc []byte, res []hit) error {
	clear(res[:ps.slots])
	i := skipWS(doc, 0)
	if i >= len(doc) {
		return badEvent(i, "empty event")
	}
	_, err := ps.root.walk(doc, i, res)
	return err
}

// walk reads the value at doc[i], records it for the paths ending here and
// descends into the children; it returns the index after the value.
func (n *pathNode) walk(doc []byte, i int, res []hit) (end int, err error) {
	switch {
	case len(n.children) == 0:
		end, err = skipValue(doc, i)
	case doc[i] == '{':
		end, err = n.walkObject(doc, i, res)
	case doc[i] == '[':
		end, err = n.walkArray(doc, i, res)
	default:
		end, err = skipValue(doc, i)
	}
	if err != nil {
		return 0, err
	}
	for _, s := range n.leaves {
		res[s] = hit{span{i, end}, true}
	}
	return end, nil
}

// enter resets the results below c (a repeated key's last occurrence wins,
// whole subtree included) and walks the value at vs.
func (c *pathNode) enter(doc []byte, vs int, res []hit) (int, error) {
	for _, s := range c.subtree {
		res[s] = hit{}
	}
	return c.walk(doc, vs, res)
}

// walkObject walks the members of the object at doc[i].
func (n *pathNode) walkObject(doc []byte, i int, res []hit) (int, error) {
	j := skipWS(doc, i+1)
	if j < len(doc) && doc[j] == '}' {
		return j + 1, nil
	}
	for {
		if j >= len(doc) || doc[j] != '"' {
			return 0, badEvent(j, "expected a member name")
		}
		ke, esc, err := skipString(doc, j)
		if err != nil {
			return 0, err
		}
		c := skipWS(doc, ke)
		if c >= len(doc) || doc[c] != ':' {
			return 0, badEvent(c, "expected \":\" after a member name")
		}
		vs := skipWS(doc, c+1)
		if vs >= len(doc) {
			return 0, badEvent(vs, "unexpected end, expected a value")
		}
		var ve int
		if child := n.keyChild(doc, j, ke, esc); child != nil {
			ve, err = child.enter(doc, vs, res)
		} else {
			ve, err = skipValue(doc, vs)
		}
		if err != nil {
			return 0, err
		}
		if j = skipWS(doc, ve); j < len(doc) && doc[j] == '}' {
			return j + 1, nil
		}
		if j >= len(doc) || doc[j] != ',' {
			return 0, badEvent(j, "expected \",\" or \"}\" in object")
		}
		j = skipWS(doc, j+1)
	}
}

// keyChild returns the child for the member name doc[ks:ke], or nil.
func (n *pathNode) keyChild(doc []byte, ks, ke int, esc bool) *pathNode {
	for _, c := range n.children {
		if c.step.kind == stepKey && keyEquals(doc, ks, ke, esc, c.step.key) {
			return c
		}
	}
	return nil
}

// walkArray walks the elements of the array at doc[i].
func (n *pathNode) walkArray(doc []byte, i int, res []hit) (int, error) {
	j := skipWS(doc, i+1)
	if j < len(doc) && doc[j] == ']' {
		return j + 1, nil
	}
	for k := 0; ; k++ {
		if j >= len(doc) {
			return 0, badEvent(j, "unexpected end, expected a value")
		}
		var ve int
		var err error
		if child := n.indexChild(k); child != nil {
			ve, err = child.walk(doc, j, res)
		} else {
			ve, err = skipValue(doc, j)
		}
		if err != nil {
			return 0, err
		}
		if j = skipWS(doc, ve); j < len(doc) && doc[j] == ']' {
			return j + 1, nil
		}
		if j >= len(doc) || doc[j] != ',' {
			return 0, badEvent(j, "expected \",\" or \"]\" in array")
		}
		j = skipWS(doc, j+1)
	}
}

// indexChild returns the child for element k, or nil.
func (n *pathNode) indexChild(k int) *pathNode {
	for _, c := range n.children {
		if c.step.kind == stepIndex && c.step.index == k {
			return c
		}
	}
	return nil
}
