package pattern

import (
	"slices"
	"strings"
)

// pathIndex holds every condition of every rule on one field path, indexed by operator so that
// one event value is checked against all of them with a few map lookups. Entries are global
// field ids (see Matcher): a field is satisfied when any of its conditions is.
type pathIndex struct {
	name        string
	exact       map[string][]int32  // strings; Alibaba also number text and "true"/"false"
	numEq       map[float64][]int32 // AWS exact numbers, by value
	trueF       []int32             // AWS exact true
	falseF      []int32             // AWS exact false
	nullF       []int32             // exact null
	prefix      affix
	suffix      affix
	prefixCI    affix
	suffixCI    affix
	ci          map[string][]int32 // equals-ignore-case (lower-cased)
	hasCI       bool
	num         numIndex
	cidr        cidrIndex
	existsTrue  []int32   // satisfied by any primitive value
	existsFalse []int32   // satisfied when the path is absent (decided after the scan)
	scan        []scanEnt // contains, wildcard, cidr, anything-but: checked one by one
	dataScoped  bool      // Alibaba: path under "data.", so exists:false needs "data" present
}

type scanEnt struct {
	c *Cond
	f int32
}

// affix indexes prefixes (or suffixes) by their text; lens lists the distinct lengths ascending.
type affix struct {
	m    map[string][]int32
	lens []int
}

func (a *affix) add(s string, f int32) {
	if a.m == nil {
		a.m = map[string][]int32{}
	}
	if _, ok := a.m[s]; !ok {
		if i, found := slices.BinarySearch(a.lens, len(s)); !found {
			a.lens = slices.Insert(a.lens, i, len(s))
		}
	}
	a.m[s] = append(a.m[s], f)
}

// numIndex holds numeric conditions: equalities in a map, one-sided bounds sorted so that the
// satisfied ones form a prefix, two-sided ranges sorted by lower bound, inequalities in a list.
type numIndex struct {
	eq     map[float64][]int32
	ne     []numEnt
	lower  []numEnt // > / >= only, ascending Lo
	upper  []numEnt // < / <= only, descending Hi
	both   []numEnt // ranges, ascending Lo (scanned only if ranges could not be indexed)
	rng    rangeIndex
	hasRng bool
}

type numEnt struct {
	c *NumCond
	f int32
}

func (n *numIndex) add(c *NumCond, f int32) {
	e := numEnt{c, f}
	switch {
	case c.Eq:
		if n.eq == nil {
			n.eq = map[float64][]int32{}
		}
		n.eq[c.Lo] = append(n.eq[c.Lo], f)
	case c.Ne:
		n.ne = append(n.ne, e)
	case c.HasLo && c.HasHi:
		n.both = append(n.both, e)
	case c.HasLo:
		n.lower = append(n.lower, e)
	default:
		n.upper = append(n.upper, e)
	}
}

func (n *numIndex) sort() {
	byLo := func(a, b numEnt) int { return cmpFloat(a.c.Lo, b.c.Lo) }
	slices.SortStableFunc(n.lower, byLo)
	slices.SortStableFunc(n.both, byLo)
	slices.SortStableFunc(n.upper, func(a, b numEnt) int { return cmpFloat(b.c.Hi, a.c.Hi) })
	if len(n.both) > 0 {
		if n.rng, n.hasRng = buildRanges(n.both); n.hasRng {
			n.both = nil
		}
	}
}

func (n *numIndex) empty() bool {
	return n.eq == nil && !n.hasRng && len(n.ne)+len(n.lower)+len(n.upper)+len(n.both) == 0
}

func cmpFloat(a, b float64) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

// add indexes condition c of global field f for dialect d.
func (p *pathIndex) add(c *Cond, f int32, d Dialect) {
	switch c.Op {
	case OpExactString, OpExactNumber, OpExactBool, OpExactNull:
		p.addExact(&c.Lit, f, d)
	case OpPrefix:
		p.prefix.add(c.Str, f)
	case OpSuffix:
		p.suffix.add(c.Str, f)
	case OpPrefixIgnoreCase:
		p.prefixCI.add(c.Str, f)
		p.hasCI = true
	case OpSuffixIgnoreCase:
		p.suffixCI.add(c.Str, f)
		p.hasCI = true
	case OpEqualsIgnoreCase:
		p.ci = addTo(p.ci, c.Str, f)
		p.hasCI = true
	case OpNumeric:
		p.num.add(&c.Num, f)
	case OpCIDR:
		p.cidr.add(c.Prefix, f)
	case OpExists:
		if c.Exists {
			p.existsTrue = append(p.existsTrue, f)
		} else {
			p.existsFalse = append(p.existsFalse, f)
			p.dataScoped = d == Alibaba && strings.HasPrefix(p.name, "data.")
		}
	default:
		p.scan = append(p.scan, scanEnt{c, f})
	}
}

func (p *pathIndex) addExact(l *Literal, f int32, d Dialect) {
	switch {
	case l.Kind == KindNull:
		p.nullF = append(p.nullF, f)
	case d == Alibaba:
		p.exact = addTo(p.exact, litText(l), f)
	case l.Kind == KindString:
		p.exact = addTo(p.exact, l.Str, f)
	case l.Kind == KindNumber:
		if p.numEq == nil {
			p.numEq = map[float64][]int32{}
		}
		p.numEq[l.Num] = append(p.numEq[l.Num], f)
	case l.Kind == KindTrue:
		p.trueF = append(p.trueF, f)
	default:
		p.falseF = append(p.falseF, f)
	}
}

func addTo(m map[string][]int32, k string, f int32) map[string][]int32 {
	if m == nil {
		m = map[string][]int32{}
	}
	m[k] = append(m[k], f)
	return m
}
