package edit

import (
	"strings"
	"testing"

	"github.com/fanout/fanout/scenarios"
)

// names lists the renameable elements of a scenario by kind.
func names(sc *scenarios.Scenario) map[string][]string {
	out := map[string][]string{}
	for _, b := range sc.Buses {
		if b.Name != "default" {
			out[KindBus] = append(out[KindBus], b.Name)
		}
	}
	for _, r := range sc.Rules {
		out[KindRule] = append(out[KindRule], r.Name)
	}
	for _, s := range sc.Services {
		for _, f := range s.Functions {
			out[KindFunction] = append(out[KindFunction], s.Name+"/"+f.Name)
		}
	}
	for _, q := range sc.Queues {
		out[KindQueue] = append(out[KindQueue], q.Name)
	}
	for _, l := range sc.Loads {
		out[KindLoad] = append(out[KindLoad], l.Name)
	}
	return out
}

// refs lists every name of kind the scenario refers to (not the names it declares).
func refs(sc *scenarios.Scenario, kind string) []string {
	var out []string
	add := func(k string, names ...string) {
		if k == kind {
			out = append(out, names...)
		}
	}
	for _, r := range sc.Rules {
		add(KindBus, r.Bus)
		for _, t := range r.Targets {
			add(KindFunction, t.Function)
			add(KindQueue, t.Queue, t.Topic)
			if t.DeadLetter != nil {
				add(KindQueue, t.DeadLetter.Queue)
			}
		}
	}
	for _, s := range sc.Services {
		for _, f := range s.Functions {
			add(KindQueue, f.Async.OnSuccess, f.Async.OnFailure)
		}
	}
	for _, q := range sc.Queues {
		if q.Consumer != nil {
			add(KindFunction, q.Consumer.Function)
		}
	}
	for _, l := range sc.Loads {
		add(KindBus, l.Bus)
	}
	return out
}

func TestRenameUpdatesReferences(t *testing.T) {
	total := 0
	for _, info := range scenarios.Shipped() {
		d := openShipped(t, info.Name)
		all := names(d.Scenario())
		for _, kind := range []string{KindBus, KindRule, KindFunction, KindQueue, KindLoad} {
			for _, old := range all[kind] {
				bare := old[strings.LastIndex(old, "/")+1:]
				if err := d.Rename(kind, old, bare+"-renamed"); err != nil {
					t.Fatalf("%s: rename %s %s: %v", info.Name, kind, old, err)
				}
				total++
				if ds := d.Diagnostics(); len(ds) > 0 {
					t.Fatalf("%s: after renaming %s %s: %v", info.Name, kind, old, ds)
				}
				sc := d.Scenario()
				for _, r := range refs(sc, kind) {
					if r == old || (kind == KindFunction && r == bare) {
						t.Errorf("%s: %s %s still referenced", info.Name, kind, old)
					}
				}
				for _, e := range sc.Expect {
					if strings.Contains(e.Assert, `"`+old+`"`) || (kind == KindRule && strings.Contains(e.Assert, `"`+old+`/`)) {
						t.Errorf("%s: assert %s still names %s", info.Name, e.Name, old)
					}
				}
			}
		}
		if !strings.Contains(string(d.Text()), "# ") {
			t.Errorf("%s: comments lost", info.Name)
		}
	}
	if total < 15 {
		t.Errorf("only %d renames", total)
	}
}

func TestRenameRefusals(t *testing.T) {
	d := openShipped(t, "csv-upload-fanout")
	for _, c := range [][3]string{
		{KindQueue, "csv-dlq", "csv-dlq"},
		{KindQueue, "csv-dlq", ""},
		{KindFunction, "csv-pipeline/index-fn", "invalidate-fn"},
		{KindFunction, "csv-pipeline/index-fn", "other-svc/x"},
		{KindLoad, "nope", "x"},
		{KindBus, "default", "x"},
	} {
		if err := d.Rename(c[0], c[1], c[2]); err == nil {
			t.Errorf("rename %v: want an error", c)
		}
	}
	if d.CanUndo() {
		t.Fatal("refused renames were recorded")
	}
	if err := d.Rename(KindFunction, "index-fn", "csv-pipeline/indexer"); err != nil {
		t.Fatal(err)
	}
	if got := d.Scenario().Rules[0].Targets[2].Function; got != "csv-pipeline/indexer" {
		t.Errorf("target function %q", got)
	}
	if !d.Undo() || d.CanUndo() {
		t.Fatal("a rename is one undo step")
	}
}

func TestRewriteRefs(t *testing.T) {
	refs := []exprRef{{"loads", "up", "down", false}, {"targets", "r/", "s/", true}}
	got := rewriteRefs(`loads.up.generated > 0 && loads["up"].x && loads.upper && targets["r/t"].n`, refs)
	want := `loads.down.generated > 0 && loads["down"].x && loads.upper && targets["s/t"].n`
	if got != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
}
