package report

import (
	"math"
	"strconv"
	"strings"
	"time"
)

// Table is a captioned table of text cells, shared by the HTML, the PDF and the CSV data.
// Numeric columns are right-aligned.
type Table struct {
	ID      string     // the table's id in the HTML (prefixed "t-")
	Caption string     // shown above the table
	Header  []string   // column headers
	Numeric []bool     // per column: right-aligned
	Rows    [][]string // cells as text
	Fail    []bool     // per row: shown in the accent colour (nil: none)
	Empty   string     // shown instead of the table when it has no rows
}

// Figure is one headline number.
type Figure struct {
	Label string
	Value string
	Unit  string
}

// count formats an integer with thousands separators: "12,345".
func count(n int64) string {
	s := strconv.FormatInt(n, 10)
	sign := ""
	if n < 0 {
		sign, s = "-", s[1:]
	}
	var b strings.Builder
	for i, c := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(c)
	}
	return sign + b.String()
}

// ucount is count for unsigned counters.
func ucount(n uint64) string { return count(int64(n)) }

// num formats a float with the given decimals.
func num(v float64, dec int) string {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return "–"
	}
	return strconv.FormatFloat(v, 'f', dec, 64)
}

// usd formats dollars: two decimals from one dollar up, four significant digits below
// ("$0.0004562"), never in exponent notation.
func usd(v float64) string {
	switch {
	case v == 0 || math.IsNaN(v) || math.IsInf(v, 0):
		return "$" + num(v, 0)
	case math.Abs(v) >= 1:
		return "$" + num(v, 2)
	}
	dec := min(3-int(math.Floor(math.Log10(math.Abs(v)))), 15)
	return "$" + num(v, dec)
}

// ms formats seconds as milliseconds: one decimal below 100 ms, whole numbers above.
func ms(sec float64) string {
	v := sec * 1000
	if v < 100 {
		return num(v, 1)
	}
	return count(int64(math.Round(v)))
}

// pct formats a fraction as a percentage with one decimal.
func pct(f float64) string { return num(f*100, 1) + "%" }

// dur formats a duration compactly: "1h0m0s" → "1h", "90s" → "1m30s".
func dur(d time.Duration) string {
	s := d.String()
	if strings.HasSuffix(s, "m0s") {
		s = strings.TrimSuffix(s, "0s")
	}
	if strings.HasSuffix(s, "h0m") {
		s = strings.TrimSuffix(s, "0m")
	}
	return s
}

// firstLine returns the first non-empty line of s, trimmed, cut to max runes.
func firstLine(s string, max int) string {
	for _, l := range strings.Split(s, "\n") {
		if l = strings.TrimSpace(l); l != "" {
			return cut(l, max)
		}
	}
	return ""
}

// cut shortens s to max runes with an ellipsis.
func cut(s string, max int) string {
	r := []rune(s)
	if len(r) <= max {
		return s
	}
	return string(r[:max-1]) + "…"
}

// splitLines splits s at newlines.
func splitLines(s string) []string { return strings.Split(s, "\n") }
