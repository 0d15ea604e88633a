package cli

import (
	"errors"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/spf13/cobra"

	"github.com/fanout/fanout/engine/obs"
	"github.com/fanout/fanout/storage"
)

func init() { register(newTraceCmd) }

func newTraceCmd() *cobra.Command {
	var width int
	cmd := &cobra.Command{
		Use:   "trace RUN.db EVENT",
		Short: "Print one event's trace as a waterfall",
		Long: `Print the trace of one event of a stored run as an indented waterfall: each span's name,
start offset from the event's receipt, duration and outcome, with a bar scaled to the width,
then the errors met on the way. EVENT is the CloudEvents id, or #N for the N-th event received.`,
		Args: cobra.ExactArgs(2),
		RunE: func(cmd *cobra.Command, args []string) error {
			if width == 0 {
				width = termWidth()
			}
			if width < 60 {
				return exitCode(2, fmt.Errorf("--width %d: must be at least 60", width))
			}
			st, ref, err := openEvent(args[0], args[1])
			if err != nil {
				return err
			}
			defer st.Close()
			tr, err := st.Trace(ref)
			if err != nil {
				return exitCode(1, err)
			}
			printWaterfall(cmd.OutOrStdout(), tr, width)
			return nil
		},
	}
	cmd.Flags().IntVar(&width, "width", 0, "output width in columns (default: $COLUMNS, else 100)")
	return cmd
}

func termWidth() int {
	if n, err := strconv.Atoi(os.Getenv("COLUMNS")); err == nil && n >= 60 {
		return n
	}
	return 100
}

// openEvent opens a run database and finds EVENT in it; both failures are bad input (exit 2).
func openEvent(path, event string) (*storage.Store, obs.EventRef, error) {
	st, err := storage.OpenRun(path)
	if err != nil {
		return nil, 0, exitCode(2, err)
	}
	if n, ok := strings.CutPrefix(event, "#"); ok {
		ref, err := strconv.ParseUint(n, 10, 64)
		if err != nil || ref == 0 {
			st.Close()
			return nil, 0, exitCode(2, fmt.Errorf("event %q: want a CloudEvents id or #N with N ≥ 1", event))
		}
		if _, err := st.Trace(obs.EventRef(ref)); errors.Is(err, obs.ErrNotFound) {
			st.Close()
			return nil, 0, exitCode(2, fmt.Errorf("%s: no event %s", path, event))
		}
		return st, obs.EventRef(ref), nil
	}
	ref, err := st.Lookup(event)
	if err != nil {
		st.Close()
		if errors.Is(err, obs.ErrNotFound) {
			return nil, 0, exitCode(2, fmt.Errorf("%s: no event with id %q", path, event))
		}
		return nil, 0, exitCode(1, err)
	}
	return st, ref, nil
}

// printWaterfall writes the header, one line per span in depth-first order, then the errors.
func printWaterfall(out io.Writer, tr obs.Trace, width int) {
	root := tr.Spans[0]
	e := tr.Event
	fmt.Fprintf(out, "event %s (#%d) bus %s, source %s, type %s\n", e.ID, e.Event, e.Bus, e.Source, e.Type)
	fmt.Fprintf(out, "received at %s, outcome: %s, total %s\n\n", e.At, root.Outcome, shortDur(root.Duration()))
	order, depth := depthFirst(tr.Spans)
	nameW := 4
	for _, i := range order {
		nameW = max(nameW, 2*depth[i]+utf8.RuneCountInString(tr.Spans[i].Name))
	}
	nameW = min(nameW, width/3)
	const startW, durW, outW = 10, 9, 14
	barW := max(10, width-nameW-startW-durW-outW-5)
	fmt.Fprintf(out, "%s %*s %*s %-*s %s\n", pad("SPAN", nameW), startW, "START", durW, "DURATION", outW, "OUTCOME", "TIMELINE")
	total := root.Duration()
	for _, i := range order {
		sp := tr.Spans[i]
		name := strings.Repeat("  ", depth[i]) + sp.Name
		fmt.Fprintf(out, "%s %*s %*s %-*s %s\n", pad(name, nameW), startW, "+"+shortDur(sp.Start.Sub(root.Start)),
			durW, shortDur(sp.Duration()), outW, clip(sp.Outcome, outW), bar(sp, root, total, barW))
	}
	printSpanErrors(out, tr, order)
}

// depthFirst orders spans parents first, children in ID order under their parent.
func depthFirst(spans []obs.Span) (order []int, depth []int) {
	children := make([][]int, len(spans)+1)
	for i, sp := range spans {
		children[sp.Parent] = append(children[sp.Parent], i)
	}
	depth = make([]int, len(spans))
	var walk func(parent int32, d int)
	walk = func(parent int32, d int) {
		for _, i := range children[parent] {
			depth[i] = d
			order = append(order, i)
			walk(spans[i].ID, d+1)
		}
	}
	walk(0, 0)
	return order, depth
}

func bar(sp, root obs.Span, total time.Duration, w int) string {
	t := total.Nanoseconds()
	from, length := 0, 1
	if t > 0 {
		from = int(int64(sp.Start.Sub(root.Start)) * int64(w) / t)
		length = max(1, int((int64(sp.Duration())*int64(w)+t/2)/t))
	}
	from = min(max(from, 0), w-1)
	length = min(length, w-from)
	return strings.Repeat(" ", from) + strings.Repeat("█", length)
}

func pad(s string, w int) string {
	s = clip(s, w)
	return s + strings.Repeat(" ", w-utf8.RuneCountInString(s))
}

func clip(s string, w int) string {
	if utf8.RuneCountInString(s) <= w {
		return s
	}
	r := []rune(s)
	return string(r[:w-1]) + "…"
}

// printSpanErrors lists the errors, reasons and stack traces the spans carry.
func printSpanErrors(out io.Writer, tr obs.Trace, order []int) {
	header := false
	for _, i := range order {
		sp := tr.Spans[i]
		for _, a := range sp.Attrs {
			if a.Key != "error" && a.Key != "last_error" && a.Key != "stack" && a.Key != "reason" {
				continue
			}
			if !header {
				fmt.Fprintln(out, "\nerrors:")
				header = true
			}
			fmt.Fprintf(out, "  %s: %s:\n", sp.Name, a.Key)
			for _, line := range strings.Split(a.Value, "\n") {
				fmt.Fprintf(out, "    %s\n", line)
			}
		}
	}
}
