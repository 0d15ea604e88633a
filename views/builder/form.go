package builder

import (
	"fmt"
	"strconv"
	"strings"
)

// Op is an operator as the rule builder offers it.
type Op string

// The operators of the form. OpRaw keeps a condition the form has no editor for as JSON text.
const (
	OpExact             Op = "exact"
	OpPrefix            Op = "prefix"
	OpSuffix            Op = "suffix"
	OpContains          Op = "contains"
	OpAnythingBut       Op = "anything-but"
	OpAnythingButPrefix Op = "anything-but prefix"
	OpAnythingButSuffix Op = "anything-but suffix"
	OpNumeric           Op = "numeric"
	OpExists            Op = "exists"
	OpCIDR              Op = "cidr"
	OpEqualsIgnoreCase  Op = "equals-ignore-case"
	OpWildcard          Op = "wildcard"
	OpRaw               Op = "json"
)

// Condition is one condition of a field, as the form holds it (text as typed).
type Condition struct {
	Op Op
	// Value: the value of exact, prefix, suffix, contains, cidr, equals-ignore-case, wildcard,
	// the anything-but forms (a list is comma separated, or a JSON array), exists ("true" or
	// "false"), the first bound of numeric (a number, or a size such as "1 MB"), or the JSON
	// text of a raw condition.
	Value string
	// Kind is the JSON kind of exact and anything-but values: string (default), number, bool
	// or null.
	Kind string
	// Cmp and Cmp2 are numeric's comparison operators (=, >, >=, <, <=, !=); Cmp2 and Value2
	// are the optional second bound of a range.
	Cmp, Cmp2 string
	Value2    string
}

// Row is one field of the pattern with its conditions (OR-ed). Rows are AND-ed.
type Row struct {
	Path  string // dotted field path, e.g. "data.oss.object.size"
	Group int    // 0: the pattern itself; k >= 1: the k-th "$or" alternative (aws dialect)
	Conds []Condition
}

// Form is the pattern as rows of conditions.
type Form struct {
	Rows []Row
}

// FormError is a condition whose text cannot be turned into JSON.
type FormError struct {
	Row, Cond int
	Msg       string
}

func (e FormError) Error() string { return e.Msg }

// NumericCmps are numeric's comparison operators, in menu order.
var NumericCmps = []string{">=", ">", "=", "!=", "<", "<="}

// JSON renders the form as a pattern in compact JSON, fields in the order of the rows. Rows of
// one $or alternative form one object; a single alternative is merged into the pattern (a
// one-element $or would be an ordinary field name). Conditions whose text is invalid are left
// out and reported.
func (f Form) JSON() (string, []FormError) {
	root := node{Kind: kindObject}
	var alts []*node
	altOf := map[int]*node{}
	var errs []FormError
	for ri, r := range f.Rows {
		target := &root
		if r.Group > 0 {
			if altOf[r.Group] == nil {
				altOf[r.Group] = &node{Kind: kindObject}
				alts = append(alts, altOf[r.Group])
			}
			target = altOf[r.Group]
		}
		if len(r.Conds) == 0 {
			fieldArray(target, r.Path) // an empty array, as written (Compile rejects it)
		}
		for ci, c := range r.Conds {
			el, err := c.element()
			if err != nil {
				errs = append(errs, FormError{Row: ri, Cond: ci, Msg: fmt.Sprintf("%s: %v", r.Path, err)})
				continue
			}
			addCond(target, r.Path, el)
		}
	}
	switch {
	case len(alts) == 1:
		for _, c := range alts[0].Children {
			mergeMember(&root, c)
		}
	case len(alts) > 1:
		or := node{Key: "$or", Kind: kindArray}
		for _, a := range alts {
			or.Children = append(or.Children, *a)
		}
		root.Children = append(root.Children, or)
	}
	return root.compact(), errs
}

// addCond appends the condition el to the value array at path under obj.
func addCond(obj *node, path string, el node) {
	arr := fieldArray(obj, path)
	arr.Children = append(arr.Children, el)
}

// fieldArray returns the value array at path under obj, creating it and its objects.
func fieldArray(obj *node, path string) *node {
	parts := strings.Split(path, ".")
	cur := obj
	for i, p := range parts {
		kind := kindObject
		if i == len(parts)-1 {
			kind = kindArray
		}
		cur = member(cur, p, kind)
	}
	return cur
}

// member returns obj's member key, adding it with the kind given when missing.
func member(obj *node, key, kind string) *node {
	for i := range obj.Children {
		if obj.Children[i].Key == key && obj.Children[i].Kind == kind {
			return &obj.Children[i]
		}
	}
	obj.Children = append(obj.Children, node{Key: key, Kind: kind})
	return &obj.Children[len(obj.Children)-1]
}

