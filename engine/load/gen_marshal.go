package load

import (
	"github.com/goccy/go-yaml"
)

// MarshalYAML implements yaml.InterfaceMarshaler: the inverse of UnmarshalYAML, so a decoded
// generator re-encodes to an equivalent mapping (a constant that could be mistaken for a
// generator is written as {const: ...}).
func (g Gen) MarshalYAML() (any, error) {
	if g.bad != nil {
		return g.Const.V, nil
	}
	switch g.Kind() {
	case KindChoice:
		return yaml.MapSlice{{Key: KindChoice, Value: marshalChoice(g.Choice)}}, nil
	case KindDist:
		ms := yaml.MapSlice{{Key: KindDist, Value: g.Dist}}
		if g.As != "" {
			ms = append(ms, yaml.MapItem{Key: "as", Value: g.As})
		}
		if g.Round != 0 {
			ms = append(ms, yaml.MapItem{Key: "round", Value: g.Round})
		}
		if g.Min != nil {
			ms = append(ms, yaml.MapItem{Key: "min", Value: *g.Min})
		}
		if g.Max != nil {
			ms = append(ms, yaml.MapItem{Key: "max", Value: *g.Max})
		}
		return ms, nil
	case KindSeq:
		return yaml.MapSlice{{Key: KindSeq, Value: g.Seq}}, nil
	case KindUUID:
		return yaml.MapSlice{{Key: KindUUID, Value: true}}, nil
	case KindExpr:
		return yaml.MapSlice{{Key: KindExpr, Value: g.Expr}}, nil
	}
	if g.Const == nil {
		return nil, nil
	}
	if ms, ok := g.Const.V.(yaml.MapSlice); ok && looksLikeGen(ms) {
		return yaml.MapSlice{{Key: KindConst, Value: g.Const.V}}, nil
	}
	return g.Const.V, nil
}

// looksLikeGen reports whether a constant mapping has a generator key.
func looksLikeGen(ms yaml.MapSlice) bool {
	for _, it := range ms {
		k, _ := it.Key.(string)
		for _, gk := range genKeys {
			if k == gk {
				return true
			}
		}
	}
	return false
}

// marshalChoice writes the short form {value: weight} when every value is a distinct string,
// else the list form: other scalars as mapping keys would come back as strings (and goccy
// cannot encode some of them as keys at all).
func marshalChoice(cs []Choice) any {
	seen := map[any]bool{}
	short := true
	for _, c := range cs {
		if _, ok := c.Value.V.(string); !ok {
			short = false
		}
		if !short || seen[c.Value.V] {
			short = false
			break
		}
		seen[c.Value.V] = true
	}
	if short {
		ms := make(yaml.MapSlice, len(cs))
		for i, c := range cs {
			ms[i] = yaml.MapItem{Key: c.Value.V, Value: c.Weight}
		}
		return ms
	}
	list := make([]any, len(cs))
	for i, c := range cs {
		list[i] = yaml.MapSlice{{Key: "value", Value: c.Value.V}, {Key: "weight", Value: c.Weight}}
	}
	return list
}
