package storage_test

import (
	"fmt"
	"os"
	"path/filepath"
	"time"

	"github.com/fanout/fanout/engine/obs"
	"github.com/fanout/fanout/storage"
)

// A run stores its records through the Store's Sink, finishes with its summary, and is read
// back with OpenRun.
func Example() {
	dir, _ := os.MkdirTemp("", "fanout-example")
	defer os.RemoveAll(dir)
	path := filepath.Join(dir, "run.db")

	st, err := storage.Create(path, storage.Meta{Scenario: "demo", Seed: 1, Catalog: storage.CatalogPath(dir)})
	if err != nil {
		panic(err)
	}
	sink := obs.Tee(st.Sink(), obs.NewMetrics()) // the engine emits into sink
	sink.Received(obs.Received{Event: 1, ID: "e-1", Bus: "orders", Accepted: true})
	sink.RuleEvaluated(obs.RuleEvaluated{Event: 1, Bus: "orders", Rule: "all", Matched: true})
	sink.Transformed(obs.Transformed{Event: 1, Rule: "all", Target: "q"})
	sink.Attempt(obs.Attempt{Event: 1, Rule: "all", Target: "q", Number: 1, End: 3e6})
	sink.Delivered(obs.Delivered{Event: 1, At: 3e6, Rule: "all", Target: "q", Attempts: 1})
	sink.FanoutComplete(obs.FanoutComplete{Event: 1, At: 3e6, Targets: 1, Succeeded: 1})
	if err := st.Finish([]byte(`{"sim_seconds": 60}`)); err != nil {
		panic(err)
	}
	st.Close()

	run, err := storage.OpenRun(path)
	if err != nil {
		panic(err)
	}
	defer run.Close()
	info, _ := run.Info()
	fmt.Println(info.Scenario, info.Complete, info.Events, info.SimDuration == time.Minute)
	tr, _ := run.Trace(1)
	for _, sp := range tr.Spans {
		fmt.Println(sp.ID, sp.Parent, sp.Name, sp.Outcome)
	}
	// Output:
	// demo true 1 true
	// 1 0 event e-1 all delivered
	// 2 1 rule all matched
	// 3 2 all → q delivered
	// 4 3 transform ok
	// 5 3 attempt 1 ok
	// 6 3 delivered delivered
}
