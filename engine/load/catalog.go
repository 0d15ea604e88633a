package load

import (
	"slices"

	"github.com/agnivade/levenshtein"

	"github.com/fanout/fanout/engine/event"
	"github.com/fanout/fanout/engine/field"
)

// checkCatalog checks a catalog template's event type and parameter names against
// engine/event's catalog, and the static type of each param's generator against the
// param's kind where it is known. types maps param names to zero values (nil = unknown).
func checkCatalog(typ string, params Gens, types map[string]any) error {
	var errs field.List
	e, ok := event.Lookup(typ)
	if !ok {
		msg := "unknown catalog event type %q"
		if near := nearestType(typ); near != "" {
			errs.Addf("catalog", msg+"; did you mean %q?", typ, near)
		} else {
			errs.Addf("catalog", msg, typ)
		}
		return errs
	}
	names := make([]string, len(e.Params))
	for i, p := range e.Params {
		names[i] = p.Name
	}
	for _, n := range params {
		p, ok := e.Param(n.Name)
		path := field.Join("params", n.Name)
		if !ok {
			errs.Addf(path, "unknown param %q of %s (valid: %v)", n.Name, typ, names)
			continue
		}
		if want := zeroOfKind(p.Kind); want != nil && types[n.Name] != nil && !sameType(want, types[n.Name]) {
			errs.Addf(path, "param %q is a %s, but its generator yields %T", n.Name, p.Kind, types[n.Name])
		}
	}
	return errs.Err()
}

func zeroOfKind(kind string) any {
	switch kind {
	case event.KindString:
		return ""
	case event.KindInt:
		return 0
	case event.KindBool:
		return false
	}
	return nil
}

func sameType(a, b any) bool {
	switch a.(type) {
	case string:
		_, ok := b.(string)
		return ok
	case int:
		_, ok := b.(int)
		return ok
	case bool:
		_, ok := b.(bool)
		return ok
	}
	return false
}

// nearestType returns the catalog type closest to typ by edit distance, if close enough.
func nearestType(typ string) string {
	best, bestD := "", len(typ)/3+1
	types := make([]string, 0)
	for _, c := range event.Catalog() {
		types = append(types, c.Type)
	}
	slices.Sort(types)
	for _, t := range types {
		if d := levenshtein.ComputeDistance(typ, t); d < bestD {
			best, bestD = t, d
		}
	}
	return best
}
