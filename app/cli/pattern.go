package cli

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/fanout/fanout/engine/pattern"
)

func init() { register(newPatternCmd) }

// newPatternCmd builds `fanout pattern` with the subcommands test, count and lint.
func newPatternCmd() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "pattern",
		Short: "Test, count and lint event patterns (see docs/patterns.md)",
	}
	cmd.AddCommand(newPatternTestCmd(), newPatternCountCmd(), newPatternLintCmd())
	return cmd
}

func newPatternTestCmd() *cobra.Command {
	var file, dialect string
	var explain bool
	cmd := &cobra.Command{
		Use:   "test --pattern FILE [--dialect alibaba|aws] [--explain] [EVENT_FILE...]",
		Short: "Print true or false for each event: does the pattern match it?",
		Long: `Test reads events from the files (each holds one JSON event or JSON lines) or, without
files, JSON lines from standard input, and prints one line per event: true or false. With
--explain every field's verdict and the event's value follow, indented. An invalid event prints
an "error: …" line and the others go on; the exit code is then 2. An invalid pattern is reported
on standard error with exit code 2.`,
		RunE: func(cmd *cobra.Command, args []string) error {
			p, d, err := loadPattern(file, dialect)
			if err != nil {
				return err
			}
			m := pattern.NewMatcher(d)
			m.Add(0, p)
			bad := 0
			out := cmd.OutOrStdout()
			err = eachEvent(cmd.InOrStdin(), args, func(where string, ev []byte) error {
				ids, err := m.Match(ev, nil)
				if err != nil {
					bad++
					_, err = fmt.Fprintf(out, "error: %s: %v\n", where, err)
					return err
				}
				fmt.Fprintln(out, len(ids) == 1)
				if explain {
					for _, line := range strings.SplitAfter(pattern.Explain(p, ev).String(), "\n") {
						if line != "" {
							fmt.Fprint(out, "  "+line)
						}
					}
				}
				return nil
			})
			if err == nil && bad > 0 {
				err = exitCode(2, errSilent)
			}
			return err
		},
	}
	patternFlags(cmd, &file, &dialect)
	cmd.Flags().BoolVar(&explain, "explain", false, "explain every verdict field by field")
	return cmd
}

// countReport is the output of `fanout pattern count`; encoding/json sorts per_pattern's keys.
type countReport struct {
	Events          int            `json:"events"`
	MatchedEvents   int            `json:"matched_events"`
	PerPattern      map[string]int `json:"per_pattern"`
	Seconds         float64        `json:"seconds"`
	EventsPerSecond float64        `json:"events_per_second"`
}

func newPatternCountCmd() *cobra.Command {
	var pfile, efile, dialect string
	cmd := &cobra.Command{
		Use:   "count --patterns FILE.jsonl --events FILE.jsonl [--dialect alibaba|aws]",
		Short: "Match every event against every pattern and report counts and speed",
		Long: `Count loads patterns, one per line as {"name": "...", "pattern": {...}}, and events, one
JSON object per line, matches all events against all patterns with one matcher and prints
{"events":N,"matched_events":N,"per_pattern":{"name":count,...},"seconds":S,"events_per_second":R}.
Only matching is timed (parsing each event included); reading the files is not.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			d, err := pattern.ParseDialect(dialect)
			if err != nil {
				return exitCode(2, err)
			}
			m, names, err := loadPatternLines(pfile, d)
			if err != nil {
				return err
			}
			var events [][]byte
			var wheres []string
			if err := eachEvent(nil, []string{efile}, func(where string, ev []byte) error {
				events, wheres = append(events, ev), append(wheres, where)
				return nil
			}); err != nil {
				return err
			}
			rep := countReport{Events: len(events), PerPattern: map[string]int{}}
			for _, n := range names {
				rep.PerPattern[n] = 0
			}
			counts := make([]int, len(names))
			var ids []int
			start := time.Now()
			for i, ev := range events {
				if ids, err = m.Match(ev, ids); err != nil {
					return exitCode(2, fmt.Errorf("%s: %w", wheres[i], err))
				}
				if len(ids) > 0 {
					rep.MatchedEvents++
				}
				for _, id := range ids {
					counts[id]++
				}
			}
			rep.Seconds = time.Since(start).Seconds()
			if rep.Seconds > 0 {
				rep.EventsPerSecond = float64(len(events)) / rep.Seconds
			}
			for i, n := range names {
				rep.PerPattern[n] = counts[i]
			}
			b, _ := json.Marshal(rep)
			_, err = fmt.Fprintf(cmd.OutOrStdout(), "%s\n", b)
			return err
		},
	}
	cmd.Flags().StringVar(&pfile, "patterns", "", "JSON lines file of {\"name\": ..., \"pattern\": {...}} (required)")
	cmd.Flags().StringVar(&efile, "events", "", "JSON lines file of events (required)")
	cmd.Flags().StringVar(&dialect, "dialect", "alibaba", "pattern dialect: alibaba or aws")
	_ = cmd.MarkFlagRequired("patterns")
	_ = cmd.MarkFlagRequired("events")
	return cmd
}

func newPatternLintCmd() *cobra.Command {
	var file, dialect, samples string
	cmd := &cobra.Command{
		Use:   "lint --pattern FILE [--dialect alibaba|aws] [--samples EVENTS.jsonl]",
		Short: "List what is not portable to Alibaba Cloud and what is probably a mistake",
		Long: `Lint prints one "path: severity: message" line per finding, or "no findings". With
--samples, fields that no sample event has are reported too. Findings do not change the exit
code; an invalid pattern exits with 2.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			p, d, err := loadPattern(file, dialect)
			if err != nil {
				return err
			}
			var known pattern.Fields
			if samples != "" {
				var evs [][]byte
				if err := eachEvent(nil, []string{samples}, func(_ string, ev []byte) error {
					evs = append(evs, ev)
					return nil
				}); err != nil {
					return err
				}
				if known, err = pattern.FieldsOf(evs...); err != nil {
					return exitCode(2, fmt.Errorf("%s: %w", samples, err))
				}
			}
			out := cmd.OutOrStdout()
			fs := pattern.Lint(p, d, known)
			if len(fs) == 0 {
				fmt.Fprintln(out, "no findings")
			}
			for _, f := range fs {
				fmt.Fprintln(out, f)
			}
			return nil
		},
	}
	patternFlags(cmd, &file, &dialect)
	cmd.Flags().StringVar(&samples, "samples", "", "JSON lines file of sample events (fields they lack are reported)")
	return cmd
}

