package pattern

import (
	"strconv"
	"unsafe"
)

var pow10 = [23]float64{1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13,
	1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22}

// slowNum converts a validated JSON number that the scanner's exact fast path cannot (see
// state.number); out-of-range values become ±Inf or 0, as strconv gives them.
func slowNum(b []byte) float64 {
	f, _ := strconv.ParseFloat(unsafe.String(unsafe.SliceData(b), len(b)), 64)
	return f
}
