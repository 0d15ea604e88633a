package fc

import (
	"fmt"
	"testing"
	"time"
)

// TestLittlesLaw: the time-weighted mean number of busy instances equals the arrival rate times
// the mean execution time (known analytically here: (cpu/share + io) × a mean-1 factor), within
// 2%, at three loads.
func TestLittlesLaw(t *testing.T) {
	spec := FunctionSpec{Name: "little", Runtime: "nodejs18", Memory: 1 << 30, VCPU: 0.5,
		Timeout: dur(60 * time.Second), MaxInstances: 10000,
		Handler: HandlerSpec{CPU: dur(100 * time.Millisecond), IO: dur(150 * time.Millisecond)}}
	meanExec := 0.1/0.5 + 0.15 // the default log-normal factor has mean 1
	for _, rate := range []float64{0.5, 20, 400} {
		t.Run(fmt.Sprintf("rate %g", rate), func(t *testing.T) {
			horizon := time.Duration(200000/rate) * time.Second
			f, c, _ := runPoisson(t, spec, rate, horizon, 11)
			st := f.Stats()
			want := rate * meanExec
			t.Logf("busy %.4f want %.4f; measured mean exec %.4f; %d invocations", st.MeanBusy, want, c.execSum/float64(c.n), c.n)
			if !near(st.MeanBusy, want, 0.02) {
				t.Errorf("mean busy %.4f, want λ·E[S] = %.4f ±2%%", st.MeanBusy, want)
			}
			if sec := st.BusySeconds; !near(sec, c.execSum, 1e-3) {
				t.Errorf("busy instance-seconds %.3f ≠ summed execution %.3f", sec, c.execSum)
			}
		})
	}
}
