package load

import (
	"regexp"

	"github.com/fanout/fanout/engine/field"
)

// Spec is the declarative form of one synthetic load, as written in a scenario file's `loads`
// list. Validate checks it; Build turns it into a runnable *Load.
type Spec struct {
	// Name identifies the load: required, unique in the scenario, 1–64 characters of
	// letters, digits, '_', '-' and '.', starting with a letter or digit. It names the
	// load's random streams ("load/<name>/arrivals", ...).
	Name string `yaml:"name"`
	// Bus is the name of the bus the events are published to. Default "default".
	Bus string `yaml:"bus,omitempty"`
	// Start is the offset from the run start of the first possible arrival. Default 0, >= 0.
	Start field.Duration `yaml:"start,omitempty"`
	// Stop is the offset from the run start after which no arrival happens (exclusive).
	// 0 (the default) means the run horizon; otherwise > Start.
	Stop field.Duration `yaml:"stop,omitempty"`
	// Arrival is the arrival process: when events happen.
	Arrival Arrival `yaml:"arrival"`
	// Events are the event templates, one chosen per arrival with probability
	// weight/sum(weights). At least one, except for a replay of CloudEvents, whose events are
	// published as recorded when no template is given.
	Events []Template `yaml:"events,omitempty"`
	// Vars are named generators evaluated first, in declaration order, once per event; the
	// expressions of later vars, params and fields can refer to them by name.
	Vars Gens `yaml:"vars,omitempty"`
}

// Template is one kind of event a load emits: either a catalog system event (Catalog + Params)
// or a custom CloudEvent (Event). Fields then override parts of the built event.
type Template struct {
	// Weight is the relative frequency of this template: finite, >= 0, default 1 (see
	// WeightOf). 0 disables the template.
	Weight *float64 `yaml:"weight,omitempty"`
	// Catalog is the type of a system event in engine/event's catalog, e.g.
	// "oss:ObjectCreated:PutObject". Exclusive with Event.
	Catalog string `yaml:"catalog,omitempty"`
	// Params are the catalog event's parameters (by the catalog's parameter names), each
	// drawn from a generator. Unset parameters take the catalog's defaults.
	Params Gens `yaml:"params,omitempty"`
	// Event is a custom CloudEvent's constant part. Exclusive with Catalog.
	Event *CustomEvent `yaml:"event,omitempty"`
	// Fields are generators keyed by a dotted path into the event: id, source, type, subject,
	// time, datacontenttype, dataschema, data, data.<key>[.<key>...] or an extension name
	// (lowercase letters and digits). They are applied after Params, in declaration order.
	Fields Gens `yaml:"fields,omitempty"`
}

// CustomEvent is the constant part of a custom CloudEvent. Unset id and time are generated
// (id from the load's seeded stream, time from the arrival time).
type CustomEvent struct {
	ID              string            `yaml:"id,omitempty"`
	Source          string            `yaml:"source"`
	Type            string            `yaml:"type"`
	Subject         string            `yaml:"subject,omitempty"`
	DataContentType string            `yaml:"datacontenttype,omitempty"` // default application/json
	DataSchema      string            `yaml:"dataschema,omitempty"`
	Extensions      map[string]string `yaml:"extensions,omitempty"`
	// Data is the JSON payload; maps keep their declaration order in the event.
	Data *Value `yaml:"data,omitempty"`
}

// WeightOf returns the template's weight: 1 when omitted.
func (t Template) WeightOf() float64 {
	if t.Weight == nil {
		return 1
	}
	return *t.Weight
}

var nameRE = regexp.MustCompile(`^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$`)

// Validate checks the spec and returns a field.List whose paths are relative to the spec
// ("arrival.rate", "events[1].fields.data.order.id.seq.format"), or nil.
func (s Spec) Validate() error {
	var errs field.List
	if s.Name == "" {
		errs.Addf("name", "required")
	} else if !nameRE.MatchString(s.Name) {
		errs.Addf("name", "invalid name %q: want 1-64 letters, digits, '_', '-' or '.', starting with a letter or digit", s.Name)
	}
	if s.Start < 0 {
		errs.Addf("start", "must be >= 0, got %s", s.Start.D())
	}
	if s.Stop < 0 || (s.Stop != 0 && s.Stop <= s.Start) {
		errs.Addf("stop", "must be after start (%s), got %s", s.Start.D(), s.Stop.D())
	}
	errs.Add("arrival", s.Arrival.Validate())
	s.validateEvents(&errs)
	v := newScope()
	for _, n := range s.Vars {
		p := field.Join("vars", n.Name)
		if !identRE.MatchString(n.Name) {
			errs.Addf(p, "invalid variable name %q: want a letter or '_' then letters, digits or '_'", n.Name)
		}
		if v.has(n.Name) {
			errs.Addf(p, "duplicate variable %q", n.Name)
		}
		if _, err := v.compile(n.Name, n.Gen); err != nil {
			errs.Add(p, err)
		}
	}
	for i, t := range s.Events {
		errs.Add(field.Index("events", i), t.validate(v.clone()))
	}
	return errs.Err()
}

// validateEvents checks the template list as a whole.
func (s Spec) validateEvents(errs *field.List) {
	replayCE := s.Arrival.Process == ProcReplay && s.Arrival.Format == FormatCloudEvents
	if len(s.Events) == 0 && !replayCE {
		errs.Addf("events", "at least one event template is required")
		return
	}
	sum := 0.0
	for _, t := range s.Events {
		if w := t.WeightOf(); w > 0 {
			sum += w
		}
	}
	if len(s.Events) > 0 && sum <= 0 {
		errs.Addf("events", "at least one template must have a weight > 0")
	}
}
