package scenarios

import (
	"errors"
	"fmt"
	"regexp"
	"time"

	"github.com/expr-lang/expr"

	"github.com/fanout/fanout/engine/bus"
	"github.com/fanout/fanout/engine/fc"
	"github.com/fanout/fanout/engine/field"
	"github.com/fanout/fanout/engine/load"
	"github.com/fanout/fanout/engine/pattern"
)

// MaxDuration bounds a run's simulated duration.
const MaxDuration = field.Duration(365 * 24 * time.Hour)

var (
	accountRE = regexp.MustCompile(`^[0-9]{1,32}$`)
	regionRE  = regexp.MustCompile(`^[a-z0-9][a-z0-9-]{0,63}$`)
)

// validate runs every check on the decoded scenario: metadata, settings, each spec's own
// Validate, patterns in the scenario's dialect, expect expressions, limits and references.
func (p *parse) validate(sc *Scenario) {
	var errs field.List
	validateMeta(sc, &errs)
	validateSettings(sc.Settings, &errs)
	for i, b := range sc.Buses {
		errs.Add(field.Index("buses", i), b.Validate())
	}
	errs.Add("", bus.CheckLimits(sc.Buses, sc.Rules))
	dialect, _ := pattern.ParseDialect(sc.Dialect)
	for i, r := range sc.Rules {
		path := field.Index("rules", i)
		errs.Add(path, r.Validate())
		if len(r.Pattern) > 0 && r.Pattern[0] == '{' {
			errs.Add(field.Join(path, "pattern"), patternErr(r.Pattern, dialect))
		}
	}
	errs.Add("services", fc.ValidateServices(sc.Services))
	for i, q := range sc.Queues {
		errs.Add(field.Index("queues", i), q.Validate())
	}
	for i, l := range sc.Loads {
		path := field.Index("loads", i)
		errs.Add(path, l.Validate())
		errs.Add(field.Join(path, "arrival"), p.checkReplay(l.Arrival))
	}
	validateExpect(sc.Expect, &errs)
	checkRefs(sc, &errs)
	for _, e := range errs {
		p.reportPath(e.Path, e.Msg)
	}
}

func validateMeta(sc *Scenario, errs *field.List) {
	switch {
	case sc.Version == 0:
		errs.Addf("version", "required: add version: %d at the top of the file", Version)
	case sc.Version != Version:
		errs.Addf("version", "unsupported version %d: this Fanout reads version %d", sc.Version, Version)
	}
	if sc.Duration < 0 || sc.Duration > MaxDuration {
		errs.Addf("duration", "must be between 1ns and 365d, got %s", sc.Duration.D())
	}
	if _, err := pattern.ParseDialect(sc.Dialect); err != nil {
		errs.Add("dialect", err)
	}
	if sc.Account != "" && !accountRE.MatchString(sc.Account) {
		errs.Addf("account", "invalid account id %q: want 1-32 digits", sc.Account)
	}
	if sc.Region != "" && !regionRE.MatchString(sc.Region) {
		errs.Addf("region", "invalid region id %q: want lowercase letters, digits and '-', e.g. cn-hangzhou", sc.Region)
	}
}

func validateSettings(s Settings, errs *field.List) {
	if s.PutEventsMaxEntries < 0 || s.PutEventsMaxEntries > bus.MaxPutEntries {
		errs.Addf("settings.put_events_max_entries", "must be between 1 and %d, got %d", bus.MaxPutEntries, s.PutEventsMaxEntries)
	}
	if s.MaxEventBytes != 0 && (s.MaxEventBytes < 1<<10 || s.MaxEventBytes > MaxEventLimit) {
		errs.Addf("settings.max_event_bytes", "must be between 1KB and %s, got %s", MaxEventLimit, s.MaxEventBytes)
	}
	maxEvent := s.MaxEventBytes
	if maxEvent == 0 {
		maxEvent = DefaultMaxEvent
	}
	if s.MaxBatchBytes != 0 && (s.MaxBatchBytes < maxEvent || s.MaxBatchBytes > 16<<20) {
		errs.Addf("settings.max_batch_bytes", "must be between max_event_bytes (%s) and 16MB, got %s", maxEvent, s.MaxBatchBytes)
	}
	switch s.Billing.Model {
	case "", "gb-second", "cu":
	default:
		errs.Addf("settings.billing.model", "unknown billing model %q: valid values are gb-second, cu", s.Billing.Model)
	}
	if g := s.Billing.Granularity.D(); g != 0 && (g < time.Millisecond || g > time.Second) {
		errs.Addf("settings.billing.granularity", "must be between 1ms and 1s, got %s", g)
	}
}

// patternErr compiles a pattern and returns its error at its path inside the pattern.
func patternErr(src []byte, d pattern.Dialect) error {
	_, err := pattern.Compile(src, d)
	var ce *pattern.CompileError
	if errors.As(err, &ce) {
		return field.Errorf(ce.Path, "invalid pattern: %s", ce.Msg)
	}
	if err != nil {
		return fmt.Errorf("invalid pattern: %w", err)
	}
	return nil
}

// checkReplay reads and parses a replay trace, so a missing or malformed file is reported
// when the scenario is validated rather than when it runs.
func (p *parse) checkReplay(a load.Arrival) error {
	if a.Process != load.ProcReplay || a.File == "" {
		return nil
	}
	if p.readFile == nil {
		return field.Errorf("file", "cannot read replay file %q here: no file access", a.File)
	}
	b, err := p.readFile(a.File)
	if err != nil {
		return field.Errorf("file", "cannot read replay file %q: %v", a.File, err)
	}
	format := a.Format
	if format == "" {
		format = load.FormatTimestamps
	}
	if _, err := load.ParseTrace(a.File, format, b); err != nil {
		return field.Errorf("file", "bad replay file: %v", err)
	}
	return nil
}

func validateExpect(exps []Expectation, errs *field.List) {
	seen := map[string]int{}
	for i, e := range exps {
		path := field.Index("expect", i)
		if e.Name == "" {
			errs.Addf(field.Join(path, "name"), "required: a name for the assertion")
		} else if j, dup := seen[e.Name]; dup {
			errs.Addf(field.Join(path, "name"), "duplicate expectation name %q (also expect[%d])", e.Name, j)
		} else {
			seen[e.Name] = i
		}
		if e.Assert == "" {
			errs.Addf(field.Join(path, "assert"), "required: an expression over the run summary, e.g. events.accepted > 0")
			continue
		}
		if _, err := expr.Compile(e.Assert, expr.AsBool(), expr.AllowUndefinedVariables()); err != nil {
			errs.Addf(field.Join(path, "assert"), "invalid expression: %s", firstLine(err.Error()))
		}
	}
}
