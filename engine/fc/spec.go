// Package fc models Alibaba Cloud Function Compute in simulated time: services and functions,
// runtimes and cold starts, instances and their life cycle, instance concurrency, provisioned
// instances, the handler model and billing (GB-second and CU models, prices as data).
//
// Scenario files decode into ServiceSpec values; NewFunction builds a *Function (its instance
// pool) on a *sim.Scheduler. docs/function-model.md describes the model and its sources.
package fc

import (
	"github.com/fanout/fanout/engine/field"
	"github.com/fanout/fanout/engine/sim"
)

// ServiceSpec groups functions that share a RAM role, a VPC and a log project. The shared
// settings are informational: the simulator records them but they change no behaviour.
type ServiceSpec struct {
	// Name identifies the service; same rules as a function name. Required.
	Name string `yaml:"name" json:"name"`
	// Role is the RAM role ARN the functions run as, e.g. "acs:ram::123:role/fc-media".
	Role string `yaml:"role,omitempty" json:"role,omitempty"`
	// VPC is the VPC id the functions attach to, e.g. "vpc-1".
	VPC string `yaml:"vpc,omitempty" json:"vpc,omitempty"`
	// LogProject is the Log Service project that receives the functions' logs.
	LogProject string `yaml:"log_project,omitempty" json:"log_project,omitempty"`
	// Functions are the service's functions; at least one, names unique within the service.
	Functions []FunctionSpec `yaml:"functions" json:"functions"`
}

// FunctionSpec is one function's configuration. Zero values take the documented defaults
// (see Defaults); Validate checks every limit with the cloud's numbers.
type FunctionSpec struct {
	// Name: 1–64 characters, letters, digits, '_' and '-', not starting with a digit or '-'.
	Name string `yaml:"name" json:"name"`
	// Runtime: python3.9, python3.10, nodejs16, nodejs18, java11, go1, php7.2, custom-container.
	Runtime string `yaml:"runtime" json:"runtime"`
	// Memory: 128 MB .. 32 GB in multiples of 64 MB. Default 128 MB (FC 2.0 default).
	Memory field.Bytes `yaml:"memory,omitempty" json:"memory,omitempty"`
	// VCPU: explicit vCPU count, a multiple of 0.05 in [0.05, 16] with vCPU:GB between 1:1
	// and 1:4. Zero (default) means proportional to memory: see DefaultVCPU.
	VCPU float64 `yaml:"vcpu,omitempty" json:"vcpu,omitempty"`
	// Timeout of one execution: 1 s .. 86400 s (maximum UNVERIFIED). Default 3 s.
	Timeout field.Duration `yaml:"timeout,omitempty" json:"timeout,omitempty"`
	// Concurrency is the instance concurrency, requests one instance serves at once:
	// 1..200 (range UNVERIFIED). Default 1; built-in runtimes only support 1.
	Concurrency int `yaml:"concurrency,omitempty" json:"concurrency,omitempty"`
	// MaxInstances caps the function's instances (starting, busy and idle together):
	// 1..100000. Default 100 (the FC 3.0 per-region instance limit; sources DISAGREE: 100/300).
	MaxInstances int `yaml:"max_instances,omitempty" json:"max_instances,omitempty"`
	// Provisioned instances start warm, never cold start and are never reclaimed:
	// 0..max_instances. Default 0.
	Provisioned int `yaml:"provisioned,omitempty" json:"provisioned,omitempty"`
	// KeepAlive is how long an on-demand instance stays idle before it is reclaimed:
	// 1 s .. 24 h. Default 5 min (docs: "usually 3–5 minutes").
	KeepAlive field.Duration `yaml:"keep_alive,omitempty" json:"keep_alive,omitempty"`
	// InstanceSelection picks among instances with spare concurrency: newest (most recently
	// used, the default), oldest (least recently used) or random.
	InstanceSelection string `yaml:"instance_selection,omitempty" json:"instance_selection,omitempty"`
	// ColdStart overrides the runtime's platform cold-start distribution, in milliseconds
	// (e.g. {kind: exponential, mean: 253}). Optional.
	ColdStart *sim.Spec `yaml:"cold_start,omitempty" json:"cold_start,omitempty"`
	// ClasspathMB is the Java classpath size in MB (java11 only): 0..2048. It grows the cold
	// start (see docs/function-model.md).
	ClasspathMB float64 `yaml:"classpath_mb,omitempty" json:"classpath_mb,omitempty"`
	// Image describes the container image (custom-container only, required there).
	Image *ImageSpec `yaml:"image,omitempty" json:"image,omitempty"`
	// Handler is the model of what one invocation costs.
	Handler HandlerSpec `yaml:"handler" json:"handler"`
	// Async is the asynchronous invocation configuration.
	Async AsyncSpec `yaml:"async,omitempty" json:"async,omitempty"`
}

