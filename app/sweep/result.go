package sweep

// Size is the outcome of the run at one memory size. Durations are in milliseconds; money in
// USD under the scenario's billing model (without the monthly free tier).
type Size struct {
	MemoryMB int     `json:"memory_mb"`
	VCPU     float64 `json:"vcpu"`
	// Invocations completed (failed ones included); InFlight were still running at the stop.
	Invocations int64 `json:"invocations"`
	InFlight    int   `json:"in_flight"`
	ColdStarts  int64 `json:"cold_starts"`
	// ColdStartMs is the mean cold-start time (platform start plus handler initialisation)
	// over the completed invocations that started an instance; 0 when there were none.
	ColdStartMs float64 `json:"cold_start_ms"`
	// P50Ms, P90Ms, P99Ms and MeanMs describe the execution duration (cold start excluded).
	P50Ms  float64 `json:"p50_ms"`
	P90Ms  float64 `json:"p90_ms"`
	P99Ms  float64 `json:"p99_ms"`
	MeanMs float64 `json:"mean_ms"`
	// E2EP99Ms is the 99th percentile from the start of the delivery to the end of execution
	// (cold starts, retries and throttle waits included).
	E2EP99Ms float64 `json:"e2e_p99_ms"`
	// Errors counts failed invocations by kind; ErrorRate is all failures over Invocations.
	Errors    Errors  `json:"errors"`
	ErrorRate float64 `json:"error_rate"`
	Throttles int64   `json:"throttles"`
	// CostUSD is the function's bill for the run (idle provisioned capacity included);
	// CostPer1M is CostUSD per 1,000,000 completed invocations.
	CostUSD   float64 `json:"cost_usd"`
	CostPer1M float64 `json:"cost_per_1m"`
	GBSeconds float64 `json:"gb_seconds"`
	// SimSeconds is the simulated time the run covered; Stopped is true when it stopped at the
	// invocation limit before the horizon.
	SimSeconds float64 `json:"sim_seconds"`
	Stopped    bool    `json:"stopped"`
	// Error says why the size could not be run at all (e.g. an invalid vCPU at this size);
	// every figure is then zero and the size is never the optimum.
	Error string `json:"error,omitempty"`
}

// Errors counts failed invocations by kind.
type Errors struct {
	OOM     uint64 `json:"oom"`
	Timeout uint64 `json:"timeout"`
	Handler uint64 `json:"handler"`
}

// Ran reports whether the size ran and completed at least one invocation.
func (s Size) Ran() bool { return s.Error == "" && s.Invocations > 0 }

// memoryFailures is the rate of failures that memory can cause: out of memory and timeouts.
func (s Size) memoryFailures() float64 {
	if s.Invocations == 0 {
		return 0
	}
	return float64(s.Errors.OOM+s.Errors.Timeout) / float64(s.Invocations)
}

// Result is a whole sweep: the same scenario and seed run once per memory size. Sizes are in
// ascending memory order.
type Result struct {
	Scenario string `json:"scenario"`
	Function string `json:"function"` // "service/function"
	Seed     uint64 `json:"seed"`
	// HorizonSeconds is the scenario's duration; InvocationLimit the --invocations stop (0: none).
	HorizonSeconds  float64 `json:"horizon_seconds"`
	InvocationLimit int64   `json:"invocation_limit"`
	// CurrentMB is the function's memory in the scenario; BaselineMB the size comparisons are
	// made against (CurrentMB unless chosen), always among Sizes.
	CurrentMB  int    `json:"current_mb"`
	BaselineMB int    `json:"baseline_mb"`
	Sizes      []Size `json:"sizes"`
}

// Find returns the size of mb memory and whether it is in r.
func (r Result) Find(mb int) (Size, bool) {
	for _, s := range r.Sizes {
		if s.MemoryMB == mb {
			return s, true
		}
	}
	return Size{}, false
}
