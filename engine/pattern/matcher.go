package pattern

import (
	"math/bits"
	"slices"
	"strings"
)

// Matcher holds all the rules of a bus and answers, for an event, which of them match. Each rule
// gets exactly the answer it would get alone. Build it with Add/Remove; the indexes are rebuilt
// lazily on the next Match after a change.
//
// A Matcher keeps per-event scratch state to avoid allocating, so it is NOT safe for concurrent
// use: give each goroutine its own Matcher (Clone copies the rules).
type Matcher struct {
	dialect Dialect
	rules   map[int]*Pattern
	dirty   bool

	// compiled form (see build)
	root      *tnode
	paths     []*pathIndex
	dataPath  int32   // path id of "data" (Alibaba exists:false scoping), or -1
	fieldSub  []int32 // global field -> sub-rule
	fieldDef  []*Field
	fieldPath []int32
	fieldNeg  []bool    // the field has exists:false
	subRule   []int32   // sub-rule -> index in ruleIDs
	subNeed   []int32   // sub-rule -> number of indexed fields
	subFields [][]int32 // sub-rule -> its global fields
	subLater  [][]int32 // sub-rule -> fields checked only for candidates (see selective)
	ruleIDs   []int     // ascending
	always    []int32   // sub-rules without fields ({} matches everything)
	absent    []int32   // paths with exists:false conditions

	st state // per-event scratch
}

// NewMatcher returns an empty matcher for dialect d.
func NewMatcher(d Dialect) *Matcher {
	return &Matcher{dialect: d, rules: map[int]*Pattern{}, dirty: true}
}

// Dialect returns the matcher's dialect.
func (m *Matcher) Dialect() Dialect { return m.dialect }

// Add sets the pattern of rule id, replacing any earlier one. The pattern is evaluated with the
// matcher's dialect.
func (m *Matcher) Add(id int, p *Pattern) {
	m.rules[id] = p
	m.dirty = true
}

// AddPattern compiles src in the matcher's dialect and adds it as rule id.
func (m *Matcher) AddPattern(id int, src []byte) error {
	p, err := Compile(src, m.dialect)
	if err != nil {
		return err
	}
	m.Add(id, p)
	return nil
}

// Remove deletes rule id; it reports whether it was there.
func (m *Matcher) Remove(id int) bool {
	if _, ok := m.rules[id]; !ok {
		return false
	}
	delete(m.rules, id)
	m.dirty = true
	return true
}

// Len returns the number of rules.
func (m *Matcher) Len() int { return len(m.rules) }

// Clone returns a matcher with the same dialect and rules and its own scratch state.
func (m *Matcher) Clone() *Matcher {
	c := NewMatcher(m.dialect)
	for id, p := range m.rules {
		c.rules[id] = p
	}
	return c
}

// build compiles the rules into the path tree, the per-path indexes and the counting tables.
func (m *Matcher) build() {
	*m = Matcher{dialect: m.dialect, rules: m.rules, root: newTnode(), dataPath: -1}
	ids := make([]int, 0, len(m.rules))
	for id := range m.rules {
		ids = append(ids, id)
	}
	slices.Sort(ids)
	m.ruleIDs = ids
	for ri, id := range ids {
		for _, alt := range m.rules[id].alts {
			m.addSub(int32(ri), alt)
		}
	}
	for _, p := range m.paths {
		p.num.sort()
		if len(p.existsFalse) > 0 {
			m.absent = append(m.absent, m.pathID(p.name))
		}
	}
	m.st.init(m)
}

