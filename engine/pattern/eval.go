package pattern

import "slices"

// eval checks one captured value against every condition on its path. first is true for the
// path's first primitive value in this event.
func (st *state) eval(p *pathIndex, v *value, first bool) {
	if first && len(p.existsTrue) > 0 {
		st.markAll(p.existsTrue)
	}
	d := st.m.dialect
	switch v.kind {
	case KindString:
		s := bstr(v.raw)
		if p.exact != nil {
			if fs, ok := p.exact[s]; ok {
				st.markAll(fs)
			}
		}
		st.affixes(&p.prefix, &p.suffix, s)
		if p.cidr.m != nil {
			st.cidr(&p.cidr, s)
		}
		if p.hasCI {
			l := st.fold(v.raw)
			if fs, ok := p.ci[l]; ok {
				st.markAll(fs)
			}
			st.affixes(&p.prefixCI, &p.suffixCI, l)
		}
	case KindNumber:
		if d == Alibaba {
			if fs, ok := p.exact[bstr(v.raw)]; ok {
				st.markAll(fs)
			}
		} else if fs, ok := p.numEq[v.num]; ok {
			st.markAll(fs)
		}
		if !p.num.empty() {
			st.numeric(&p.num, v.num)
		}
	case KindTrue, KindFalse:
		switch {
		case d == Alibaba:
			t, _ := v.text()
			if fs, ok := p.exact[t]; ok {
				st.markAll(fs)
			}
		case v.kind == KindTrue:
			st.markAll(p.trueF)
		default:
			st.markAll(p.falseF)
		}
	case KindNull:
		st.markAll(p.nullF)
	}
	lower, folded := "", false
	for i := range p.scan {
		e := &p.scan[i]
		if st.fields[e.f].stamp == st.epoch {
			continue
		}
		if e.c.Op == OpAnythingButIC && v.kind == KindString {
			if !folded { // fold once per value, without allocating for ASCII
				lower, folded = st.fold(v.raw), true
			}
			if !slices.Contains(e.c.Strs, lower) {
				st.mark(e.f)
			}
			continue
		}
		if e.c.match(v, d) {
			st.mark(e.f)
		}
	}
}

func (st *state) affixes(pre, suf *affix, s string) {
	for _, l := range pre.lens {
		if l > len(s) {
			break
		}
		if fs, ok := pre.m[s[:l]]; ok {
			st.markAll(fs)
		}
	}
	for _, l := range suf.lens {
		if l > len(s) {
			break
		}
		if fs, ok := suf.m[s[len(s)-l:]]; ok {
			st.markAll(fs)
		}
	}
}

// fold lower-cases b like fold does, in the scratch buffer when b is ASCII.
func (st *state) fold(b []byte) string {
	start := len(st.scratch)
	for _, c := range b {
		if c >= 0x80 {
			st.scratch = st.scratch[:start]
			return fold(string(b))
		}
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		st.scratch = append(st.scratch, c)
	}
	return bstr(st.scratch[start:])
}

func (st *state) numeric(n *numIndex, x float64) {
	if fs, ok := n.eq[x]; ok {
		st.markAll(fs)
	}
	for _, e := range n.ne {
		if x != e.c.Lo {
			st.mark(e.f)
		}
	}
	for _, e := range n.lower {
		if e.c.Lo > x {
			break
		}
		if e.c.contains(x) {
			st.mark(e.f)
		}
	}
	for _, e := range n.upper {
		if e.c.Hi < x {
			break
		}
		if e.c.contains(x) {
			st.mark(e.f)
		}
	}
	if n.hasRng {
		st.markAll(n.rng.lookup(x))
	}
	for _, e := range n.both {
		if e.c.Lo > x {
			break
		}
		if e.c.contains(x) {
			st.mark(e.f)
		}
	}
}

func (st *state) cidr(c *cidrIndex, s string) {
	a, ok := parseIP(s)
	if !ok || a.Zone() != "" {
		return
	}
	lens := c.lens6
	if a.Is4() {
		lens = c.lens4
	}
	for _, l := range lens {
		if p, err := a.Prefix(l); err == nil {
			if fs, ok := c.m[p]; ok {
				st.markAll(fs)
			}
		}
	}
}
