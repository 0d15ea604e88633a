//go:build !unix

package pattern

// cpuTime is not measured on this platform.
func cpuTime() float64 { return 0 }