// ImageSpec is a custom-container image: a cold start on a host without the image in its
// cache pulls Size at PullBandwidth; the host keeps the image for CachedTTL after its last use.
type ImageSpec struct {
	// Size of the image: 1 MB .. 10 GB. Required.
	Size field.Bytes `yaml:"size" json:"size"`
	// CachedTTL is how long the host cache keeps the image after the function's last cold start
	// or execution: 0 .. 7 d (0: never cached). Default 30 min (a Fanout choice; UNVERIFIED).
	CachedTTL field.Duration `yaml:"cached_ttl,omitempty" json:"cached_ttl,omitempty"`
	// PullBandwidth is bytes per second pulled from the registry: 1 MB .. 10 GB per second.
	// Default 100 MB/s (a Fanout choice; UNVERIFIED).
	PullBandwidth field.Bytes `yaml:"pull_bandwidth,omitempty" json:"pull_bandwidth,omitempty"`
}

// HandlerSpec models one invocation: CPU work that scales with the CPU share, I/O wait that
// does not, a multiplicative variability, per-instance initialisation, a working set, and
// failure and duration rules. docs/function-model.md gives the formulas.
type HandlerSpec struct {
	// CPU is the CPU work of one invocation in core-time at 1 vCPU (e.g. 120ms); >= 0.
	CPU field.Duration `yaml:"cpu,omitempty" json:"cpu,omitempty"`
	// Threads the handler can keep busy: 1..64. Default 1.
	Threads int `yaml:"threads,omitempty" json:"threads,omitempty"`
	// IO is the I/O wait of one invocation; it does not scale with CPU. >= 0.
	IO field.Duration `yaml:"io,omitempty" json:"io,omitempty"`
	// Variability is the factor around cpu+io: a log-normal sigma (0 = none) or a
	// distribution; normalised to mean 1. Default: log-normal, sigma 0.2.
	Variability *Variability `yaml:"variability,omitempty" json:"variability,omitempty"`
	// Init is the handler's initialisation work, once per instance, in core-time at 1 vCPU on
	// one thread (it scales with the CPU share up to 1 vCPU). >= 0.
	Init field.Duration `yaml:"init,omitempty" json:"init,omitempty"`
	// WorkingSet is the memory an invocation needs; with less memory it fails out of memory.
	// 0 (default) means it always fits.
	WorkingSet field.Bytes `yaml:"working_set,omitempty" json:"working_set,omitempty"`
	// FailureRate is the probability that an invocation fails with a handler error: 0..1.
	FailureRate float64 `yaml:"failure_rate,omitempty" json:"failure_rate,omitempty"`
	// Failure is an expr expression over the event returning an error kind ("timeout", "oom",
	// "handler" or any other text, which counts as a handler error) or "" for none.
	Failure string `yaml:"failure,omitempty" json:"failure,omitempty"`
	// DurationExtra is an expr expression over the event returning extra CPU work in
	// milliseconds at 1 vCPU; it scales with the CPU share like CPU. Negative results count 0.
	DurationExtra string `yaml:"duration_extra,omitempty" json:"duration_extra,omitempty"`
}

// AsyncSpec is the asynchronous invocation configuration (FC 3.0 PutAsyncInvokeConfig).
// The routing layer applies it; fc only validates it.
type AsyncSpec struct {
	// MaxRetries after a handler failure: 0..8. Nil means the default 3.
	MaxRetries *int `yaml:"max_retries,omitempty" json:"max_retries,omitempty"`
	// MaxEventAge: 1 s .. 7 d. Default 6 h (the seed article).
	MaxEventAge field.Duration `yaml:"max_event_age,omitempty" json:"max_event_age,omitempty"`
	// OnSuccess names the destination (queue or topic) for successful results; optional.
	OnSuccess string `yaml:"on_success,omitempty" json:"on_success,omitempty"`
	// OnFailure names the destination for events whose retries or age ran out; optional.
	OnFailure string `yaml:"on_failure,omitempty" json:"on_failure,omitempty"`
}

// Variability is the handler's duration factor: either a log-normal sigma (a bare number in
// the scenario file) or a distribution spec (unitless). Either way it is normalised to mean 1.
type Variability struct {
	// Sigma is the log-normal shape when Dist is nil; 0 means no variability.
	Sigma float64
	// Dist is an explicit distribution of the factor (divided by its mean when used).
	Dist *sim.Spec
}

// UnmarshalYAML implements yaml.InterfaceUnmarshaler: a number is a sigma, a mapping a
// distribution.
func (v *Variability) UnmarshalYAML(unmarshal func(any) error) error {
	var sigma float64
	if err := unmarshal(&sigma); err == nil {
		*v = Variability{Sigma: sigma}
		return nil
	}
	var s sim.Spec
	if err := unmarshal(&s); err != nil {
		return err
	}
	*v = Variability{Dist: &s}
	return nil
}

// MarshalYAML implements yaml.InterfaceMarshaler, the inverse of UnmarshalYAML.
func (v Variability) MarshalYAML() (any, error) {
	if v.Dist != nil {
		return v.Dist, nil
	}
	return v.Sigma, nil
}
