package load

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"time"

	"github.com/goccy/go-yaml"

	"github.com/fanout/fanout/engine/event"
	"github.com/fanout/fanout/engine/field"
	"github.com/fanout/fanout/engine/sim"
)

// slot is one compiled named generator with its own random stream.
type slot struct {
	name string   // var name, param name or dotted event path
	keys []string // name split at dots (fields only)
	gen  *cgen
	r    *rand.Rand
}

// tmpl is a compiled Template.
type tmpl struct {
	entry  *event.CatalogEntry // catalog template, or nil
	base   event.Event         // custom template: constant attributes
	data   any                 // custom template: constant data (yaml.MapSlice etc.), or nil
	json   []byte              // custom template: data encoded, or nil
	params []slot
	fields []slot
	p      map[string]any // the params of the event being built, reused (a Load is single-threaded)
}

// compileTemplate compiles t (valid) in scope sc; streams are named under prefix.
func compileTemplate(t Template, sc *scope, streams *sim.Streams, prefix string) (*tmpl, error) {
	var errs field.List
	c := &tmpl{}
	if t.Catalog != "" {
		e, ok := event.Lookup(t.Catalog)
		if !ok {
			return nil, field.Errorf("catalog", "unknown catalog event type %q", t.Catalog)
		}
		c.entry = &e
	} else {
		c.base = customBase(*t.Event)
		if t.Event.Data != nil {
			c.data = t.Event.Data.V
			b, err := appendJSON(nil, c.data)
			if err != nil {
				return nil, field.Errorf("event.data", "%v", err)
			}
			c.json = b
		}
	}
	compile := func(group string, gens Gens) []slot {
		out := make([]slot, 0, len(gens))
		for _, n := range gens {
			g, err := sc.compile(n.Name, n.Gen)
			if err != nil {
				errs.Add(field.Join(group, n.Name), err)
				continue
			}
			r := streams.Stream(prefix + "/" + group + "/" + n.Name)
			out = append(out, slot{name: n.Name, keys: strings.Split(n.Name, "."), gen: g, r: r})
		}
		return out
	}
	c.params = compile("params", t.Params)
	c.fields = compile("fields", t.Fields)
	return c, errs.Err()
}

// customBase returns the constant attributes of a custom event.
func customBase(e CustomEvent) event.Event {
	b := event.Event{
		ID: e.ID, Source: e.Source, SpecVersion: event.SpecVersion10, Type: e.Type,
		Subject: e.Subject, DataContentType: e.DataContentType, DataSchema: e.DataSchema,
	}
	if len(e.Extensions) > 0 {
		b.Extensions = make(map[string]string, len(e.Extensions))
		for k, v := range e.Extensions {
			b.Extensions[k] = v
		}
	}
	return b
}

// build makes one event: id and at are the generated id and the arrival's wall-clock time;
// env holds the vars and receives the params and fields as they are generated.
func (c *tmpl) build(id string, at time.Time, env map[string]any) (event.Event, error) {
	var e event.Event
	if c.entry != nil {
		if c.p == nil {
			c.p = make(map[string]any, len(c.params))
		}
		p := c.p
		clear(p)
		for _, s := range c.params {
			v, err := s.gen.next(s.r, env)
			if err != nil {
				return e, fmt.Errorf("params.%s: %w", s.name, err)
			}
			p[s.name] = v
			env[s.name] = v
		}
		var err error
		if e, err = c.entry.Build(id, at, p); err != nil {
			return e, err
		}
	} else {
		e = c.base.Clone()
		if e.ID == "" {
			e.ID = id
		}
		e.Time = event.FormatTime(at)
		if c.json != nil {
			e.Data = c.json
			if e.DataContentType == "" {
				e.DataContentType = "application/json"
			}
		}
	}
	return c.applyFields(e, env)
}

// applyFields evaluates the fields in order and sets them into e. The data is decoded (or
// taken from the custom template's constant tree) only when a field targets it, and the
// shared constant tree is copied on write.
func (c *tmpl) applyFields(e event.Event, env map[string]any) (event.Event, error) {
	var data any
	dirty := false
	for _, s := range c.fields {
		v, err := s.gen.next(s.r, env)
		if err != nil {
			return e, fmt.Errorf("fields.%s: %w", s.name, err)
		}
		setEnv(env, s.keys, v)
		if s.keys[0] != "data" {
			setAttr(&e, s.name, v)
			continue
		}
		if !dirty {
			if data, err = c.dataTree(e); err != nil {
				return e, fmt.Errorf("fields.%s: %w", s.name, err)
			}
		}
		data, dirty = setIn(data, s.keys[1:], v), true
	}
	if !dirty {
		return e, nil
	}
	b, err := appendJSON(nil, data)
	if err != nil {
		return e, fmt.Errorf("data: %w", err)
	}
	e.Data = b
	if e.DataContentType == "" {
		e.DataContentType = "application/json"
	}
	return e, nil
}

// dataTree returns the event's data as an ordered tree.
func (c *tmpl) dataTree(e event.Event) (any, error) {
	if c.entry == nil || e.Data == nil {
		return c.data, nil
	}
	return decodeData(e.Data)
}

// setEnv exposes a generated value to later expressions.
func setEnv(env map[string]any, keys []string, v any) {
	if len(keys) == 1 {
		env[keys[0]] = v
		return
	}
	setPath(env, strings.Join(keys, "."), v)
}

// setAttr sets a non-data attribute or an extension.
func setAttr(e *event.Event, name string, v any) {
	s := text(v)
	switch name {
	case "id":
		e.ID = s
	case "source":
		e.Source = s
	case "type":
		e.Type = s
	case "subject":
		e.Subject = s
	case "time":
		e.Time = s
	case "datacontenttype":
		e.DataContentType = s
	case "dataschema":
		e.DataSchema = s
	default:
		if e.Extensions == nil {
			e.Extensions = map[string]string{}
		}
		e.Extensions[name] = s
	}
}

// setIn returns tree with the value at keys set to v, copying the maps along the path (the
// constant tree is shared between events). A missing or non-object parent becomes an object.
func setIn(tree any, keys []string, v any) any {
	if len(keys) == 0 {
		return v
	}
	ms, _ := tree.(yaml.MapSlice)
	out := make(yaml.MapSlice, len(ms), len(ms)+1)
	copy(out, ms)
	for i := range out {
		if keyString(out[i].Key) == keys[0] {
			out[i].Value = setIn(out[i].Value, keys[1:], v)
			return out
		}
	}
	return append(out, yaml.MapItem{Key: keys[0], Value: setIn(nil, keys[1:], v)})
}

// decodeData decodes JSON data into an ordered tree.
func decodeData(b []byte) (any, error) {
	var x any
	if err := yaml.UnmarshalWithOptions(b, &x, yaml.UseOrderedMap()); err != nil {
		return nil, fmt.Errorf("decode data: %w", err)
	}
	return x, nil
}

func keyString(k any) string {
	if s, ok := k.(string); ok {
		return s
	}
	return fmt.Sprint(k)
}
