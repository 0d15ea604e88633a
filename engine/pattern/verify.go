package pattern

import "slices"

// Arrays of objects: a rule's conditions must be met by values from one consistent choice of
// elements — two fields reached through the same array must come from the same element (as AWS
// does: it never combines fields of different elements). Counting cannot see this, so a
// sub-rule whose fields are all satisfied is re-checked here when the event had values inside
// arrays of objects. Values record their trail: the (array, element) pairs on their way, up to
// the innermost object; two values are compatible when their trails agree on every shared array.

// verify reports whether sub-rule s can be satisfied by a consistent choice of values. The
// search is a backtracking one over fields; it keeps one value per run of values with the same
// trail (values of one element are interchangeable) and tries the field with the fewest options
// first, so that contradictions show early.
func (m *Matcher) verify(s int32) bool {
	st := &m.st
	st.optVals, st.optGroups = st.optVals[:0], st.optGroups[:0]
	for _, f := range m.subFields[s] {
		p := m.fieldPath[f]
		if m.fieldNeg[f] && st.isAbsent(p) {
			continue
		}
		start, free := len(st.optVals), false
		if st.pst[p].stamp == st.epoch {
			for vi := st.pst[p].head; vi >= 0; vi = st.vals[vi].next {
				v := &st.vals[vi]
				if !fieldMatches(m.fieldDef[f], v, m.dialect) {
					continue
				}
				if v.tlen == 0 {
					free = true
					break
				}
				if n := len(st.optVals); n > start && st.sameTrail(st.optVals[n-1], vi) {
					continue
				}
				st.optVals = append(st.optVals, vi)
			}
		}
		if free {
			st.optVals = st.optVals[:start]
			continue
		}
		if len(st.optVals) == start {
			return false
		}
		st.optGroups = append(st.optGroups, optGroup{int32(start), int32(len(st.optVals))})
	}
	slices.SortFunc(st.optGroups, func(a, b optGroup) int { return int((a.end - a.start) - (b.end - b.start)) })
	st.chosen = st.chosen[:0]
	return st.choose(0)
}

// optGroup is one field's candidate values: optVals[start:end].
type optGroup struct{ start, end int32 }

// choose picks a value for option group g compatible with every value in st.chosen.
func (st *state) choose(g int) bool {
	if g == len(st.optGroups) {
		return true
	}
	og := st.optGroups[g]
	for i := og.start; i < og.end; i++ {
		vi := st.optVals[i]
		ok := true
		for _, c := range st.chosen {
			if !st.compatible(vi, c) {
				ok = false
				break
			}
		}
		if !ok {
			continue
		}
		st.chosen = append(st.chosen, vi)
		if st.choose(g + 1) {
			return true
		}
		st.chosen = st.chosen[:len(st.chosen)-1]
	}
	return false
}

func (st *state) sameTrail(a, b int32) bool {
	va, vb := &st.vals[a], &st.vals[b]
	return slices.Equal(st.trails[va.trail:va.trail+va.tlen], st.trails[vb.trail:vb.trail+vb.tlen])
}

func (st *state) compatible(a, b int32) bool {
	va, vb := &st.vals[a], &st.vals[b]
	ta := st.trails[va.trail : va.trail+va.tlen]
	tb := st.trails[vb.trail : vb.trail+vb.tlen]
	for i := 0; i < len(ta) && i < len(tb); i++ {
		if ta[i].arr != tb[i].arr {
			return true
		}
		if ta[i].idx != tb[i].idx {
			return false
		}
	}
	return true
}

func hasExistsFalse(f *Field) bool {
	for i := range f.Conds {
		if f.Conds[i].Op == OpExists && !f.Conds[i].Exists {
			return true
		}
	}
	return false
}

// fieldMatches reports whether some condition of f holds for v.
func fieldMatches(f *Field, v *value, d Dialect) bool {
	for i := range f.Conds {
		if f.Conds[i].match(v, d) {
			return true
		}
	}
	return false
}
