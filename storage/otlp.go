package storage

import (
	"encoding/binary"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"hash/fnv"
	"io"
	"strconv"
	"time"

	"github.com/fanout/fanout/engine/obs"
)

// The OTLP JSON encoding (opentelemetry-proto, ExportTraceServiceRequest with the protobuf
// JSON mapping): ids are hex, 64-bit times are decimal strings, enums are integers.
type otlpTraces struct {
	ResourceSpans []otlpResourceSpans `json:"resourceSpans"`
}

type otlpResourceSpans struct {
	Resource   otlpResource     `json:"resource"`
	ScopeSpans []otlpScopeSpans `json:"scopeSpans"`
}

type otlpResource struct {
	Attributes []otlpKeyValue `json:"attributes"`
}

type otlpScopeSpans struct {
	Scope otlpScope  `json:"scope"`
	Spans []otlpSpan `json:"spans"`
}

type otlpScope struct {
	Name    string `json:"name"`
	Version string `json:"version"`
}

type otlpSpan struct {
	TraceID           string         `json:"traceId"`
	SpanID            string         `json:"spanId"`
	ParentSpanID      string         `json:"parentSpanId,omitempty"`
	Name              string         `json:"name"`
	Kind              int            `json:"kind"`
	StartTimeUnixNano string         `json:"startTimeUnixNano"`
	EndTimeUnixNano   string         `json:"endTimeUnixNano"`
	Attributes        []otlpKeyValue `json:"attributes,omitempty"`
	Status            otlpStatus     `json:"status"`
}

type otlpKeyValue struct {
	Key   string    `json:"key"`
	Value otlpValue `json:"value"`
}

type otlpValue struct {
	StringValue string `json:"stringValue"`
}

type otlpStatus struct {
	Message string `json:"message,omitempty"`
	Code    int    `json:"code"`
}

// OTLP span kinds and status codes used.
const (
	otlpKindInternal = 1
	otlpStatusOK     = 1
	otlpStatusError  = 2
)

// ExportTrace writes the trace of event ref as OTLP JSON, one resource ("fanout", with the
// run's scenario and seed) and one scope. Simulated times become wall-clock times from the
// run's recorded start, so the same database always gives the same bytes.
func (s *Store) ExportTrace(w io.Writer, ref obs.EventRef) error {
	tr, err := s.Trace(ref)
	if err != nil {
		return err
	}
	ri, err := s.Info()
	if err != nil {
		return err
	}
	b, err := json.MarshalIndent(OTLP(tr, ri), "", "  ")
	if err != nil {
		return fmt.Errorf("export trace: %w", err)
	}
	_, err = w.Write(append(b, '\n'))
	return err
}

// OTLP converts a trace into the OTLP JSON document (exported for the GUI's own export).
func OTLP(tr obs.Trace, ri RunInfo) any {
	traceID := traceIDOf(ri, tr.Event.Event)
	base := ri.Started.UnixNano()
	spans := make([]otlpSpan, len(tr.Spans))
	for i, sp := range tr.Spans {
		o := otlpSpan{TraceID: traceID, SpanID: spanIDOf(tr.Event.Event, sp.ID), Name: sp.Name, Kind: otlpKindInternal,
			StartTimeUnixNano: strconv.FormatInt(base+int64(sp.Start), 10),
			EndTimeUnixNano:   strconv.FormatInt(base+int64(sp.End), 10),
			Status:            statusOf(sp.Outcome)}
		if sp.Parent != 0 {
			o.ParentSpanID = spanIDOf(tr.Event.Event, sp.Parent)
		}
		o.Attributes = append(o.Attributes, otlpKeyValue{"fanout.kind", otlpValue{sp.Kind}},
			otlpKeyValue{"fanout.outcome", otlpValue{sp.Outcome}})
		for _, a := range sp.Attrs {
			o.Attributes = append(o.Attributes, otlpKeyValue{"fanout." + a.Key, otlpValue{a.Value}})
		}
		spans[i] = o
	}
	res := otlpResource{Attributes: []otlpKeyValue{{"service.name", otlpValue{"fanout"}},
		{"fanout.scenario", otlpValue{ri.Scenario}}, {"fanout.seed", otlpValue{strconv.FormatUint(ri.Seed, 10)}},
		{"fanout.started", otlpValue{ri.Started.UTC().Format(time.RFC3339Nano)}}}}
	return otlpTraces{ResourceSpans: []otlpResourceSpans{{Resource: res,
		ScopeSpans: []otlpScopeSpans{{Scope: otlpScope{Name: "github.com/fanout/fanout", Version: "1"}, Spans: spans}}}}}
}

func statusOf(outcome string) otlpStatus {
	switch outcome {
	case "ok", "matched", "no match", "delivered", "all delivered", "no target", "in flight", "in_flight":
		return otlpStatus{Code: otlpStatusOK}
	}
	return otlpStatus{Code: otlpStatusError, Message: outcome}
}

// traceIDOf: 8 bytes of FNV-64a over the run's identity, then the event number.
func traceIDOf(ri RunInfo, ref obs.EventRef) string {
	h := fnv.New64a()
	fmt.Fprintf(h, "%s\x00%d\x00%s", ri.Scenario, ri.Seed, ri.Started.UTC().Format(time.RFC3339Nano))
	var b [16]byte
	binary.BigEndian.PutUint64(b[:8], h.Sum64()|1)
	binary.BigEndian.PutUint64(b[8:], uint64(ref))
	return hex.EncodeToString(b[:])
}

// spanIDOf: the event number in the first six bytes, the span's position in the last two.
func spanIDOf(ref obs.EventRef, id int32) string {
	var b [8]byte
	binary.BigEndian.PutUint64(b[:], uint64(ref)<<16|uint64(uint16(id)))
	return hex.EncodeToString(b[:])
}
