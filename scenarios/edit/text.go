package edit

import (
	"github.com/fanout/fanout/engine/field"
	"github.com/goccy/go-yaml/ast"
)

// text is a working copy of a document's YAML on which edits are spliced.
type text struct {
	src  []byte
	y    *yamlDoc // the parse of src, nil when not known
	data any      // the plain data of src, valid with y
}

// splice replaces src[lo:hi] with s.
func (t *text) splice(lo, hi int, s string) {
	t.y, t.data = nil, nil
	out := make([]byte, 0, len(t.src)-(hi-lo)+len(s))
	out = append(out, t.src[:lo]...)
	out = append(out, s...)
	t.src = append(out, t.src[hi:]...)
}

// lead returns where the text of the slot's value may begin (after the key's colon or the
// item's dash; after an anchor name the value keeps) and the column its parent starts at
// (-2 at the root, whose children start at column 0).
func (y *yamlDoc) lead(sl slot) (leadEnd, base int) {
	switch {
	case sl.mv != nil:
		leadEnd = y.off(sl.mv.GetToken().Position) + 1
		base = y.column(y.start(sl.mv))
	case sl.container != nil:
		seq := sl.container.(*ast.SequenceNode)
		if sl.index < len(seq.Entries) && seq.Entries[sl.index].Start != nil {
			d := y.off(seq.Entries[sl.index].Start.Position)
			leadEnd, base = d+1, y.column(d)
		} else { // a flow list: items have no dash
			leadEnd = y.start(sl.node)
			base = y.column(leadEnd)
		}
	default:
		return y.start(sl.node), -2
	}
	return leadEnd, base
}

// renderer writes the new text of an edit: one line when flow.
type renderer func(flow bool) (text string, block bool, err error)

// valueRenderer renders value for the destination path (see render).
func valueRenderer(value any, path []seg) renderer {
	typ := schemaType(path)
	return func(flow bool) (string, bool, error) { return render(value, flow, typ) }
}

// nested renders value for path under the keys ks (the missing part of path), as block
// mappings (or flow mappings when flow).
func nested(ks []string, value any, path []seg) renderer {
	typ := schemaType(path)
	return func(flow bool) (string, bool, error) {
		r, block, err := render(value, flow, typ)
		for i := len(ks) - 1; i >= 0 && err == nil; i-- {
			var k string
			if k, _, err = render(ks[i], true, nil); err != nil {
				break
			}
			switch {
			case flow:
				r = "{" + k + ": " + r + "}"
			case block:
				r = k + ":\n  " + indent(r, 2)
			default:
				r = k + ": " + r
			}
			block = !flow
		}
		return r, block, err
	}
}

// replace writes value in place of the slot's node. An anchor on the node is kept (its
// aliases then share the new value); a tag is dropped.
func (t *text) replace(y *yamlDoc, sl slot, value any) error {
	return t.replaceWith(y, sl, value, valueRenderer(value, sl.path))
}

