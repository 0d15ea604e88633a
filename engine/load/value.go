package load

import (
	"fmt"

	"github.com/goccy/go-yaml"
)

// Value is an arbitrary YAML value (scalar, list or map) kept in declaration order: maps are held
// as yaml.MapSlice, lists as []any, scalars as string, bool, int64, uint64, float64 or nil.
// It round-trips to YAML with its key order intact.
type Value struct{ V any }

// UnmarshalYAML implements yaml.BytesUnmarshaler, decoding maps in declaration order.
func (v *Value) UnmarshalYAML(b []byte) error {
	var x any
	if err := yaml.UnmarshalWithOptions(b, &x, yaml.UseOrderedMap()); err != nil {
		return err
	}
	v.V = x
	return nil
}

// MarshalYAML implements yaml.InterfaceMarshaler.
func (v Value) MarshalYAML() (any, error) { return v.V, nil }

// NamedGen is one entry of an ordered generator map: a name (a variable name, a catalog
// parameter or a dotted event path) and its generator.
type NamedGen struct {
	Name string
	Gen  Gen
}

// Gens is an ordered map from names to generators, written in YAML as a mapping. Declaration
// order is kept: generators are evaluated in that order, and an expression may refer to the
// names declared before it.
type Gens []NamedGen

// UnmarshalYAML implements yaml.BytesUnmarshaler, keeping declaration order.
func (g *Gens) UnmarshalYAML(b []byte) error {
	var x any
	if err := yaml.UnmarshalWithOptions(b, &x, yaml.UseOrderedMap()); err != nil {
		return err
	}
	if x == nil {
		*g = nil
		return nil
	}
	ms, ok := x.(yaml.MapSlice)
	if !ok {
		return fmt.Errorf("want a mapping of names to generators, got %s", describe(x))
	}
	out := make(Gens, 0, len(ms))
	for _, it := range ms {
		name := fmt.Sprint(it.Key)
		out = append(out, NamedGen{Name: name, Gen: genFromValue(it.Value)})
	}
	*g = out
	return nil
}

// MarshalYAML implements yaml.InterfaceMarshaler.
func (g Gens) MarshalYAML() (any, error) {
	ms := make(yaml.MapSlice, len(g))
	for i, n := range g {
		v, err := n.Gen.MarshalYAML()
		if err != nil {
			return nil, err
		}
		ms[i] = yaml.MapItem{Key: n.Name, Value: v}
	}
	return ms, nil
}

// Lookup returns the generator named name.
func (g Gens) Lookup(name string) (Gen, bool) {
	for _, n := range g {
		if n.Name == name {
			return n.Gen, true
		}
	}
	return Gen{}, false
}

// describe names the YAML type of a decoded value for error messages.
func describe(x any) string {
	switch x.(type) {
	case nil:
		return "null"
	case yaml.MapSlice, map[string]any:
		return "a mapping"
	case []any:
		return "a list"
	case string:
		return fmt.Sprintf("string %q", x)
	}
	return fmt.Sprintf("%v", x)
}
