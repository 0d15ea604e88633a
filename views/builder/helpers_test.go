package builder

import (
	"testing"

	"fyne.io/fyne/v2/test"
	"github.com/fanout/fanout/assets"
	"github.com/fanout/fanout/engine/fc"
	"github.com/fanout/fanout/scenarios"
	"github.com/fanout/fanout/scenarios/edit"
)

// openDefault opens the shipped default scenario as an editable document.
func openDefault(t *testing.T) *edit.Doc {
	t.Helper()
	src, err := scenarios.ShippedSource(scenarios.DefaultName)
	if err != nil {
		t.Fatal(err)
	}
	doc, err := edit.Open(scenarios.DefaultName+".yaml", src, nil)
	if err != nil {
		t.Fatal(err)
	}
	return doc
}

// testEnv prices with the embedded price list and previews 2,000 events per load.
func testEnv(t testing.TB) Env {
	t.Helper()
	p, err := fc.ParsePrices(assets.Prices())
	if err != nil {
		t.Fatal(err)
	}
	return Env{Billing: Billing{Prices: &p, Model: fc.ModelGBSecond}, Generated: 2000}
}

// newTestApp starts a Fyne test app for the test.
func newTestApp(t *testing.T) {
	t.Helper()
	a := test.NewTempApp(t)
	_ = a
}
