// Package bus models EventBridge event buses: PutEvents, rules and their targets.
//
// This file holds the declarative specs that scenario files decode into (YAML keys in
// snake_case) and their Validate methods, which return field.List errors with paths relative to
// the spec. Limits and names follow the facts sheet §3.
package bus

import (
	"fmt"
	"strings"

	"github.com/fanout/fanout/engine/field"
)

// Bus kinds.
const (
	// KindDefault is the account's default bus: it receives the system events of the simulated
	// cloud services (OSS, ApsaraDB, ActionTrail, RAM). Its name is always "default".
	KindDefault = "default"
	// KindCustom is a custom bus fed by PutEvents.
	KindCustom = "custom"
	// KindPartner is a partner bus fed by a named SaaS source.
	KindPartner = "partner"
)

// Limits from the facts sheet §3 [AB-LIM].
const (
	MaxDefaultBuses     = 1
	MaxCustomBuses      = 50
	MaxRulesPerBus      = 50
	MaxTargetsPerRule   = 5
	MaxNameLen          = 127
	ReservedNamePrefix  = "eventbridge-reserved-"
	DefaultBusName      = "default"
	DefaultPutEntries   = 10 // the seed article's entries per PutEvents call
	MaxPutEntries       = 16 // Alibaba's documented batch maximum
	DefaultBusRateLimit = 10000.0
	CustomBusRateLimit  = 3000.0
)

// BusSpec declares an event bus. The default bus always exists; declaring it is only needed
// to set its options.
type BusSpec struct {
	// Name: ≤127 characters, starting with a letter or digit; letters, digits and '-'; not
	// starting with "eventbridge-reserved-". "default" is the default bus's name and reserved
	// for it. Required.
	Name string `yaml:"name" json:"name"`
	// Kind is default, custom or partner. Default: "default" for the bus named default,
	// custom otherwise.
	Kind string `yaml:"kind,omitempty" json:"kind,omitempty"`
	// PartnerSource names the SaaS source that feeds a partner bus, e.g. "acs.partner.github".
	// Required for partner buses, not allowed on others.
	PartnerSource string `yaml:"partner_source,omitempty" json:"partner_source,omitempty"`
	// ThroughputLimit, when set, caps the accepted PutEvents entries per second; excess entries
	// fail as throttled. 0 (default) = unlimited, unless settings.enforce_throughput_limits
	// applies the cloud's figures (10,000/s default bus, 3,000/s custom bus).
	ThroughputLimit field.Rate `yaml:"throughput_limit,omitempty" json:"throughput_limit,omitempty"`
	// PutEventsMaxEntries is the most entries one PutEvents call may carry, 1–16.
	// 0 (default) = settings.put_events_max_entries (10 unless set).
	PutEventsMaxEntries int `yaml:"put_events_max_entries,omitempty" json:"put_events_max_entries,omitempty"`
}

// KindOrDefault returns Kind, or the kind implied by the name when Kind is empty.
func (b BusSpec) KindOrDefault() string {
	switch {
	case b.Kind != "":
		return b.Kind
	case b.Name == DefaultBusName:
		return KindDefault
	}
	return KindCustom
}

