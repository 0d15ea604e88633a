package pattern

import (
	"fmt"
	"testing"
)

// mcase is one hand-written matching case. d is "" (both dialects), "ali" or "aws".
type mcase struct {
	d, pat, ev string
	want       bool
}

func (c mcase) dialects() []Dialect {
	switch c.d {
	case "ali":
		return []Dialect{Alibaba}
	case "aws":
		return []Dialect{AWS}
	case "":
		return []Dialect{Alibaba, AWS}
	}
	panic("bad dialect " + c.d)
}

// fastMatch runs the fast matcher with the pattern as the only rule.
func fastMatch(p *Pattern, ev []byte, d Dialect) (bool, error) {
	m := NewMatcher(d)
	m.Add(7, p)
	ids, err := m.Match(ev, nil)
	if err != nil {
		return false, err
	}
	if len(ids) > 1 || (len(ids) == 1 && ids[0] != 7) {
		return false, fmt.Errorf("unexpected ids %v", ids)
	}
	return len(ids) == 1, nil
}

// checkCase asserts that the naive and the fast matcher both give c.want.
func checkCase(t *testing.T, c mcase) {
	t.Helper()
	for _, d := range c.dialects() {
		p, err := Compile([]byte(c.pat), d)
		if err != nil {
			t.Errorf("%s: compile %s: %v", d, c.pat, err)
			continue
		}
		naive, err := naiveMatch(p, []byte(c.ev), d)
		if err != nil {
			t.Errorf("%s: naive %s: %v", d, c.ev, err)
		}
		fast, err := fastMatch(p, []byte(c.ev), d)
		if err != nil {
			t.Errorf("%s: fast %s: %v", d, c.ev, err)
		}
		if naive != c.want || fast != c.want {
			t.Errorf("%s: pattern %s event %s: want %v, naive %v, fast %v", d, c.pat, c.ev, c.want, naive, fast)
		}
	}
}

func TestMatchCases(t *testing.T) {
	all := allCases()
	if len(all) < 150 {
		t.Fatalf("only %d hand-written cases", len(all))
	}
	for _, c := range all {
		checkCase(t, c)
	}
}

func allCases() []mcase {
	var all []mcase
	for _, cs := range [][]mcase{exactCases, stringOpCases, anythingButCases, numericCases,
		cidrCases, existsCases, orCases, arrayCases} {
		all = append(all, cs...)
	}
	return all
}

// TestManyRulesShareFields puts every case's pattern of a dialect into one matcher and checks,
// for every case's event, that each rule gets exactly the answer it gets alone.
func TestManyRulesShareFields(t *testing.T) {
	for _, d := range []Dialect{Alibaba, AWS} {
		var pats []*Pattern
		var events []string
		seen := map[string]bool{}
		m := NewMatcher(d)
		for _, c := range allCases() {
			if c.d == "ali" && d != Alibaba || c.d == "aws" && d != AWS {
				continue
			}
			if !seen[c.pat] {
				seen[c.pat] = true
				m.Add(len(pats)*3+1, MustCompile(c.pat, d))
				pats = append(pats, MustCompile(c.pat, d))
			}
			events = append(events, c.ev)
		}
		var ids []int
		for _, ev := range events {
			var err error
			ids, err = m.Match([]byte(ev), ids)
			if err != nil {
				t.Fatalf("%s: %s: %v", d, ev, err)
			}
			var want []int
			for i, p := range pats {
				if ok, _ := fastMatch(p, []byte(ev), d); ok {
					want = append(want, i*3+1)
				}
				if ok, _ := naiveMatch(p, []byte(ev), d); ok != contains(want, i*3+1) {
					t.Errorf("%s: naive and fast disagree on %s / %s", d, p.Source(), ev)
				}
			}
			if fmt.Sprint(ids) != fmt.Sprint(want) {
				t.Errorf("%s: event %s: shared matcher %v, alone %v", d, ev, ids, want)
			}
		}
	}
}

func contains(s []int, x int) bool {
	for _, v := range s {
		if v == x {
			return true
		}
	}
	return false
}
