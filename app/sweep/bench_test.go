package sweep

import (
	"context"
	"testing"
	"time"
)

// BenchmarkSweep8x100k is issue 5's performance target: a sweep of 8 sizes, each run stopped
// at 100,000 invocations of the function (Poisson arrivals at 50/s into a rule with a function
// target), P = GOMAXPROCS worlds at a time. Target: under 10 s a sweep.
func BenchmarkSweep8x100k(b *testing.B) {
	cfg := testConfig(50, 3000*time.Second, cpuHandler())
	sizes := []int{128, 256, 512, 1024, 1536, 2048, 3072, 4096}
	for b.Loop() {
		res, err := Run(context.Background(), cfg, "worker", sizes, Options{Invocations: 100_000})
		if err != nil {
			b.Fatal(err)
		}
		for _, s := range res.Sizes {
			if s.Invocations < 100_000 {
				b.Fatalf("%d MB: %d invocations, want 100,000", s.MemoryMB, s.Invocations)
			}
		}
	}
}
