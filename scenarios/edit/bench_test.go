package edit

import "testing"

// BenchmarkSet is one keystroke in an editor: a scalar Set on the default scenario, with its
// re-validation.
func BenchmarkSet(b *testing.B) {
	src, _ := shippedSrc("csv-upload-fanout")
	d, _ := Open("b.yaml", src, nil)
	vals := []string{"512MB", "1GB"}
	for i := 0; b.Loop(); i++ {
		if err := d.Set("services[0].functions[1].memory", vals[i%2]); err != nil {
			b.Fatal(err)
		}
	}
}
