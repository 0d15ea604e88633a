package event

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math"
	"slices"
	"sort"
	"strings"
	"time"
)

// Param kinds.
const (
	KindString = "string"
	KindInt    = "int"
	KindBool   = "bool"
)

// Param documents one input of a catalog entry.
type Param struct {
	Name string // snake_case, e.g. "bucket", "source_ip"
	Kind string // KindString, KindInt or KindBool
	Doc  string // meaning, unit and what an empty default derives from
	// Default is used when the caller leaves the param out: a string, an int64 or a bool,
	// matching Kind. An empty string default means "derived", as Doc says.
	Default any
}

// CatalogEntry is one system event type that the default bus emits.
type CatalogEntry struct {
	Type        string // CloudEvents type, e.g. "oss:ObjectCreated:PutObject"
	Source      string // CloudEvents source, e.g. "acs.oss"
	Service     string // the emitting cloud service, e.g. "OSS"
	Description string // what the event means; says "illustrative" when the name is not documented
	Params      []Param

	build func(v values, at time.Time, id string) (built, error)
}

// built is what an entry's builder contributes to the event.
type built struct {
	subject string
	data    any               // marshalled as the JSON data; structs keep their field order
	ext     map[string]string // extensions besides the common ones
}

// values are the resolved params of one Build call: every param present, of its kind.
type values map[string]any

func (v values) str(name string) string { return v[name].(string) }
func (v values) int(name string) int64  { return v[name].(int64) }
func (v values) bool(name string) bool  { return v[name].(bool) }

// nonNegative fails when an int param is below zero.
func (v values) nonNegative(names ...string) error {
	for _, n := range names {
		if x := v.int(n); x < 0 {
			return fmt.Errorf("param %q: must be >= 0, not %d", n, x)
		}
	}
	return nil
}

// Catalog returns every entry, sorted by Type. The slice is a fresh copy.
func Catalog() []CatalogEntry {
	out := make([]CatalogEntry, 0, len(catalogIndex))
	for _, c := range catalogIndex {
		out = append(out, c)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Type < out[j].Type })
	for i := range out {
		out[i].Params = slices.Clone(out[i].Params)
	}
	return out
}

// Lookup returns the entry for an event type.
func Lookup(typ string) (CatalogEntry, bool) {
	c, ok := catalogIndex[typ]
	if ok {
		c.Params = slices.Clone(c.Params)
	}
	return c, ok
}

// catalogIndex maps type to entry; filled by the catalog_*.go files.
var catalogIndex = map[string]CatalogEntry{}

func register(entries ...CatalogEntry) {
	for _, c := range entries {
		if _, dup := catalogIndex[c.Type]; dup {
			panic("event: duplicate catalog type " + c.Type)
		}
		catalogIndex[c.Type] = c
	}
}

// Param returns the named param of c.
func (c CatalogEntry) Param(name string) (Param, bool) {
	for _, p := range c.Params {
		if p.Name == name {
			return p, true
		}
	}
	return Param{}, false
}

// Build makes the event: id as given, time from at (RFC 3339 with nanoseconds, UTC), the
// entry's type and source, datacontenttype "application/json;charset=utf-8", the Alibaba
// extensions of the default bus, and data shaped like the real service's. Params missing from p
// take their defaults; an unknown param, or a value of the wrong kind, is an error that names it.
// Ints accept any Go integer type or an integral float64 (as YAML and expr produce); strings
// accept only strings; bools only bools. The result passes Validate with DefaultLimits, or Build
// fails. The same inputs give byte-identical JSON.
func (c CatalogEntry) Build(id string, at time.Time, p map[string]any) (Event, error) {
	if c.build == nil {
		return Event{}, fmt.Errorf("build %q: not a catalog entry", c.Type)
	}
	v, err := c.resolve(p)
	if err != nil {
		return Event{}, fmt.Errorf("build %q: %w", c.Type, err)
	}
	b, err := c.build(v, at, id)
	if err != nil {
		return Event{}, fmt.Errorf("build %q: %w", c.Type, err)
	}
	data, err := marshalData(b.data)
	if err != nil {
		return Event{}, fmt.Errorf("build %q: %w", c.Type, err)
	}
	e := Event{
		ID: id, Source: c.Source, SpecVersion: SpecVersion10, Type: c.Type, Subject: b.subject,
		Time: FormatTime(at), DataContentType: contentTypeJSON, Data: data,
		Extensions: map[string]string{
			ExtEventBusName: "default",
			ExtPublishTime:  formatMillis(at),
		},
	}
	if r, ok := v["region"].(string); ok {
		e.Extensions[ExtRegionID] = r
	}
	if a, ok := v["account"].(string); ok {
		e.Extensions[ExtAccountID] = a
	}
	for k, x := range b.ext {
		e.Extensions[k] = x
	}
	if err := Validate(e, DefaultLimits()); err != nil {
		return Event{}, fmt.Errorf("build %q: %w", c.Type, err)
	}
	return e, nil
}

