package storage

import (
	"bufio"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"strconv"
)

// Table names what Export writes.
type Table string

// Exportable tables.
const (
	TableEvents      Table = "events"
	TableDeliveries  Table = "deliveries"
	TableInvocations Table = "invocations"
)

// Format is a tabular export format.
type Format string

// Tabular formats.
const (
	CSV   Format = "csv"   // RFC 4180, a header line first
	JSONL Format = "jsonl" // one JSON object per line, keys in column order
)

var exportQueries = map[Table]string{
	TableEvents: `SELECT seq AS event, id, at, bus, source, type, subject, size, accepted, reason, time, publish_time,
		specversion, content_type, data FROM events ORDER BY seq`,
	TableDeliveries: `SELECT x.event, t.rule, t.name AS target, x.at AS transformed, x.payload_size,
		d.at AS final, coalesce(d.outcome, 'in_flight') AS outcome, d.attempts, d.reason, d.queue, d.last_error
		FROM transforms x JOIN targets t ON t.id = x.target_id
		LEFT JOIN deliveries d ON d.event = x.event AND d.target_id = x.target_id
		ORDER BY x.event, x.seq`,
	TableInvocations: `SELECT i.event, t.rule, t.name AS target, i.attempt, f.service, f.name AS function, i.instance,
		i.cold, i.provisioned, i.enqueued, i.start, i."end", i.queue_wait, i.cold_start, i.init, i.billed,
		i.memory_mb, i.vcpu, i.cost_usd, i.outcome, i.error_kind, i.stack
		FROM invocations i JOIN targets t ON t.id = i.target_id JOIN functions f ON f.id = i.function_id
		ORDER BY i.event, i.seq`,
}

// Export writes every row of table to w in format. Times are nanoseconds of simulated time,
// as stored; the events' data column is embedded as JSON in JSON lines.
func (s *Store) Export(w io.Writer, table Table, format Format) error {
	q, ok := exportQueries[table]
	if !ok {
		return fmt.Errorf("export: unknown table %q (want events, deliveries or invocations)", table)
	}
	if format != CSV && format != JSONL {
		return fmt.Errorf("export: unknown format %q (want csv or jsonl)", format)
	}
	rows, err := s.db.Query(q)
	if err != nil {
		return fmt.Errorf("export %s: %w", table, err)
	}
	defer rows.Close()
	cols, err := rows.Columns()
	if err != nil {
		return fmt.Errorf("export %s: %w", table, err)
	}
	bw := bufio.NewWriterSize(w, 1<<16)
	out := newRowWriter(bw, format, cols)
	vals := make([]any, len(cols))
	ptrs := make([]any, len(cols))
	for i := range vals {
		ptrs[i] = &vals[i]
	}
	for rows.Next() {
		if err := rows.Scan(ptrs...); err != nil {
			return fmt.Errorf("export %s: %w", table, err)
		}
		if err := out.write(vals); err != nil {
			return fmt.Errorf("export %s: %w", table, err)
		}
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("export %s: %w", table, err)
	}
	if err := out.flush(); err != nil {
		return fmt.Errorf("export %s: %w", table, err)
	}
	return bw.Flush()
}

type rowWriter struct {
	w      *bufio.Writer
	format Format
	cols   []string
	csv    *csv.Writer
	rec    []string
	buf    []byte
}

func newRowWriter(w *bufio.Writer, f Format, cols []string) *rowWriter {
	rw := &rowWriter{w: w, format: f, cols: cols, rec: make([]string, len(cols))}
	if f == CSV {
		rw.csv = csv.NewWriter(w)
		_ = rw.csv.Write(cols)
	}
	return rw
}

func (rw *rowWriter) write(vals []any) error {
	if rw.format == CSV {
		for i, v := range vals {
			rw.rec[i] = text(v)
		}
		return rw.csv.Write(rw.rec)
	}
	b := append(rw.buf[:0], '{')
	for i, v := range vals {
		if i > 0 {
			b = append(b, ',')
		}
		b = strconv.AppendQuote(b, rw.cols[i])
		b = append(b, ':')
		var err error
		if b, err = appendJSON(b, rw.cols[i], v); err != nil {
			return err
		}
	}
	b = append(b, '}', '\n')
	rw.buf = b
	_, err := rw.w.Write(b)
	return err
}

func (rw *rowWriter) flush() error {
	if rw.csv != nil {
		rw.csv.Flush()
		return rw.csv.Error()
	}
	return nil
}

// text renders a column value for CSV: NULL is empty.
func text(v any) string {
	switch v := v.(type) {
	case nil:
		return ""
	case int64:
		return strconv.FormatInt(v, 10)
	case float64:
		return strconv.FormatFloat(v, 'g', -1, 64)
	case string:
		return v
	case []byte:
		return string(v)
	}
	return fmt.Sprint(v)
}

func appendJSON(b []byte, col string, v any) ([]byte, error) {
	switch v := v.(type) {
	case nil:
		return append(b, "null"...), nil
	case int64:
		return strconv.AppendInt(b, v, 10), nil
	case float64:
		return strconv.AppendFloat(b, v, 'g', -1, 64), nil
	case string:
		if col == "data" && json.Valid([]byte(v)) {
			return append(b, v...), nil
		}
		enc, err := json.Marshal(v)
		return append(b, enc...), err
	}
	enc, err := json.Marshal(v)
	return append(b, enc...), err
}
