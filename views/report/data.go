package report

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strconv"
)

// DataFiles lists the files WriteData may write, in the order written. Numbers in the CSV
// files are raw (seconds, USD, counts without separators); every file starts with a header.
var DataFiles = []string{"summary.json", "rules.csv", "targets.csv", "functions.csv", "queues.csv",
	"expect.csv", "cost_rules.csv", "errors.csv", "dead_letters.csv", "series.csv", "sweep.csv"}

// WriteData writes the report's data into dir (created if needed): the run summary JSON as
// stored (indented), per-rule, per-target, per-function and per-queue tables, the expect
// results, the cost per rule, the error groups, the dead letters listed, every chart's series,
// and the sweep table when there is one. It returns the files written, in DataFiles order.
func (r Report) WriteData(dir string) ([]string, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, fmt.Errorf("write report data: %w", err)
	}
	var written []string
	for _, name := range DataFiles {
		b, err := r.dataFile(name)
		if err != nil {
			return written, fmt.Errorf("write report data %s: %w", name, err)
		}
		if b == nil {
			continue
		}
		path := filepath.Join(dir, name)
		if err := os.WriteFile(path, b, 0o644); err != nil {
			return written, fmt.Errorf("write report data: %w", err)
		}
		written = append(written, path)
	}
	return written, nil
}

// dataFile renders one data file; nil means the report has nothing for it.
func (r Report) dataFile(name string) ([]byte, error) {
	s := r.sum
	switch name {
	case "summary.json":
		if len(r.summaryJSON) == 0 {
			return nil, nil
		}
		var b bytes.Buffer
		if err := json.Indent(&b, r.summaryJSON, "", "  "); err != nil {
			return nil, err
		}
		b.WriteByte('\n')
		return b.Bytes(), nil
	case "rules.csv":
		return csvOf([]string{"rule", "bus", "enabled", "evaluated", "matched"}, keyedRows(s.Rules, func(k string, v ruleSummary) []string {
			return []string{k, v.Bus, strconv.FormatBool(v.Enabled), u(v.Evaluated), u(v.Matched)}
		}))
	case "targets.csv":
		return csvOf([]string{"target", "type", "resource", "routed", "delivered", "dead_lettered", "discarded", "expired",
			"in_flight", "attempts", "retried", "throttled", "latency_p50_s", "latency_p90_s", "latency_p99_s", "latency_max_s"},
			keyedRows(s.Targets, func(k string, v targetSummary) []string {
				return []string{k, v.Type, v.Resource, u(v.Routed), u(v.Delivered), u(v.DeadLettered), u(v.Discarded), u(v.Expired),
					u(v.InFlight), u(v.Attempts), u(v.Retried), u(v.Throttled), fnum(v.Latency.P50), fnum(v.Latency.P90),
					fnum(v.Latency.P99), fnum(v.Latency.Max)}
			}))
	case "functions.csv":
		return csvOf([]string{"function", "invocations", "cold_starts", "throttles", "errors", "max_instances", "exec_p50_s",
			"exec_p99_s", "e2e_p50_s", "e2e_p99_s", "billed_gb_seconds", "cu", "cost_usd"},
			keyedRows(s.Functions, func(k string, v functionSummary) []string {
				var errs uint64
				for _, e := range sortedKeys(v.Errors) {
					errs += v.Errors[e]
				}
				return []string{k, i64(v.Invocations), i64(v.ColdStarts), i64(v.Throttles), u(errs), strconv.Itoa(v.MaxInstances),
					fnum(v.LatencyExec.P50), fnum(v.LatencyExec.P99), fnum(v.LatencyE2E.P50), fnum(v.LatencyE2E.P99),
					fnum(v.BilledGBSeconds), fnum(v.CU), fnum(v.CostUSD)}
			}))
	case "queues.csv":
		return csvOf([]string{"queue", "type", "fifo", "enqueued", "consumed", "depth", "max_depth", "wait_p99_s", "dead_letters"},
			keyedRows(s.Queues, func(k string, v queueSummary) []string {
				return []string{k, v.Type, strconv.FormatBool(v.FIFO), u(v.Enqueued), u(v.Consumed), u(v.Depth), u(v.MaxDepth),
					fnum(v.WaitP99), u(s.DeadLetter[k].Messages)}
			}))
	case "expect.csv":
		var rows [][]string
		for _, e := range s.Expect {
			rows = append(rows, []string{e.Name, e.Assert, strconv.FormatBool(e.Passed), e.Error})
		}
		return csvOf([]string{"name", "assert", "passed", "error"}, rows)
	}
	return r.recordFile(name)
}

// recordFile renders the data files computed from the records and the sweep.
func (r Report) recordFile(name string) ([]byte, error) {
	var rows [][]string
	switch name {
	case "cost_rules.csv":
		for _, sh := range r.shares {
			inv := ""
			if sh.invocations >= 0 {
				inv = i64(sh.invocations)
			}
			rows = append(rows, []string{sh.name, inv, strconv.FormatFloat(sh.usd, 'g', 10, 64)})
		}
		return csvOf([]string{"rule", "invocations", "cost_usd"}, rows)
	case "errors.csv":
		for _, e := range r.errs {
			rows = append(rows, []string{e.where, e.kind, e.msg, i64(e.n)})
		}
		return csvOf([]string{"where", "kind", "message", "count"}, rows)
	case "dead_letters.csv":
		for _, d := range r.dead {
			rows = append(rows, []string{strconv.FormatUint(uint64(d.Event), 10), fnum(float64(d.At) / 1e9), d.Rule, d.Target,
				d.Queue, d.Reason, strconv.Itoa(int(d.Attempts)), d.LastError})
		}
		return csvOf([]string{"event", "at_s", "rule", "target", "queue", "reason", "attempts", "last_error"}, rows)
	case "series.csv":
		for _, c := range r.Charts {
			rows = append(rows, c.Data...)
		}
		if r.Sweep != nil {
			rows = append(rows, r.Sweep.Chart.Data...)
		}
		if rows == nil {
			return nil, nil
		}
		return csvOf([]string{"chart", "series", "x", "value"}, rows)
	case "sweep.csv":
		if r.Sweep == nil {
			return nil, nil
		}
		return csvOf(r.Sweep.Table.Header, r.Sweep.Table.Rows)
	}
	return nil, fmt.Errorf("unknown data file %q", name)
}

// keyedRows makes one row per key of m, in key order.
func keyedRows[V any](m map[string]V, row func(string, V) []string) [][]string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	rows := make([][]string, 0, len(keys))
	for _, k := range keys {
		rows = append(rows, row(k, m[k]))
	}
	return rows
}

func csvOf(header []string, rows [][]string) ([]byte, error) {
	var b bytes.Buffer
	w := csv.NewWriter(&b)
	if err := w.Write(header); err != nil {
		return nil, err
	}
	if err := w.WriteAll(rows); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

func u(n uint64) string  { return strconv.FormatUint(n, 10) }
func i64(n int64) string { return strconv.FormatInt(n, 10) }
