package pattern

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"testing"
)

// differential checks, for one generator input, that the fast matcher (alone and shared) agrees
// with the naive matcher on several random patterns and events.
func differential(t *testing.T, data []byte) {
	g := &gen{data: data}
	d := Dialect(g.n(2))
	var pats []*Pattern
	m := NewMatcher(d)
	for i := 0; i < 4; i++ {
		src := g.patObj(0)
		p, err := Compile([]byte(src), d)
		if err != nil {
			t.Fatalf("generated pattern %s: %v", src, err)
		}
		pats = append(pats, p)
		m.Add(i, p)
	}
	for e := 0; e < 4; e++ {
		ev := []byte(g.evObj(0))
		ids, err := m.Match(ev, nil)
		if err != nil {
			t.Fatalf("event %s: %v", ev, err)
		}
		var want []int
		for i, p := range pats {
			n, err := naiveMatch(p, ev, d)
			if err != nil {
				t.Fatalf("naive %s: %v", ev, err)
			}
			if n {
				want = append(want, i)
			}
			if f, _ := fastMatch(p, ev, d); f != n {
				t.Fatalf("%s: pattern %s event %s: naive %v fast %v", d, p.Source(), ev, n, f)
			}
		}
		if fmt.Sprint(ids) != fmt.Sprint(want) {
			t.Fatalf("%s: event %s: shared %v, naive %v (patterns %s | %s | %s | %s)", d, ev, ids, want,
				pats[0].Source(), pats[1].Source(), pats[2].Source(), pats[3].Source())
		}
	}
}

func FuzzMatcherDifferential(f *testing.F) {
	f.Add([]byte("seed"))
	f.Add([]byte{1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20})
	f.Fuzz(differential)
}

// TestDifferentialRandom runs the differential check on seeded random inputs in every test run.
func TestDifferentialRandom(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	n := 3000
	if testing.Short() {
		n = 300
	}
	buf := make([]byte, 400)
	for i := 0; i < n; i++ {
		for j := range buf {
			buf[j] = byte(r.IntN(256))
		}
		differential(t, buf)
	}
}

func FuzzCompile(f *testing.F) {
	for _, c := range allCases() {
		f.Add([]byte(c.pat))
	}
	f.Add([]byte(`{"a":[{"numeric":[">",0,1000]}]}`))
	ev := []byte(`{"a":1,"data":{"b":[{"c":"x"}]},"source":"acs.oss"}`)
	f.Fuzz(func(t *testing.T, src []byte) {
		for _, d := range []Dialect{Alibaba, AWS} {
			p, err := Compile(src, d)
			if err != nil {
				if _, ok := err.(*CompileError); !ok {
					t.Fatalf("error of type %T: %v", err, err)
				}
				continue
			}
			m := NewMatcher(d)
			m.Add(1, p)
			if _, err := m.Match(ev, nil); err != nil {
				t.Fatal(err)
			}
			_ = Explain(p, ev)
			_ = Lint(p, d, Fields{"a": true})
		}
	})
}

// FuzzMatch feeds arbitrary bytes to a matcher: it must never panic, and it must accept exactly
// the inputs encoding/json accepts as a JSON object.
func FuzzMatch(f *testing.F) {
	f.Add([]byte(`{"a":"x","b":[1,{"c":true}],"d":null}`))
	f.Add([]byte(`{"a":"\ud83d\ude00","b":-1.5e+3}`))
	f.Add([]byte(`{"a":[1,2,]}`))
	f.Add([]byte(` {"a.b" : "x" } `))
	m := NewMatcher(AWS)
	for i, c := range allCases()[:80] {
		m.Add(i, MustCompile(c.pat, AWS))
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		_, err := m.Match(b, nil)
		valid := json.Valid(b) && bytes.HasPrefix(bytes.TrimLeft(b, " \t\r\n"), []byte("{"))
		if (err == nil) != valid {
			t.Fatalf("input %q: json valid object %v, matcher error %v", b, valid, err)
		}
	})
}

// TestDifferentialManyRules: 300 random patterns share one matcher; for 500 random events each
// rule's answer equals the naive matcher's answer for that rule alone.
func TestDifferentialManyRules(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 6))
	buf := make([]byte, 1<<16)
	for i := range buf {
		buf[i] = byte(r.IntN(256))
	}
	for _, d := range []Dialect{Alibaba, AWS} {
		g := &gen{data: buf}
		m := NewMatcher(d)
		var pats []*Pattern
		for i := 0; i < 300; i++ {
			p := MustCompile(g.patObj(0), d)
			pats = append(pats, p)
			m.Add(i, p)
		}
		g.pos = 0
		var ids []int
		total := 0
		for e := 0; e < 500; e++ {
			ev := []byte(g.evObj(0))
			var err error
			if ids, err = m.Match(ev, ids); err != nil {
				t.Fatal(err)
			}
			var want []int
			for i, p := range pats {
				if ok, _ := naiveMatch(p, ev, d); ok {
					want = append(want, i)
				}
			}
			if fmt.Sprint(ids) != fmt.Sprint(want) {
				t.Fatalf("%s: event %s: shared %v, naive %v", d, ev, ids, want)
			}
			total += len(want)
		}
		if total < 1000 {
			t.Fatalf("%s: only %d matches: the generator is too narrow", d, total)
		}
		t.Logf("%s: %d (rule, event) matches", d, total)
	}
}
