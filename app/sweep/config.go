package sweep

import (
	"fmt"
	"math"
	"slices"
	"strings"

	"github.com/fanout/fanout/engine/field"
	"github.com/fanout/fanout/engine/world"
)

// FunctionRef locates a function in a world configuration.
type FunctionRef struct {
	Service, Name string
	svc, fn       int // indexes into Config.Services and its Functions
}

// Key is the function's summary key, "service/function".
func (r FunctionRef) Key() string { return r.Service + "/" + r.Name }

// Functions lists the functions of cfg as "service/function" keys, in scenario order.
func Functions(cfg world.Config) []string {
	var out []string
	for _, s := range cfg.Services {
		for _, f := range s.Functions {
			out = append(out, s.Name+"/"+f.Name)
		}
	}
	return out
}

// Resolve finds the function named name in cfg: "service/function", or a bare function name
// that is unique across the services.
func Resolve(cfg world.Config, name string) (FunctionRef, error) {
	var found []FunctionRef
	svcName, fnName, qualified := strings.Cut(name, "/")
	for i, s := range cfg.Services {
		for j, f := range s.Functions {
			if qualified && s.Name == svcName && f.Name == fnName || !qualified && f.Name == name {
				found = append(found, FunctionRef{Service: s.Name, Name: f.Name, svc: i, fn: j})
			}
		}
	}
	switch len(found) {
	case 1:
		return found[0], nil
	case 0:
		all := Functions(cfg)
		if len(all) == 0 {
			return FunctionRef{}, fmt.Errorf("function %q: the scenario has no functions", name)
		}
		return FunctionRef{}, fmt.Errorf("function %q not found; the scenario's functions are %s", name, strings.Join(all, ", "))
	}
	return FunctionRef{}, fmt.Errorf("function %q is ambiguous: name it as service/function (%s or %s)",
		name, found[0].Key(), found[1].Key())
}

// CurrentMB returns the function's configured memory in MB (the default when unset).
func CurrentMB(cfg world.Config, ref FunctionRef) int {
	spec := cfg.Services[ref.svc].Functions[ref.fn].WithDefaults()
	return int(spec.Memory >> 20)
}

// withMemory returns a copy of cfg in which the function has mb of memory. Only the slices on
// the path to the function are copied; everything else is shared read-only. An explicit vCPU
// keeps its vCPU:GB ratio (rounded to 0.05 vCPU, kept within FC's 1:1–1:4 band), so the
// size's CPU share scales with memory as the proportional default does.
func withMemory(cfg world.Config, ref FunctionRef, mb int) world.Config {
	services := slices.Clone(cfg.Services)
	fns := slices.Clone(services[ref.svc].Functions)
	spec := fns[ref.fn]
	old := spec.WithDefaults().Memory
	spec.Memory = field.Bytes(mb) << 20
	if spec.VCPU != 0 {
		spec.VCPU = scaleVCPU(spec.VCPU, float64(old)/(1<<30), float64(mb)/1024)
	}
	fns[ref.fn] = spec
	services[ref.svc].Functions = fns
	cfg.Services = services
	return cfg
}

// scaleVCPU scales an explicit vCPU from oldGB to newGB of memory, rounded to 0.05 and clamped
// to [0.05, 16] and to the 1:1–1:4 vCPU:GB band.
func scaleVCPU(v, oldGB, newGB float64) float64 {
	v = math.Round(v*newGB/oldGB*20) / 20
	lo := math.Max(0.05, math.Ceil(newGB/4*20-1e-9)/20)
	hi := math.Min(16, math.Floor(newGB*20+1e-9)/20)
	return math.Max(lo, math.Min(hi, v))
}

// checkFunction validates the function at one memory size, so a size the cloud would refuse is
// reported as that size's error rather than a failed world.
func checkFunction(cfg world.Config, ref FunctionRef) error {
	spec := cfg.Services[ref.svc].Functions[ref.fn]
	if err := spec.Validate(); err != nil {
		return fmt.Errorf("function %s: %w", ref.Key(), err)
	}
	return nil
}
