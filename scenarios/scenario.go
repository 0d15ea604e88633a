// Package scenarios reads, validates and ships Fanout scenario files.
//
// A scenario file is YAML (docs/scenario-format.md, docs/scenario.schema.json): metadata, the
// buses, rules and targets of the routing layer, the Function Compute services, the queues, the
// synthetic loads and the expect assertions over the run summary. Parse decodes it keeping
// positions and reports every problem in one pass as FILE:LINE:COL diagnostics; the parsed
// Scenario is plain data that the engine's world builder reads.
package scenarios

import (
	"time"

	"github.com/fanout/fanout/engine/bus"
	"github.com/fanout/fanout/engine/delivery"
	"github.com/fanout/fanout/engine/fc"
	"github.com/fanout/fanout/engine/field"
	"github.com/fanout/fanout/engine/load"
)

// Version is the scenario format version this package reads.
const Version = 1

// Defaults applied by Parse to fields left out of the file.
const (
	DefaultDuration = field.Duration(time.Hour)
	DefaultDialect  = "alibaba"
	DefaultAccount  = "1234567890123456"
	DefaultRegion   = "cn-hangzhou"
	DefaultMaxEvent = field.Bytes(256 << 10) // 256 KB per event (facts sheet §3)
	DefaultMaxBatch = field.Bytes(1 << 20)   // 1 MB per PutEvents call (facts sheet §3)
	MaxEventLimit   = field.Bytes(1 << 20)   // the largest max_event_bytes accepted
	DefaultBilling  = "gb-second"
)

// DefaultStart is the simulated wall-clock time of the run start when start is left out.
var DefaultStart = time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)

// Scenario is one parsed scenario file. After Parse, the metadata and settings hold their
// effective values (defaults filled in); the specs hold what the file wrote, and their own
// XxxOrDefault methods give their defaults.
type Scenario struct {
	// Version of the format; must be 1. Required.
	Version int `yaml:"version" json:"version"`
	// Name of the scenario. Default: the file name without its extension.
	Name string `yaml:"name" json:"name"`
	// Description is free text shown by the workbench.
	Description string `yaml:"description,omitempty" json:"description,omitempty"`
	// Seed of every random stream of the run. Default 0.
	Seed uint64 `yaml:"seed" json:"seed"`
	// Duration is the simulated time the run covers, > 0. Default 1h.
	Duration field.Duration `yaml:"duration" json:"duration"`
	// Start is the simulated wall-clock time at the run start (RFC 3339). Default
	// 2026-01-01T00:00:00Z.
	Start time.Time `yaml:"start" json:"start"`
	// Dialect of the event patterns: alibaba (default) or aws.
	Dialect string `yaml:"dialect" json:"dialect"`
	// Account is the account id put in events (aliyunaccountid). Default 1234567890123456.
	Account string `yaml:"account" json:"account"`
	// Region is the region id put in events (aliyunregionid). Default cn-hangzhou.
	Region string `yaml:"region" json:"region"`
	// Settings are the run-wide limits and options.
	Settings Settings `yaml:"settings" json:"settings"`
	// Buses are the event buses; the default bus exists even when not listed.
	Buses []bus.BusSpec `yaml:"buses,omitempty" json:"buses,omitempty"`
	// Rules route events from a bus to targets.
	Rules []bus.RuleSpec `yaml:"rules,omitempty" json:"rules,omitempty"`
	// Services hold the Function Compute functions.
	Services []fc.ServiceSpec `yaml:"services,omitempty" json:"services,omitempty"`
	// Queues are MNS queues and RocketMQ topics (targets, dead letters, destinations).
	Queues []delivery.QueueSpec `yaml:"queues,omitempty" json:"queues,omitempty"`
	// Loads generate the events.
	Loads []load.Spec `yaml:"loads,omitempty" json:"loads,omitempty"`
	// Expect are assertions over the run summary, checked at the end of a run.
	Expect []Expectation `yaml:"expect,omitempty" json:"expect,omitempty"`
}

// Settings are run-wide limits and options.
type Settings struct {
	// PutEventsMaxEntries is the most entries per PutEvents call, 1–16. Default 10.
	PutEventsMaxEntries int `yaml:"put_events_max_entries" json:"put_events_max_entries"`
	// MaxEventBytes is the largest event accepted, 1 KB–1 MB. Default 256 KB.
	MaxEventBytes field.Bytes `yaml:"max_event_bytes" json:"max_event_bytes"`
	// MaxBatchBytes is the largest total size of one PutEvents call, >= max_event_bytes and
	// ≤ 16 MB. Default 1 MB.
	MaxBatchBytes field.Bytes `yaml:"max_batch_bytes" json:"max_batch_bytes"`
	// EnforceThroughputLimits applies the cloud's bus throughput limits (10,000/s default bus,
	// 3,000/s custom and partner buses) to buses without a throughput_limit. Default false.
	EnforceThroughputLimits bool `yaml:"enforce_throughput_limits,omitempty" json:"enforce_throughput_limits,omitempty"`
	// Billing chooses the Function Compute billing model.
	Billing Billing `yaml:"billing" json:"billing"`
}

// Billing chooses how function cost is computed (prices are data under assets/).
type Billing struct {
	// Model is gb-second (the seed article's memory × duration + per-request fee; default) or
	// cu (Alibaba's compute units).
	Model string `yaml:"model" json:"model"`
	// FreeTier subtracts the monthly free quota. Default false.
	FreeTier bool `yaml:"free_tier,omitempty" json:"free_tier,omitempty"`
	// Granularity is the rounding unit of billed duration, 1ms–1s. Default 1ms.
	Granularity field.Duration `yaml:"granularity" json:"granularity"`
}

// Expectation is one assertion over the run summary.
type Expectation struct {
	// Name identifies the assertion in reports; unique in the scenario. Required.
	Name string `yaml:"name" json:"name"`
	// Assert is an expr expression over the run summary that must be true, e.g.
	// `targets["csv-uploads/audit-log"].delivered == events.accepted`. Required.
	Assert string `yaml:"assert" json:"assert"`
}

// applyDefaults fills the metadata and settings left out of the file.
func (s *Scenario) applyDefaults(name string) {
	if s.Name == "" {
		s.Name = name
	}
	if s.Duration == 0 {
		s.Duration = DefaultDuration
	}
	if s.Start.IsZero() {
		s.Start = DefaultStart
	}
	s.Dialect = orDefault(s.Dialect, DefaultDialect)
	s.Account = orDefault(s.Account, DefaultAccount)
	s.Region = orDefault(s.Region, DefaultRegion)
	st := &s.Settings
	if st.PutEventsMaxEntries == 0 {
		st.PutEventsMaxEntries = bus.DefaultPutEntries
	}
	if st.MaxEventBytes == 0 {
		st.MaxEventBytes = DefaultMaxEvent
	}
	if st.MaxBatchBytes == 0 {
		st.MaxBatchBytes = max(DefaultMaxBatch, st.MaxEventBytes)
	}
	st.Billing.Model = orDefault(st.Billing.Model, DefaultBilling)
	if st.Billing.Granularity == 0 {
		st.Billing.Granularity = field.Duration(time.Millisecond)
	}
}

func orDefault(s, def string) string {
	if s == "" {
		return def
	}
	return s
}
