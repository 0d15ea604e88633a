// Command fanout is the Fanout workbench and its headless twin. Without arguments it opens the
// workbench window; `fanout FILE.yaml` opens it on that scenario; subcommands (run, validate,
// pattern, transform, …) run headless. See README.md.
package main

import (
	"os"

	"github.com/fanout/fanout/app/cli"
	_ "github.com/fanout/fanout/app/internal/locale" // before Fyne reads the locale
)

func main() {
	os.Exit(cli.Main(openWorkbench))
}
