package cli

import (
	"testing"

	"github.com/fanout/fanout/engine/obs"
	"github.com/fanout/fanout/engine/world"
)

// BenchmarkShippedSimFaaS runs the shipped SimFaaS validation scenario (1,000,000 simulated
// seconds, about 900,000 invocations) with every record going to a discarding sink, as issue 5
// measures it: seconds per run and invocations per second.
func BenchmarkShippedSimFaaS(b *testing.B) {
	cfg := shippedConfig(b, "simfaas-validation")
	cfg.Sink = obs.Discard{}
	for b.Loop() {
		w, err := world.New(cfg)
		if err != nil {
			b.Fatal(err)
		}
		w.Run()
		s := w.Summary()
		if !s.Conservation.OK {
			b.Fatal("conservation")
		}
		var inv int64
		for _, f := range s.Functions {
			inv += f.Invocations
		}
		b.ReportMetric(float64(inv), "invocations/run")
	}
}
