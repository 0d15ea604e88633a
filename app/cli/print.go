package cli

import (
	"fmt"
	"io"
	"sort"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/fanout/fanout/engine/world"
)

// printSummary writes the human form of a run summary; the wall-clock time only when the
// summary carries it (not with --no-wall, so the output is reproducible).
func printSummary(out io.Writer, name string, s world.Summary) {
	sim := time.Duration(s.SimSeconds * float64(time.Second)).Round(time.Millisecond)
	fmt.Fprintf(out, "%s  seed %d  simulated %v", name, s.Seed, sim)
	if s.WallSeconds != nil {
		fmt.Fprintf(out, " in %.2fs wall", *s.WallSeconds)
	}
	fmt.Fprint(out, "\n\n")
	tw := tabwriter.NewWriter(out, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintf(tw, "events\tgenerated\taccepted\trejected\t\n")
	fmt.Fprintf(tw, "all\t%s\t%s\t%s\t\n", num(s.Events.Generated), num(s.Events.Accepted), num(s.Events.Rejected))
	for _, n := range sortedKeys(s.Buses) {
		b := s.Buses[n]
		fmt.Fprintf(tw, "bus %s\t\t%s\t%s\t\n", n, num(b.Accepted), num(b.Rejected))
	}
	for _, n := range sortedKeys(s.Loads) {
		l := s.Loads[n]
		fmt.Fprintf(tw, "load %s\t%s\t\t\t\n", n, num(l.Generated))
	}
	tw.Flush()
	if len(s.Events.RejectedBy) > 0 {
		fmt.Fprintln(out, "\nrejected by reason:")
		for _, r := range sortedKeys(s.Events.RejectedBy) {
			fmt.Fprintf(out, "  %-24s %s\n", r, num(s.Events.RejectedBy[r]))
		}
	}
	for _, n := range sortedKeys(s.Loads) {
		if l := s.Loads[n]; l.Errors > 0 {
			fmt.Fprintf(out, "\nload %s: %s events could not be generated; last error: %s\n", n, num(l.Errors), l.LastError)
		}
	}
	printRouting(out, s)
	printExpect(out, s.Expect)
}

// printRouting writes the rules, targets, functions, queues, dead letters, fan-out and
// conservation sections.
func printRouting(out io.Writer, s world.Summary) {
	if len(s.Rules) > 0 {
		tw := table(out, "rule	bus	evaluated	matched	")
		for _, n := range sortedKeys(s.Rules) {
			r := s.Rules[n]
			name := n
			if !r.Enabled {
				name += " (disabled)"
			}
			fmt.Fprintf(tw, "%s	%s	%s	%s	\n", name, r.Bus, num(r.Evaluated), num(r.Matched))
		}
		tw.Flush()
	}
	if len(s.Targets) > 0 {
		tw := table(out, "target	routed	delivered	dead-lettered	discarded	expired	in flight	attempts	retried	dup	p50	p99	")
		for _, n := range sortedKeys(s.Targets) {
			t := s.Targets[n]
			fmt.Fprintf(tw, "%s	%s	%s	%s	%s	%s	%s	%s	%s	%s	%s	%s	\n", n, num(t.Routed), num(t.Delivered),
				num(t.DeadLettered), num(t.Discarded), num(t.Expired), num(t.InFlight), num(t.Attempts),
				num(t.Retried), num(t.Duplicates), secs(t.Latency.P50), secs(t.Latency.P99))
		}
		tw.Flush()
	}
	printFunctions(out, s.Functions)
	printQueues(out, s)
	f := s.Fanout
	if f.Events > 0 {
		fmt.Fprintf(out, "\nfan-out: %s events, %s complete (%s all delivered), %s in flight; completion p50 %s p99 %s\n",
			num(f.Events), num(f.Complete), num(f.AllSucceeded), num(f.InFlight), secs(f.Completion.P50), secs(f.Completion.P99))
	}
	c := s.Conservation
	if c.OK {
		fmt.Fprintf(out, "conservation: ok (%s pairs: %s delivered, %s dead-lettered, %s discarded, %s expired, %s in flight)\n",
			num(c.Routed), num(c.Delivered), num(c.DeadLettered), num(c.Discarded), num(c.Expired), num(c.InFlight))
	} else {
		fmt.Fprintf(out, "conservation: VIOLATED\n  %s\n", strings.Join(c.Violations, "\n  "))
	}
}

func printFunctions(out io.Writer, fns map[string]world.FunctionSummary) {
	if len(fns) == 0 {
		return
	}
	tw := table(out, "function	invocations	cold	throttles	errors	e2e p50	e2e p99	exec p50	mean inst	GB-s	cost USD	")
	for _, n := range sortedKeys(fns) {
		f := fns[n]
		var errs uint64
		for _, v := range f.Errors {
			errs += v
		}
		fmt.Fprintf(tw, "%s	%s	%s	%s	%s	%s	%s	%s	%.2f	%.1f	%.4f	\n", n, num(uint64(f.Invocations)),
			num(uint64(f.ColdStarts)), num(uint64(f.Throttles)), num(errs), secs(f.LatencyE2E.P50),
			secs(f.LatencyE2E.P99), secs(f.LatencyExec.P50), f.MeanInstances, f.BilledGBSeconds, f.CostUSD)
	}
	tw.Flush()
}

func printQueues(out io.Writer, s world.Summary) {
	if len(s.Queues) == 0 {
		return
	}
	tw := table(out, "queue	enqueued	consumed	replayed	depth	max depth	wait p50	wait p99	dead letters	")
	for _, n := range sortedKeys(s.Queues) {
		q := s.Queues[n]
		name := n
		if q.FIFO {
			name += " (fifo)"
		}
		dl := ""
		if d, ok := s.DeadLetter[n]; ok {
			var parts []string
			for _, r := range sortedKeys(d.ByReason) {
				if d.ByReason[r] > 0 {
					parts = append(parts, fmt.Sprintf("%s %s", r, num(d.ByReason[r])))
				}
			}
			dl = num(d.Messages)
			if len(parts) > 0 {
				dl += " (" + strings.Join(parts, ", ") + ")"
			}
		}
		fmt.Fprintf(tw, "%s	%s	%s	%s	%s	%s	%s	%s	%s	\n", name, num(q.Enqueued), num(q.Consumed), num(q.Replayed),
			num(q.Depth), num(q.MaxDepth), secs(q.WaitP50), secs(q.WaitP99), dl)
	}
	tw.Flush()
}

// table starts a right-aligned table after a blank line.
func table(out io.Writer, header string) *tabwriter.Writer {
	fmt.Fprintln(out)
	tw := tabwriter.NewWriter(out, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, header)
	return tw
}

// secs formats seconds with a unit: 0.0123 → "12.3ms", 4.5 → "4.50s".
func secs(v float64) string {
	d := time.Duration(v * float64(time.Second))
	switch {
	case d == 0:
		return "0"
	case d < time.Millisecond:
		return fmt.Sprintf("%.0fµs", v*1e6)
	case d < time.Second:
		return fmt.Sprintf("%.1fms", v*1e3)
	case d < time.Minute:
		return fmt.Sprintf("%.2fs", v)
	}
	return d.Round(time.Second).String()
}

func printExpect(out io.Writer, results []world.ExpectResult) {
	if len(results) == 0 {
		return
	}
	fmt.Fprintln(out, "\nexpect:")
	for _, e := range results {
		mark := "ok  "
		if !e.Passed {
			mark = "FAIL"
		}
		line := fmt.Sprintf("  %s %s: %s", mark, e.Name, e.Assert)
		if e.Error != "" {
			line += "  (" + e.Error + ")"
		}
		fmt.Fprintln(out, line)
	}
}

// num formats n with thousands separators: 1234567 → "1,234,567".
func num(n uint64) string {
	s := fmt.Sprint(n)
	var b strings.Builder
	for i, c := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(c)
	}
	return b.String()
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
