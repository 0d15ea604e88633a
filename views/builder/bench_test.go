package builder

import (
	"testing"

	"github.com/fanout/fanout/scenarios"
)

// BenchmarkComputeMatchRate is the rule builder's preview on the default scenario: 5,000
// generated events, the pattern, and the function model for both function targets.
func BenchmarkComputeMatchRate(b *testing.B) {
	sc, err := scenarios.Default()
	if err != nil {
		b.Fatal(err)
	}
	env := testEnv(b)
	for b.Loop() {
		if _, err := ComputeMatchRate(sc, sc.Rules[0], 5000, env.Billing, nil); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkPredict is one function-editor prediction (2,000 warm invocations).
func BenchmarkPredict(b *testing.B) {
	sc, err := scenarios.Default()
	if err != nil {
		b.Fatal(err)
	}
	env := testEnv(b)
	spec := sc.Services[0].Functions[0]
	for b.Loop() {
		if _, err := Predict(spec, nil, predictRuns, env.Billing); err != nil {
			b.Fatal(err)
		}
	}
}
