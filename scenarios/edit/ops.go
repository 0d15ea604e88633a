package edit

import "fmt"

// Set sets the value at path, e.g. "name", "rules[0].pattern",
// "services[0].functions[1].memory", "settings.billing.model". value is any value goccy/go-yaml
// can marshal (structs by their yaml tags; give mappings as yaml.MapSlice to fix their key
// order). Missing mapping keys along the path are created (in the format's field order);
// missing list items are not (use Append or Insert). The node at path is replaced in place,
// so comments around it survive; comments inside it are dropped.
func (d *Doc) Set(path string, value any) error {
	return d.edit("set "+path, func(t *text) error { return t.set(path, value) })
}

// SetTyping is Set for a field the user is typing into: it merges with the previous edit
// when that was a SetTyping of the same path (and nothing was undone since), so the whole
// typing is one undo step. Typing back to the text before the step removes the step.
func (d *Doc) SetTyping(path string, value any) error {
	merge := d.typing == path && len(d.undo) > 0 && len(d.redo) == 0
	n := len(d.undo)
	if err := d.edit("set "+path, func(t *text) error { return t.set(path, value) }); err != nil {
		return err
	}
	switch {
	case len(d.undo) == n: // nothing recorded: the text did not change
		if merge {
			d.typing = path
		}
	case !merge:
		d.typing = path
	default:
		// the step before this keystroke already holds the text the typing started from
		d.undo = d.undo[:len(d.undo)-1]
		d.typing = path
		if string(d.undo[len(d.undo)-1]) == string(d.text) {
			d.undo, d.typing = d.undo[:len(d.undo)-1], ""
			d.notify() // the undo state changed after the listeners ran
		}
	}
	return nil
}

// Get returns the value written at path as plain data (mappings as map[string]any, lists as
// []any, scalars as decoded: strings, uint64/int64, float64, bool, time.Time, nil), and false
// when the path is not in the text. Defaults the file leaves out are not filled in.
func (d *Doc) Get(path string) (any, bool) {
	segs, err := parsePath(path)
	if err != nil {
		return nil, false
	}
	if d.parsed == nil || string(d.parsed.src) != string(d.text) {
		t := &text{src: d.text}
		if _, _, _, err := t.prepare(""); err != nil {
			return nil, false
		}
		d.parsed = t
	}
	var out any
	found := false
	_, err = genericEdit(d.parsed.data, segs, func(old any, ok bool) (any, bool, error) {
		out, found = old, ok
		return old, false, nil
	})
	return out, err == nil && found
}

// Append adds value at the end of the list at listPath, creating the list if it is missing.
func (d *Doc) Append(listPath string, value any) error {
	return d.edit("append to "+listPath, func(t *text) error { return t.insert(listPath, -1, value) })
}

// Insert inserts value into the list at listPath before the item at index (0 ≤ index ≤
// length; index = length appends). Comment lines directly above the item at index stay with
// that item.
func (d *Doc) Insert(listPath string, index int, value any) error {
	if index < 0 {
		return fmt.Errorf("insert into %s: index %d is negative", listPath, index)
	}
	return d.edit(fmt.Sprintf("insert into %s", listPath), func(t *text) error { return t.insert(listPath, index, value) })
}

// Delete removes the mapping key or list item at path, with the comment lines directly above
// it (no blank line between). A list or mapping left empty is written as [] or {}.
func (d *Doc) Delete(path string) error {
	return d.edit("delete "+path, func(t *text) error { return t.delete(path) })
}

// edit runs f on a working copy of the text and commits the result as one undoable edit.
// On error the document is left unchanged.
func (d *Doc) edit(what string, f func(*text) error) error {
	t := &text{src: clone(d.text)}
	if d.parsed != nil && string(d.parsed.src) == string(d.text) {
		t.y, t.data = d.parsed.y, d.parsed.data
	}
	if err := f(t); err != nil {
		return fmt.Errorf("%s: %w", what, err)
	}
	d.commit(t.src)
	if t.y != nil {
		d.parsed = t
	}
	return nil
}
