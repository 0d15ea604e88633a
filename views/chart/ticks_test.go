package chart

import (
	"math"
	"strings"
	"testing"

	"gonum.org/v1/plot"
)

func TestNumberFormats(t *testing.T) {
	tests := []struct {
		v, step float64
		want    string
	}{
		{0, 1, "0"},
		{1234567, 1000, "1,234,567"},
		{999, 1, "999"},
		{1000, 500, "1,000"},
		{-12500, 2500, "−12,500"},
		{0.25, 0.25, "0.25"},
		{0.5, 0.5, "0.5"},
		{2.5, 2.5, "2.5"},
		{0.015, 0.005, "0.015"},
		{4e15, 1e15, "4e+15"},
		{-3e12, 1e12, "−3e+12"},
	}
	for _, tc := range tests {
		if got := number(tc.v, tc.step); got != tc.want {
			t.Errorf("number(%v, %v) = %q, want %q", tc.v, tc.step, got, tc.want)
		}
	}
}

func TestMoneyFormats(t *testing.T) {
	tests := []struct {
		v, step float64
		want    string
	}{
		{0, 0.005, "$0"},
		{0.015, 0.005, "$0.015"},
		{2, 2, "$2"},
		{1.5, 0.5, "$1.5"},
		{12000, 2000, "$12,000"},
		{-0.5, 0.5, "−$0.5"},
	}
	for _, tc := range tests {
		if got := money(tc.v, tc.step); got != tc.want {
			t.Errorf("money(%v, %v) = %q, want %q", tc.v, tc.step, got, tc.want)
		}
	}
}

func TestMemoryAndBucketLabels(t *testing.T) {
	mem := map[float64]string{128: "128 MB", 1024: "1 GB", 1536: "1.5 GB", 3072: "3 GB", 1000: "1,000 MB", 640: "640 MB", 32768: "32 GB"}
	for mb, want := range mem {
		if got := memoryLabel(mb); got != want {
			t.Errorf("memoryLabel(%v) = %q, want %q", mb, got, want)
		}
	}
	sec := map[float64]string{10: "10 s", 60: "1 min", 90: "90 s", 7200: "2 h", 0.5: "0.5 s"}
	for s, want := range sec {
		if got := secondsLabel(s); got != want {
			t.Errorf("secondsLabel(%v) = %q, want %q", s, got, want)
		}
	}
}

func TestUnits(t *testing.T) {
	for _, tc := range []struct {
		max  float64
		unit string
	}{{0, "s"}, {180, "s"}, {600, "min"}, {3 * 3600, "min"}, {86400, "h"}} {
		if _, u := timeUnit(tc.max); u != tc.unit {
			t.Errorf("timeUnit(%v) = %q, want %q", tc.max, u, tc.unit)
		}
	}
	if _, u := durationUnit(4999); u != "ms" {
		t.Errorf("durationUnit(4999) = %q", u)
	}
	if d, u := durationUnit(5000); u != "s" || d != 1000 {
		t.Errorf("durationUnit(5000) = %v %q", d, u)
	}
}

func TestScaledTicks(t *testing.T) {
	ticks := scaledTicks{Div: 60, Format: number}.Ticks(0, 600)
	var labels []string
	for _, tk := range ticks {
		if tk.Label != "" {
			labels = append(labels, tk.Label)
			if math.Mod(tk.Value, 60) != 0 {
				t.Errorf("tick %v is not whole minutes", tk.Value)
			}
		}
	}
	want := []string{"0", "2", "4", "6", "8", "10"}
	if len(labels) != len(want) {
		t.Fatalf("labels %q, want %q", labels, want)
	}
	for i := range want {
		if labels[i] != want[i] {
			t.Errorf("labels %q, want %q", labels, want)
		}
	}
	// Degenerate and non-finite ranges give one tick, not a loop or a panic.
	for _, r := range [][2]float64{{5, 5}, {math.Inf(-1), 1}, {math.NaN(), 3}} {
		if n := len(scaledTicks{Format: number}.Ticks(r[0], r[1])); n != 1 {
			t.Errorf("Ticks(%v) gave %d ticks", r, n)
		}
	}
}

func TestNiceStepAndRoundUp(t *testing.T) {
	for _, tc := range []struct{ span, want float64 }{{10, 2}, {100, 20}, {0.02, 0.005}, {7, 2}, {1500, 500}, {12, 2.5}} {
		if got := niceStep(tc.span, 5); math.Abs(got-tc.want) > 1e-12 {
			t.Errorf("niceStep(%v) = %v, want %v", tc.span, got, tc.want)
		}
	}
	ax := plot.Axis{Min: 0, Max: 712}
	roundUpAxis(&ax, 5)
	if ax.Max != 800 {
		t.Errorf("roundUpAxis(0..712) max = %v, want 800", ax.Max)
	}
}

func TestLogTicks(t *testing.T) {
	var labels []string
	for _, tk := range (logTicks{Format: func(v float64) string { return number(v, v) }}).Ticks(1, 1000) {
		if tk.Label != "" {
			labels = append(labels, tk.Label)
		}
	}
	want := "1 2 5 10 20 50 100 200 500 1,000"
	if got := strings.Join(labels, " "); got != want {
		t.Errorf("log tick labels %q, want %q", got, want)
	}
	if len((logTicks{}).Ticks(0, 10)) != 0 {
		t.Error("log ticks over a non-positive range")
	}
}
