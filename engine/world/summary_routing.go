package world

// RuleSummary counts one rule's pattern evaluations.
type RuleSummary struct {
	Bus     string `json:"bus"`
	Enabled bool   `json:"enabled"`
	// Evaluated is the number of the bus's accepted events the rule's pattern was evaluated
	// against (0 for a disabled rule); Matched of them matched.
	Evaluated uint64 `json:"evaluated"`
	Matched   uint64 `json:"matched"`
}

// Latency is a duration distribution in seconds.
type Latency struct {
	P50  float64 `json:"p50"`
	P90  float64 `json:"p90"`
	P99  float64 `json:"p99"`
	Mean float64 `json:"mean"`
	Max  float64 `json:"max"`
}

// TargetSummary is one target's deliveries. Every (event, target) pair routed to the target is
// in exactly one of delivered, dead_lettered, discarded, expired or in_flight.
type TargetSummary struct {
	Type       string `json:"type"`
	Resource   string `json:"resource"`
	Invocation string `json:"invocation,omitempty"`
	// Routed is the number of (event, target) pairs: one per event matched by the rule.
	Routed       uint64 `json:"routed"`
	Delivered    uint64 `json:"delivered"`
	DeadLettered uint64 `json:"dead_lettered"`
	Discarded    uint64 `json:"discarded"`
	Expired      uint64 `json:"expired"`
	InFlight     uint64 `json:"in_flight"`
	// Attempts started (throttled invocations and duplicates excluded); Retried retries
	// scheduled; Throttled invocations refused for lack of capacity (not attempts).
	Attempts  uint64 `json:"attempts"`
	Retried   uint64 `json:"retried"`
	Throttled uint64 `json:"throttled"`
	// Blocked counts deliveries that blocked the target (tolerance NONE).
	Blocked uint64 `json:"blocked"`
	// Duplicates are at-least-once redeliveries made; DuplicatesAbsorbed deliveries the dedup
	// store absorbed; DuplicateSideEffects duplicates that ran their side effect again.
	Duplicates           uint64 `json:"duplicates"`
	DuplicatesAbsorbed   uint64 `json:"duplicates_absorbed"`
	DuplicateSideEffects uint64 `json:"duplicate_side_effects"`
	// TransformErrors are events the transformer failed on (included in discarded).
	TransformErrors uint64 `json:"transform_errors"`
	// Latency is from the start of the delivery to delivered, over delivered pairs. For a
	// synchronous function target it is also the producer-side latency the call adds.
	Latency Latency `json:"latency"`
}

// FunctionSummary is one function's invocations, instances and bill.
type FunctionSummary struct {
	// Invocations is the number of accepted invocations that completed; InFlight are running.
	Invocations int64 `json:"invocations"`
	InFlight    int   `json:"in_flight"`
	ColdStarts  int64 `json:"cold_starts"`
	// ColdStartProbability is cold_starts / (invocations + in_flight).
	ColdStartProbability float64 `json:"cold_start_probability"`
	// Throttles are invocations refused at max_instances (not billed).
	Throttles int64 `json:"throttles"`
	// Errors counts failed invocations by kind: handler, oom, timeout.
	Errors map[string]uint64 `json:"errors"`
	// LatencyE2E is from the start of the delivery to the end of the execution (retries and
	// throttle waits included); LatencyExec is the execution alone.
	LatencyE2E  Latency `json:"latency_e2e"`
	LatencyExec Latency `json:"latency_exec"`
	// MeanInstances is the time-weighted mean of live instances (starting, busy, idle);
	// MeanBusy of busy ones; MaxInstances the most at once.
	MeanInstances float64 `json:"mean_instances"`
	MeanBusy      float64 `json:"mean_busy"`
	MaxInstances  int     `json:"max_instances"`
	// IdleInstanceSeconds is instance time spent idle.
	IdleInstanceSeconds float64 `json:"idle_instance_seconds"`
	// BilledGBSeconds, VCPUSeconds, CU and CostUSD are the bill under the scenario's model
	// (CU is computed under both models); cost includes idle provisioned capacity.
	BilledGBSeconds float64 `json:"billed_gb_seconds"`
	VCPUSeconds     float64 `json:"vcpu_seconds"`
	CU              float64 `json:"cu"`
	CostUSD         float64 `json:"cost_usd"`
	// DuplicatesAbsorbed is how many deliveries the function's dedup store absorbed.
	DuplicatesAbsorbed uint64 `json:"duplicates_absorbed"`
}

// QueueSummary is one MNS queue or RocketMQ topic.
type QueueSummary struct {
	Type string `json:"type"`
	FIFO bool   `json:"fifo"`
	// Enqueued messages accepted (deliveries, dead letters); Rejected refused (too large).
	Enqueued uint64 `json:"enqueued"`
	Rejected uint64 `json:"rejected"`
	// Consumed messages the consumer finished; ConsumeFailed ones it gave up; Replayed ones
	// re-published to their bus. Depth is what is left (waiting or being processed).
	Consumed      uint64 `json:"consumed"`
	ConsumeFailed uint64 `json:"consume_failed"`
	Replayed      uint64 `json:"replayed"`
	Depth         uint64 `json:"depth"`
	MaxDepth      uint64 `json:"max_depth"`
	// Wait is from enqueue to the consumer taking the message, in seconds.
	WaitP50 float64 `json:"wait_p50"`
	WaitP90 float64 `json:"wait_p90"`
	WaitP99 float64 `json:"wait_p99"`
	WaitMax float64 `json:"wait_max"`
	// ConsumerAttempts and ConsumerRetried are the consumer function's attempts and retries.
	ConsumerAttempts uint64 `json:"consumer_attempts"`
	ConsumerRetried  uint64 `json:"consumer_retried"`
}

// DeadLetterSummary counts the dead letters of one destination.
type DeadLetterSummary struct {
	Messages uint64 `json:"messages"`
	// ByReason: retries_exhausted, event_too_old, discarded.
	ByReason map[string]uint64 `json:"by_reason"`
}

// FanoutSummary is the fan-out completion: an event's fan-out is complete when every
// delivery of every matched target reached a final state.
type FanoutSummary struct {
	// Events routed to at least one target; Complete of them done; AllSucceeded of those with
	// every delivery delivered; InFlight not done yet.
	Events       uint64 `json:"events"`
	Complete     uint64 `json:"complete"`
	AllSucceeded uint64 `json:"all_succeeded"`
	InFlight     uint64 `json:"in_flight"`
	// Completion is from receipt to the last final state, over complete events, in seconds.
	Completion Latency `json:"completion"`
}

// ConservationSummary is the accounting of every (event, target) pair at the end of the run:
// routed == delivered + dead_lettered + discarded + expired + in_flight, per target and over
// all, and every queue's messages accounted for.
type ConservationSummary struct {
	OK           bool     `json:"ok"`
	Routed       uint64   `json:"routed"`
	Delivered    uint64   `json:"delivered"`
	DeadLettered uint64   `json:"dead_lettered"`
	Discarded    uint64   `json:"discarded"`
	Expired      uint64   `json:"expired"`
	InFlight     uint64   `json:"in_flight"`
	Violations   []string `json:"violations,omitempty"`
}
