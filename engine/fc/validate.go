package fc

import (
	"fmt"
	"math"
	"regexp"
	"strings"
	"time"

	"github.com/fanout/fanout/engine/field"
)

var nameRE = regexp.MustCompile(`^[A-Za-z_][A-Za-z0-9_-]{0,63}$`)

// checkName validates a service or function name: 1–64 characters, letters, digits, '_' and
// '-', not starting with a digit or '-' (FC 3.0 CreateFunction).
func checkName(l *field.List, path, name string) {
	if !nameRE.MatchString(name) {
		l.Addf(path, "invalid name %q: 1–64 letters, digits, _ and -, not starting with a digit or -", name)
	}
}

// ValidateServices validates a list of services: each service, and unique service names.
// Paths are relative to the list: "[1].functions[0].memory".
func ValidateServices(list []ServiceSpec) error {
	var l field.List
	seen := map[string]int{}
	for i, s := range list {
		p := field.Index("", i)
		l.Add(p, s.Validate())
		if j, ok := seen[s.Name]; ok && s.Name != "" {
			l.Addf(field.Join(p, "name"), "duplicate service name %q (also services[%d])", s.Name, j)
		}
		seen[s.Name] = i
	}
	return l.Err()
}

// Validate checks the service name, that there is at least one function, every function, and
// unique function names.
func (s ServiceSpec) Validate() error {
	var l field.List
	checkName(&l, "name", s.Name)
	if len(s.Functions) == 0 {
		l.Addf("functions", "a service needs at least one function")
	}
	seen := map[string]int{}
	for i, f := range s.Functions {
		p := field.Index("functions", i)
		l.Add(p, f.Validate())
		if j, ok := seen[f.Name]; ok && f.Name != "" {
			l.Addf(field.Join(p, "name"), "duplicate function name %q (also functions[%d])", f.Name, j)
		}
		seen[f.Name] = i
	}
	return l.Err()
}

// WithDefaults returns f with every unset (zero) field at its default.
func (f FunctionSpec) WithDefaults() FunctionSpec {
	setDur := func(d *field.Duration, sec float64) {
		if *d == 0 {
			*d = field.Duration(sec * float64(time.Second))
		}
	}
	if f.Memory == 0 {
		f.Memory = DefaultMemory
	}
	setDur(&f.Timeout, DefaultTimeoutSec)
	setDur(&f.KeepAlive, DefaultKeepAliveSec)
	setDur(&f.Async.MaxEventAge, DefaultMaxAgeSec)
	if f.Concurrency == 0 {
		f.Concurrency = DefaultConcurrency
	}
	if f.MaxInstances == 0 {
		f.MaxInstances = DefaultMaxInstances
	}
	if f.InstanceSelection == "" {
		f.InstanceSelection = SelectNewest
	}
	if f.Handler.Threads == 0 {
		f.Handler.Threads = 1
	}
	if f.Handler.Variability == nil {
		f.Handler.Variability = &Variability{Sigma: DefaultSigma}
	}
	if f.Async.MaxRetries == nil {
		n := DefaultMaxRetries
		f.Async.MaxRetries = &n
	}
	if f.Image != nil {
		img := *f.Image
		setDur(&img.CachedTTL, DefaultCacheTTLSec)
		if img.PullBandwidth == 0 {
			img.PullBandwidth = DefaultPullBW
		}
		f.Image = &img
	}
	return f
}

// Validate checks every limit of the function (after defaults) and compiles its expressions
// and distributions; errors carry field paths relative to the function.
func (f FunctionSpec) Validate() error {
	f = f.WithDefaults()
	var l field.List
	checkName(&l, "name", f.Name)
	f.validateRuntime(&l)
	f.validateResources(&l)
	f.validateInstances(&l)
	l.Add("handler", f.Handler.Validate())
	l.Add("async", f.Async.Validate())
	return l.Err()
}

// validateRuntime checks the runtime and its runtime-specific settings.
func (f FunctionSpec) validateRuntime(l *field.List) {
	fam, ok := runtimes[f.Runtime]
	if !ok {
		l.Addf("runtime", "unknown runtime %q: want one of %s", f.Runtime, strings.Join(Runtimes, ", "))
	}
	if f.ClasspathMB != 0 && (!ok || fam != familyJava) {
		l.Addf("classpath_mb", "classpath_mb applies to java11 only, runtime is %q", f.Runtime)
	}
	checkRange(l, "classpath_mb", f.ClasspathMB, 0, 1024, "MB")
	switch {
	case ok && fam == familyContainer && f.Image == nil:
		l.Addf("image", "custom-container needs image: {size: ...}")
	case f.Image != nil && (!ok || fam != familyContainer):
		l.Addf("image", "image applies to custom-container only, runtime is %q", f.Runtime)
	case f.Image != nil:
		l.Add("image", f.Image.Validate())
	}
	if f.ColdStart != nil {
		if _, err := buildNonNeg(*f.ColdStart); err != nil {
			l.Add("cold_start", err)
		}
	}
}

