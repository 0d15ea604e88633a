package bus

import (
	"syscall"
	"testing"
	"time"
)

// cpuClock measures the process CPU time (user + system, every thread) a benchmark consumes.
// On a machine shared with other work, wall time per op swings with the load; CPU time per op
// counts only this process's work, so it is the steadier figure to compare runs with.
type cpuClock struct{ start time.Duration }

func startCPU() cpuClock { return cpuClock{start: processCPU()} }

// report adds a "cpu-ns/op" metric: CPU time since startCPU divided by n operations.
func (c cpuClock) report(b *testing.B, n int) {
	if n > 0 {
		b.ReportMetric(float64(processCPU()-c.start)/float64(n), "cpu-ns/op")
	}
}

func processCPU() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