// contentTypeJSON is the datacontenttype that real Alibaba system events carry (§5.1).
const contentTypeJSON = "application/json;charset=utf-8"

// formatMillis formats like the real aliyunpublishtime: "2026-03-11T05:40:45.682Z".
func formatMillis(t time.Time) string { return t.UTC().Format("2006-01-02T15:04:05.000Z07:00") }

// resolve checks p against c.Params and fills the defaults.
func (c CatalogEntry) resolve(p map[string]any) (values, error) {
	names := make([]string, 0, len(p))
	for k := range p {
		names = append(names, k)
	}
	slices.Sort(names)
	v := make(values, len(c.Params))
	for _, k := range names {
		prm, ok := c.Param(k)
		if !ok {
			return nil, fmt.Errorf("unknown param %q (valid: %s)", k, c.paramNames())
		}
		x, err := convert(prm, p[k])
		if err != nil {
			return nil, err
		}
		v[k] = x
	}
	for _, prm := range c.Params {
		if _, ok := v[prm.Name]; !ok {
			v[prm.Name] = prm.Default
		}
	}
	return v, nil
}

func (c CatalogEntry) paramNames() string {
	names := make([]string, len(c.Params))
	for i, p := range c.Params {
		names[i] = p.Name
	}
	return strings.Join(names, ", ")
}

// convert checks x against the kind of p and returns it as string, int64 or bool.
func convert(p Param, x any) (any, error) {
	bad := fmt.Errorf("param %q: want %s, got %T %v", p.Name, p.Kind, x, x)
	switch p.Kind {
	case KindString:
		if s, ok := x.(string); ok {
			return s, nil
		}
	case KindBool:
		if b, ok := x.(bool); ok {
			return b, nil
		}
	case KindInt:
		return toInt(x, bad)
	}
	return nil, bad
}

func toInt(x any, bad error) (any, error) {
	switch n := x.(type) {
	case int:
		return int64(n), nil
	case int8:
		return int64(n), nil
	case int16:
		return int64(n), nil
	case int32:
		return int64(n), nil
	case int64:
		return n, nil
	case uint:
		return uintToInt(uint64(n), bad)
	case uint8:
		return int64(n), nil
	case uint16:
		return int64(n), nil
	case uint32:
		return int64(n), nil
	case uint64:
		return uintToInt(n, bad)
	case float64:
		if n == math.Trunc(n) && n >= math.MinInt64 && n < math.MaxInt64 {
			return int64(n), nil
		}
	case float32:
		return toInt(float64(n), bad)
	}
	return nil, bad
}

func uintToInt(n uint64, bad error) (any, error) {
	if n > math.MaxInt64 {
		return nil, bad
	}
	return int64(n), nil
}

// marshalData encodes a payload compactly, without HTML escaping, in field order.
func marshalData(d any) (json.RawMessage, error) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(d); err != nil {
		return nil, fmt.Errorf("encode data: %w", err)
	}
	return bytes.TrimSuffix(buf.Bytes(), []byte("\n")), nil
}
