package sweep

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
)

// Memory limits of a Function Compute function, in MB: 128 MB to 32 GB in 64 MB steps.
const (
	MinMemoryMB  = 128
	MaxMemoryMB  = 32 << 10
	MemoryStepMB = 64
)

// DefaultSizes are the sizes swept when none are given, in MB.
var DefaultSizes = []int{128, 256, 512, 1024, 1536, 2048, 3072, 4096}

// CheckSize reports whether mb is a valid function memory size.
func CheckSize(mb int) error {
	if mb < MinMemoryMB || mb > MaxMemoryMB || mb%MemoryStepMB != 0 {
		return fmt.Errorf("memory %d MB is not valid: a function's memory must be 128 MB to 32 GB (32768 MB) in multiples of 64 MB", mb)
	}
	return nil
}

// ParseSizes reads a comma-separated list of memory sizes: plain numbers are MB, and a "GB"
// or "MB" suffix is allowed ("128,256,1GB,1.5GB"). Every size is checked; the result is
// sorted ascending without duplicates.
func ParseSizes(s string) ([]int, error) {
	var out []int
	for _, part := range strings.Split(s, ",") {
		part = strings.TrimSpace(part)
		if part == "" {
			continue
		}
		mb, err := parseSize(part)
		if err != nil {
			return nil, err
		}
		if err := CheckSize(mb); err != nil {
			return nil, err
		}
		out = append(out, mb)
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("no memory sizes in %q", s)
	}
	return Normalize(out), nil
}

// parseSize reads one size: "512", "512MB", "2GB", "1.5GB".
func parseSize(s string) (int, error) {
	num, mult := strings.ToUpper(s), 1.0
	switch {
	case strings.HasSuffix(num, "GB"):
		num, mult = strings.TrimSpace(strings.TrimSuffix(num, "GB")), 1024
	case strings.HasSuffix(num, "MB"):
		num = strings.TrimSpace(strings.TrimSuffix(num, "MB"))
	}
	v, err := strconv.ParseFloat(num, 64)
	if err != nil || v <= 0 {
		return 0, fmt.Errorf("memory size %q is not a number of MB (e.g. 512) or GB (e.g. 2GB)", s)
	}
	mb := v * mult
	if mb > 1<<30 { // also +Inf: keep the conversion to int defined
		return 0, fmt.Errorf("memory size %q is out of range: at most 32 GB", s)
	}
	if mb != float64(int(mb)) {
		return 0, fmt.Errorf("memory size %q is not a whole number of MB", s)
	}
	return int(mb), nil
}

// Normalize returns sizes sorted ascending without duplicates (a new slice).
func Normalize(sizes []int) []int {
	out := slices.Clone(sizes)
	slices.Sort(out)
	return slices.Compact(out)
}
