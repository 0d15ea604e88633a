package report

import (
	"testing"
	"time"
)

func TestFormats(t *testing.T) {
	cases := []struct{ got, want string }{
		{count(0), "0"}, {count(999), "999"}, {count(1000), "1,000"}, {count(-1234567), "-1,234,567"},
		{usd(0), "$0"}, {usd(2.314), "$2.31"}, {usd(0.0004562), "$0.0004562"}, {usd(9e-7), "$0.0000009000"},
		{usd(0.2083), "$0.2083"}, {ms(0.0123), "12.3"}, {ms(0.2501), "250"}, {ms(12.5), "12,500"},
		{pct(0.2), "20.0%"}, {dur(time.Hour), "1h"}, {dur(90 * time.Second), "1m30s"}, {dur(10 * time.Minute), "10m"},
		{firstLine("\n  boom: x \nmore", 80), "boom: x"}, {cut("abcdef", 4), "abc…"}, {lastLine("a\nKeyError: 'rows'\n"), "KeyError: 'rows'"},
	}
	for i, c := range cases {
		if c.got != c.want {
			t.Errorf("case %d: got %q, want %q", i, c.got, c.want)
		}
	}
}

func TestPickWidth(t *testing.T) {
	cases := []struct {
		horizon, want time.Duration
	}{{time.Minute, time.Second}, {10 * time.Minute, 5 * time.Second}, {time.Hour, 30 * time.Second},
		{24 * time.Hour, 30 * time.Minute}, {400 * 24 * time.Hour, 400 * 24 * time.Hour / 120}}
	for _, c := range cases {
		if got := pickWidth(c.horizon); got != c.want {
			t.Errorf("pickWidth(%v) = %v, want %v", c.horizon, got, c.want)
		}
	}
}
