package load

import (
	"fmt"
	"math"
	"strings"

	"github.com/goccy/go-yaml"

	"github.com/fanout/fanout/engine/field"
	"github.com/fanout/fanout/engine/sim"
)

// Gen is the declarative form of a field generator. Exactly one kind is set; a Gen with no
// kind set is the constant null. In YAML a plain scalar, list or mapping without a generator
// key is a constant; a mapping with one of the keys const, choice, dist, seq, uuid, expr is
// that generator:
//
//	bucket: media-prod                                   # constant
//	ext:    {choice: {csv: 0.3, json: 0.5, png: 0.2}}    # weighted choice (value: weight)
//	kind:   {choice: [{value: {a: 1}, weight: 2}, ...]}  # weighted choice, any values
//	size:   {dist: {kind: lognormal, median: 409600, p99: 20971520}, as: int, min: 0, max: 1e9}
//	id:     {seq: {start: 1, step: 1, format: "ord-%06d"}}
//	rid:    {uuid: true}                                 # RFC 4122 v4 text from the seeded stream
//	key:    {expr: '"uploads/" + seq + "." + ext'}        # github.com/expr-lang/expr
//	obj:    {const: {seq: 1}}                             # a constant that looks like a generator
type Gen struct {
	// Const is a constant value (nil with no other kind set means null).
	Const *Value
	// Choice draws one Value with probability weight/sum(weights). Weights are >= 0 and
	// finite, at least one > 0.
	Choice []Choice
	// Dist draws a number from a distribution (engine/sim), post-processed by Min, Max
	// (clamping, either optional), Round (decimal places, 0..15, for float results) and As.
	Dist  *sim.Spec
	As    string   // "int" (rounded to the nearest integer) or "float" (default)
	Round int      // decimal places kept when As is float; 0 = no rounding
	Min   *float64 // lower clamp, optional
	Max   *float64 // upper clamp, optional; >= Min
	// Seq yields start, start+step, ... (one value per generated event).
	Seq *Seq
	// UUID yields a version-4 UUID drawn from the load's seeded stream when true.
	UUID bool
	// Expr is an expression over the variables and the generators declared before it.
	Expr string

	// bad is the problem found when decoding (the raw value is kept in Const so that it
	// re-encodes as written); Validate reports it at the generator's path.
	bad error
}

// Choice is one weighted outcome of a choice generator.
type Choice struct {
	Value  Value
	Weight float64
}

// Seq is a sequence generator: Start, Start+Step, ... Step 0 means 1. With Format (a
// fmt verb for one integer, e.g. "ord-%06d") the value is that string, else an integer.
type Seq struct {
	Start  int64  `yaml:"start,omitempty"`
	Step   int64  `yaml:"step,omitempty"`
	Format string `yaml:"format,omitempty"`
}

// Generator kinds, as returned by Gen.Kind.
const (
	KindConst  = "const"
	KindChoice = "choice"
	KindDist   = "dist"
	KindSeq    = "seq"
	KindUUID   = "uuid"
	KindExpr   = "expr"
)

var genKeys = []string{KindConst, KindChoice, KindDist, KindSeq, KindUUID, KindExpr}

// Kind reports which generator g is.
func (g Gen) Kind() string {
	switch {
	case g.Choice != nil:
		return KindChoice
	case g.Dist != nil:
		return KindDist
	case g.Seq != nil:
		return KindSeq
	case g.UUID:
		return KindUUID
	case g.Expr != "":
		return KindExpr
	}
	return KindConst
}

// UnmarshalYAML implements yaml.BytesUnmarshaler.
func (g *Gen) UnmarshalYAML(b []byte) error {
	var x any
	if err := yaml.UnmarshalWithOptions(b, &x, yaml.UseOrderedMap()); err != nil {
		return err
	}
	*g = genFromValue(x)
	return nil
}

// genFromValue interprets a decoded YAML value (maps as yaml.MapSlice) as a generator. A
// malformed generator mapping is not a decode error: it is kept as written and reported by
// Validate with its field path (so the scenario loader can give its line).
func genFromValue(x any) Gen {
	ms, ok := x.(yaml.MapSlice)
	if !ok {
		return Gen{Const: &Value{V: x}}
	}
	kind := ""
	for _, it := range ms {
		k := fmt.Sprint(it.Key)
		for _, gk := range genKeys {
			if k != gk {
				continue
			}
			if kind != "" {
				return Gen{Const: &Value{V: x}, bad: field.Errorf("", "more than one generator: %q and %q", kind, k)}
			}
			kind = k
		}
	}
	if kind == "" {
		return Gen{Const: &Value{V: x}}
	}
	g, err := decodeGen(kind, ms)
	if err != nil {
		return Gen{Const: &Value{V: x}, bad: err}
	}
	return g
}

