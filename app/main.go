// Command fanout is the Fanout workbench and its headless twin. Without arguments it opens the
// workbench window; `fanout FILE.yaml` opens it on that scenario; subcommands (run, validate,
// pattern, transform, …) run headless. See README.md.
package main

import (
	"os"
	"runtime/debug"

	"github.com/fanout/fanout/app/cli"
	_ "github.com/fanout/fanout/app/internal/locale" // before Fyne reads the locale
)

// Garbage collector settings used unless GOGC or GOMEMLIMIT is set. A run's live heap is
// small and bounded (the engine's state and the storage writer's batches), so collecting when
// the heap has grown to 5× the live heap instead of 2× costs little memory and takes about
// 10 % off a run stored in SQLite (storage.BenchmarkDefaultScenario, which sets the same);
// the soft limit makes the collector work harder again before the process passes 1 GiB.
const (
	gcPercent = 400
	memLimit  = 1 << 30
)

func main() {
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(gcPercent)
	}
	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(memLimit)
	}
	os.Exit(cli.Main(openWorkbench))
}
