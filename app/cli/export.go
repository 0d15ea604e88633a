package cli

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"

	"github.com/spf13/cobra"

	"github.com/fanout/fanout/storage"
)

func init() { register(newExportCmd) }

type exportFlags struct {
	what, format, event, out string
}

// exportFormats lists the formats of each --what; the first is the default.
var exportFormats = map[string][]string{
	"events":      {"csv", "jsonl"},
	"deliveries":  {"csv", "jsonl"},
	"invocations": {"csv", "jsonl"},
	"trace":       {"otlp"},
	"summary":     {"json"},
}

func newExportCmd() *cobra.Command {
	var f exportFlags
	cmd := &cobra.Command{
		Use:   "export RUN.db --what events|deliveries|invocations|trace|summary [--format F] [--event ID] [--out FILE]",
		Short: "Export a stored run's records",
		Long: `Export the records of a stored run (docs/storage.md):
  --what events|deliveries|invocations  one row per record, --format csv (default) or jsonl
  --what trace --event ID               one event's trace as OpenTelemetry OTLP JSON (--format otlp)
  --what summary                        the run summary JSON (--format json)
ID is the CloudEvents id or #N. --out FILE writes to a file (default: standard output).`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if err := f.check(); err != nil {
				return exitCode(2, err)
			}
			return runExport(cmd.OutOrStdout(), args[0], f)
		},
	}
	cmd.Flags().StringVar(&f.what, "what", "", "events, deliveries, invocations, trace or summary")
	cmd.Flags().StringVar(&f.format, "format", "", "csv, jsonl, otlp or json (default: the first one --what allows)")
	cmd.Flags().StringVar(&f.event, "event", "", "the event of --what trace: its CloudEvents id or #N")
	cmd.Flags().StringVar(&f.out, "out", "", "output file (default: standard output)")
	return cmd
}

// check validates the flag combination and fills in the default format.
func (f *exportFlags) check() error {
	formats, ok := exportFormats[f.what]
	if !ok {
		return fmt.Errorf("--what %q: want events, deliveries, invocations, trace or summary", f.what)
	}
	if f.format == "" {
		f.format = formats[0]
	}
	okFormat := false
	for _, x := range formats {
		okFormat = okFormat || x == f.format
	}
	if !okFormat {
		return fmt.Errorf("--format %q does not go with --what %s (want %v)", f.format, f.what, formats)
	}
	if (f.what == "trace") != (f.event != "") {
		if f.event == "" {
			return errors.New("--what trace needs --event ID")
		}
		return fmt.Errorf("--event goes only with --what trace, not %s", f.what)
	}
	return nil
}

func runExport(stdout io.Writer, path string, f exportFlags) (err error) {
	var w io.Writer = stdout
	if f.out != "" && f.out != "-" {
		file, cerr := os.Create(f.out)
		if cerr != nil {
			return exitCode(2, cerr)
		}
		defer func() {
			if cerr := file.Close(); err == nil && cerr != nil {
				err = exitCode(1, cerr)
			}
			if err != nil {
				os.Remove(f.out)
			}
		}()
		w = file
	}
	if f.what == "trace" {
		st, ref, oerr := openEvent(path, f.event)
		if oerr != nil {
			return oerr
		}
		defer st.Close()
		return exitCode(1, st.ExportTrace(w, ref))
	}
	st, oerr := storage.OpenRun(path)
	if oerr != nil {
		return exitCode(2, oerr)
	}
	defer st.Close()
	if f.what == "summary" {
		return exitCode(1, writeRunSummary(w, st))
	}
	return exitCode(1, st.Export(w, storage.Table(f.what), storage.Format(f.format)))
}

// writeRunSummary writes the stored summary, indented; an unfinished run has none.
func writeRunSummary(w io.Writer, st *storage.Store) error {
	ri, err := st.Info()
	if err != nil {
		return err
	}
	if len(ri.Summary) == 0 {
		return fmt.Errorf("%s: the run did not finish: it has no summary", st.Path())
	}
	var out bytes.Buffer
	if err := json.Indent(&out, ri.Summary, "", "  "); err != nil {
		return fmt.Errorf("%s: summary: %w", st.Path(), err)
	}
	out.WriteByte('\n')
	_, err = w.Write(out.Bytes())
	return err
}