// Validate checks the bus's own fields.
func (b BusSpec) Validate() error {
	var errs field.List
	kind := b.KindOrDefault()
	if err := ValidateName(b.Name); err != nil {
		errs.Add("name", err)
	} else if b.Name == DefaultBusName && kind != KindDefault {
		errs.Addf("name", "%q is reserved for the default bus; choose another name for a %s bus", b.Name, kind)
	}
	switch kind {
	case KindDefault:
		if b.Name != "" && b.Name != DefaultBusName {
			errs.Addf("kind", "the default bus must be named %q, not %q", DefaultBusName, b.Name)
		}
	case KindCustom, KindPartner:
	default:
		errs.Addf("kind", "unknown bus kind %q: valid values are default, custom, partner", b.Kind)
	}
	if kind == KindPartner && b.PartnerSource == "" {
		errs.Addf("partner_source", "required for a partner bus: the SaaS source that feeds it")
	}
	if kind != KindPartner && b.PartnerSource != "" {
		errs.Addf("partner_source", "only a partner bus has a partner source; bus %q is %s", b.Name, kind)
	}
	if b.ThroughputLimit < 0 {
		errs.Addf("throughput_limit", "must be >= 0 events per second (0 = unlimited), got %g", float64(b.ThroughputLimit))
	}
	if b.PutEventsMaxEntries < 0 || b.PutEventsMaxEntries > MaxPutEntries {
		errs.Addf("put_events_max_entries", "must be between 1 and %d, got %d", MaxPutEntries, b.PutEventsMaxEntries)
	}
	return errs.Err()
}

// ValidateName checks a bus or rule name against the cloud's rules: ≤127 characters, starting
// with a letter or digit; letters, digits and '-'; not starting with "eventbridge-reserved-".
func ValidateName(name string) error {
	switch {
	case name == "":
		return fmt.Errorf("required: up to %d letters, digits and '-', starting with a letter or digit", MaxNameLen)
	case len(name) > MaxNameLen:
		return fmt.Errorf("name %q is %d characters long; the limit is %d", name, len(name), MaxNameLen)
	case !isAlnum(rune(name[0])):
		return fmt.Errorf("name %q must start with a letter or digit", name)
	case strings.HasPrefix(name, ReservedNamePrefix):
		return fmt.Errorf("name %q must not start with %q", name, ReservedNamePrefix)
	}
	if i := strings.IndexFunc(name, func(r rune) bool { return !isAlnum(r) && r != '-' }); i >= 0 {
		return fmt.Errorf("name %q contains %q: only letters, digits and '-' are allowed", name, name[i])
	}
	return nil
}

func isAlnum(r rune) bool {
	return r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9'
}

// CheckLimits checks the account-wide limits over the buses and rules of a scenario: at most
// one default bus and 50 custom buses, bus names unique, at most 50 rules per bus and rule names
// unique per bus. Paths are "buses[i]..." and "rules[i]...". Rules naming an unknown bus are not
// reported here (the scenario loader reports references).
func CheckLimits(buses []BusSpec, rules []RuleSpec) error {
	var errs field.List
	seen := map[string]int{}
	var defaults, customs int
	for i, b := range buses {
		p := field.Index("buses", i)
		if j, dup := seen[b.Name]; dup && b.Name != "" {
			errs.Addf(field.Join(p, "name"), "duplicate bus name %q (also buses[%d])", b.Name, j)
		}
		seen[b.Name] = i
		switch b.KindOrDefault() {
		case KindDefault:
			if defaults++; defaults > MaxDefaultBuses {
				errs.Addf(p, "an account has at most %d default bus", MaxDefaultBuses)
			}
		default:
			if customs++; customs == MaxCustomBuses+1 {
				errs.Addf(p, "the number of custom event buses exceeds the limit of %d", MaxCustomBuses)
			}
		}
	}
	perBus := map[string]int{}
	ruleNames := map[string]int{}
	for i, r := range rules {
		bus := r.BusOrDefault()
		if perBus[bus]++; perBus[bus] == MaxRulesPerBus+1 {
			errs.Addf(field.Index("rules", i), "bus %q has more than %d rules: the number of rules per event bus exceeds the limit of %d",
				bus, MaxRulesPerBus, MaxRulesPerBus)
		}
		key := bus + "\x00" + r.Name
		if j, dup := ruleNames[key]; dup && r.Name != "" {
			errs.Addf(field.Join(field.Index("rules", i), "name"), "duplicate rule name %q on bus %q (also rules[%d])", r.Name, bus, j)
		}
		ruleNames[key] = i
	}
	return errs.Err()
}
