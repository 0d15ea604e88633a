package bus

import (
	"github.com/fanout/fanout/engine/field"
)

// RuleSpec declares a rule: an event pattern on one bus and 1–5 targets.
type RuleSpec struct {
	// Name: same rules as a bus name (≤127 characters, letters, digits and '-'), unique per bus.
	// Required.
	Name string `yaml:"name" json:"name"`
	// Bus is the name of the rule's bus. Default "default".
	Bus string `yaml:"bus,omitempty" json:"bus,omitempty"`
	// Description is free text.
	Description string `yaml:"description,omitempty" json:"description,omitempty"`
	// Enabled switches the rule on or off. Default true.
	Enabled *bool `yaml:"enabled,omitempty" json:"enabled,omitempty"`
	// Pattern is the event pattern: a YAML/JSON object, or a string holding the JSON object.
	// Required. Kept as compact JSON; compiled by engine/pattern in the scenario's dialect.
	Pattern Pattern `yaml:"pattern" json:"pattern"`
	// Targets receive the matching events, each with its own transformer, retry policy and
	// dead-letter queue. 1–5, ids unique within the rule.
	Targets []TargetSpec `yaml:"targets" json:"targets"`
}

// BusOrDefault returns Bus, or "default" when it is empty.
func (r RuleSpec) BusOrDefault() string {
	if r.Bus == "" {
		return DefaultBusName
	}
	return r.Bus
}

// IsEnabled returns Enabled, true when unset.
func (r RuleSpec) IsEnabled() bool { return r.Enabled == nil || *r.Enabled }

// Validate checks the rule's own fields and its targets. The pattern is only checked for being
// present and a JSON object here: compiling it needs the scenario's dialect (pattern.Compile).
// References (bus, functions, queues) are checked by the scenario loader.
func (r RuleSpec) Validate() error {
	var errs field.List
	if err := ValidateName(r.Name); err != nil {
		errs.Add("name", err)
	}
	if r.Bus != "" {
		if err := ValidateName(r.Bus); err != nil {
			errs.Add("bus", err)
		}
	}
	if len(r.Pattern) == 0 {
		errs.Addf("pattern", "required: an event pattern object, e.g. {source: [acs.oss]}")
	} else if r.Pattern[0] != '{' {
		errs.Addf("pattern", "must be a JSON object, got %s", abbreviate(string(r.Pattern), 40))
	}
	switch n := len(r.Targets); {
	case n == 0:
		errs.Addf("targets", "rule %q has no targets: a rule needs 1 to %d targets", r.Name, MaxTargetsPerRule)
	case n > MaxTargetsPerRule:
		errs.Addf(field.Index("targets", MaxTargetsPerRule),
			"rule %q has %d targets: the number of targets per rule exceeds the limit of %d", r.Name, n, MaxTargetsPerRule)
	}
	ids := map[string]int{}
	for i, t := range r.Targets {
		p := field.Index("targets", i)
		errs.Add(p, t.Validate())
		if j, dup := ids[t.ID]; dup && t.ID != "" {
			errs.Addf(field.Join(p, "id"), "duplicate target id %q in rule %q (also targets[%d]): target ids must be unique in a rule", t.ID, r.Name, j)
		}
		ids[t.ID] = i
	}
	return errs.Err()
}

// abbreviate shortens s to n bytes with an ellipsis.
func abbreviate(s string, n int) string {
	if len(s) <= n {
		return s
	}
	return s[:n] + "…"
}
