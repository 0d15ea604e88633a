package pattern

import (
	"strconv"
	"strings"
)

// gen builds random patterns and events from a byte string (fuzz input or a seeded stream).
// Exhausted input yields zeros, so every input gives a finite, valid result.
type gen struct {
	data []byte
	pos  int
}

func (g *gen) n(k int) int {
	if g.pos >= len(g.data) || k <= 1 {
		g.pos++
		return 0
	}
	b := g.data[g.pos]
	g.pos++
	return int(b) % k
}

func (g *gen) pick(s ...string) string { return s[g.n(len(s))] }

var (
	genStrs = []string{`"x"`, `"xy"`, `"yx"`, `"X"`, `"Xy"`, `""`, `"10.0.0.1"`, `"10.0.1.5"`,
		`"2001:db8::1"`, `"a*b"`, `"100"`, `"true"`, `"null"`, `"é"`, `"É"`, `"x\u0079"`}
	genNums = []string{"0", "1", "1.0", "-1", "2.5", "100", "1e2", "-0", "300"}
	genKeys = []string{"a", "b", "c", "data"}
)

func (g *gen) lit() string {
	switch g.n(4) {
	case 0, 1:
		return genStrs[g.n(len(genStrs))]
	case 2:
		return genNums[g.n(len(genNums))]
	}
	return g.pick("true", "false", "null")
}

func (g *gen) strLit() string { return g.pick(`"x"`, `"X"`, `"xy"`, `""`, `"y"`, `"é"`, `"1"`) }

// cond returns one element of a pattern value array.
func (g *gen) cond() string {
	switch g.n(16) {
	case 0, 1, 2:
		return g.lit()
	case 3:
		return `{"prefix":` + g.strLit() + `}`
	case 4:
		return `{"suffix":` + g.strLit() + `}`
	case 5:
		return `{"contains":` + g.strLit() + `}`
	case 6:
		return `{"equals-ignore-case":` + g.strLit() + `}`
	case 7:
		return `{"` + g.pick("prefix", "suffix") + `":{"equals-ignore-case":` + g.strLit() + `}}`
	case 8:
		return `{"wildcard":` + g.pick(`"*"`, `"x*"`, `"*y"`, `"x*y"`, `"a\\*b"`, `""`, `"*x*"`) + `}`
	case 9:
		if g.n(2) == 0 {
			return `{"anything-but":` + g.lit() + `}`
		}
		return `{"anything-but":[` + g.lit() + `,` + g.lit() + `]}`
	case 10:
		op := g.pick("prefix", "suffix", "equals-ignore-case")
		return `{"anything-but":{"` + op + `":` + g.strLit() + `}}`
	case 11:
		return `{"anything-but":{"wildcard":` + g.pick(`"x*"`, `"*"`, `"*y"`) + `}}`
	case 12, 13:
		return `{"numeric":` + g.numeric() + `}`
	case 14:
		return `{"cidr":` + g.pick(`"10.0.0.0/24"`, `"10.0.0.1"`, `"2001:db8::/32"`) + `}`
	}
	return `{"exists":` + g.pick("true", "false") + `}`
}

func (g *gen) numeric() string {
	op := g.pick("=", ">", ">=", "<", "<=", "!=")
	v := genNums[g.n(len(genNums))]
	if g.n(3) == 0 {
		lo := g.pick("-1", "0", "1")
		hi := g.pick("2.5", "100")
		return `["` + g.pick(">", ">=") + `",` + lo + `,"` + g.pick("<", "<=") + `",` + hi + `]`
	}
	return `["` + op + `",` + v + `]`
}

// patObj returns a pattern object; depth limits nesting.
func (g *gen) patObj(depth int) string {
	var parts []string
	for i, k := 0, 1+g.n(2); i < k; i++ {
		key := g.pick("a", "b", "c", "data", "a.b")
		switch c := g.n(8); {
		case c == 0 && depth < 2:
			parts = append(parts, `"`+key+`":`+g.patObj(depth+1))
		case c == 1 && depth < 2:
			parts = append(parts, `"$or":[`+g.patObj(depth+1)+`,`+g.patObj(depth+1)+`]`)
		default:
			var conds []string
			for j, m := 0, 1+g.n(3); j < m; j++ {
				conds = append(conds, g.cond())
			}
			parts = append(parts, `"`+key+`":[`+strings.Join(conds, ",")+`]`)
		}
	}
	return "{" + strings.Join(parts, ",") + "}"
}

// evVal returns a random event value.
func (g *gen) evVal(depth int) string {
	switch c := g.n(10); {
	case c < 5 || depth >= 3:
		return g.lit()
	case c < 7:
		return g.evObj(depth + 1)
	default:
		var el []string
		for i, k := 0, g.n(4); i < k; i++ {
			el = append(el, g.evVal(depth+1))
		}
		return "[" + strings.Join(el, ",") + "]"
	}
}

// evObj returns a random event object with distinct keys.
func (g *gen) evObj(depth int) string {
	var parts []string
	used := map[string]bool{}
	for i, k := 0, 1+g.n(4); i < k; i++ {
		key := genKeys[g.n(len(genKeys))]
		if used[key] {
			continue
		}
		used[key] = true
		parts = append(parts, strconv.Quote(key)+":"+g.evVal(depth))
	}
	return "{" + strings.Join(parts, ",") + "}"
}