// validateResources checks memory, vCPU and timeout.
func (f FunctionSpec) validateResources(l *field.List) {
	const mb = 1 << 20
	switch m := int64(f.Memory); {
	case m < 128*mb || m > 32768*mb:
		l.Addf("memory", "memory %s out of range: 128 MB to 32 GB", f.Memory)
	case m%(64*mb) != 0:
		l.Addf("memory", "memory %s is not a multiple of 64 MB", f.Memory)
	}
	if f.VCPU != 0 {
		checkVCPU(l, f.VCPU, float64(f.Memory)/(1<<30))
	}
	if t := f.Timeout.D(); t < time.Second || t > 86400*time.Second {
		l.Addf("timeout", "timeout %s out of range: 1s to 86400s", t)
	}
}

// checkVCPU applies the FC 3.0 vCPU rules: multiple of 0.05 in [0.05, 16], vCPU:GB 1:1..1:4.
func checkVCPU(l *field.List, v, gb float64) {
	steps := v / 0.05
	switch {
	case math.IsNaN(v) || v < 0.05 || v > 16:
		l.Addf("vcpu", "vcpu %g out of range: 0.05 to 16", v)
	case math.Abs(steps-math.Round(steps)) > 1e-6:
		l.Addf("vcpu", "vcpu %g is not a multiple of 0.05", v)
	case gb/v < 1-1e-9 || gb/v > 4+1e-9:
		l.Addf("vcpu", "vcpu %g with memory %g GB: vCPU:GB must be between 1:1 and 1:4 (%.2f to %.2f vCPU)", v, gb, gb/4, gb)
	}
}

// validateInstances checks concurrency, instance counts, keep-alive and selection.
func (f FunctionSpec) validateInstances(l *field.List) {
	checkIntRange(l, "concurrency", f.Concurrency, 1, 200)
	checkIntRange(l, "max_instances", f.MaxInstances, 1, 100000)
	if f.Provisioned < 0 || f.Provisioned > f.MaxInstances {
		l.Addf("provisioned", "provisioned %d out of range: 0 to max_instances (%d)", f.Provisioned, f.MaxInstances)
	}
	if k := f.KeepAlive.D(); k < time.Second || k > 24*time.Hour {
		l.Addf("keep_alive", "keep_alive %s out of range: 1s to 24h", k)
	}
	switch f.InstanceSelection {
	case SelectNewest, SelectOldest, SelectRandom:
	default:
		l.Addf("instance_selection", "unknown instance_selection %q: want newest, oldest or random", f.InstanceSelection)
	}
}

// Validate checks the image limits.
func (im ImageSpec) Validate() error {
	var l field.List
	const mb = 1 << 20
	if im.Size < mb || im.Size > 10<<30 {
		l.Addf("size", "image size %s out of range: 1 MB to 10 GB", im.Size)
	}
	if t := im.CachedTTL.D(); t < 0 || t > 7*24*time.Hour {
		l.Addf("cached_ttl", "cached_ttl %s out of range: 0 to 7d", t)
	}
	if im.PullBandwidth != 0 && (im.PullBandwidth < mb || im.PullBandwidth > 10<<30) {
		l.Addf("pull_bandwidth", "pull_bandwidth %s per second out of range: 1 MB to 10 GB", im.PullBandwidth)
	}
	return l.Err()
}

// Validate checks retries (0..8) and the maximum event age (1 s .. 7 d). Zero age means the
// default.
func (a AsyncSpec) Validate() error {
	var l field.List
	if a.MaxRetries != nil {
		checkIntRange(&l, "max_retries", *a.MaxRetries, 0, 8)
	}
	if t := a.MaxEventAge.D(); t != 0 && (t < time.Second || t > 7*24*time.Hour) {
		l.Addf("max_event_age", "max_event_age %s out of range: 1s to 7d (604800s)", t)
	}
	return l.Err()
}

func checkIntRange(l *field.List, path string, v, lo, hi int) {
	if v < lo || v > hi {
		l.Addf(path, "%s %d out of range: %d to %d", path, v, lo, hi)
	}
}

func checkRange(l *field.List, path string, v, lo, hi float64, unit string) {
	if math.IsNaN(v) || v < lo || v > hi {
		l.Addf(path, "%s %s out of range: %g to %g %s", path, fmt.Sprint(v), lo, hi, unit)
	}
}