// addSub adds one alternative of rule. When it has a selective field (exact, prefix, numeric
// range, …), only selective fields are indexed and counted; broad ones (anything-but, exists,
// numeric !=), which most events satisfy, are checked only for sub-rules whose selective fields
// all matched. That keeps the work per event proportional to what is likely to match.
func (m *Matcher) addSub(rule int32, alt []*Field) {
	s := int32(len(m.subRule))
	m.subRule = append(m.subRule, rule)
	anySel := false
	for _, f := range alt {
		anySel = anySel || selective(f)
	}
	var fs, later []int32
	for _, f := range alt {
		g := int32(len(m.fieldSub))
		pid := m.pathID(f.Path)
		m.fieldSub = append(m.fieldSub, s)
		m.fieldDef = append(m.fieldDef, f)
		m.fieldPath = append(m.fieldPath, pid)
		m.fieldNeg = append(m.fieldNeg, hasExistsFalse(f))
		fs = append(fs, g)
		if anySel && !selective(f) {
			later = append(later, g)
			if hasExistsFalse(f) && m.dialect == Alibaba && strings.HasPrefix(f.Path, "data.") {
				m.paths[pid].dataScoped = true
				m.dataPath = m.pathID("data")
			}
			continue
		}
		for i := range f.Conds {
			m.paths[pid].add(&f.Conds[i], g, m.dialect)
			if m.paths[pid].dataScoped && m.dataPath < 0 {
				m.dataPath = m.pathID("data")
			}
		}
	}
	m.subNeed = append(m.subNeed, int32(len(fs)-len(later)))
	m.subFields = append(m.subFields, fs)
	m.subLater = append(m.subLater, later)
	if len(alt) == 0 {
		m.always = append(m.always, s)
	}
}

// selective reports whether every condition of f is one that few values satisfy.
func selective(f *Field) bool {
	for i := range f.Conds {
		switch c := &f.Conds[i]; c.Op {
		case OpAnythingBut, OpAnythingButPrefix, OpAnythingButSuffix, OpAnythingButIC,
			OpAnythingButWildcard, OpExists:
			return false
		case OpNumeric:
			if c.Num.Ne {
				return false
			}
		}
	}
	return true
}

// laterOK checks the deferred fields of candidate sub-rule s.
func (m *Matcher) laterOK(s int32) bool {
	st := &m.st
	for _, f := range m.subLater[s] {
		p := m.fieldPath[f]
		if m.fieldNeg[f] && st.isAbsent(p) {
			continue
		}
		ok := false
		if st.pst[p].stamp == st.epoch {
			for vi := st.pst[p].head; vi >= 0 && !ok; vi = st.vals[vi].next {
				ok = fieldMatches(m.fieldDef[f], &st.vals[vi], m.dialect)
			}
		}
		if !ok {
			return false
		}
	}
	return true
}

// pathID returns the id of a dotted path, registering it in the tree on first use.
func (m *Matcher) pathID(path string) int32 {
	n := m.root.insert(strings.Split(path, "."))
	if n.path < 0 {
		n.path = int32(len(m.paths))
		m.paths = append(m.paths, &pathIndex{name: path})
	}
	return n.path
}

// Match appends to dst[:0] the ids of every rule the event matches, in ascending order. The event
// must be a JSON object; invalid JSON is an error (and no ids).
func (m *Matcher) Match(event []byte, dst []int) ([]int, error) {
	if m.dirty {
		m.build()
	}
	dst = dst[:0]
	if err := m.st.run(m, event); err != nil {
		return dst, err
	}
	st := &m.st
	for _, s := range st.cands {
		if len(m.subLater[s]) > 0 && !m.laterOK(s) {
			continue
		}
		if st.hasTrail && len(m.subFields[s]) > 1 && !m.verify(s) {
			continue
		}
		st.ruleBits[m.subRule[s]>>6] |= 1 << (m.subRule[s] & 63)
	}
	for _, s := range m.always {
		st.ruleBits[m.subRule[s]>>6] |= 1 << (m.subRule[s] & 63)
	}
	for w, word := range st.ruleBits {
		for word != 0 {
			dst = append(dst, m.ruleIDs[w<<6+bits.TrailingZeros64(word)])
			word &= word - 1
		}
		st.ruleBits[w] = 0
	}
	return dst, nil
}
