package load

import (
	"maps"
	"math"
	"regexp"
	"slices"
	"strings"

	"github.com/fanout/fanout/engine/field"
)

var (
	identRE   = regexp.MustCompile(`^[A-Za-z_][A-Za-z0-9_]*$`)
	extNameRE = regexp.MustCompile(`^[a-z0-9]{1,20}$`)
)

// eventAttrs are the event attributes a field path may set besides data.* and extensions.
var eventAttrs = []string{"id", "source", "type", "subject", "time", "datacontenttype", "dataschema", "data"}

// scope is the expression environment while generators are compiled in declaration order:
// each name maps to the zero value of its static type (nil = unknown); dotted field paths
// nest ("data.order.id" → env["data"]["order"]["id"]).
type scope struct {
	env map[string]any
}

func newScope() *scope { return &scope{env: map[string]any{}} }

// clone returns a copy whose additions do not affect s (nested maps are copied on write).
func (s *scope) clone() *scope { return &scope{env: maps.Clone(s.env)} }

func (s *scope) has(name string) bool {
	_, ok := s.env[name]
	return ok
}

// compile compiles g in the current scope, then declares path with g's static type.
func (s *scope) compile(path string, g Gen) (*cgen, error) {
	c, err := compileGen(g, s.env)
	if err != nil {
		return nil, err
	}
	setPath(s.env, path, c.typ)
	return c, nil
}

// setPath sets the value at a dotted path in a tree of maps, replacing non-map parents and
// copying the maps it descends into (so clones stay independent).
func setPath(m map[string]any, path string, v any) {
	head, rest, nested := strings.Cut(path, ".")
	if !nested {
		m[head] = v
		return
	}
	child, _ := m[head].(map[string]any)
	child = maps.Clone(child)
	if child == nil {
		child = map[string]any{}
	}
	setPath(child, rest, v)
	m[head] = child
}

// validate checks one template in scope v (which holds the load's vars).
func (t Template) validate(v *scope) error {
	var errs field.List
	if w := t.WeightOf(); !(w >= 0) || math.IsInf(w, 0) {
		errs.Addf("weight", "must be a finite number >= 0, got %g", w)
	}
	switch {
	case t.Catalog != "" && t.Event != nil:
		errs.Addf("event", "a template has either catalog or event, not both")
	case t.Catalog == "" && t.Event == nil:
		errs.Addf("catalog", "required: a catalog event type, or a custom event under event")
	case t.Event != nil:
		errs.Add("event", t.Event.validate())
		if len(t.Params) > 0 {
			errs.Addf("params", "params apply to catalog events only; use fields for a custom event")
		}
	}
	for _, n := range t.Params {
		p := field.Join("params", n.Name)
		if _, err := v.compile(n.Name, n.Gen); err != nil {
			errs.Add(p, err)
		}
	}
	if t.Catalog != "" && t.Event == nil {
		errs.Add("", checkCatalog(t.Catalog, t.Params, v.env))
	}
	seen := map[string]bool{}
	for _, n := range t.Fields {
		p := field.Join("fields", n.Name)
		if err := checkFieldPath(n.Name); err != nil {
			errs.Add(p, err)
			continue
		}
		if seen[n.Name] {
			errs.Addf(p, "duplicate field %q", n.Name)
		}
		seen[n.Name] = true
		if _, err := v.compile(n.Name, n.Gen); err != nil {
			errs.Add(p, err)
		}
	}
	return errs.Err()
}

// checkFieldPath checks a dotted event path of a template's fields.
func checkFieldPath(p string) error {
	head, rest, nested := strings.Cut(p, ".")
	if nested {
		if head != "data" {
			return field.Errorf("", "invalid path %q: only data has nested keys (data.<key>...)", p)
		}
		for _, k := range strings.Split(rest, ".") {
			if k == "" {
				return field.Errorf("", "invalid path %q: empty key", p)
			}
		}
		return nil
	}
	if contains(eventAttrs, p) || extNameRE.MatchString(p) && p != "specversion" {
		return nil
	}
	return field.Errorf("", "invalid path %q: want id, source, type, subject, time, datacontenttype, dataschema, data[.key...] or an extension name (lowercase letters and digits)", p)
}

// validate checks the constant part of a custom event.
func (e CustomEvent) validate() error {
	var errs field.List
	if strings.TrimSpace(e.Source) == "" {
		errs.Addf("source", "required")
	}
	if strings.TrimSpace(e.Type) == "" {
		errs.Addf("type", "required")
	}
	for _, name := range slices.Sorted(maps.Keys(e.Extensions)) {
		if !extNameRE.MatchString(name) || contains(eventAttrs, name) || name == "specversion" {
			errs.Addf(field.Join("extensions", name), "invalid extension name %q: want 1-20 lowercase letters and digits, not a core attribute", name)
		}
	}
	return errs.Err()
}
