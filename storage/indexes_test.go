package storage

import (
	"fmt"
	"github.com/fanout/fanout/engine/obs"
	"reflect"
	"strings"
	"testing"
)

// TestAppendIndexesKeptWhileWriting checks which indexes exist while a run writes (the
// append-order ones, from migrations 003 and 005) and which Finish builds, and that Finish fills
// pending with exactly the accepted events without a completed fan-out.
func TestAppendIndexesKeptWhileWriting(t *testing.T) {
	_, st := filled(t, 3000)
	for name, want := range map[string]bool{"events_at": true, "events_rejected": true, "fanouts_at": true,
		"events_id": true, "events_subject": false, "rule_evals_rule": false} {
		if got := st.hasIndex(name); got != want {
			t.Errorf("while writing: index %s exists = %v, want %v", name, got, want)
		}
	}
	if err := st.Finish([]byte(`{"sim_seconds": 1}`)); err != nil {
		t.Fatal(err)
	}
	if !st.hasIndex("events_id") || st.hasIndex("events_subject") {
		t.Error("after Finish: want the index on ids, and the subjects in subject_parts rather than an index")
	}
	var n, parts, bad int
	if err := st.DB().QueryRow(`SELECT (SELECT count(*) FROM subject_parts), (SELECT count(*) FROM subject_part_list),
		(SELECT count(*) FROM events e WHERE NOT EXISTS (SELECT 1 FROM subject_parts k
			WHERE k.event = e.seq AND k.subject = e.subject))`).Scan(&n, &parts, &bad); err != nil {
		t.Fatal(err)
	}
	if n != 3000 || parts < 2 || bad != 0 {
		t.Errorf("subject_parts: %d rows in %d parts, %d events missing; want 3000 rows, several parts", n, parts, bad)
	}
	if st.hasIndex("rule_evals_rule") || st.hasIndex("events_bus") {
		t.Error("Finish built indexes that 3,000 events do not need (facets.go)")
	}
	pending := seqs(t, st, `SELECT event FROM pending ORDER BY event`)
	want := seqs(t, st, `SELECT seq FROM events e WHERE accepted = 1
		AND NOT EXISTS (SELECT 1 FROM fanouts x WHERE x.event = e.seq) ORDER BY seq`)
	if len(want) == 0 {
		t.Fatal("the synthetic run has no event in flight")
	}
	if !reflect.DeepEqual(pending, want) {
		t.Errorf("pending = %d events %v..., want %d events %v...", len(pending), pending[:min(5, len(pending))],
			len(want), want[:5])
	}
}

// TestMigrationAddsAppendIndexes opens a run file from before migration 003 (schema version
// 2, no events_at): OpenRun migrates it and the index is back.
func TestMigrationAddsAppendIndexes(t *testing.T) {
	_, st := filledRun(t, 200, true)
	if _, err := st.DB().Exec(`DROP INDEX events_at; DROP INDEX fanouts_at; PRAGMA user_version = 2`); err != nil {
		t.Fatal(err)
	}
	path := st.Path()
	if err := st.Close(); err != nil {
		t.Fatal(err)
	}
	st, err := OpenRun(path)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if !st.hasIndex("events_at") || !st.hasIndex("fanouts_at") {
		t.Error("OpenRun did not add the append-order indexes of migration 003")
	}
}

func seqs(t *testing.T, st *Store, q string) []int64 {
	t.Helper()
	rows, err := st.DB().Query(q)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var out []int64
	for rows.Next() {
		var v int64
		if err := rows.Scan(&v); err != nil {
			t.Fatal(err)
		}
		out = append(out, v)
	}
	return out
}

// TestFilterIndexesParsed: every CREATE INDEX of indexes.sql is one line that ensureIndexes
// can name (a statement split over lines would be skipped silently).
func TestFilterIndexesParsed(t *testing.T) {
	if n := strings.Count(indexesSQL, "CREATE INDEX"); n != len(filterIndexes) || n < 11 {
		t.Errorf("indexes.sql has %d CREATE INDEX statements, %d parsed", n, len(filterIndexes))
	}
	for _, ix := range filterIndexes {
		if !strings.Contains(ix.sql, " "+ix.name+" ON ") || !strings.HasSuffix(ix.sql, ";") {
			t.Errorf("index %q: statement %q", ix.name, ix.sql)
		}
	}
}

// TestIDIndexFollowsIDOrder: rising ids (as version-7 UUIDs rise) keep the index on ids
// while the run writes; ids in random order make the writer drop it, and Finish builds it.
func TestIDIndexFollowsIDOrder(t *testing.T) {
	for _, c := range []struct {
		name   string
		id     func(i int) string
		during bool
	}{
		{"rising", func(i int) string { return fmt.Sprintf("0198%08x", i) }, true},
		{"random", func(i int) string { return fmt.Sprintf("%08x", uint32(i)*2654435761) }, false},
	} {
		st := newStore(t)
		sink := st.Sink()
		for i := 1; i <= 3*idOrderMin; i++ {
			sink.Received(obs.Received{Event: obs.EventRef(i), ID: c.id(i), Bus: "b", Source: "s", Type: "t",
				Subject: "x", Accepted: true, SpecVersion: "1.0"})
			if i%idOrderMin == 0 {
				if err := st.Flush(); err != nil {
					t.Fatal(err)
				}
			}
		}
		if err := st.Flush(); err != nil {
			t.Fatal(err)
		}
		if got := st.hasIndex("events_id"); got != c.during {
			t.Errorf("%s ids: index on ids while writing = %v, want %v", c.name, got, c.during)
		}
		if err := st.Finish(nil); err != nil {
			t.Fatal(err)
		}
		if !st.hasIndex("events_id") {
			t.Errorf("%s ids: no index on ids after Finish", c.name)
		}
		if ref, err := st.Lookup(c.id(777)); err != nil || ref != 777 {
			t.Errorf("%s ids: Lookup = %d, %v; want 777", c.name, ref, err)
		}
	}
}
