package builder

import (
	"fmt"
	"strings"
)

// ParseForm reads a pattern's JSON text into rows. It fails when the text is not JSON or not
// an object, or when the pattern has a shape the form cannot hold ($or below the top level or
// inside an alternative); conditions without an editor become OpRaw conditions. Whether the
// pattern compiles is engine/pattern's business.
func ParseForm(src string) (Form, error) {
	root, err := parseNode([]byte(src))
	if err != nil {
		return Form{}, err
	}
	if root.Kind != kindObject {
		return Form{}, fmt.Errorf("a pattern is a JSON object, got %s", root.Kind)
	}
	var f Form
	if err := f.walk(root, "", 0, true); err != nil {
		return Form{}, err
	}
	return f, nil
}

func (f *Form) walk(obj node, prefix string, group int, top bool) error {
	for _, m := range obj.Children {
		path := joinPath(prefix, m.Key)
		if m.Key == "" || strings.HasPrefix(m.Key, ".") || strings.HasSuffix(m.Key, ".") || strings.Contains(m.Key, "..") {
			return fmt.Errorf("%s: the form cannot hold the field name %s; edit it in the JSON", path, quote(m.Key))
		}
		switch {
		case m.Key == "$or" && isAlternatives(m):
			if !top {
				return fmt.Errorf("%s: the form holds $or only at the top level; edit it in the JSON", path)
			}
			for i, alt := range m.Children {
				if err := f.walk(alt, "", i+1, false); err != nil {
					return err
				}
			}
		case m.Kind == kindObject:
			if err := f.walk(m, path, group, false); err != nil {
				return err
			}
		case m.Kind == kindArray:
			f.addRow(path, group, m.Children)
		default:
			return fmt.Errorf("%s: a field's value must be an array of conditions or an object, got %s", path, m.Text)
		}
	}
	return nil
}

// isAlternatives reports whether a "$or" member is the operator: an array of two or more
// objects (otherwise it is an ordinary field name).
func isAlternatives(m node) bool {
	if m.Kind != kindArray || len(m.Children) < 2 {
		return false
	}
	for _, c := range m.Children {
		if c.Kind != kindObject {
			return false
		}
	}
	return true
}

// addRow appends the conditions of path in group, merging with an existing row of that path.
func (f *Form) addRow(path string, group int, els []node) {
	conds := make([]Condition, 0, len(els))
	for _, el := range els {
		conds = append(conds, conditionOf(el))
	}
	for i := range f.Rows {
		if f.Rows[i].Path == path && f.Rows[i].Group == group {
			f.Rows[i].Conds = append(f.Rows[i].Conds, conds...)
			return
		}
	}
	f.Rows = append(f.Rows, Row{Path: path, Group: group, Conds: conds})
}

// conditionOf reads one element of a value array.
func conditionOf(el node) Condition {
	raw := Condition{Op: OpRaw, Value: el.compact()}
	if el.Kind != kindObject {
		if el.Kind == kindArray {
			return raw
		}
		return Condition{Op: OpExact, Kind: el.Kind, Value: leafText(el)}
	}
	if len(el.Children) != 1 {
		return raw
	}
	m := el.Children[0]
	switch op := Op(m.Key); op {
	case OpPrefix, OpSuffix, OpContains, OpCIDR, OpEqualsIgnoreCase, OpWildcard:
		if m.Kind == kindString {
			return Condition{Op: op, Value: m.str()}
		}
	case OpExists:
		if m.Kind == kindBool {
			return Condition{Op: OpExists, Value: m.Text}
		}
	case OpNumeric:
		if c, ok := numericOf(m); ok {
			return c
		}
	case OpAnythingBut:
		if c, ok := anythingButOf(m); ok {
			return c
		}
	}
	return raw
}

// leafText is the text the form shows for a literal: a string's content, else its JSON.
func leafText(n node) string {
	if n.Kind == kindString {
		return n.str()
	}
	return n.Text
}

func numericOf(m node) (Condition, bool) {
	a := m.Children
	if m.Kind != kindArray || (len(a) != 2 && len(a) != 4) {
		return Condition{}, false
	}
	for i := 0; i < len(a); i += 2 {
		if a[i].Kind != kindString || a[i+1].Kind != kindNumber || !validCmp(a[i].str()) {
			return Condition{}, false
		}
	}
	c := Condition{Op: OpNumeric, Cmp: a[0].str(), Value: a[1].Text}
	if len(a) == 4 {
		c.Cmp2, c.Value2 = a[2].str(), a[3].Text
	}
	return c, true
}

func anythingButOf(m node) (Condition, bool) {
	switch m.Kind {
	case kindObject:
		if len(m.Children) == 1 && m.Children[0].Kind == kindString {
			switch m.Children[0].Key {
			case "prefix":
				return Condition{Op: OpAnythingButPrefix, Value: m.Children[0].str()}, true
			case "suffix":
				return Condition{Op: OpAnythingButSuffix, Value: m.Children[0].str()}, true
			}
		}
		return Condition{}, false
	case kindArray:
		if len(m.Children) == 0 {
			return Condition{}, false
		}
		kind := m.Children[0].Kind
		texts := make([]string, len(m.Children))
		plain := len(m.Children) > 1
		for i, c := range m.Children {
			if c.Kind == kindObject || c.Kind == kindArray {
				return Condition{}, false
			}
			texts[i] = leafText(c)
			if c.Kind != kind || strings.Contains(texts[i], ",") || texts[i] != strings.TrimSpace(texts[i]) {
				plain = false
			}
		}
		if !plain {
			return Condition{Op: OpAnythingBut, Kind: kind, Value: m.compact()}, true
		}
		return Condition{Op: OpAnythingBut, Kind: kind, Value: strings.Join(texts, ", ")}, true
	default:
		if strings.Contains(leafText(m), ",") {
			return Condition{Op: OpAnythingBut, Kind: m.Kind, Value: "[" + m.Text + "]"}, true
		}
		return Condition{Op: OpAnythingBut, Kind: m.Kind, Value: leafText(m)}, true
	}
}
