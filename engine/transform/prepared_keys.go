package transform

import "github.com/fanout/fanout/engine/event"

// keyCache remembers, for the last few names looked up in a Doc, which of its members carry
// them: the transformers of one event's targets mostly ask for the same names ("data").
type keyCache struct {
	keys  [4]string
	masks [4]uint64 // bit k: members[k] has the name
	n     int       // valid entries
	next  int       // the entry to replace when full
}

// maxKeyed is how many key children of a path node named handles.
const maxKeyed = 8

// keyedMembers are the members some key child of a path node names: bit k of all for
// members[k], and the child naming it.
type keyedMembers struct {
	all   uint64
	kids  [maxKeyed]*pathNode
	masks [maxKeyed]uint64
	n     int
}

// child returns the child that names member k (a member of all).
func (km *keyedMembers) child(k int) *pathNode {
	for i := range km.n {
		if km.masks[i]&(1<<k) != 0 {
			return km.kids[i]
		}
	}
	return nil
}

// named fills km with the members n's key children name; false when d has over 64 members or
// n over maxKeyed key children (the caller then tries every member with memberChild). The
// children of a node have distinct steps, so each member is named by at most one child, the
// one keyChild would return.
func (d *Doc) named(n *pathNode, km *keyedMembers) bool {
	if len(d.members) > 64 {
		return false
	}
	for _, c := range n.children {
		if c.step.kind != stepKey {
			continue
		}
		if km.n == maxKeyed {
			return false
		}
		m := d.keyMask(c.step.key)
		km.kids[km.n], km.masks[km.n] = c, m
		km.n++
		km.all |= m
	}
	return true
}

// keyMask returns the set of members named key (bit k for members[k]).
func (d *Doc) keyMask(key string) uint64 {
	c := &d.keys
	for i := range c.n {
		if c.keys[i] == key {
			return c.masks[i]
		}
	}
	var mask uint64
	for k := range d.members {
		m := &d.members[k]
		if (m.Escaped || m.KeyEnd-m.KeyStart-2 == len(key)) && memberIs(d.b, m, key) {
			mask |= 1 << k
		}
	}
	i := c.n
	if c.n < len(c.keys) {
		c.n++
	} else {
		i, c.next = c.next, (c.next+1)%len(c.keys)
	}
	c.keys[i], c.masks[i] = key, mask
	return mask
}

// memberIs reports whether member m's name is key, as keyEquals decides it.
func memberIs(doc []byte, m *event.Member, key string) bool {
	if !m.Escaped {
		return m.KeyEnd-m.KeyStart-2 == len(key) && string(doc[m.KeyStart+1:m.KeyEnd-1]) == key
	}
	return keyEquals(doc, m.KeyStart, m.KeyEnd, true, key)
}
