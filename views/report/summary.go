package report

import (
	"encoding/json"
	"fmt"
	"sort"
)

// summary mirrors the fields of the run summary JSON (docs/summary.md) that the report shows.
// It is decoded from the JSON contract rather than the engine's type, so a summary written by
// an older or newer engine still reads: fields are only ever added.
type summary struct {
	Scenario     string                     `json:"scenario"`
	Seed         uint64                     `json:"seed"`
	SimSeconds   float64                    `json:"sim_seconds"`
	Complete     bool                       `json:"complete"`
	Events       eventCounts                `json:"events"`
	Rules        map[string]ruleSummary     `json:"rules"`
	Targets      map[string]targetSummary   `json:"targets"`
	Functions    map[string]functionSummary `json:"functions"`
	Queues       map[string]queueSummary    `json:"queues"`
	DeadLetter   map[string]deadLetterSum   `json:"dead_letter"`
	Fanout       fanoutSummary              `json:"fanout"`
	Conservation conservation               `json:"conservation"`
	Expect       []expectResult             `json:"expect"`
}

type eventCounts struct {
	Generated  uint64            `json:"generated"`
	Accepted   uint64            `json:"accepted"`
	Rejected   uint64            `json:"rejected"`
	RejectedBy map[string]uint64 `json:"rejected_by"`
}

type ruleSummary struct {
	Bus       string `json:"bus"`
	Enabled   bool   `json:"enabled"`
	Evaluated uint64 `json:"evaluated"`
	Matched   uint64 `json:"matched"`
}

type latency struct {
	P50  float64 `json:"p50"`
	P90  float64 `json:"p90"`
	P99  float64 `json:"p99"`
	Mean float64 `json:"mean"`
	Max  float64 `json:"max"`
}

type targetSummary struct {
	Type         string  `json:"type"`
	Resource     string  `json:"resource"`
	Routed       uint64  `json:"routed"`
	Delivered    uint64  `json:"delivered"`
	DeadLettered uint64  `json:"dead_lettered"`
	Discarded    uint64  `json:"discarded"`
	Expired      uint64  `json:"expired"`
	InFlight     uint64  `json:"in_flight"`
	Attempts     uint64  `json:"attempts"`
	Retried      uint64  `json:"retried"`
	Throttled    uint64  `json:"throttled"`
	Latency      latency `json:"latency"`
}

type functionSummary struct {
	Invocations     int64             `json:"invocations"`
	ColdStarts      int64             `json:"cold_starts"`
	Throttles       int64             `json:"throttles"`
	Errors          map[string]uint64 `json:"errors"`
	LatencyE2E      latency           `json:"latency_e2e"`
	LatencyExec     latency           `json:"latency_exec"`
	MaxInstances    int               `json:"max_instances"`
	BilledGBSeconds float64           `json:"billed_gb_seconds"`
	CU              float64           `json:"cu"`
	CostUSD         float64           `json:"cost_usd"`
}

type queueSummary struct {
	Type     string  `json:"type"`
	FIFO     bool    `json:"fifo"`
	Enqueued uint64  `json:"enqueued"`
	Consumed uint64  `json:"consumed"`
	Depth    uint64  `json:"depth"`
	MaxDepth uint64  `json:"max_depth"`
	WaitP99  float64 `json:"wait_p99"`
}

type deadLetterSum struct {
	Messages uint64            `json:"messages"`
	ByReason map[string]uint64 `json:"by_reason"`
}

type fanoutSummary struct {
	Events       uint64  `json:"events"`
	Complete     uint64  `json:"complete"`
	AllSucceeded uint64  `json:"all_succeeded"`
	InFlight     uint64  `json:"in_flight"`
	Completion   latency `json:"completion"`
}

type conservation struct {
	OK         bool     `json:"ok"`
	Routed     uint64   `json:"routed"`
	Violations []string `json:"violations"`
}

type expectResult struct {
	Name   string `json:"name"`
	Assert string `json:"assert"`
	Passed bool   `json:"passed"`
	Error  string `json:"error"`
}

// decodeSummary reads the summary JSON; an empty input is an empty summary.
func decodeSummary(b []byte) (summary, bool, error) {
	var s summary
	if len(b) == 0 {
		return s, false, nil
	}
	if err := json.Unmarshal(b, &s); err != nil {
		return s, false, fmt.Errorf("read run summary: %w", err)
	}
	return s, true, nil
}

// sortedKeys returns the keys of m in ascending order.
func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// totalCost is the sum of the functions' bills.
func (s summary) totalCost() float64 {
	var c float64
	for _, k := range sortedKeys(s.Functions) {
		c += s.Functions[k].CostUSD
	}
	return c
}

// matchRate is matched / evaluated over every rule (0 when nothing was evaluated).
func (s summary) matchRate() float64 {
	var ev, m uint64
	for _, k := range sortedKeys(s.Rules) {
		ev += s.Rules[k].Evaluated
		m += s.Rules[k].Matched
	}
	if ev == 0 {
		return 0
	}
	return float64(m) / float64(ev)
}
