package event

import (
	"bytes"
	"encoding/json"
	"fmt"
	"slices"
	"sort"
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
	data    any    // marshalled as the JSON data; structs keep their field order
	raw     []byte // the JSON data already encoded (exactly as data would be), or nil
	// origAccount, when set, is the aliyunoriginalaccountid extension.
	origAccount string
	// publish and time, when set, are formatMillis(at) and FormatTime(at) already computed
	// (the aliyunpublishtime extension and the time attribute).
	publish, time string
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
	defer release(v)
	if err != nil {
		return Event{}, fmt.Errorf("build %q: %w", c.Type, err)
	}
	data := b.raw
	if data == nil {
		if data, err = marshalData(b.data); err != nil {
			return Event{}, fmt.Errorf("build %q: %w", c.Type, err)
		}
	}
	e := c.event(v, b, id, at, data)
	if err := validateBuilt(e); err != nil {
		return Event{}, fmt.Errorf("build %q: %w", c.Type, err)
	}
	e.markBuilt() // Build encoded the data (valid JSON, as validateBuilt relies on) and validated e
	return e, nil
}

// event assembles the built event with the common attributes and extensions.
func (c CatalogEntry) event(v values, b built, id string, at time.Time, data []byte) Event {
	var buf [40]byte
	pub := b.publish
	if pub == "" {
		pub = string(appendMillis(buf[:0], at))
	}
	tm := b.time
	if tm == "" {
		tm = string(appendRFC3339Nano(buf[:0], at))
	}
	n := 2
	r, hasRegion := v.lookupStr("region")
	a, hasAccount := v.lookupStr("account")
	n += btoi(hasRegion) + btoi(hasAccount) + btoi(b.origAccount != "")
	e := Event{
		ID: id, Source: c.Source, SpecVersion: SpecVersion10, Type: c.Type, Subject: b.subject,
		Time: tm, DataContentType: contentTypeJSON, Data: data,
		Extensions: make(map[string]string, n),
	}
	e.Extensions[ExtEventBusName] = "default"
	e.Extensions[ExtPublishTime] = pub
	if hasRegion {
		e.Extensions[ExtRegionID] = r
	}
	if hasAccount {
		e.Extensions[ExtAccountID] = a
	}
	if b.origAccount != "" {
		e.Extensions[ExtOriginalAccountID] = b.origAccount
	}
	return e
}

// validateBuilt is Validate(e, DefaultLimits()) for an event that Build assembled: its data
// was encoded by Build (so it is valid JSON, of a JSON media type) and its extension names are
// this package's constants (valid, as the catalog tests check with Validate). Only the other
// attributes are checked and the data's length counted against the size limit; any failure
// is reported by the full Validate.
func validateBuilt(e Event) error {
	lim := DefaultLimits()
	probe := e
	probe.Data, probe.Extensions = nil, nil
	lim.MaxEventBytes -= len(e.Data)
	if lim.MaxEventBytes > 0 && !e.DataBase64 && IsJSONMediaType(e.DataContentType) &&
		check(&probe, lim, true) == nil {
		return nil
	}
	return Validate(e, DefaultLimits())
}

func btoi(b bool) int {
	if b {
		return 1
	}
	return 0
}

// contentTypeJSON is the datacontenttype that real Alibaba system events carry (§5.1).
const contentTypeJSON = "application/json;charset=utf-8"

// formatMillis formats like the real aliyunpublishtime: "2026-03-11T05:40:45.682Z".
func formatMillis(t time.Time) string { return t.UTC().Format("2006-01-02T15:04:05.000Z07:00") }

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