func patternFlags(cmd *cobra.Command, file, dialect *string) {
	cmd.Flags().StringVar(file, "pattern", "", "file holding the JSON pattern (required)")
	cmd.Flags().StringVar(dialect, "dialect", "alibaba", "pattern dialect: alibaba or aws")
	_ = cmd.MarkFlagRequired("pattern")
}

// loadPattern reads and compiles a pattern file; every failure is bad input (exit 2).
func loadPattern(file, dialect string) (*pattern.Pattern, pattern.Dialect, error) {
	d, err := pattern.ParseDialect(dialect)
	if err != nil {
		return nil, d, exitCode(2, err)
	}
	src, err := os.ReadFile(file)
	if err != nil {
		return nil, d, exitCode(2, err)
	}
	p, err := pattern.Compile(src, d)
	if err != nil {
		return nil, d, exitCode(2, fmt.Errorf("%s: invalid pattern: %w", file, err))
	}
	return p, d, nil
}

// loadPatternLines reads {"name","pattern"} lines into a matcher; rule i is names[i].
func loadPatternLines(file string, d pattern.Dialect) (*pattern.Matcher, []string, error) {
	m := pattern.NewMatcher(d)
	var names []string
	seen := map[string]bool{}
	err := eachEvent(nil, []string{file}, func(where string, line []byte) error {
		var pl struct {
			Name    string          `json:"name"`
			Pattern json.RawMessage `json:"pattern"`
		}
		if err := json.Unmarshal(line, &pl); err != nil || pl.Name == "" || pl.Pattern == nil {
			return fmt.Errorf("%s: want {\"name\": \"...\", \"pattern\": {...}}", where)
		}
		if seen[pl.Name] {
			return fmt.Errorf("%s: duplicate pattern name %q", where, pl.Name)
		}
		if err := m.AddPattern(len(names), pl.Pattern); err != nil {
			return fmt.Errorf("%s: pattern %q: %w", where, pl.Name, err)
		}
		seen[pl.Name] = true
		names = append(names, pl.Name)
		return nil
	})
	return m, names, err
}

// eachEvent calls fn for every event: from each file (one JSON document, or JSON lines), or from
// in as JSON lines when there are no files. where is "FILE:LINE" or "stdin:LINE". Read errors
// and errors from fn stop it and are bad input (exit 2).
func eachEvent(in io.Reader, files []string, fn func(where string, ev []byte) error) error {
	if len(files) == 0 {
		return exitCode(2, eachLine(in, "stdin", fn))
	}
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			return exitCode(2, err)
		}
		if t := bytes.TrimSpace(b); len(t) > 0 && json.Valid(t) {
			if err := fn(f+":1", t); err != nil {
				return exitCode(2, err)
			}
			continue
		}
		if err := eachLine(bytes.NewReader(b), f, fn); err != nil {
			return exitCode(2, err)
		}
	}
	return nil
}

func eachLine(in io.Reader, name string, fn func(where string, ev []byte) error) error {
	r := bufio.NewReader(in)
	for n := 1; ; n++ {
		line, err := r.ReadBytes('\n')
		if t := bytes.TrimSpace(line); len(t) > 0 {
			if err := fn(fmt.Sprintf("%s:%d", name, n), t); err != nil {
				return err
			}
		}
		if errors.Is(err, io.EOF) {
			return nil
		}
		if err != nil {
			return fmt.Errorf("read %s: %w", name, err)
		}
	}
}
