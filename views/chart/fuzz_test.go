package chart

import (
	"encoding/binary"
	"math"
	"testing"
)

// FuzzCharts feeds arbitrary numbers (including NaN, ±Inf, huge, negative, unsorted) to every
// chart function and renders the results: no input may panic or fail to render.
func FuzzCharts(f *testing.F) {
	f.Add([]byte{})
	f.Add(binary.LittleEndian.AppendUint64(nil, math.Float64bits(1e300)))
	seed := []byte{}
	for _, v := range []float64{0, 1, 2, 3, math.NaN(), -5, 128, 512, 1e-300, math.Inf(-1), 7, 9} {
		seed = binary.LittleEndian.AppendUint64(seed, math.Float64bits(v))
	}
	f.Add(seed)
	f.Fuzz(func(t *testing.T, b []byte) {
		var fs []float64
		for len(b) >= 8 {
			fs = append(fs, math.Float64frombits(binary.LittleEndian.Uint64(b)))
			b = b[8:]
		}
		at := func(i int) float64 {
			if len(fs) == 0 {
				return 0
			}
			return fs[i%len(fs)]
		}
		var pts []Point
		var us []uint64
		var sw []SweepPoint
		for i := 0; i+1 < len(fs); i += 2 {
			pts = append(pts, Point{fs[i], fs[i+1]})
			us = append(us, math.Float64bits(fs[i])>>uint(i%64))
			sw = append(sw, SweepPoint{fs[i], fs[i+1], at(i + 2), at(i + 3), at(i + 4), at(i + 5)})
		}
		l := Percentiles{P50: pts, P90: pts[:len(pts)/2], P99: pts}
		h := Heatmap{Times: fs, Edges: fs, Counts: [][]uint64{us, us}}
		hist := Histogram{Edges: fs, Counts: us}
		st := Stacked{T: fs, Layers: []Layer{{Name: "a", V: fs}, {Name: "b", V: fs[len(fs)/2:]}}}
		ss := []Series{{Name: "a", Points: pts}, {Points: pts[len(pts)/2:]}}
		s := Sweep{Points: sw, OptimumMB: at(0), BaselineMB: at(2)}
		for name, c := range allCharts(l, h, hist, hist, Series{Points: pts}, st, ss, s) {
			if _, err := PNG(c, 160, 100, DefaultDPI); err != nil {
				t.Fatalf("%s: %v", name, err)
			}
		}
	})
}
