package chart

// Point is one sample of a time series: T is simulated time in seconds since the run start,
// V is the value in the unit the chart function documents.
type Point struct{ T, V float64 }

// Series is a named time series. Points should be in ascending T; NaN or infinite values are
// skipped when drawing.
type Series struct {
	Name   string
	Points []Point
}

// Percentiles holds latency percentiles over time, in milliseconds.
type Percentiles struct {
	P50, P90, P99 []Point
}

// Histogram is a bucketed distribution: Edges has len(Counts)+1 ascending bucket edges (for
// latency, in milliseconds); Counts[i] counts values in [Edges[i], Edges[i+1]).
type Histogram struct {
	Edges  []float64
	Counts []uint64
}

// Heatmap counts latencies per (time bucket, latency bucket). Times has cols+1 ascending edges in
// simulated seconds, Edges has rows+1 ascending latency edges in milliseconds, and Counts[c][r]
// is the count in time bucket c and latency bucket r.
type Heatmap struct {
	Times  []float64
	Edges  []float64
	Counts [][]uint64
}

// Layer is one named band of a Stacked series; V has one value per Stacked.T.
type Layer struct {
	Name string
	V    []float64
}

// Stacked is a set of layers sharing one time axis (simulated seconds), drawn stacked bottom to
// top in the order given, e.g. instances busy, idle, cold-starting, provisioned.
type Stacked struct {
	T      []float64
	Layers []Layer
}

// SweepPoint is the outcome of one tested memory size.
type SweepPoint struct {
	MemoryMB    float64 // function memory in MB (e.g. 128, 512, 3072)
	P50Ms       float64 // median duration, ms
	P99Ms       float64 // 99th percentile duration, ms
	ColdStartMs float64 // typical cold-start time at this size, ms
	CostPer1M   float64 // USD per one million invocations
	ErrorRate   float64 // fraction of invocations that failed, 0..1 (e.g. out of memory)
}

// Sweep is a memory sweep's result. OptimumMB and BaselineMB name tested sizes (0 = none);
// Objective names what the optimum optimises ("cost", "speed", "balanced").
type Sweep struct {
	Points     []SweepPoint
	OptimumMB  float64
	BaselineMB float64
	Objective  string
}
