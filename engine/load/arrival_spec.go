package load

import (
	"math"
	"time"

	"github.com/fanout/fanout/engine/field"
)

// Arrival processes, the values of Arrival.Process.
const (
	ProcConstant = "constant" // evenly spaced at Rate
	ProcPoisson  = "poisson"  // exponential gaps with mean 1/Rate
	ProcBursts   = "bursts"   // alternating On periods at OnRate and Off periods at OffRate
	ProcDiurnal  = "diurnal"  // Poisson with rate Rate·(1 + Amplitude·cos(2π(t−Peak)/Period))
	ProcRamp     = "ramp"     // Poisson with rate linear from From to To over Over, then To
	ProcReplay   = "replay"   // the times (and maybe events) recorded in File
)

// Replay file formats, the values of Arrival.Format.
const (
	FormatTimestamps  = "timestamps"  // one time per line: seconds offset or RFC 3339
	FormatCloudEvents = "cloudevents" // one structured-mode CloudEvent JSON per line
)

// MaxRate bounds every rate of a load, in events per second.
const MaxRate = 1e6

// Arrival is the declarative form of an arrival process. Only the fields of the chosen
// Process may be set; times are offsets from the load's start.
type Arrival struct {
	// Process is one of constant, poisson, bursts, diurnal, ramp, replay. Required.
	Process string `yaml:"process"`
	// Rate is the rate of constant and poisson (> 0) and the mean rate of diurnal (> 0).
	Rate field.Rate `yaml:"rate,omitempty"`
	// OnRate (> 0) and OffRate (>= 0, default 0) are the bursts' rates in On and Off periods.
	OnRate  field.Rate `yaml:"on_rate,omitempty"`
	OffRate field.Rate `yaml:"off_rate,omitempty"`
	// On and Off (each >= 1ms) are the bursts' period lengths; the load starts with On.
	On  field.Duration `yaml:"on,omitempty"`
	Off field.Duration `yaml:"off,omitempty"`
	// Poisson makes arrivals within bursts' periods Poisson instead of evenly spaced.
	Poisson bool `yaml:"poisson,omitempty"`
	// Amplitude is the diurnal relative swing, in [0, 1].
	Amplitude float64 `yaml:"amplitude,omitempty"`
	// Period is the diurnal period, > 0, default 24h.
	Period field.Duration `yaml:"period,omitempty"`
	// Peak is the time of the diurnal maximum within the period, in [0, Period), counted
	// from the run start (not the load's start). Default 0.
	Peak field.Duration `yaml:"peak,omitempty"`
	// From and To (>= 0, not both 0) are the ramp's start and end rates; Over (> 0) its length.
	From field.Rate     `yaml:"from,omitempty"`
	To   field.Rate     `yaml:"to,omitempty"`
	Over field.Duration `yaml:"over,omitempty"`
	// File is the replayed trace, a path the caller's Env.ReadFile resolves. Required.
	File string `yaml:"file,omitempty"`
	// Format is timestamps (default) or cloudevents.
	Format string `yaml:"format,omitempty"`
	// TimeScale multiplies the recorded offsets: 0.5 replays twice as fast. > 0; 0 or
	// omitted means 1.
	TimeScale float64 `yaml:"time_scale,omitempty"`
}

// used lists, per process, the optional fields it reads; any other set field is an error.
var used = map[string][]string{
	ProcConstant: {"rate"},
	ProcPoisson:  {"rate"},
	ProcBursts:   {"on_rate", "off_rate", "on", "off", "poisson"},
	ProcDiurnal:  {"rate", "amplitude", "period", "peak"},
	ProcRamp:     {"from", "to", "over"},
	ProcReplay:   {"file", "format", "time_scale"},
}

