package fc

import (
	"fmt"
	"testing"
	"time"
)

// TestDeterminism: the same seed gives identical invocations; another seed does not.
func TestDeterminism(t *testing.T) {
	spec := fixedFn()
	spec.Handler.Variability = nil // default log-normal
	spec.ColdStart = nil
	spec.KeepAlive = dur(2 * time.Second)
	spec.InstanceSelection = SelectRandom
	run := func(seed uint64) string {
		f, c, _ := runPoissonWith(t, spec, 3, 2000*time.Second, seed, &collector{keep: true})
		return fmt.Sprintf("%+v|%+v", c.invs, f.Stats())
	}
	a, b, other := run(5), run(5), run(6)
	if a != b {
		t.Error("same seed, different results")
	}
	if a == other {
		t.Error("different seeds, same results")
	}
}
