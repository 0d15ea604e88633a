package load

import (
	"math"
	"math/rand/v2"
	"regexp"
	"testing"

	"github.com/goccy/go-yaml"
)

// compileYAML decodes one generator from YAML and compiles it with env.
func compileYAML(t *testing.T, src string, env map[string]any) *cgen {
	t.Helper()
	var g Gen
	if err := yaml.Unmarshal([]byte(src), &g); err != nil {
		t.Fatalf("decode %s: %v", src, err)
	}
	c, err := compileGen(g, env)
	if err != nil {
		t.Fatalf("compile %s: %v", src, err)
	}
	return c
}

// binomialWithin checks an observed frequency against p at 99.9%.
func binomialWithin(t *testing.T, what string, got, n int, p float64) {
	t.Helper()
	sd := math.Sqrt(float64(n) * p * (1 - p))
	if d := math.Abs(float64(got) - float64(n)*p); d > z999*sd+1e-9 {
		t.Errorf("%s: %d of %d, want %.1f ± %.1f", what, got, n, float64(n)*p, z999*sd)
	}
}

func TestChoiceFrequencies(t *testing.T) {
	for _, src := range []string{
		"{choice: {a: 1, b: 2, c: 7, z: 0}}",
		"{choice: [{value: a, weight: 1}, {value: z, weight: 0}, {value: b, weight: 2}, {value: c, weight: 7}]}",
	} {
		c := compileYAML(t, src, nil)
		r := rand.New(rand.NewPCG(1, 2))
		const n = 100000
		counts := map[any]int{}
		for range n {
			v, err := c.next(r, nil)
			if err != nil {
				t.Fatal(err)
			}
			counts[v]++
		}
		if counts["z"] != 0 {
			t.Errorf("%s: zero-weight value drawn %d times", src, counts["z"])
		}
		binomialWithin(t, src+" a", counts["a"], n, 0.1)
		binomialWithin(t, src+" b", counts["b"], n, 0.2)
		binomialWithin(t, src+" c", counts["c"], n, 0.7)
	}
}

func TestChoiceValuesKeepTypes(t *testing.T) {
	c := compileYAML(t, "{choice: [{value: {a: 1}}, {value: [1, 2.5]}]}", nil)
	r := rand.New(rand.NewPCG(1, 2))
	seen := map[string]bool{}
	for range 100 {
		v, _ := c.next(r, nil)
		switch x := v.(type) {
		case map[string]any:
			seen["map"] = x["a"] == 1
		case []any:
			seen["list"] = x[0] == 1 && x[1] == 2.5
		}
	}
	if !seen["map"] || !seen["list"] {
		t.Errorf("choice values lost their shape: %v", seen)
	}
}

func TestSeq(t *testing.T) {
	c := compileYAML(t, `{seq: {start: 5, step: 3, format: "ord-%04d"}}`, nil)
	for _, want := range []string{"ord-0005", "ord-0008", "ord-0011"} {
		if v, _ := c.next(nil, nil); v != want {
			t.Fatalf("got %v, want %s", v, want)
		}
	}
	c = compileYAML(t, `{seq: {start: -1}}`, nil)
	for _, want := range []int{-1, 0, 1} {
		if v, _ := c.next(nil, nil); v != want {
			t.Fatalf("got %v (%T), want %d", v, v, want)
		}
	}
}

var (
	uuidRE  = regexp.MustCompile(`^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$`)
	uuid7RE = regexp.MustCompile(`^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$`)
)

func TestUUID(t *testing.T) {
	c := compileYAML(t, "{uuid: true}", nil)
	draw := func(seed uint64) []string {
		r := rand.New(rand.NewPCG(seed, 0))
		var out []string
		for range 1000 {
			v, _ := c.next(r, nil)
			out = append(out, v.(string))
		}
		return out
	}
	a, b, other := draw(1), draw(1), draw(2)
	seen := map[string]bool{}
	for i, u := range a {
		if !uuidRE.MatchString(u) {
			t.Fatalf("not an RFC 4122 v4 UUID: %q", u)
		}
		if u != b[i] {
			t.Fatalf("same seed, different UUID: %s vs %s", u, b[i])
		}
		if u == other[i] || seen[u] {
			t.Fatalf("UUID %s repeated", u)
		}
		seen[u] = true
	}
}

func TestDistOptions(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	asInt := compileYAML(t, "{dist: {kind: uniform, min: 0, max: 10}, as: int, min: 2, max: 8}", nil)
	rounded := compileYAML(t, "{dist: {kind: exponential, mean: 3}, round: 2}", nil)
	lo, hi := 0, 0
	for range 10000 {
		v, _ := asInt.next(r, nil)
		n, ok := v.(int)
		if !ok || n < 2 || n > 8 {
			t.Fatalf("as int with min 2, max 8: got %v (%T)", v, v)
		}
		if n == 2 {
			lo++
		}
		if n == 8 {
			hi++
		}
		f, _ := rounded.next(r, nil)
		if x := f.(float64); math.Abs(x*100-math.Round(x*100)) > 1e-6 {
			t.Fatalf("round 2: got %v", x)
		}
	}
	// clamping piles up U[0,10) mass below 2.5 on 2 and from 7.5 on 8: 25% each
	binomialWithin(t, "clamped to min", lo, 10000, 0.25)
	binomialWithin(t, "clamped to max", hi, 10000, 0.25)
}

func TestExprOverVars(t *testing.T) {
	env := map[string]any{"ext": "", "seq": 0, "size": 0}
	c := compileYAML(t, `{expr: '(ext == "csv" ? "uploads/" : "tmp/") + seq + "." + ext'}`, env)
	for _, tc := range []struct {
		ext  string
		seq  int
		want string
	}{{"csv", 7, "uploads/7.csv"}, {"png", 12, "tmp/12.png"}} {
		got, err := c.next(nil, map[string]any{"ext": tc.ext, "seq": tc.seq})
		if err != nil || got != tc.want {
			t.Errorf("ext=%s seq=%d: got %v, %v; want %s", tc.ext, tc.seq, got, err, tc.want)
		}
	}
	if c.typ != "" {
		t.Errorf("static type of a string expression: %T", c.typ)
	}
	n := compileYAML(t, `{expr: 'size / 1024 > 1 ? size * 2 : 0'}`, env)
	if v, err := n.next(nil, map[string]any{"size": 4096}); err != nil || v != 8192 {
		t.Errorf("numeric expr: got %v (%T), %v", v, v, err)
	}
}
