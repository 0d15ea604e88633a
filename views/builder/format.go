package builder

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"
)

// RateLine renders a match-rate preview's headline: "match rate on 5,000 generated events:
// 9.7 % (485 matched)".
func RateLine(m MatchRate) string {
	if m.Events == 0 {
		return "match rate: no load feeds this rule's bus, so there is nothing to preview"
	}
	return fmt.Sprintf("match rate on %s generated events: %s %% (%s matched)",
		thousands(float64(m.Events)), percent(m.Rate), thousands(float64(m.Matched)))
}

// TargetLines renders what the match rate means per target, then the cost of one percentage
// point of match rate (the seed article's 1 % versus 10 %).
func TargetLines(m MatchRate) string {
	var sb strings.Builder
	perInv := 0.0
	priced := false
	for _, t := range m.Targets {
		unit := "deliveries"
		if t.Type == "function" {
			unit = "invocations"
		}
		fmt.Fprintf(&sb, "→ %s (%s): %s %s/day", t.ID, t.Type, thousands(m.PerDay), unit)
		switch {
		case t.Err != nil:
			fmt.Fprintf(&sb, "  (%v)", t.Err)
		case t.Priced:
			fmt.Fprintf(&sb, ", ≈ %s/day", usd(t.USDPerDay))
			perInv += t.USDPerInvocation
			priced = true
		}
		sb.WriteByte('\n')
	}
	if priced && m.EventsPerDay > 0 {
		fmt.Fprintf(&sb, "function cost at 1 %% match: %s/day; at 10 %%: %s/day (now %s %%: %s/day)",
			usd(m.EventsPerDay*0.01*perInv), usd(m.EventsPerDay*0.10*perInv), percent(m.Rate),
			usd(m.PerDay*perInv))
	}
	return strings.TrimRight(sb.String(), "\n")
}

// thousands formats a count rounded to an integer with thousands separators.
func thousands(v float64) string {
	s := strconv.FormatInt(int64(math.Round(v)), 10)
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	var sb strings.Builder
	for i, r := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			sb.WriteByte(',')
		}
		sb.WriteRune(r)
	}
	if neg {
		return "-" + sb.String()
	}
	return sb.String()
}

// percent formats a fraction as a percentage with one decimal.
func percent(f float64) string { return strconv.FormatFloat(f*100, 'f', 1, 64) }

// usd formats dollars with two significant decimals below a cent.
func usd(v float64) string {
	switch {
	case v == 0:
		return "$0"
	case v >= 1:
		return "$" + strconv.FormatFloat(v, 'f', 2, 64)
	case v >= 0.01:
		return "$" + strconv.FormatFloat(v, 'f', 3, 64)
	}
	digits := 1 - int(math.Floor(math.Log10(v)))
	return "$" + strconv.FormatFloat(v, 'f', digits, 64)
}

// ms formats a duration in milliseconds with a unit.
func ms(d time.Duration) string {
	v := float64(d) / float64(time.Millisecond)
	if v >= 100 {
		return thousands(v) + " ms"
	}
	return strconv.FormatFloat(v, 'f', 1, 64) + " ms"
}

// PredictionText renders a prediction for the function editor.
func PredictionText(p Prediction, priced bool) string {
	var sb strings.Builder
	fmt.Fprintf(&sb, "duration  p50 %s   p99 %s   mean %s\n", ms(p.P50), ms(p.P99), ms(p.Mean))
	if priced {
		fmt.Fprintf(&sb, "cost      %s per invocation   %s per million\n", usd(p.USD), usd(p.USD*1e6))
	}
	fmt.Fprintf(&sb, "vCPU      %.2f\n", p.VCPU)
	fmt.Fprintf(&sb, "cold start ≈ %s (platform + init, once per new instance)\n", ms(p.ColdStart))
	if p.Failed > 0 {
		fmt.Fprintf(&sb, "⚠ %s %% of invocations fail", percent(p.Failed))
		if p.OOM > 0 {
			fmt.Fprintf(&sb, " (%d out of memory)", p.OOM)
		}
		if p.Timeouts > 0 {
			fmt.Fprintf(&sb, " (%d timed out)", p.Timeouts)
		}
		sb.WriteByte('\n')
	}
	fmt.Fprintf(&sb, "from %s simulated warm invocations", thousands(float64(p.Runs)))
	return sb.String()
}
