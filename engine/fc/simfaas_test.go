package fc

import (
	"testing"
	"time"
)

// TestSimFaaS reproduces the SimFaaS figures (Mahmoudi & Khazaei): Poisson arrivals at
// 0.9/s for 1,000,000 s give a cold-start probability of about 0.00135 and a mean instance
// count (idle + busy) of about 7.66.
func TestSimFaaS(t *testing.T) {
	if testing.Short() {
		t.Skip("long simulation")
	}
	f, c, p := runPoisson(t, simFaaSSpec(SelectNewest), 0.9, 1e6*time.Second, 1)
	st := f.Stats()
	pCold := float64(c.cold) / float64(c.n)
	t.Logf("invocations %d, cold %d (p=%.5f), mean instances %.3f (busy %.3f idle %.3f starting %.3f), max %d, throttled %d",
		c.n, c.cold, pCold, st.MeanInstances, st.MeanBusy, st.MeanIdle, st.MeanStarting, st.MaxInstances, p.throttled)
	if !near(pCold, 0.00135, 0.10) {
		t.Errorf("cold-start probability %.5f, want 0.00135 ±10%%", pCold)
	}
	if !near(st.MeanInstances, 7.66, 0.02) {
		t.Errorf("mean instances %.3f, want 7.66 ±2%%", st.MeanInstances)
	}
}

// BenchmarkSimFaaS runs the million-second SimFaaS scenario (about 900,000 invocations).
func BenchmarkSimFaaS(b *testing.B) {
	var n int64
	for b.Loop() {
		_, c, _ := runPoisson(b, simFaaSSpec(SelectNewest), 0.9, 1e6*time.Second, 1)
		n += c.n
	}
	b.ReportMetric(float64(n)/b.Elapsed().Seconds(), "invocations/s")
}