// decodeGen decodes the mapping ms of a generator of the given kind.
func decodeGen(kind string, ms yaml.MapSlice) (Gen, error) {
	var g Gen
	for _, it := range ms {
		k := fmt.Sprint(it.Key)
		if k != kind && !(kind == KindDist && isDistOption(k)) {
			return Gen{}, field.Errorf(k, "unknown key %q in a %s generator", k, kind)
		}
		if err := g.setKey(k, it.Value); err != nil {
			return Gen{}, field.Prefix(k, err)
		}
	}
	if kind == KindConst && g.Const == nil {
		g.Const = &Value{}
	}
	return g, nil
}

func isDistOption(k string) bool {
	return k == "as" || k == "round" || k == "min" || k == "max"
}

// setKey decodes one key of a generator mapping into g.
func (g *Gen) setKey(k string, v any) error {
	var err error
	switch k {
	case KindConst:
		g.Const = &Value{V: v}
	case KindChoice:
		g.Choice, err = decodeChoice(v)
	case KindDist:
		g.Dist = &sim.Spec{}
		err = redecode(v, g.Dist)
	case KindSeq:
		g.Seq = &Seq{}
		err = redecode(v, g.Seq)
	case KindUUID:
		b, ok := v.(bool)
		if !ok || !b {
			return fmt.Errorf("want true, got %s", describe(v))
		}
		g.UUID = true
	case KindExpr:
		s, ok := v.(string)
		if !ok || strings.TrimSpace(s) == "" {
			return fmt.Errorf("want a non-empty expression string, got %s", describe(v))
		}
		g.Expr = s
	case "as":
		s, ok := v.(string)
		if !ok {
			return fmt.Errorf("want int or float, got %s", describe(v))
		}
		g.As = s
	case "round":
		f, ok := toFloat(v)
		if !ok || f != math.Trunc(f) || math.Abs(f) > 1e6 {
			return fmt.Errorf("want a whole number of decimal places, got %s", describe(v))
		}
		g.Round = int(f)
	case "min", "max":
		f, ok := toFloat(v)
		if !ok {
			return fmt.Errorf("want a number, got %s", describe(v))
		}
		if k == "min" {
			g.Min = &f
		} else {
			g.Max = &f
		}
	}
	return err
}

// redecode re-encodes a decoded value and decodes it strictly into dst (a struct pointer).
func redecode(v any, dst any) error {
	b, err := yaml.Marshal(v)
	if err != nil {
		return err
	}
	return yaml.UnmarshalWithOptions(b, dst, yaml.DisallowUnknownField())
}

// decodeChoice accepts {value: weight, ...} or [{value: v, weight: w}, ...].
func decodeChoice(v any) ([]Choice, error) {
	switch c := v.(type) {
	case yaml.MapSlice:
		out := make([]Choice, 0, len(c))
		for _, it := range c {
			w, ok := toFloat(it.Value)
			if !ok {
				return nil, field.Errorf(fmt.Sprint(it.Key), "weight: want a number, got %s", describe(it.Value))
			}
			out = append(out, Choice{Value: Value{V: it.Key}, Weight: w})
		}
		return out, nil
	case []any:
		out := make([]Choice, 0, len(c))
		for i, e := range c {
			ch, err := decodeChoiceItem(e)
			if err != nil {
				return nil, field.Prefix(fmt.Sprintf("[%d]", i), err)
			}
			out = append(out, ch)
		}
		return out, nil
	}
	return nil, fmt.Errorf("want {value: weight, ...} or [{value: v, weight: w}, ...], got %s", describe(v))
}

func decodeChoiceItem(e any) (Choice, error) {
	ms, ok := e.(yaml.MapSlice)
	if !ok {
		return Choice{}, fmt.Errorf("want {value: v, weight: w}, got %s", describe(e))
	}
	ch := Choice{Weight: 1}
	for _, it := range ms {
		switch fmt.Sprint(it.Key) {
		case "value":
			ch.Value = Value{V: it.Value}
		case "weight":
			w, ok := toFloat(it.Value)
			if !ok {
				return Choice{}, field.Errorf("weight", "want a number, got %s", describe(it.Value))
			}
			ch.Weight = w
		default:
			return Choice{}, fmt.Errorf("unknown key %q (want value, weight)", fmt.Sprint(it.Key))
		}
	}
	return ch, nil
}

// toFloat converts a decoded YAML number to float64.
func toFloat(v any) (float64, bool) {
	switch n := v.(type) {
	case int:
		return float64(n), true
	case int64:
		return float64(n), true
	case uint64:
		return float64(n), true
	case float64:
		return n, true
	}
	return 0, false
}
