package pattern

import "bytes"

// tnode is one level of the tree of field paths some rule needs. The scanner walks it alongside
// the event and skips every subtree without a node.
type tnode struct {
	path int32 // id of the path ending here, or -1
	keys []string
	kids []*tnode
	big  map[string]*tnode // replaces keys/kids beyond smallFanout children
}

const smallFanout = 8

func newTnode() *tnode { return &tnode{path: -1} }

// insert adds the path segs and returns its node.
func (n *tnode) insert(segs []string) *tnode {
	for _, s := range segs {
		c := n.lookup(s)
		if c == nil {
			c = newTnode()
			n.put(s, c)
		}
		n = c
	}
	return n
}

func (n *tnode) put(k string, c *tnode) {
	if n.big != nil {
		n.big[k] = c
		return
	}
	n.keys, n.kids = append(n.keys, k), append(n.kids, c)
	if len(n.keys) > smallFanout {
		n.big = make(map[string]*tnode, len(n.keys))
		for i, k := range n.keys {
			n.big[k] = n.kids[i]
		}
		n.keys, n.kids = nil, nil
	}
}

func (n *tnode) lookup(k string) *tnode {
	if n.big != nil {
		return n.big[k]
	}
	for i, s := range n.keys {
		if s == k {
			return n.kids[i]
		}
	}
	return nil
}

func (n *tnode) hasKids() bool { return n.big != nil || len(n.keys) > 0 }

// child returns the node for event key k, or nil. A key with dots ("a.b") walks several levels,
// so that it names the same field as nested objects do.
func (n *tnode) child(k []byte) *tnode {
	if c := n.lookup(bstr(k)); c != nil {
		return c
	}
	if bytes.IndexByte(k, '.') < 0 {
		return nil
	}
	for len(k) > 0 && n != nil {
		i := bytes.IndexByte(k, '.')
		if i < 0 {
			return n.lookup(bstr(k))
		}
		n = n.lookup(bstr(k[:i]))
		k = k[i+1:]
		if len(k) == 0 && n != nil {
			return n.lookup("")
		}
	}
	return n
}
