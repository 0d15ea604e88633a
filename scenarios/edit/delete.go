package edit

import (
	"errors"
	"fmt"

	"github.com/fanout/fanout/engine/field"
	"github.com/goccy/go-yaml"
	"github.com/goccy/go-yaml/ast"
)

// delete implements Doc.Delete.
func (t *text) delete(path string) error {
	y, segs, data, err := t.prepare(path)
	if err != nil {
		return err
	}
	if len(segs) == 0 {
		return errors.New("cannot delete the whole document")
	}
	sl, found, err := y.locate(segs)
	if err != nil {
		return err
	}
	if found < len(segs) {
		return fmt.Errorf("no %s in the document", path)
	}
	want, err := genericEdit(data, segs, func(any, bool) (any, bool, error) { return nil, true, nil })
	if err != nil {
		return fmt.Errorf("cannot reach %s", path)
	}
	if err := t.deleteAt(y, sl, segs); err != nil {
		return err
	}
	return t.check(want, sl.anchored, nil, nil, false)
}

// deleteAt removes the slot's pair or item; the last one of its collection leaves {} or [].
func (t *text) deleteAt(y *yamlDoc, sl slot, segs []seg) error {
	parent := segs[:len(segs)-1]
	var items []ast.Node
	var flow bool
	var empty any
	i := sl.index
	switch c := sl.container.(type) {
	case *ast.SequenceNode:
		items, flow, empty = c.Values, c.IsFlowStyle, []any{}
	default:
		pairs, _ := field.YAMLPairs(c)
		for j, mv := range pairs {
			items = append(items, mv)
			if mv == sl.mv {
				i = j
			}
		}
		flow, empty = isFlow(c), yaml.MapSlice{}
	}
	if len(items) == 1 {
		psl, _, err := y.locate(parent)
		if err != nil {
			return err
		}
		return t.replace(y, psl, empty)
	}
	if flow {
		if i < len(items)-1 {
			t.splice(y.start(items[i]), y.start(items[i+1]), "")
		} else {
			t.splice(y.end(items[i-1]), y.end(items[i]), "")
		}
		return nil
	}
	lo := y.start(items[i])
	if seq, ok := sl.container.(*ast.SequenceNode); ok {
		lo = y.off(seq.Entries[i].Start.Position)
	}
	ls := y.lineStart(lo)
	if !isBlank(string(y.src[ls:lo])) { // inline after "- " or "- - ": pull the next one up
		if i == len(items)-1 {
			return fmt.Errorf("cannot delete %s from this layout; edit the YAML text", formatPath(segs))
		}
		next := y.start(items[i+1])
		if seq, ok := sl.container.(*ast.SequenceNode); ok {
			next = y.off(seq.Entries[i+1].Start.Position)
		}
		// Comment lines between the two belong to the next one: they move above this line.
		var moved string
		if from, to := y.lineEnd(y.end(items[i]))+1, y.lineStart(next); from < to {
			moved = string(y.src[from:to])
		}
		t.splice(lo, next, "")
		if !isBlank(moved) {
			t.splice(ls, ls, moved)
		}
		return nil
	}
	hi := y.lineEnd(y.end(items[i]))
	if hi < len(y.src) {
		hi++
	}
	t.splice(y.commentsAbove(ls, y.column(lo)), hi, "")
	return nil
}
