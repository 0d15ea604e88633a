package storage

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"encoding/hex"
	"encoding/json"
	"strconv"
	"testing"

	"github.com/fanout/fanout/engine/obs"
)

func TestExportTablesParseBack(t *testing.T) {
	mem, st := filled(t, 300)
	var events, deliveries, invocations int
	for _, ref := range refsOf(t, mem) {
		tr, _ := mem.Trace(ref)
		events++
		deliveries += len(tr.Transforms)
		invocations += len(tr.Invocations)
	}
	for _, c := range []struct {
		table Table
		rows  int
		col   string
	}{{TableEvents, events, "subject"}, {TableDeliveries, deliveries, "outcome"}, {TableInvocations, invocations, "billed"}} {
		var buf bytes.Buffer
		if err := st.Export(&buf, c.table, CSV); err != nil {
			t.Fatal(err)
		}
		recs, err := csv.NewReader(bytes.NewReader(buf.Bytes())).ReadAll()
		if err != nil {
			t.Fatalf("%s csv: %v", c.table, err)
		}
		if len(recs)-1 != c.rows || !contains(recs[0], c.col) {
			t.Errorf("%s csv: %d rows, header %v; want %d rows with %q", c.table, len(recs)-1, recs[0], c.rows, c.col)
		}
		buf.Reset()
		if err := st.Export(&buf, c.table, JSONL); err != nil {
			t.Fatal(err)
		}
		n := 0
		for sc := bufio.NewScanner(&buf); sc.Scan(); n++ {
			var m map[string]any
			if err := json.Unmarshal(sc.Bytes(), &m); err != nil {
				t.Fatalf("%s jsonl line %d: %v", c.table, n+1, err)
			}
			if _, ok := m[c.col]; !ok || len(m) != len(recs[0]) {
				t.Fatalf("%s jsonl line %d: %v lacks %q or has other keys than %v", c.table, n+1, m, c.col, recs[0])
			}
			if c.table == TableEvents && m["accepted"] == 1.0 {
				if _, isObject := m["data"].(map[string]any); !isObject {
					t.Fatalf("events jsonl: data %v is not embedded as JSON", m["data"])
				}
			}
		}
		if n != c.rows {
			t.Errorf("%s jsonl: %d lines, want %d", c.table, n, c.rows)
		}
	}
	if err := st.Export(&bytes.Buffer{}, "bogus", CSV); err == nil {
		t.Error("export of an unknown table succeeded")
	}
}

func refsOf(t *testing.T, q obs.Querier) []obs.EventRef {
	rows, _ := allPages(t, q, obs.EventFilter{}, obs.SortOldest, 1000)
	refs := make([]obs.EventRef, len(rows))
	for i, r := range rows {
		refs[i] = r.Event
	}
	return refs
}

func contains(s []string, x string) bool {
	for _, v := range s {
		if v == x {
			return true
		}
	}
	return false
}

// strict mirrors of the OTLP JSON message types: decoding with DisallowUnknownFields fails on
// any field the protocol does not have.
type (
	oTraces struct {
		ResourceSpans []struct {
			Resource struct {
				Attributes []oKV `json:"attributes"`
			} `json:"resource"`
			ScopeSpans []struct {
				Scope struct{ Name, Version string } `json:"scope"`
				Spans []oSpan                        `json:"spans"`
			} `json:"scopeSpans"`
		} `json:"resourceSpans"`
	}
	oKV struct {
		Key   string `json:"key"`
		Value struct {
			StringValue *string `json:"stringValue"`
		} `json:"value"`
	}
	oSpan struct {
		TraceID, SpanID, ParentSpanID, Name string
		Kind                                int
		StartTimeUnixNano, EndTimeUnixNano  string
		Attributes                          []oKV
		Status                              struct {
			Message string `json:"message"`
			Code    int    `json:"code"`
		}
	}
)

func TestExportOTLPParsesBack(t *testing.T) {
	mem, st := filled(t, 200)
	for _, ref := range []obs.EventRef{1, 13, 57, 199} {
		want, _ := mem.Trace(ref)
		var buf bytes.Buffer
		if err := st.ExportTrace(&buf, ref); err != nil {
			t.Fatal(err)
		}
		dec := json.NewDecoder(&buf)
		dec.DisallowUnknownFields()
		var doc oTraces
		if err := dec.Decode(&doc); err != nil {
			t.Fatalf("event %d: %v", ref, err)
		}
		if len(doc.ResourceSpans) != 1 || len(doc.ResourceSpans[0].ScopeSpans) != 1 {
			t.Fatalf("event %d: want one resource and one scope", ref)
		}
		checkOTLPSpans(t, doc.ResourceSpans[0].ScopeSpans[0].Spans, want)
	}
}

func checkOTLPSpans(t *testing.T, spans []oSpan, want obs.Trace) {
	t.Helper()
	if len(spans) != len(want.Spans) {
		t.Fatalf("%d spans, want %d", len(spans), len(want.Spans))
	}
	ids := map[string]bool{}
	for i, sp := range spans {
		tid, err1 := hex.DecodeString(sp.TraceID)
		sid, err2 := hex.DecodeString(sp.SpanID)
		start, err3 := strconv.ParseUint(sp.StartTimeUnixNano, 10, 64)
		end, err4 := strconv.ParseUint(sp.EndTimeUnixNano, 10, 64)
		if err1 != nil || err2 != nil || err3 != nil || err4 != nil || len(tid) != 16 || len(sid) != 8 || ids[sp.SpanID] {
			t.Fatalf("span %d: bad ids or times %+v", i, sp)
		}
		ids[sp.SpanID] = true
		if sp.TraceID != spans[0].TraceID || end < start || sp.Name != want.Spans[i].Name {
			t.Errorf("span %d: %+v does not match %+v", i, sp, want.Spans[i])
		}
		if (i == 0) != (sp.ParentSpanID == "") || sp.ParentSpanID != "" && !ids[sp.ParentSpanID] {
			t.Errorf("span %d: parent %q is not an earlier span", i, sp.ParentSpanID)
		}
		if sp.Status.Code != 1 && sp.Status.Code != 2 {
			t.Errorf("span %d: status %d", i, sp.Status.Code)
		}
	}
}
