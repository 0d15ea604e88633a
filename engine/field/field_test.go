package field

import (
	"errors"
	"testing"
	"time"

	"github.com/goccy/go-yaml"
)

func TestUnitsDecodeFromYAML(t *testing.T) {
	var v struct {
		D1, D2, D3, D4 Duration
		B1, B2, B3, B4 Bytes
		R1, R2, R3     Rate
	}
	src := "d1: 250ms\nd2: 30\nd3: 0.5\nd4: 7d\nb1: 400KB\nb2: 20 MB\nb3: 1048576\nb4: 1.5GiB\nr1: 50/s\nr2: 3000/min\nr3: 2.5\n"
	if err := yaml.Unmarshal([]byte(src), &v); err != nil {
		t.Fatal(err)
	}
	checks := []struct {
		name      string
		got, want float64
	}{
		{"250ms", float64(v.D1), float64(250 * time.Millisecond)},
		{"30", float64(v.D2), float64(30 * time.Second)},
		{"0.5", float64(v.D3), float64(500 * time.Millisecond)},
		{"7d", float64(v.D4), float64(7 * 24 * time.Hour)},
		{"400KB", float64(v.B1), 409600},
		{"20 MB", float64(v.B2), 20 << 20},
		{"1048576", float64(v.B3), 1 << 20},
		{"1.5GiB", float64(v.B4), 1.5 * (1 << 30)},
		{"50/s", float64(v.R1), 50},
		{"3000/min", float64(v.R2), 50},
		{"2.5", float64(v.R3), 2.5},
	}
	for _, c := range checks {
		if c.got != c.want {
			t.Errorf("%s: got %v, want %v", c.name, c.got, c.want)
		}
	}
}

func TestUnitsRejectBadText(t *testing.T) {
	for _, s := range []string{"fast", "10 parsecs", "-5MB", "NaN"} {
		var b Bytes
		if err := b.UnmarshalText([]byte(s)); err == nil {
			t.Errorf("Bytes %q: want error", s)
		}
	}
	for _, s := range []string{"soon", "5 fortnights", "Inf"} {
		var d Duration
		if err := d.UnmarshalText([]byte(s)); err == nil {
			t.Errorf("Duration %q: want error", s)
		}
	}
	for _, s := range []string{"50/week", "lots/s"} {
		var r Rate
		if err := r.UnmarshalText([]byte(s)); err == nil {
			t.Errorf("Rate %q: want error", s)
		}
	}
}

func TestBytesStringRoundTrip(t *testing.T) {
	for _, b := range []Bytes{0, 1, 512 << 20, 1 << 30, 409600, 1000} {
		txt, _ := b.MarshalText()
		var back Bytes
		if err := back.UnmarshalText(txt); err != nil || back != b {
			t.Errorf("%d → %s → %d (%v)", b, txt, back, err)
		}
	}
}

func TestListPrefixesPaths(t *testing.T) {
	var inner List
	inner.Addf("arrival.rate", "must be > 0, got %v", -3)
	inner.Add("events[0]", errors.New("plain error"))
	var outer List
	outer.Add(Index("loads", 2), inner.Err())
	if len(outer) != 2 {
		t.Fatalf("len = %d", len(outer))
	}
	if outer[0].Path != "loads[2].arrival.rate" || outer[1].Path != "loads[2].events[0]" {
		t.Errorf("paths = %q, %q", outer[0].Path, outer[1].Path)
	}
	if got := Prefix("x", Errorf("[1].y", "bad")).Error(); got != "x[1].y: bad" {
		t.Errorf("Prefix = %q", got)
	}
	var empty List
	if empty.Err() != nil {
		t.Errorf("empty list must be a nil error")
	}
}
