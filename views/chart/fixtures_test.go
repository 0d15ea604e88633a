package chart

import (
	"math"
	"math/rand/v2"
)

// Fixed data for the golden images: closed-form curves plus a seeded PCG stream, so every
// machine builds the same inputs.

func fixLatency() Percentiles {
	var l Percentiles
	for t := 0.0; t <= 600; t += 10 {
		spike := 250 * math.Exp(-math.Pow((t-300)/30, 2))
		l.P50 = append(l.P50, Point{t, 120 + 15*math.Sin(t/60)})
		l.P90 = append(l.P90, Point{t, 260 + 30*math.Sin(t/45) + spike/3})
		l.P99 = append(l.P99, Point{t, 420 + 40*math.Cos(t/50) + spike})
	}
	return l
}

// logEdges returns n+1 edges from lo to hi, evenly spaced on a log scale.
func logEdges(lo, hi float64, n int) []float64 {
	e := make([]float64, n+1)
	for i := range e {
		e[i] = lo * math.Pow(hi/lo, float64(i)/float64(n))
	}
	return e
}

// lognormalCounts draws n samples of a lognormal(median, sigma) into buckets with edges.
func lognormalCounts(r *rand.Rand, edges []float64, n int, median, sigma float64) []uint64 {
	c := make([]uint64, len(edges)-1)
	for range n {
		v := median * math.Exp(sigma*r.NormFloat64())
		for i := range c {
			if v >= edges[i] && v < edges[i+1] {
				c[i]++
				break
			}
		}
	}
	return c
}

func fixHeatmap() Heatmap {
	r := rand.New(rand.NewPCG(7, 8))
	h := Heatmap{Edges: logEdges(1, 10000, 28)}
	for i := 0; i <= 60; i++ {
		h.Times = append(h.Times, float64(i*10))
	}
	for i := range 60 {
		median := 120.0
		if i >= 28 && i <= 32 {
			median = 600
		}
		h.Counts = append(h.Counts, lognormalCounts(r, h.Edges, 400, median, 0.6))
	}
	return h
}

func fixHistograms() (warm, cold Histogram) {
	r := rand.New(rand.NewPCG(1, 2))
	e := logEdges(10, 5000, 36)
	warm = Histogram{Edges: e, Counts: lognormalCounts(r, e, 20000, 120, 0.45)}
	cold = Histogram{Edges: e, Counts: lognormalCounts(r, e, 600, 480, 0.35)}
	return warm, cold
}

func fixColdStarts() Series {
	s := Series{Name: "cold starts"}
	for t := 0.0; t < 600; t += 10 {
		s.Points = append(s.Points, Point{t, math.Round(40*math.Exp(-t/40) + 3 + 3*math.Sin(t/25))})
	}
	return s
}

func fixInstances() Stacked {
	st := Stacked{Layers: []Layer{{Name: "busy"}, {Name: "idle"}, {Name: "cold-starting"}, {Name: "provisioned"}}}
	for t := 0.0; t <= 600; t += 10 {
		st.T = append(st.T, t)
		busy := math.Round(12 + 6*math.Sin(t/70) + 10*math.Exp(-math.Pow((t-300)/40, 2)))
		idle := math.Round(6 + 3*math.Cos(t/50))
		cold := math.Round(8 * math.Exp(-t/50))
		st.Layers[0].V = append(st.Layers[0].V, busy)
		st.Layers[1].V = append(st.Layers[1].V, idle)
		st.Layers[2].V = append(st.Layers[2].V, cold)
		st.Layers[3].V = append(st.Layers[3].V, 4)
	}
	return st
}

func fixQueues() (queues, dlq []Series) {
	q := Series{Name: "index-fn queue"}
	n := Series{Name: "notify queue"}
	d := Series{Name: "index-fn dead letters"}
	for t := 0.0; t <= 600; t += 5 {
		q.Points = append(q.Points, Point{t, math.Max(0, 180*math.Exp(-math.Pow((t-300)/60, 2))+10*math.Sin(t/20))})
		n.Points = append(n.Points, Point{t, 12 + 8*math.Sin(t/35)})
		d.Points = append(d.Points, Point{t, math.Floor(math.Max(0, t-280) / 25)})
	}
	return []Series{q, n}, []Series{d}
}

func fixThroughput() (rates, match []Series) {
	rec := Series{Name: "received"}
	mat := Series{Name: "matched"}
	csv := Series{Name: "csv-uploads"}
	img := Series{Name: "large-images"}
	for t := 0.0; t <= 600; t += 10 {
		v := 1200 + 300*math.Sin(t/90)
		rec.Points = append(rec.Points, Point{t, v})
		mat.Points = append(mat.Points, Point{t, v * (0.098 + 0.02*math.Sin(t/40) + 0.025)})
		csv.Points = append(csv.Points, Point{t, 0.098 + 0.02*math.Sin(t/40)})
		img.Points = append(img.Points, Point{t, 0.025 + 0.005*math.Cos(t/30)})
	}
	return []Series{rec, mat}, []Series{csv, img}
}

func fixCost() []Series {
	tot := Series{Name: "total"}
	idx := Series{Name: "index-fn"}
	ntf := Series{Name: "notify"}
	var a, b float64
	for t := 0.0; t <= 600; t += 10 {
		a += 0.00021 + 0.00008*math.Sin(t/60)
		b += 0.00006
		tot.Points = append(tot.Points, Point{t, a + b})
		idx.Points = append(idx.Points, Point{t, a})
		ntf.Points = append(ntf.Points, Point{t, b})
	}
	return []Series{tot, idx, ntf}
}

func fixSweep() Sweep {
	return Sweep{
		Points: []SweepPoint{
			{128, 880, 1950, 210, 2.31, 0.02},
			{256, 450, 1020, 190, 2.05, 0},
			{512, 300, 640, 170, 1.43, 0},
			{1024, 262, 560, 160, 2.40, 0},
			{2048, 250, 530, 155, 4.10, 0},
			{3072, 248, 525, 150, 6.02, 0},
		},
		OptimumMB: 512, BaselineMB: 128, Objective: "balanced",
	}
}