// mergeMember merges member c into obj (objects recursively, arrays by appending).
func mergeMember(obj *node, c node) {
	m := member(obj, c.Key, c.Kind)
	for _, cc := range c.Children {
		if c.Kind == kindObject {
			mergeMember(m, cc)
		} else {
			m.Children = append(m.Children, cc)
		}
	}
}

// element renders one condition as an element of a field's value array.
func (c Condition) element() (node, error) {
	obj := func(key string, v node) node {
		v.Key = key
		return node{Kind: kindObject, Children: []node{v}}
	}
	strNode := func(s string) node { return node{Kind: kindString, Text: quote(s)} }
	switch c.Op {
	case OpExact:
		return literal(c.Kind, c.Value)
	case OpPrefix, OpSuffix, OpContains, OpCIDR, OpEqualsIgnoreCase, OpWildcard:
		return obj(string(c.Op), strNode(c.Value)), nil
	case OpAnythingButPrefix:
		return obj("anything-but", obj("prefix", strNode(c.Value))), nil
	case OpAnythingButSuffix:
		return obj("anything-but", obj("suffix", strNode(c.Value))), nil
	case OpAnythingBut:
		v, err := literalList(c.Kind, c.Value)
		if err != nil {
			return node{}, err
		}
		return obj("anything-but", v), nil
	case OpNumeric:
		v, err := numericArray(c)
		if err != nil {
			return node{}, err
		}
		return obj("numeric", v), nil
	case OpExists:
		b, err := strconv.ParseBool(strings.TrimSpace(c.Value))
		if err != nil {
			return node{}, fmt.Errorf("exists: %q is not true or false", c.Value)
		}
		return obj("exists", node{Kind: kindBool, Text: strconv.FormatBool(b)}), nil
	case OpRaw:
		n, err := parseNode([]byte(c.Value))
		if err != nil {
			return node{}, fmt.Errorf("json: %v", err)
		}
		return n, nil
	}
	return node{}, fmt.Errorf("unknown operator %q", c.Op)
}

// literal renders value text as a JSON literal of the kind given ("" means string).
func literal(kind, text string) (node, error) {
	switch kind {
	case kindNumber:
		num, err := ParseNumber(text)
		if err != nil {
			return node{}, err
		}
		return node{Kind: kindNumber, Text: num}, nil
	case kindBool:
		t := strings.TrimSpace(text)
		if t != "true" && t != "false" {
			return node{}, fmt.Errorf("%q is not true or false", text)
		}
		return node{Kind: kindBool, Text: t}, nil
	case kindNull:
		return node{Kind: kindNull, Text: "null"}, nil
	}
	return node{Kind: kindString, Text: quote(text)}, nil
}

// literalList renders anything-but's values: a JSON array as written, a comma-separated list,
// or a single value.
func literalList(kind, text string) (node, error) {
	t := strings.TrimSpace(text)
	if strings.HasPrefix(t, "[") {
		n, err := parseNode([]byte(t))
		if err != nil {
			return node{}, fmt.Errorf("anything-but list: %v", err)
		}
		return n, nil
	}
	parts := strings.Split(text, ",")
	if len(parts) == 1 {
		return literal(kind, text)
	}
	list := node{Kind: kindArray}
	for _, p := range parts {
		l, err := literal(kind, strings.TrimSpace(p))
		if err != nil {
			return node{}, err
		}
		list.Children = append(list.Children, l)
	}
	return list, nil
}

// numericArray renders numeric's operator array.
func numericArray(c Condition) (node, error) {
	arr := node{Kind: kindArray}
	add := func(cmp, val string) error {
		if !validCmp(cmp) {
			return fmt.Errorf("numeric: %q is not one of %s", cmp, strings.Join(NumericCmps, " "))
		}
		num, err := ParseNumber(val)
		if err != nil {
			return fmt.Errorf("numeric: %v", err)
		}
		arr.Children = append(arr.Children, node{Kind: kindString, Text: quote(cmp)}, node{Kind: kindNumber, Text: num})
		return nil
	}
	if err := add(c.Cmp, c.Value); err != nil {
		return node{}, err
	}
	if c.Cmp2 != "" {
		if err := add(c.Cmp2, c.Value2); err != nil {
			return node{}, err
		}
	}
	return arr, nil
}

func validCmp(s string) bool {
	for _, c := range NumericCmps {
		if c == s {
			return true
		}
	}
	return false
}
