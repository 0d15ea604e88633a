package cli

import (
	"fmt"
	"io"
	"path/filepath"
	"text/tabwriter"
	"time"

	"github.com/spf13/cobra"

	"github.com/fanout/fanout/storage"
)

func init() { register(newRunsCmd) }

func newRunsCmd() *cobra.Command {
	var dir string
	cmd := &cobra.Command{
		Use:   "runs",
		Short: "List the stored runs",
		Long: `List the runs recorded in the catalog of the runs folder, newest first: the database file,
scenario, seed, wall-clock start, simulated duration, events received and whether the run
finished. A run killed half-way shows complete "no" and the events its database holds.
The runs folder is --dir, else $FANOUT_RUNS_DIR, else $XDG_DATA_HOME/fanout/runs, else
~/.local/share/fanout/runs.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if dir == "" {
				d, err := storage.DefaultRunsDir()
				if err != nil {
					return exitCode(2, err)
				}
				dir = d
			}
			runs, err := storage.ListRuns(dir)
			if err != nil {
				return exitCode(1, err)
			}
			printRuns(cmd.OutOrStdout(), dir, runs)
			return nil
		},
	}
	cmd.Flags().StringVar(&dir, "dir", "", "the runs folder")
	return cmd
}

func printRuns(out io.Writer, dir string, runs []storage.CatalogEntry) {
	if len(runs) == 0 {
		fmt.Fprintf(out, "no runs in %s\n", dir)
		return
	}
	tw := tabwriter.NewWriter(out, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "FILE\tSCENARIO\tSEED\tSTARTED (UTC)\tSIM\tEVENTS\tCOMPLETE")
	for _, r := range runs {
		file := r.File
		if abs, err := filepath.Abs(dir); err == nil {
			if rel, err := filepath.Rel(abs, r.File); err == nil && filepath.Dir(rel) == "." {
				file = rel
			}
		}
		complete := "no"
		switch {
		case r.Missing:
			complete = "missing"
		case r.Complete:
			complete = "yes"
		}
		fmt.Fprintf(tw, "%s\t%s\t%d\t%s\t%s\t%d\t%s\n", file, r.Scenario, r.Seed,
			r.Started.UTC().Format("2006-01-02 15:04:05"), shortDur(r.SimDuration), r.Events, complete)
	}
	tw.Flush()
}

// shortDur prints a duration with about four significant digits: 0, 850µs, 12.35ms, 1.5s, 10m0s.
func shortDur(d time.Duration) string {
	a := d
	if a < 0 {
		a = -a
	}
	switch {
	case a == 0:
		return "0"
	case a < time.Microsecond:
		return d.String()
	case a < time.Millisecond:
		return d.Round(time.Microsecond).String()
	case a < time.Second:
		return d.Round(10 * time.Microsecond).String()
	case a < time.Minute:
		return d.Round(time.Millisecond).String()
	}
	return d.Round(time.Second).String()
}
