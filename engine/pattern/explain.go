package pattern

import (
	"strings"
)

// Explanation says, condition by condition, why an event did or did not match a pattern.
type Explanation struct {
	Matched bool
	Err     error       // the event is not a valid JSON object; nothing else is set
	Fields  []FieldNote // one per field of the pattern, in pattern order ($or alternatives inline)
	Note    string      // extra reason, e.g. array-element consistency
}

// FieldNote is the verdict on one field: its conditions (ORed), whether the event meets them and
// what the event has there.
type FieldNote struct {
	Loc    string // where the field is written, e.g. "data.size" or "$or[1].type"
	Path   string // canonical field path
	Need   string // e.g. `numeric >= 1048576` or `"acs.oss" or prefix "acs."`
	Met    bool
	Actual string // e.g. `524288`, `["a", "b"]`, or "no such field"
}

// String renders one line per field:
// "not met: data.oss.object.size: needs numeric >= 1048576, event has 524288".
func (n FieldNote) String() string {
	verdict := "not met"
	if n.Met {
		verdict = "met"
	}
	has := "event has " + n.Actual
	if n.Actual == noField {
		has = "event has no such field"
	}
	return verdict + ": " + n.Loc + ": needs " + n.Need + ", " + has
}

const noField = "\x00none"

// String renders the whole explanation, one line per field.
func (e Explanation) String() string {
	if e.Err != nil {
		return "error: " + e.Err.Error()
	}
	var b strings.Builder
	for _, f := range e.Fields {
		b.WriteString(f.String())
		b.WriteByte('\n')
	}
	if e.Note != "" {
		b.WriteString(e.Note + "\n")
	}
	return b.String()
}

// Explain evaluates p against event (in p's dialect) and reports every field's verdict and the
// event's actual value there. It allocates; it is meant for people, not the hot path.
func Explain(p *Pattern, event []byte) Explanation {
	m := NewMatcher(p.dialect)
	m.Add(0, p)
	ids, err := m.Match(event, nil)
	if err != nil {
		return Explanation{Err: err}
	}
	e := Explanation{Matched: len(ids) == 1}
	walkFields(p.root, func(f *Field) { e.Fields = append(e.Fields, m.note(f)) })
	if len(e.Fields) == 0 {
		e.Note = "the pattern {} matches every event"
	}
	if !e.Matched && p.anyAltMet(e.Fields) {
		e.Note = "every condition of an alternative holds, but not within one element of an array of objects"
	}
	return e
}

func walkFields(n *node, fn func(*Field)) {
	for _, f := range n.fields {
		fn(f)
	}
	for _, group := range n.ors {
		for _, sub := range group {
			walkFields(sub, fn)
		}
	}
}

// anyAltMet reports whether some DNF alternative has all its fields met (ignoring arrays).
func (p *Pattern) anyAltMet(notes []FieldNote) bool {
	met := map[string]bool{}
	for _, n := range notes {
		met[n.Loc] = n.Met
	}
	for _, alt := range p.alts {
		all := true
		for _, f := range alt {
			all = all && met[f.Loc]
		}
		if all {
			return true
		}
	}
	return false
}

// note judges field f against the values the last Match captured.
func (m *Matcher) note(f *Field) FieldNote {
	st := &m.st
	pid := m.root.insert(strings.Split(f.Path, ".")).path
	n := FieldNote{Loc: f.Loc, Path: f.Path, Actual: noField}
	var needs []string
	for i := range f.Conds {
		needs = append(needs, f.Conds[i].String())
	}
	n.Need = strings.Join(needs, " or ")
	ps := &st.pst[pid]
	var vals []string
	if ps.stamp == st.epoch {
		for vi := ps.head; vi >= 0; vi = st.vals[vi].next {
			v := &st.vals[vi]
			vals = append([]string{renderValue(v)}, vals...)
			n.Met = n.Met || fieldMatches(f, v, m.dialect)
		}
	}
	switch {
	case len(vals) == 1:
		n.Actual = vals[0]
	case len(vals) > 1:
		n.Actual = "[" + strings.Join(vals, ", ") + "]"
	case ps.marker == st.epoch:
		n.Actual = "an object or an empty array"
	}
	if hasExistsFalse(f) && st.isAbsent(pid) {
		n.Met = true
	}
	return n
}

func renderValue(v *value) string {
	switch v.kind {
	case KindString:
		return quote(string(v.raw))
	case KindNumber:
		return string(v.raw)
	case KindTrue:
		return "true"
	case KindFalse:
		return "false"
	}
	return "null"
}
