package transform

import "github.com/fanout/fanout/engine/event"

// subSpan says where the members of a top-level member's object value are in Doc.sub.
type subSpan struct {
	start, end int
	state      uint8 // 0 not looked at, 1 located, 2 not an object the index reads
}

// subIndex returns the members of member k's value, located on first need so that the
// transformers of every target share one reading; false when the value is not an object that
// reads as walkObject would read it, ending where member k ends.
func (d *Doc) subIndex(k int) ([]event.Member, bool) {
	for len(d.subAt) < len(d.members) {
		d.subAt = append(d.subAt, subSpan{})
	}
	sp := &d.subAt[k]
	if sp.state == 0 {
		sp.state = 2
		m := &d.members[k]
		if d.b[m.ValueStart] == '{' {
			start := len(d.sub)
			subs, end, ok := appendMembers(d.sub, d.b, m.ValueStart)
			if d.sub = subs; ok && end == m.ValueEnd {
				sp.start, sp.end, sp.state = start, len(subs), 1
			} else {
				d.sub = d.sub[:start]
			}
		}
	}
	if sp.state != 1 {
		return nil, false
	}
	return d.sub[sp.start:sp.end], true
}

// visitSub is child.enter on the object value of m, whose members are subs: the members a path
// names are walked as walkObject would walk them. plain reports that a walk ended anywhere but
// where subs says the member ends.
func (d *Doc) visitSub(child *pathNode, m *event.Member, subs []event.Member, res []hit) (plain bool, err error) {
	for _, s := range child.subtree {
		res[s] = hit{}
	}
	for j := range subs {
		sm := &subs[j]
		c := child.memberChild(d.b, sm)
		switch {
		case c == nil:
			continue
		case len(c.children) == 0:
			// enter would skip the value, as appendMembers did: it ends at sm.ValueEnd.
			for _, s := range c.leaves {
				res[s] = hit{span{sm.ValueStart, sm.ValueEnd}, true}
			}
			continue
		}
		ve, err := c.enter(d.b, sm.ValueStart, res)
		if err != nil || ve != sm.ValueEnd {
			return err == nil, err
		}
	}
	for _, s := range child.leaves {
		res[s] = hit{span{m.ValueStart, m.ValueEnd}, true}
	}
	return false, nil
}

// appendMembers reads the object at doc[i] (a '{') as walkObject does, skipping every value,
// and appends its members to dst; it returns the index after the object, and false on
// anything walkObject would reject.
func appendMembers(dst []event.Member, doc []byte, i int) ([]event.Member, int, bool) {
	j := skipWS(doc, i+1)
	if j < len(doc) && doc[j] == '}' {
		return dst, j + 1, true
	}
	for {
		if j >= len(doc) || doc[j] != '"' {
			return dst, 0, false
		}
		ke, esc, err := skipString(doc, j)
		if err != nil {
			return dst, 0, false
		}
		c := skipWS(doc, ke)
		if c >= len(doc) || doc[c] != ':' {
			return dst, 0, false
		}
		vs := skipWS(doc, c+1)
		if vs >= len(doc) {
			return dst, 0, false
		}
		ve, err := skipValue(doc, vs)
		if err != nil {
			return dst, 0, false
		}
		dst = append(dst, event.Member{KeyStart: j, KeyEnd: ke, ValueStart: vs, ValueEnd: ve, Escaped: esc})
		if j = skipWS(doc, ve); j < len(doc) && doc[j] == '}' {
			return dst, j + 1, true
		}
		if j >= len(doc) || doc[j] != ',' {
			return dst, 0, false
		}
		j = skipWS(doc, j+1)
	}
}
