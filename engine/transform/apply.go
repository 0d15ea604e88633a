package transform

import (
	"fmt"
)

// Result is what a transformer produces for one event.
type Result struct {
	// Payload is what the target receives. It may alias the event (ORIGINAL,
	// or a JSONPATH value that needs no decoding) or the transformer's
	// constant (CONSTANT): treat it as read-only.
	Payload []byte
	// Warnings are non-fatal findings for the caller to record; nil when none.
	Warnings []Warning
}

// WarningKind classifies a Warning.
type WarningKind uint8

const (
	// WarnMissingPath: a JSONPath matched nothing and rendered empty (or [] for
	// a wildcard path).
	WarnMissingPath WarningKind = iota + 1
	// WarnInvalidJSON: a template that looks like JSON rendered to invalid
	// JSON; the payload is delivered as rendered.
	WarnInvalidJSON
)

// String returns "missing-path" or "invalid-json".
func (k WarningKind) String() string {
	switch k {
	case WarnMissingPath:
		return "missing-path"
	case WarnInvalidJSON:
		return "invalid-json"
	}
	return fmt.Sprintf("WarningKind(%d)", uint8(k))
}

// Warning is a non-fatal finding of Apply.
type Warning struct {
	Kind WarningKind
	Var  string // the template variable concerned, if any
	Path string // the JSONPath concerned, if any
	Msg  string // a complete, human-readable sentence
}

func (w Warning) String() string { return w.Kind.String() + ": " + w.Msg }

// Apply renders the payload a target receives for event (the structured
// CloudEvent JSON). ORIGINAL returns the event itself, byte for byte;
// JSONPATH the extracted value's text; CONSTANT the literal; TEMPLATE the
// rendered template. A path that matches nothing renders empty and adds a
// WarnMissingPath warning. The error wraps ErrBadEvent when the event is not
// valid JSON where the walk reads it; Apply does not validate the parts of the
// event no path reads (the bus validates events on entry).
func (t *Transformer) Apply(event []byte) (Result, error) {
	switch t.form {
	case FormOriginal:
		return Result{Payload: event}, nil
	case FormConstant:
		return Result{Payload: t.constant}, nil
	case FormJSONPath:
		return t.applyJSONPath(event, nil)
	}
	return t.applyTemplate(event, nil)
}

// applyJSONPath renders a JSONPATH transformer; d, when not nil, is event prepared (ApplyDoc).
func (t *Transformer) applyJSONPath(event []byte, d *Doc) (Result, error) {
	var x extracted
	var err error
	if t.path.definite {
		var res [1]hit
		if err = t.set.evalIn(event, d, res[:]); err == nil {
			x, err = hitTextIn(event, res[0], d.knownValid())
		}
	} else {
		x, err = extractAll(event, t.path)
	}
	if err != nil {
		return Result{}, fmt.Errorf("JSONPath %s: %w", t.path, err)
	}
	if !x.found {
		return Result{Payload: x.text, Warnings: []Warning{missing("", t.path)}}, nil
	}
	return Result{Payload: x.text}, nil
}

// missing returns the warning for a path that matched nothing.
func missing(name string, p *Path) Warning {
	what := "the payload is empty"
	if !p.definite {
		what = "the payload is []"
	}
	if name != "" {
		what = "${" + name + "} renders empty"
		if !p.definite {
			what = "${" + name + "} renders []"
		}
		return Warning{WarnMissingPath, name, p.src, fmt.Sprintf("variable %q: JSONPath %s matched nothing in the event; %s", name, p.src, what)}
	}
	return Warning{WarnMissingPath, "", p.src, fmt.Sprintf("JSONPath %s matched nothing in the event; %s", p.src, what)}
}

// applyTemplate resolves every variable once, then renders the segments; d, when not nil, is
// event prepared (ApplyDoc).
func (t *Transformer) applyTemplate(event []byte, d *Doc) (Result, error) {
	var hitStack [8]hit
	var valStack [8]extracted
	hits, vals := hitStack[:], valStack[:0]
	if t.set.slots > len(hitStack) {
		hits = make([]hit, t.set.slots)
	}
	if len(t.vars) > len(valStack) {
		vals = make([]extracted, 0, len(t.vars))
	}
	if t.set.slots > 0 {
		if err := t.set.evalIn(event, d, hits); err != nil {
			return Result{}, fmt.Errorf("template variables: %w", err)
		}
	}
	var warns []Warning
	size := 0
	for i := range t.vars {
		x, err := t.vars[i].resolve(event, hits, d.knownValid())
		if err != nil {
			return Result{}, fmt.Errorf("variable %q (%s): %w", t.vars[i].name, t.vars[i].path, err)
		}
		if !x.found {
			warns = append(warns, missing(t.vars[i].name, t.vars[i].path))
		}
		vals = append(vals, x)
		size += len(x.text)
	}
	out := t.render(make([]byte, 0, t.litLen()+size+8), vals)
	if t.looksJSON && !validJSON(out) {
		warns = append(warns, t.invalidJSON(out, vals))
	}
	return Result{Payload: out, Warnings: warns}, nil
}

// resolve returns the variable's text for event, given the pathSet results.
func (v *variable) resolve(event []byte, hits []hit, valid bool) (extracted, error) {
	switch {
	case v.path == nil:
		return extracted{found: true, text: v.literal}, nil
	case v.path.definite:
		return hitTextIn(event, hits[v.slot], valid)
	}
	return extractAll(event, v.path)
}

// render appends the template's segments with the resolved values.
func (t *Transformer) render(dst []byte, vals []extracted) []byte {
	for i := range t.segs {
		s := &t.segs[i]
		dst = append(dst, s.lit...)
		if !s.hasVar {
			continue
		}
		text := vals[s.varIdx].text
		switch s.fn {
		case escJSON:
			dst = appendJSONEscape(dst, text)
		case escHTML:
			dst = appendHTMLEscape(dst, text)
		default:
			dst = append(dst, text...)
		}
	}
	return dst
}

// litLen is the total length of the template's literal text.
func (t *Transformer) litLen() int {
	n := 0
	for i := range t.segs {
		n += len(t.segs[i].lit)
	}
	return n
}
