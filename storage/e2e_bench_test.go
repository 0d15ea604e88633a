package storage

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"strings"
	"testing"
	"time"

	"github.com/fanout/fanout/assets"
	"github.com/fanout/fanout/engine/event"
	"github.com/fanout/fanout/engine/fc"
	"github.com/fanout/fanout/engine/obs"
	"github.com/fanout/fanout/engine/pattern"
	"github.com/fanout/fanout/engine/world"
	"github.com/fanout/fanout/scenarios"
)

// defaultConfig builds the world configuration of the shipped default scenario the way the
// command line does (app/cli.WorldConfig; storage may not import app/, so it is repeated here).
func defaultConfig(tb testing.TB) world.Config {
	tb.Helper()
	sc, err := scenarios.Default()
	if err != nil {
		tb.Fatal(err)
	}
	d, err := pattern.ParseDialect(sc.Dialect)
	if err != nil {
		tb.Fatal(err)
	}
	lim := event.DefaultLimits()
	lim.MaxEventBytes = int(sc.Settings.MaxEventBytes)
	model, err := fc.ParseModel(strings.ReplaceAll(sc.Settings.Billing.Model, "-", "_"))
	if err != nil {
		tb.Fatal(err)
	}
	prices, err := fc.ParsePrices(assets.Prices())
	if err != nil {
		tb.Fatal(err)
	}
	if g := sc.Settings.Billing.Granularity.D(); g > 0 {
		prices.GBSecond.Granularity = sc.Settings.Billing.Granularity
		prices.CU.Granularity = sc.Settings.Billing.Granularity
	}
	exps := make([]world.Expectation, len(sc.Expect))
	for i, e := range sc.Expect {
		exps[i] = world.Expectation{Name: e.Name, Assert: e.Assert}
	}
	return world.Config{Name: sc.Name, Seed: sc.Seed, Duration: time.Duration(sc.Duration), Start: sc.Start,
		Dialect: d, Account: sc.Account, Region: sc.Region, Limits: lim,
		PutEventsMaxEntries: sc.Settings.PutEventsMaxEntries, EnforceThroughput: sc.Settings.EnforceThroughputLimits,
		Buses: sc.Buses, Rules: sc.Rules, Services: sc.Services, Queues: sc.Queues, Loads: sc.Loads, Expect: exps,
		ReadFile: func(string) ([]byte, error) { return nil, errors.New("no files") },
		Prices:   &prices, Billing: model, FreeTier: sc.Settings.Billing.FreeTier}
}

// BenchmarkDefaultScenario runs the shipped default scenario at full speed, as `fanout run`
// does, and reports accepted events per second of wall time: with no sink (the engine alone,
// skipping its per-record bookkeeping), with obs.Discard (the engine making every record), and
// with the SQLite sink (records written by the writer goroutine; sqlite-flush times the run
// and its final flush, sqlite-finish also Finish, with its index build and fsync, and Close:
// all that `fanout run` waits for). Run it with -cpu 2: one core for the engine, one for the
// writer.
func BenchmarkDefaultScenario(b *testing.B) {
	base := defaultConfig(b)
	for _, hours := range []int{1, 10} {
		for _, mode := range []string{"engine-only", "discard", "sqlite-flush", "sqlite-finish"} {
			b.Run(fmt.Sprintf("%dh/%s", hours, mode), func(b *testing.B) {
				cfg := base
				cfg.Duration = time.Duration(hours) * time.Hour
				runDefault(b, cfg, mode)
			})
		}
	}
}

// runDefault runs cfg b.N times in the given mode; only the scenario's parsing is outside the
// timing (world.New, the run, the flush or Finish are in it; creating the database is not).
func runDefault(b *testing.B, base world.Config, mode string) {
	// The collector as the fanout command sets it (app/main.go).
	defer debug.SetGCPercent(debug.SetGCPercent(400))
	defer debug.SetMemoryLimit(debug.SetMemoryLimit(1 << 30))
	var accepted, rows, bytes uint64
	dir := b.TempDir()
	var cpu time.Duration
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		cfg := base
		var st *Store
		var c *counting
		if mode == "discard" {
			cfg.Sink = obs.Discard{}
		}
		if strings.HasPrefix(mode, "sqlite") {
			var err error
			b.StopTimer()
			st, err = Create(filepath.Join(dir, fmt.Sprintf("run-%d.db", i)), Meta{Scenario: cfg.Name, Seed: cfg.Seed})
			if err != nil {
				b.Fatal(err)
			}
			b.StartTimer()
			c = &counting{Sink: st.Sink()}
			cfg.Sink = c
		}
		cpu0 := cpuTime()
		w, err := world.New(cfg)
		if err != nil {
			b.Fatal(err)
		}
		w.Run()
		s := w.Summary()
		accepted += s.Events.Accepted
		if st != nil {
			rows += uint64(c.n)
			finishBench(b, st, s, mode == "sqlite-finish")
		}
		cpu += cpuTime() - cpu0
		if st != nil {
			b.StopTimer()
			if mode == "sqlite-finish" { // Close is part of what `fanout run` waits for
				b.StartTimer()
			}
			if err := st.Close(); err != nil {
				b.Fatal(err)
			}
			b.StopTimer()
			bytes += fileSize(st.Path())
			b.StartTimer()
		}
	}
	b.ReportMetric(float64(accepted)/b.Elapsed().Seconds(), "events/s")
	b.ReportMetric(float64(accepted)/float64(b.N), "events/run")
	// Process CPU time (engine, sink, writer, GC; Close excluded) per event: the machine is
	// shared, so this says more than the wall-clock rate.
	b.ReportMetric(float64(cpu.Nanoseconds())/1e3/float64(accepted), "cpu-µs/event")
	if rows > 0 {
		b.ReportMetric(float64(rows)/float64(accepted), "rows/event")
		b.ReportMetric(float64(bytes)/float64(accepted), "MB/1M-events")
	}
	b.ReportMetric(float64(runtime.GOMAXPROCS(0)), "procs")
}

func finishBench(b *testing.B, st *Store, s world.Summary, finish bool) {
	if !finish {
		if err := st.Flush(); err != nil {
			b.Fatal(err)
		}
		return
	}
	sum, err := json.Marshal(s)
	if err != nil {
		b.Fatal(err)
	}
	if err := st.Finish(sum); err != nil {
		b.Fatal(err)
	}
}

// fileSize is the size of a closed database with its -wal file, if any.
func fileSize(path string) uint64 {
	var n uint64
	for _, p := range []string{path, path + "-wal"} {
		if fi, err := os.Stat(p); err == nil {
			n += uint64(fi.Size())
		}
	}
	return n
}
