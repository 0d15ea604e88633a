package sim

import (
	"math"
	"testing"
	"time"
)

func TestTimeString(t *testing.T) {
	tests := []struct {
		t    Time
		want string
	}{
		{0, "0.000s"},
		{Time(3250 * time.Millisecond), "3.250s"},
		{Time(2*time.Minute + 3250*time.Millisecond), "2m03.250s"},
		{Time(time.Hour + 2*time.Minute + 3250*time.Millisecond), "1h02m03.250s"},
		{Time(27 * time.Hour), "27h00m00.000s"},
		{Time(time.Hour + 5*time.Second), "1h00m05.000s"},
		{Time(1500 * time.Nanosecond), "0.000001500s"},
		{Time(2500 * time.Microsecond), "0.002500s"},
		{1, "0.000000001s"},
		{Time(-90 * time.Second), "-1m30.000s"},
		{Never, "never"},
		{math.MinInt64, "-2562047h47m16.854775808s"},
	}
	for _, tc := range tests {
		if got := tc.t.String(); got != tc.want {
			t.Errorf("Time(%d).String() = %q, want %q", int64(tc.t), got, tc.want)
		}
	}
}

func TestTimeArithmetic(t *testing.T) {
	tests := []struct {
		name string
		got  Time
		want Time
	}{
		{"add", Time(5).Add(3), 8},
		{"add negative", Time(5).Add(-7), -2},
		{"add saturates at Never", (Never - 10).Add(11), Never},
		{"add saturates low", Time(math.MinInt64 + 1).Add(-2), math.MinInt64},
		{"from seconds", FromSeconds(1.5), Time(1500 * time.Millisecond)},
		{"from seconds rounds", FromSeconds(1e-10), 0},
		{"from seconds huge", FromSeconds(1e300), Never},
		{"from seconds -huge", FromSeconds(-1e300), math.MinInt64},
		{"from seconds NaN", FromSeconds(math.NaN()), 0},
	}
	for _, tc := range tests {
		if tc.got != tc.want {
			t.Errorf("%s = %d, want %d", tc.name, tc.got, tc.want)
		}
	}
	subs := []struct {
		t, u Time
		want time.Duration
	}{
		{10, 4, 6},
		{4, 10, -6},
		{Never, -10, math.MaxInt64},
		{-10, Never, math.MinInt64},
	}
	for _, tc := range subs {
		if got := tc.t.Sub(tc.u); got != tc.want {
			t.Errorf("%d.Sub(%d) = %d, want %d", tc.t, tc.u, got, tc.want)
		}
	}
	if got := Time(2500 * time.Millisecond).Seconds(); got != 2.5 {
		t.Errorf("Seconds() = %v, want 2.5", got)
	}
}
