package transform

import (
	"math/bits"

	"github.com/fanout/fanout/engine/event"
)

// Doc is one event prepared for the transformers of every target it goes to: the members of
// its top-level object are located once, on first need, and each transformer's definite paths
// start from them instead of rescanning the whole event. t.ApplyDoc(d) returns exactly what
// t.Apply(d.Bytes()) returns, errors included (FuzzApplyDoc checks it). Reset reuses a Doc for
// the next event without allocating. A Doc is not safe for concurrent use.
type Doc struct {
	b          []byte
	members    []event.Member // top-level members in document order
	start, end int            // the top-level object's span
	state      docState
	valid      bool           // the caller vouches that b is valid JSON (ResetIndexed)
	keys       keyCache       // members by name, for the names looked up so far
	sub        []event.Member // members of top-level object values, located on first need
	subAt      []subSpan      // per top-level member: where its own members are in sub
}

type docState uint8

const (
	docNew     docState = iota // not indexed yet
	docIndexed                 // members located
	docPlain                   // not an object the index reads: Apply's own walk is used
)

// Reset prepares d for event, which must not change while d is in use.
func (d *Doc) Reset(event []byte) {
	d.b, d.members, d.state, d.valid, d.keys.n = event, d.members[:0], docNew, false, 0
	d.sub, d.subAt = d.sub[:0], d.subAt[:0]
}

// ResetIndexed is Reset for an event whose bytes the caller vouches for: b is one valid JSON
// object (with no trailing bytes) whose top-level members are exactly members, in document
// order, with offsets into b and values without surrounding whitespace, as event.JSONIndexed
// returns them. ApplyDoc then scans neither for the members nor, for the values it extracts,
// for their validity (FuzzApplyIndexed checks the results against Apply). For any other input
// the results are unspecified.
func (d *Doc) ResetIndexed(b []byte, members []event.Member) {
	d.b, d.members, d.state, d.valid, d.keys.n = b, d.members[:0], docIndexed, true, 0
	d.sub, d.subAt = d.sub[:0], d.subAt[:0]
	d.members = append(d.members, members...)
	d.start, d.end = skipWS(b, 0), len(b)
}

// knownValid reports whether d's bytes are known to be valid JSON; false for a nil d.
func (d *Doc) knownValid() bool { return d != nil && d.valid }

// Bytes returns the event d was last Reset with.
func (d *Doc) Bytes() []byte { return d.b }

// ApplyDoc is Apply on the prepared event d.
func (t *Transformer) ApplyDoc(d *Doc) (Result, error) {
	switch t.form {
	case FormOriginal, FormConstant:
		return t.Apply(d.b)
	case FormJSONPath:
		return t.applyJSONPath(d.b, d)
	}
	return t.applyTemplate(d.b, d)
}

// evalIn is eval, using d's index when d is not nil.
func (ps *pathSet) evalIn(doc []byte, d *Doc, res []hit) error {
	if d == nil {
		return ps.eval(doc, res)
	}
	return ps.evalDoc(d, res)
}

// evalDoc is eval over d's top-level members: the members the paths name are walked as
// walkObject would walk them, the others are not read again. Should a walk end anywhere but
// where the index says the member ends, the event is walked again the plain way, so the
// results and errors are always eval's.
func (ps *pathSet) evalDoc(d *Doc, res []hit) error {
	root := &ps.root
	if len(root.children) == 0 || !d.index() {
		return ps.eval(d.b, res)
	}
	clear(res[:ps.slots])
	var named keyedMembers
	if d.named(root, &named) {
		for todo := named.all; todo != 0; todo &= todo - 1 {
			k := bits.TrailingZeros64(todo)
			if plain, err := d.visit(named.child(k), k, res); err != nil || plain {
				return ps.plainAfter(d, res, err)
			}
		}
	} else {
		for k := range d.members {
			child := root.memberChild(d.b, &d.members[k])
			if child == nil {
				continue
			}
			if plain, err := d.visit(child, k, res); err != nil || plain {
				return ps.plainAfter(d, res, err)
			}
		}
	}
	for _, s := range root.leaves {
		res[s] = hit{span{d.start, d.end}, true}
	}
	return nil
}

// visit walks member k for child as walkObject would. plain reports that the walk ended
// anywhere but where the index says the member ends.
func (d *Doc) visit(child *pathNode, k int, res []hit) (plain bool, err error) {
	m := &d.members[k]
	if len(child.children) == 0 {
		// enter would skip the value, as build did: it ends at m.ValueEnd.
		for _, s := range child.leaves {
			res[s] = hit{span{m.ValueStart, m.ValueEnd}, true}
		}
		return false, nil
	}
	if subs, ok := d.subIndex(k); ok {
		return d.visitSub(child, m, subs, res)
	}
	ve, err := child.enter(d.b, m.ValueStart, res)
	return err == nil && ve != m.ValueEnd, err
}

// plainAfter returns err, or when there is none, the plain walk's results.
func (ps *pathSet) plainAfter(d *Doc, res []hit, err error) error {
	if err != nil {
		return err
	}
	return ps.eval(d.b, res)
}

// memberChild is keyChild for a located member.
func (n *pathNode) memberChild(doc []byte, m *event.Member) *pathNode {
	for _, c := range n.children {
		if c.step.kind == stepKey && memberIs(doc, m, c.step.key) {
			return c
		}
	}
	return nil
}

// index locates the top-level members once; false when the event is not an object the index
// can read (then every caller walks it the plain way).
func (d *Doc) index() bool {
	if d.state == docNew {
		d.state = docPlain
		if d.build() {
			d.state = docIndexed
		}
	}
	return d.state == docIndexed
}

// build reads the top-level object as walkObject does, skipping every value, and records the
// members; false on anything walkObject would reject (or that is not an object).
func (d *Doc) build() bool {
	i := skipWS(d.b, 0)
	if i >= len(d.b) || d.b[i] != '{' {
		return false
	}
	members, end, ok := appendMembers(d.members[:0], d.b, i)
	d.members, d.start, d.end = members, i, end
	return ok
}
