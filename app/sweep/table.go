package sweep

import (
	"encoding/json"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"
)

// Header is the table's column header, in the order of Row's cells.
var Header = []string{"", "memory", "vCPU", "invocations", "cold starts", "cold start ms",
	"p50 ms", "p90 ms", "p99 ms", "OOM", "timeouts", "$/1M", "vs baseline"}

// Rows returns the table as text cells, one row per size: the marker ("◆" optimum, "=" the
// baseline), then the figures. A size that did not run shows its error in the last cell.
func Rows(rep Report) [][]string {
	out := make([][]string, 0, len(rep.Sizes))
	for i, s := range rep.Sizes {
		mark := ""
		switch {
		case s.MemoryMB == rep.OptimumMB:
			mark = "◆"
		case s.MemoryMB == rep.BaselineMB:
			mark = "="
		}
		if s.Error != "" {
			out = append(out, []string{mark, MB(s.MemoryMB), "", "", "", "", "", "", "", "", "", "", "error: " + s.Error})
			continue
		}
		vs := rep.VsBaseline[i].Phrase()
		if s.MemoryMB == rep.BaselineMB {
			vs = "baseline"
		}
		out = append(out, []string{mark, MB(s.MemoryMB), strconv.FormatFloat(s.VCPU, 'f', 2, 64),
			Count(s.Invocations), Count(s.ColdStarts), Millis(s.ColdStartMs), Millis(s.P50Ms), Millis(s.P90Ms),
			Millis(s.P99Ms), Count(int64(s.Errors.OOM)), Count(int64(s.Errors.Timeout)), Money(s.CostPer1M), vs})
	}
	return out
}

// WriteTable prints the report: a title line, the table with numbers right-aligned, and the
// verdict.
func WriteTable(w io.Writer, rep Report) error {
	stop := "to the horizon"
	if rep.InvocationLimit > 0 {
		stop = "stopped at " + Count(rep.InvocationLimit) + " invocations"
	}
	fmt.Fprintf(w, "memory sweep of %s in %q, seed %d, %d sizes, %s\n\n", rep.Function, rep.Scenario, rep.Seed,
		len(rep.Sizes), stop)
	rows := append([][]string{Header}, Rows(rep)...)
	widths := make([]int, len(Header))
	for _, r := range rows {
		for j, c := range r {
			widths[j] = max(widths[j], len([]rune(c)))
		}
	}
	for _, r := range rows {
		var b strings.Builder
		for j, c := range r {
			pad := strings.Repeat(" ", widths[j]-len([]rune(c)))
			switch {
			case j == len(r)-1:
				b.WriteString(c)
			case j <= 1:
				b.WriteString(c + pad + "  ")
			default:
				b.WriteString(pad + c + "  ")
			}
		}
		fmt.Fprintln(w, strings.TrimRight(b.String(), " "))
	}
	_, err := fmt.Fprintf(w, "\n%s\n", rep.Verdict)
	return err
}

// WriteJSON writes the report as indented JSON. The same inputs give the same bytes: the
// report holds no wall-clock time and no maps.
func WriteJSON(w io.Writer, rep Report) error {
	b, err := json.MarshalIndent(rep, "", "  ")
	if err != nil {
		return fmt.Errorf("encode sweep report: %w", err)
	}
	_, err = w.Write(append(b, '\n'))
	return err
}

// MB formats a memory size: "512 MB", "2 GB", "1.5 GB".
func MB(mb int) string {
	if mb >= 1024 && mb%512 == 0 {
		return strconv.FormatFloat(float64(mb)/1024, 'f', -1, 64) + " GB"
	}
	return strconv.Itoa(mb) + " MB"
}

// Count formats an integer with thousands separators: "100,000".
func Count(n int64) string {
	s := strconv.FormatInt(n, 10)
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	var b strings.Builder
	for i, r := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(r)
	}
	if neg {
		return "-" + b.String()
	}
	return b.String()
}

// Millis formats milliseconds: one decimal below 100 ms, whole numbers with separators above.
func Millis(ms float64) string {
	if ms < 100 {
		return strconv.FormatFloat(ms, 'f', 1, 64)
	}
	return Count(int64(math.Round(ms)))
}

// Money formats USD: "$2.31", and four significant digits below one dollar ("$0.2083", "$0.0001234").
func Money(usd float64) string {
	if usd >= 1 || usd == 0 {
		return "$" + strconv.FormatFloat(usd, 'f', 2, 64)
	}
	return "$" + strconv.FormatFloat(usd, 'f', 3-int(math.Floor(math.Log10(usd))), 64)
}
