package edit

import (
	"fmt"
	"reflect"

	"github.com/goccy/go-yaml/ast"
)

// prepare parses the working text and the path, and decodes the text's data for the check.
func (t *text) prepare(path string) (*yamlDoc, []seg, any, error) {
	segs, err := parsePath(path)
	if err != nil {
		return nil, nil, nil, err
	}
	if t.y == nil {
		y, err := parseText(t.src)
		if err != nil {
			return nil, nil, nil, err
		}
		data, err := y.data()
		if err != nil {
			return nil, nil, nil, err
		}
		t.y, t.data = y, data
	}
	return t.y, segs, t.data, nil
}

// set implements Doc.Set.
func (t *text) set(path string, value any) error {
	y, segs, data, err := t.prepare(path)
	if err != nil {
		return err
	}
	gv, err := genericValue(value)
	if err != nil {
		return err
	}
	want, err := genericEdit(data, segs, func(any, bool) (any, bool, error) { return gv, false, nil })
	if err != nil {
		return fmt.Errorf("cannot reach %s", path)
	}
	sl, found, err := y.locate(segs)
	if err != nil {
		return err
	}
	if err := t.setAt(y, sl, segs, found, value); err != nil {
		return err
	}
	return t.check(want, sl.anchored, segs, gv, true)
}

// setAt writes value at segs, given the slot sl reached after found steps.
func (t *text) setAt(y *yamlDoc, sl slot, segs []seg, found int, value any) error {
	if found == len(segs) {
		return t.replace(y, sl, value)
	}
	var ks []string
	for j := found + 1; j < len(segs); j++ {
		if segs[j].isIndex {
			return fmt.Errorf("no list at %s: add it with Append first", formatPath(segs[:j]))
		}
		ks = append(ks, segs[j].key)
	}
	if _, null := unwrapAll(sl.node).(*ast.NullNode); null {
		return t.replaceWith(y, sl, nil, nested(append([]string{segs[found].key}, ks...), value, segs))
	}
	return t.addKey(y, sl, segs[:found], segs[found].key, nested(ks, value, segs))
}

// insert implements Doc.Append (index -1) and Doc.Insert.
func (t *text) insert(path string, index int, value any) error {
	y, segs, data, err := t.prepare(path)
	if err != nil {
		return err
	}
	gv, err := genericValue(value)
	if err != nil {
		return err
	}
	sl, found, err := y.locate(segs)
	if err != nil {
		return err
	}
	var seq *ast.SequenceNode
	if found == len(segs) {
		switch n := unwrapAll(sl.node).(type) {
		case *ast.SequenceNode:
			seq = n
		case *ast.NullNode:
		default:
			return fmt.Errorf("%s is %s, not a list", orRoot(path), describe(n))
		}
	}
	n := 0
	if seq != nil {
		n = len(seq.Values)
	}
	if index < 0 {
		index = n
	}
	if index > n {
		return fmt.Errorf("index %d is out of range: %s has %d items", index, orRoot(path), n)
	}
	want, err := genericEdit(data, segs, func(old any, _ bool) (any, bool, error) {
		l, _ := old.([]any)
		out := append(append(append([]any{}, l[:index]...), gv), l[index:]...)
		return out, false, nil
	})
	if err != nil {
		return fmt.Errorf("cannot reach %s", path)
	}
	if seq == nil {
		err = t.setAt(y, sl, segs, found, []any{value})
	} else {
		err = t.insertItem(y, seq, index, value, childType(schemaType(segs), seg{isIndex: true}))
	}
	if err != nil {
		return err
	}
	return t.check(want, sl.anchored, nil, nil, false)
}

// insertItem splices value into seq before item index (index = len appends).
func (t *text) insertItem(y *yamlDoc, seq *ast.SequenceNode, index int, value any, elem reflect.Type) error {
	n := len(seq.Values)
	r, _, err := render(value, seq.IsFlowStyle, elem)
	if err != nil {
		return err
	}
	if seq.IsFlowStyle {
		switch {
		case n == 0:
			p := y.off(seq.End.Position)
			t.splice(p, p, r)
		case index == n:
			p := y.end(seq.Values[n-1])
			t.splice(p, p, ", "+r)
		default:
			p := y.start(seq.Values[index])
			t.splice(p, p, r+", ")
		}
		return nil
	}
	dash := func(i int) int { return y.off(seq.Entries[i].Start.Position) }
	col := y.column(dash(0))
	item := "- " + indent(r, col+2)
	if index == n {
		p := y.lineEnd(y.end(seq.Values[n-1]))
		t.splice(p, p, "\n"+spaces(col)+item)
		return nil
	}
	d := dash(index)
	if ls := y.lineStart(d); isBlank(string(y.src[ls:d])) {
		p := y.commentsAbove(ls, y.column(d))
		t.splice(p, p, spaces(col)+item+"\n")
		return nil
	}
	t.splice(d, d, item+"\n"+spaces(col))
	return nil
}

// commentsAbove returns the start of the block of comment-only lines, indented at col,
// directly above the line starting at ls (ls itself when there is none).
func (y *yamlDoc) commentsAbove(ls, col int) int {
	for ls > 0 {
		prev := y.lineStart(ls - 1)
		line := string(y.src[prev : ls-1])
		if len(line) <= col || !isBlank(line[:col]) || line[col] != '#' {
			break
		}
		ls = prev
	}
	return ls
}
