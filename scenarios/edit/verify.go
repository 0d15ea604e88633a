package edit

import (
	"errors"
	"fmt"
	"reflect"

	"github.com/goccy/go-yaml"
)

// generic decodes src into plain data: maps as map[string]any, lists as []any.
func generic(src []byte) (v any, err error) {
	defer func() {
		if r := recover(); r != nil {
			v, err = nil, fmt.Errorf("yaml decoder: %v", r)
		}
	}()
	if len(src) > 0 && src[len(src)-1] != '\n' {
		// goccy misreads a block scalar that ends the input without a line break
		src = append(src[:len(src):len(src)], '\n')
	}
	if err := yaml.UnmarshalWithOptions(src, &v, yaml.UseOrderedMap()); err != nil {
		return nil, err
	}
	return norm(v), nil
}

// data decodes the parsed document into plain data (see generic).
func (y *yamlDoc) data() (v any, err error) {
	defer func() {
		if r := recover(); r != nil {
			v, err = nil, fmt.Errorf("yaml decoder: %v", r)
		}
	}()
	if err := yaml.NodeToValue(y.body, &v, yaml.UseOrderedMap()); err != nil {
		return nil, err
	}
	return norm(v), nil
}

// genericValue is the plain data value marshals to.
func genericValue(value any) (any, error) {
	r, _, err := render(value, false, nil)
	if err != nil {
		return nil, err
	}
	return generic([]byte(r))
}

// norm turns ordered maps into plain maps (key order is not data) recursively.
func norm(v any) any {
	switch t := v.(type) {
	case yaml.MapSlice:
		m := make(map[string]any, len(t))
		for _, it := range t {
			m[fmt.Sprint(it.Key)] = norm(it.Value)
		}
		return m
	case map[string]any:
		m := make(map[string]any, len(t))
		for k, x := range t {
			m[k] = norm(x)
		}
		return m
	case []any:
		l := make([]any, len(t))
		for i, x := range t {
			l[i] = norm(x)
		}
		return l
	}
	return v
}

var errGeneric = errors.New("path does not fit the data")

// genericEdit returns a copy of root with f applied to the value at path: f gets the current
// value (nil, false when missing) and returns the new one; deleted removes it.
func genericEdit(root any, path []seg, f func(old any, ok bool) (nv any, deleted bool, err error)) (any, error) {
	if len(path) == 0 {
		nv, _, err := f(root, true)
		return nv, err
	}
	s := path[0]
	if s.isIndex {
		l, ok := root.([]any)
		if !ok || s.index >= len(l) {
			return nil, errGeneric
		}
		var nv any
		var err error
		if len(path) == 1 {
			var del bool
			nv, del, err = f(l[s.index], true)
			if del {
				nv = deletedMark
			}
		} else {
			nv, err = genericEdit(l[s.index], path[1:], f)
		}
		if err != nil {
			return nil, err
		}
		out := append([]any{}, l...)
		if nv == deletedMark {
			return append(out[:s.index], out[s.index+1:]...), nil
		}
		out[s.index] = nv
		return out, nil
	}
	m, ok := root.(map[string]any)
	if !ok && root != nil {
		return nil, errGeneric
	}
	out := make(map[string]any, len(m)+1)
	for k, v := range m {
		out[k] = v
	}
	old, had := m[s.key]
	var nv any
	var err error
	if len(path) == 1 {
		var del bool
		nv, del, err = f(old, had)
		if del {
			nv = deletedMark
		}
	} else {
		nv, err = genericEdit(old, path[1:], f)
	}
	if err != nil {
		return nil, err
	}
	if nv == deletedMark {
		delete(out, s.key)
	} else {
		out[s.key] = nv
	}
	return out, nil
}

// deletedMark is returned through genericEdit's recursion for a removed element.
var deletedMark any = &struct{ deleted bool }{true}

// check confirms that the edited text decodes to want. When anchored (the edit touched a
// node that aliases share), only the value at path is compared, to wantAt. On success the
// parse is kept for the next edit.
func (t *text) check(want any, anchored bool, path []seg, wantAt any, hasWantAt bool) error {
	y, err := parseText(t.src)
	if err != nil {
		return fmt.Errorf("the edit would break the YAML (%v); document unchanged", err)
	}
	got, err := y.data()
	if err != nil {
		return fmt.Errorf("the edit would break the YAML (%v); document unchanged", err)
	}
	if anchored {
		if !hasWantAt {
			t.y, t.data = y, got
			return nil
		}
		var at any
		if _, err := genericEdit(got, path, func(old any, ok bool) (any, bool, error) { at = old; return old, false, nil }); err != nil || !reflect.DeepEqual(at, wantAt) {
			return fmt.Errorf("the edit could not be written in place at %s; document unchanged", formatPath(path))
		}
		t.y, t.data = y, got
		return nil
	}
	if !reflect.DeepEqual(got, want) {
		return fmt.Errorf("the edit could not be written without changing other data at %s; document unchanged", orRoot(formatPath(path)))
	}
	t.y, t.data = y, got
	return nil
}