// replaceWith is replace with the text from rf (value is used to keep a scalar's style).
func (t *text) replaceWith(y *yamlDoc, sl slot, value any, rf renderer) error {
	leadEnd, base := y.lead(sl)
	node := sl.node
	for {
		if a, ok := node.(*ast.AnchorNode); ok {
			leadEnd, node = y.off(a.Name.GetToken().Position)+len(a.Name.GetToken().Value), a.Value
			continue
		}
		break
	}
	flow := sl.flow || isFlow(unwrapAll(node))
	r, block, err := rf(flow)
	if err != nil {
		return err
	}
	if styled, ok := keepStyle(node, string(y.src[y.start(node):y.end(node)]), value); ok && !flow {
		r, block = styled, false
	}
	lo, hi := leadEnd, leadEnd
	if !y.implicitNull(node) {
		lo, hi = y.start(node), y.end(node)
	}
	if isBlockCollection(unwrapAll(node)) {
		hi = y.lineEnd(hi) // the comment after its last line belongs to its last entry
	}
	if base == -2 { // the document body
		t.splice(lo, hi, r)
		return nil
	}
	gap := string(y.src[leadEnd:lo])
	sameLine, blankGap := !containsByte(gap, '\n'), isBlank(gap)
	// Block collections render at column 0: their lines move to the child column. Scalars
	// spanning lines (literal, folded) render with their content indented by 2 already.
	child, cont := base+2, base
	if block {
		cont = base + 2
	}
	_, inList := sl.container.(*ast.SequenceNode)
	switch {
	case inList && sameLine && !sl.flow:
		if block {
			cont = max(child, y.column(lo))
		}
		if lo == leadEnd {
			r = " " + r
		}
		t.splice(lo, hi, indent(r, cont))
	case block && sameLine:
		t.splice(leadEnd, hi, "\n"+spaces(child)+indent(r, child))
	case block:
		t.splice(lo, hi, indent(r, y.column(lo)))
	case sameLine && lo == leadEnd:
		t.splice(lo, hi, " "+indent(r, cont))
	case sameLine, !blankGap:
		t.splice(lo, hi, indent(r, cont))
	default:
		t.splice(leadEnd, hi, " "+indent(r, cont))
	}
	return nil
}

// addKey adds key: value to the mapping at slot sl (whose node is a mapping), in the
// format's field order for the mapping at path when known, else at the end.
func (t *text) addKey(y *yamlDoc, sl slot, path []seg, key string, rf renderer) error {
	m := unwrapAll(sl.node)
	pairs, _ := field.YAMLPairs(m)
	k, _, err := render(key, true, nil)
	if err != nil {
		return err
	}
	if mn, ok := m.(*ast.MappingNode); ok && mn.IsFlowStyle {
		r, _, err := rf(true)
		if err != nil {
			return err
		}
		p := y.off(mn.End.Position)
		for p > 0 && isSpace(y.src[p-1]) {
			p--
		}
		if len(pairs) > 0 {
			k = ", " + k
		}
		t.splice(p, p, k+": "+r)
		return nil
	}
	r, block, err := rf(false)
	if err != nil {
		return err
	}
	col := y.column(y.start(pairs[0]))
	entry := k + ": " + indent(r, col+2)
	if block {
		entry = k + ":\n" + spaces(col+2) + indent(r, col+2)
	}
	if prev := precedingPair(pairs, key, fieldOrder(path)); prev != nil {
		p := y.lineEnd(y.end(prev))
		t.splice(p, p, "\n"+spaces(col)+entry)
		return nil
	}
	p := y.start(pairs[0])
	t.splice(p, p, entry+"\n"+spaces(col))
	return nil
}

// precedingPair returns the pair after which key belongs given the field order (nil: before
// the first pair). Without a known order for key, it goes last.
func precedingPair(pairs []*ast.MappingValueNode, key string, order []string) *ast.MappingValueNode {
	rank := map[string]int{}
	for i, k := range order {
		rank[k] = i + 1
	}
	want := rank[key]
	if want == 0 {
		return pairs[len(pairs)-1]
	}
	var prev *ast.MappingValueNode
	for _, mv := range pairs {
		if r := rank[keyOf(mv)]; r != 0 && r < want {
			prev = mv
		}
	}
	if prev == nil && rank[keyOf(pairs[0])] == 0 {
		return pairs[len(pairs)-1] // nothing known to order against: append
	}
	return prev
}

func containsByte(s string, c byte) bool {
	for i := 0; i < len(s); i++ {
		if s[i] == c {
			return true
		}
	}
	return false
}

func isBlank(s string) bool {
	for i := 0; i < len(s); i++ {
		if !isSpace(s[i]) {
			return false
		}
	}
	return true
}

// isBlockCollection reports whether n is a block-style mapping or list.
func isBlockCollection(n ast.Node) bool {
	switch t := n.(type) {
	case *ast.MappingNode:
		return !t.IsFlowStyle
	case *ast.MappingValueNode:
		return true
	case *ast.SequenceNode:
		return !t.IsFlowStyle
	}
	return false
}
