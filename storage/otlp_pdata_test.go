// This test parses the OTLP export with the OpenTelemetry Go data model
// (go.opentelemetry.io/collector/pdata), as the tools people already use read it.
package storage

import (
	"bytes"
	"testing"

	"go.opentelemetry.io/collector/pdata/ptrace"

	"github.com/fanout/fanout/engine/obs"
)

func TestExportOTLPWithPdata(t *testing.T) {
	mem, st := filled(t, 100)
	for _, ref := range []obs.EventRef{1, 13, 57} {
		want, _ := mem.Trace(ref)
		var buf bytes.Buffer
		if err := st.ExportTrace(&buf, ref); err != nil {
			t.Fatal(err)
		}
		td, err := (&ptrace.JSONUnmarshaler{}).UnmarshalTraces(buf.Bytes())
		if err != nil {
			t.Fatal(err)
		}
		if td.SpanCount() != len(want.Spans) {
			t.Fatalf("event %d: %d spans, want %d", ref, td.SpanCount(), len(want.Spans))
		}
		spans := td.ResourceSpans().At(0).ScopeSpans().At(0).Spans()
		for i := 0; i < spans.Len(); i++ {
			sp := spans.At(i)
			w := want.Spans[i]
			if sp.Name() != w.Name || sp.TraceID().IsEmpty() || sp.SpanID().IsEmpty() ||
				(i > 0) == sp.ParentSpanID().IsEmpty() || sp.EndTimestamp() < sp.StartTimestamp() ||
				uint64(sp.EndTimestamp()-sp.StartTimestamp()) != uint64(w.Duration()) {
				t.Errorf("event %d span %d: %s %v..%v, want %+v", ref, i, sp.Name(), sp.StartTimestamp(), sp.EndTimestamp(), w)
			}
		}
	}
}
