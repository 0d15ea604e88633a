package pattern

import (
	"strconv"
	"strings"
)

// maxAlternatives caps the disjunctive normal form of a pattern with nested $or groups.
const maxAlternatives = 1024

// Compile parses and validates a pattern. Faults are reported as *CompileError naming the JSON
// path, e.g. "data.oss.object.size[0]: numeric: expected an operator string at position 2, got
// 1000". Dotted keys equal nested paths; for a key written twice in one object the last wins.
func Compile(src []byte, d Dialect) (*Pattern, error) {
	doc, err := parseJSON(src)
	if err != nil {
		return nil, &CompileError{Msg: "invalid JSON: " + err.Error()}
	}
	if doc.kind != 'o' {
		return nil, &CompileError{Msg: "a pattern must be a JSON object, got " + doc.typeName()}
	}
	root := &node{}
	if len(doc.keys) > 0 {
		if err := compileObject(doc, nil, "", root); err != nil {
			return nil, err
		}
	}
	alts, err := expand(root)
	if err != nil {
		return nil, err
	}
	return &Pattern{dialect: d, root: root, alts: alts, src: string(src)}, nil
}

// MustCompile is Compile for patterns known to be valid; it panics on error.
func MustCompile(src string, d Dialect) *Pattern {
	p, err := Compile([]byte(src), d)
	if err != nil {
		panic(err)
	}
	return p
}

// compileObject adds the fields and $or groups of object o (at canonical path prefix, written
// location loc) to n.
func compileObject(o *jval, prefix []string, loc string, n *node) error {
	if len(o.keys) == 0 {
		return &CompileError{Path: loc, Msg: "an empty object matches nothing useful: give at least one field"}
	}
	last := map[string]int{}
	for i, k := range o.keys {
		last[k] = i
	}
	for i, k := range o.keys {
		if last[k] != i {
			continue // a later duplicate wins
		}
		v := o.vals[i]
		if k == "$or" && isOrGroup(v) {
			if err := compileOr(v, prefix, join(loc, "$or"), n); err != nil {
				return err
			}
			continue
		}
		kloc := join(loc, k)
		path := append(append([]string(nil), prefix...), strings.Split(k, ".")...)
		switch v.kind {
		case 'o':
			if err := compileObject(v, path, kloc, n); err != nil {
				return err
			}
		case 'a':
			f, err := compileField(v, strings.Join(path, "."), kloc)
			if err != nil {
				return err
			}
			n.fields = append(n.fields, f)
		default:
			return &CompileError{Path: kloc, Msg: "expected an array of values or an object, got " + v.String()}
		}
	}
	n.fields = lastPathWins(n.fields)
	return nil
}

// isOrGroup reports whether v is an array of two or more objects: only then is "$or" an operator
// (otherwise it is an ordinary field name, as in AWS).
func isOrGroup(v *jval) bool {
	if v.kind != 'a' || len(v.vals) < 2 {
		return false
	}
	for _, e := range v.vals {
		if e.kind != 'o' {
			return false
		}
	}
	return true
}

func compileOr(v *jval, prefix []string, loc string, n *node) error {
	group := make([]*node, 0, len(v.vals))
	for i, e := range v.vals {
		sub := &node{}
		if err := compileObject(e, prefix, loc+"["+strconv.Itoa(i)+"]", sub); err != nil {
			return err
		}
		group = append(group, sub)
	}
	n.ors = append(n.ors, group)
	n.orLocs = append(n.orLocs, loc)
	return nil
}

// lastPathWins drops fields whose canonical path is written again later in the same object
// ({"a.b": …} and {"a": {"b": …}} name the same field).
func lastPathWins(fields []*Field) []*Field {
	last := map[string]int{}
	for i, f := range fields {
		last[f.Path] = i
	}
	out := fields[:0]
	for i, f := range fields {
		if last[f.Path] == i {
			out = append(out, f)
		}
	}
	return out
}

func compileField(v *jval, path, loc string) (*Field, error) {
	if len(v.vals) == 0 {
		return nil, &CompileError{Path: loc, Msg: "an empty array matches nothing: give at least one value"}
	}
	f := &Field{Path: path, Loc: loc}
	for i, e := range v.vals {
		c, err := compileCond(e)
		if err != nil {
			return nil, &CompileError{Path: loc + "[" + strconv.Itoa(i) + "]", Msg: err.Error()}
		}
		f.Conds = append(f.Conds, c)
	}
	return f, nil
}

// expand turns the AND/OR tree into its disjunctive normal form.
func expand(n *node) ([][]*Field, error) {
	alts := [][]*Field{append([]*Field(nil), n.fields...)}
	for _, group := range n.ors {
		var next [][]*Field
		for _, sub := range group {
			subAlts, err := expand(sub)
			if err != nil {
				return nil, err
			}
			for _, a := range alts {
				for _, s := range subAlts {
					next = append(next, append(append([]*Field(nil), a...), s...))
					if len(next) > maxAlternatives {
						return nil, &CompileError{Msg: "$or: more than " + strconv.Itoa(maxAlternatives) + " combinations of alternatives"}
					}
				}
			}
		}
		alts = next
	}
	return alts, nil
}

func join(loc, k string) string {
	if loc == "" {
		return k
	}
	return loc + "." + k
}
