package builder

import (
	"flag"
	"testing"

	"fyne.io/fyne/v2"

	"github.com/fanout/fanout/views/internal/golden"
)

var update = flag.Bool("update", false, "rewrite the golden images in testdata")

// renderGolden compares content rendered at size with testdata/name (see views/internal/golden).
func renderGolden(t *testing.T, content fyne.CanvasObject, size fyne.Size, name string) {
	t.Helper()
	golden.Check(t, content, size, name, *update)
}

func TestRuleBuilderGolden(t *testing.T) {
	newTestApp(t)
	env := testEnv(t)
	env.Generated = 5000 // the GUI's default, as in docs/rule-builder.md
	b := NewRuleBuilder(env, openDefault(t), 0)
	b.Wait()
	buildCSVRuleFresh(t, b)
	b.Wait()
	b.picker.tree.ScrollToTop()
	renderGolden(t, b.Content(), fyne.NewSize(1600, 1240), "rule-builder.png")
}
