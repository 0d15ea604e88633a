package world

// Summary is the machine-readable outcome of a run, documented field by field in
// docs/summary.md. Maps encode with sorted keys, so the same run gives the same bytes.
// WallSeconds is the only field that depends on the machine; it is left out (nil) when the
// caller asks for a byte-comparable summary.
type Summary struct {
	// Scenario is the scenario's name.
	Scenario string `json:"scenario"`
	// Seed is the seed the run used.
	Seed uint64 `json:"seed"`
	// SimSeconds is the simulated time the run covered, in seconds.
	SimSeconds float64 `json:"sim_seconds"`
	// WallSeconds is the wall-clock time the run took; nil when left out.
	WallSeconds *float64 `json:"wall_seconds,omitempty"`
	// Complete is false when the run stopped before its horizon.
	Complete bool `json:"complete"`
	// Actions is the number of scheduled actions the kernel executed.
	Actions uint64 `json:"actions"`
	// Events counts events over all loads and buses.
	Events EventCounts `json:"events"`
	// Loads counts per load, by load name.
	Loads map[string]LoadCounts `json:"loads"`
	// Buses counts per bus, by bus name.
	Buses map[string]BusCounts `json:"buses"`
	// Rules counts pattern evaluations per rule name.
	Rules map[string]RuleSummary `json:"rules"`
	// Targets summarises each target's deliveries, by "rule/target".
	Targets map[string]TargetSummary `json:"targets"`
	// Functions summarises each function, by "service/function".
	Functions map[string]FunctionSummary `json:"functions"`
	// Queues summarises each MNS queue and RocketMQ topic, by name.
	Queues map[string]QueueSummary `json:"queues"`
	// DeadLetter counts the dead letters sent to each destination, by reason.
	DeadLetter map[string]DeadLetterSummary `json:"dead_letter"`
	// Fanout is the fan-out completion of the routed events.
	Fanout FanoutSummary `json:"fanout"`
	// Conservation is the end-of-run accounting check of every (event, target) pair.
	Conservation ConservationSummary `json:"conservation"`
	// Expect holds the result of every expect assertion, in file order.
	Expect []ExpectResult `json:"expect"`
}

// EventCounts counts events at the front doors of the buses.
type EventCounts struct {
	// Generated is the number of events the loads produced (including replays).
	Generated uint64 `json:"generated"`
	// Accepted is the number of PutEvents entries the buses accepted.
	Accepted uint64 `json:"accepted"`
	// Rejected is the number of entries refused; Generated = Accepted + Rejected.
	Rejected uint64 `json:"rejected"`
	// RejectedBy counts rejected entries by reason: "invalid:<attribute>", "too_large",
	// "throttled", "bus_not_found".
	RejectedBy map[string]uint64 `json:"rejected_by"`
	// Replayed is the number of events re-published from dead-letter queues (included in
	// Generated).
	Replayed uint64 `json:"replayed"`
	// Unroutable is the number of accepted events the matcher could not read (invalid JSON).
	Unroutable uint64 `json:"unroutable"`
}

// LoadCounts counts one load's output.
type LoadCounts struct {
	// Bus is the bus the load feeds.
	Bus string `json:"bus"`
	// Generated is the number of events produced.
	Generated uint64 `json:"generated"`
	// Errors is the number of arrivals whose event could not be generated (e.g. an expr field
	// failed); LastError says why.
	Errors    uint64 `json:"errors"`
	LastError string `json:"last_error,omitempty"`
}

// BusCounts counts one bus's PutEvents entries.
type BusCounts struct {
	Kind       string            `json:"kind"`
	Accepted   uint64            `json:"accepted"`
	Rejected   uint64            `json:"rejected"`
	RejectedBy map[string]uint64 `json:"rejected_by"`
}

// ExpectResult is the outcome of one expect assertion.
type ExpectResult struct {
	Name   string `json:"name"`
	Assert string `json:"assert"`
	// Passed is true when the expression evaluated to true.
	Passed bool `json:"passed"`
	// Error says why the expression could not be evaluated (then Passed is false).
	Error string `json:"error,omitempty"`
}

// Failed returns the assertions that did not pass.
func (s Summary) Failed() []ExpectResult {
	var out []ExpectResult
	for _, e := range s.Expect {
		if !e.Passed {
			out = append(out, e)
		}
	}
	return out
}
