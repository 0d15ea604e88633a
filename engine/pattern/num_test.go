package pattern

import (
	"math"
	"math/rand/v2"
	"strconv"
	"testing"
)

// TestParseNum: the scanner converts numbers bit-identically to strconv.ParseFloat.
func TestParseNum(t *testing.T) {
	fixed := []string{"0", "-0", "1", "-1", "0.1", "123.456", "-122.420000000001", "9007199254740993",
		"12345678901234567890", "1e2", "1E-2", "-2.5e+10", "1e400", "-1e400", "1e-400", "0.0000000000000000000001",
		"0.00000000000000000000001", "4.9e-324", "1.7976931348623157e308", "37.807234567891"}
	r := rand.New(rand.NewPCG(3, 4))
	for i := 0; i < 20000; i++ {
		x := (r.Float64() - 0.5) * math.Pow(10, float64(r.IntN(30)-10))
		fixed = append(fixed, strconv.FormatFloat(x, 'f', r.IntN(16), 64), strconv.FormatFloat(x, 'g', -1, 64),
			strconv.FormatInt(r.Int64(), 10))
	}
	for _, s := range fixed {
		want, _ := strconv.ParseFloat(s, 64)
		st := &state{buf: []byte(s)}
		raw, got, err := st.number()
		if err != nil || string(raw) != s || math.Float64bits(got) != math.Float64bits(want) {
			t.Errorf("%s: got %v %q %v, want %v", s, got, raw, err, want)
		}
	}
}