// Validate checks the arrival process; paths are relative to the arrival.
func (a Arrival) Validate() error {
	var errs field.List
	names, ok := used[a.Process]
	if !ok {
		if a.Process == "" {
			errs.Addf("process", "required: one of constant, poisson, bursts, diurnal, ramp, replay")
		} else {
			errs.Addf("process", "unknown process %q: want constant, poisson, bursts, diurnal, ramp or replay", a.Process)
		}
		return errs.Err()
	}
	for _, f := range a.setFields() {
		if !contains(names, f) {
			errs.Addf(f, "not used by the %s process (it reads %v)", a.Process, names)
		}
	}
	switch a.Process {
	case ProcConstant, ProcPoisson:
		checkRate(&errs, "rate", a.Rate, true)
	case ProcBursts:
		checkRate(&errs, "on_rate", a.OnRate, true)
		checkRate(&errs, "off_rate", a.OffRate, false)
		checkMinDuration(&errs, "on", a.On, time.Millisecond)
		checkMinDuration(&errs, "off", a.Off, time.Millisecond)
	case ProcDiurnal:
		a.validateDiurnal(&errs)
	case ProcRamp:
		checkRate(&errs, "from", a.From, false)
		checkRate(&errs, "to", a.To, false)
		if a.From == 0 && a.To == 0 {
			errs.Addf("to", "from and to cannot both be 0")
		}
		checkPositive(&errs, "over", a.Over)
	case ProcReplay:
		a.validateReplay(&errs)
	}
	return errs.Err()
}

func (a Arrival) validateDiurnal(errs *field.List) {
	checkRate(errs, "rate", a.Rate, true)
	if !(a.Amplitude >= 0 && a.Amplitude <= 1) {
		errs.Addf("amplitude", "must be in [0, 1], got %g", a.Amplitude)
	}
	if a.Period < 0 {
		errs.Addf("period", "must be > 0, got %s", a.Period.D())
	}
	if a.Peak < 0 || a.Peak >= field.Duration(a.period()) {
		errs.Addf("peak", "must be in [0, period %s), got %s", a.period(), a.Peak.D())
	}
}

func (a Arrival) validateReplay(errs *field.List) {
	if a.File == "" {
		errs.Addf("file", "required")
	}
	if a.Format != "" && a.Format != FormatTimestamps && a.Format != FormatCloudEvents {
		errs.Addf("format", "unknown format %q: want timestamps or cloudevents", a.Format)
	}
	if !(a.TimeScale >= 0 && a.TimeScale <= 1e6) {
		errs.Addf("time_scale", "must be > 0 and <= 1e6, got %g", a.TimeScale)
	}
}

// period returns the diurnal period with its default.
func (a Arrival) period() time.Duration {
	if a.Period <= 0 {
		return 24 * time.Hour
	}
	return a.Period.D()
}

// timeScale returns the replay time scale with its default.
func (a Arrival) timeScale() float64 {
	if a.TimeScale == 0 {
		return 1
	}
	return a.TimeScale
}

// format returns the replay format with its default.
func (a Arrival) format() string {
	if a.Format == "" {
		return FormatTimestamps
	}
	return a.Format
}

// setFields lists the YAML names of the optional fields that are set (non-zero).
func (a Arrival) setFields() []string {
	set := []struct {
		name string
		on   bool
	}{
		{"rate", a.Rate != 0}, {"on_rate", a.OnRate != 0}, {"off_rate", a.OffRate != 0},
		{"on", a.On != 0}, {"off", a.Off != 0}, {"poisson", a.Poisson},
		{"amplitude", a.Amplitude != 0}, {"period", a.Period != 0}, {"peak", a.Peak != 0},
		{"from", a.From != 0}, {"to", a.To != 0}, {"over", a.Over != 0},
		{"file", a.File != ""}, {"format", a.Format != ""}, {"time_scale", a.TimeScale != 0},
	}
	var out []string
	for _, s := range set {
		if s.on {
			out = append(out, s.name)
		}
	}
	return out
}

func checkRate(errs *field.List, path string, r field.Rate, positive bool) {
	v := r.PerSecond()
	switch {
	case math.IsNaN(v) || v < 0 || (positive && v == 0):
		if positive {
			errs.Addf(path, "must be > 0, got %g/s", v)
		} else {
			errs.Addf(path, "must be >= 0, got %g/s", v)
		}
	case v > MaxRate:
		errs.Addf(path, "must be <= %g/s, got %g/s", float64(MaxRate), v)
	}
}

func checkPositive(errs *field.List, path string, d field.Duration) {
	if d <= 0 {
		errs.Addf(path, "must be > 0, got %s", d.D())
	}
}

func checkMinDuration(errs *field.List, path string, d field.Duration, min time.Duration) {
	if d.D() < min {
		errs.Addf(path, "must be >= %s, got %s", min, d.D())
	}
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
