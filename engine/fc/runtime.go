package fc

// Runtime families decide the default cold-start model.
const (
	familyInterpreted = iota // python, nodejs, php: 100–300 ms (the seed article)
	familyCompiled           // go1: no article figure; treated like the interpreted runtimes
	familyJava               // java11: 0.5–3 s growing with the classpath (the seed article)
	familyContainer          // custom-container: container start plus the image pull when not cached
)

// runtimes maps each supported runtime (the seed article's list; facts sheet §6.3) to its family.
var runtimes = map[string]int{
	"python3.9":        familyInterpreted,
	"python3.10":       familyInterpreted,
	"nodejs16":         familyInterpreted,
	"nodejs18":         familyInterpreted,
	"php7.2":           familyInterpreted,
	"go1":              familyCompiled,
	"java11":           familyJava,
	"custom-container": familyContainer,
}

// Runtimes lists the supported runtime names in documentation order.
var Runtimes = []string{"python3.9", "python3.10", "nodejs16", "nodejs18", "java11", "go1", "php7.2", "custom-container"}

// Selection policies for FunctionSpec.InstanceSelection.
const (
	SelectNewest = "newest" // most recently used instance with spare concurrency (default)
	SelectOldest = "oldest" // least recently used
	SelectRandom = "random" // uniformly at random
)

// Defaults applied by FunctionSpec.WithDefaults; see the field comments for sources.
const (
	DefaultMemory       = 128 << 20
	DefaultTimeoutSec   = 3
	DefaultConcurrency  = 1
	DefaultMaxInstances = 100
	DefaultKeepAliveSec = 300
	DefaultMaxRetries   = 3
	DefaultMaxAgeSec    = 6 * 3600
	DefaultSigma        = 0.2
	DefaultCacheTTLSec  = 1800
	DefaultPullBW       = 100 << 20
)

// VCPUPerGB is the default vCPU per GB of memory when vCPU is not set: one vCPU at 1,769 MB,
// the AWS Lambda figure (facts sheet §7.4), because the Alibaba docs say only "proportional to
// memory" (seed article). It keeps every memory size inside FC 3.0's 1:1–1:4 vCPU:GB band.
const VCPUPerGB = 1024.0 / 1769.0

// DefaultVCPU returns the vCPU of a function of the given memory when vCPU is not set:
// memory × VCPUPerGB, not rounded, capped at 16.
func DefaultVCPU(memoryBytes int64) float64 {
	v := float64(memoryBytes) / (1 << 30) * VCPUPerGB
	if v > 16 {
		v = 16
	}
	return v
}
