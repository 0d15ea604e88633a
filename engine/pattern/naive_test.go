package pattern

import (
	"bytes"
	"encoding/json"
	"fmt"
	"net/netip"
	"strconv"
	"strings"
)

// The naive reference matcher: decode the event with encoding/json and walk every compiled
// alternative of the pattern over it, evaluating conditions from their definitions. The fast
// Matcher must agree with it everywhere.

type naiveVal struct {
	v     any // string, json.Number, bool, nil
	trail []naivePair
}

type naivePair struct {
	arr string // location of the array in the event
	idx int
}

// naiveMatch reports whether the event matches p in dialect d.
func naiveMatch(p *Pattern, event []byte, d Dialect) (bool, error) {
	dec := json.NewDecoder(bytes.NewReader(event))
	dec.UseNumber()
	var ev any
	if err := dec.Decode(&ev); err != nil {
		return false, err
	}
	if dec.More() {
		return false, fmt.Errorf("trailing data")
	}
	if _, ok := ev.(map[string]any); !ok {
		return false, fmt.Errorf("not an object")
	}
	for _, alt := range p.alts {
		if naiveAlt(alt, ev, d) {
			return true, nil
		}
	}
	return false, nil
}

func naiveAlt(alt []*Field, ev any, d Dialect) bool {
	var options [][]naiveVal
	for _, f := range alt {
		vals, present := naiveCollect(ev, strings.Split(f.Path, "."))
		if naiveAbsent(f, ev, vals, present, d) {
			continue // exists:false holds: the field is satisfied whatever else is chosen
		}
		var ok []naiveVal
		for _, v := range vals {
			for i := range f.Conds {
				if naiveCond(&f.Conds[i], v.v, d) {
					ok = append(ok, v)
					break
				}
			}
		}
		if len(ok) == 0 {
			return false
		}
		options = append(options, ok)
	}
	return naiveChoose(options, nil)
}

// naiveAbsent reports whether f has exists:false and the field counts as absent.
func naiveAbsent(f *Field, ev any, vals []naiveVal, present bool, d Dialect) bool {
	has := false
	for _, c := range f.Conds {
		if c.Op == OpExists && !c.Exists {
			has = true
		}
	}
	if !has || len(vals) > 0 {
		return false
	}
	if d == AWS {
		return true
	}
	if present {
		return false
	}
	if strings.HasPrefix(f.Path, "data.") {
		_, ok := ev.(map[string]any)["data"]
		return ok
	}
	return true
}

// naiveChoose reports whether one value per field can be chosen with pairwise compatible trails.
func naiveChoose(options [][]naiveVal, chosen []naiveVal) bool {
	if len(options) == 0 {
		return true
	}
	for _, v := range options[0] {
		ok := true
		for _, c := range chosen {
			if !naiveCompatible(v.trail, c.trail) {
				ok = false
				break
			}
		}
		if ok && naiveChoose(options[1:], append(chosen, v)) {
			return true
		}
	}
	return false
}

func naiveCompatible(a, b []naivePair) bool {
	for i := 0; i < len(a) && i < len(b); i++ {
		if a[i].arr != b[i].arr {
			return true
		}
		if a[i].idx != b[i].idx {
			return false
		}
	}
	return true
}

// naiveCollect returns the primitive values at path segs and whether anything (also an object or
// an empty array) is there.
func naiveCollect(ev any, segs []string) ([]naiveVal, bool) {
	var out []naiveVal
	present := false
	var walk func(v any, segs []string, loc string, trail []naivePair, objTrail int)
	walk = func(v any, segs []string, loc string, trail []naivePair, objTrail int) {
		if a, ok := v.([]any); ok {
			if len(segs) == 0 && len(a) == 0 {
				present = true
			}
			for i, e := range a {
				t := append(append([]naivePair(nil), trail...), naivePair{loc, i})
				walk(e, segs, loc+"/"+strconv.Itoa(i), t, objTrail)
			}
			return
		}
		m, isObj := v.(map[string]any)
		if len(segs) == 0 {
			present = true
			if !isObj {
				out = append(out, naiveVal{v: v, trail: trail[:objTrail]})
			}
			return
		}
		if !isObj {
			return
		}
		for k, child := range m {
			ks := strings.Split(k, ".")
			if len(ks) <= len(segs) && strings.Join(segs[:len(ks)], ".") == k {
				walk(child, segs[len(ks):], loc+"/"+k, trail, len(trail))
			}
		}
	}
	walk(ev, segs, "", nil, 0)
	return out, present
}

// naiveCond evaluates one condition on a decoded primitive, straight from the spec.
func naiveCond(c *Cond, v any, d Dialect) bool {
	s, isStr := v.(string)
	num, isNum := v.(json.Number)
	switch c.Op {
	case OpExactString, OpExactNumber, OpExactBool, OpExactNull:
		return naiveEq(c.Lit, v, d)
	case OpPrefix:
		return isStr && strings.HasPrefix(s, c.Str)
	case OpSuffix:
		return isStr && strings.HasSuffix(s, c.Str)
	case OpContains:
		return isStr && strings.Contains(s, c.Str)
	case OpEqualsIgnoreCase:
		return isStr && strings.ToLower(s) == c.Str
	case OpPrefixIgnoreCase:
		return isStr && strings.HasPrefix(strings.ToLower(s), c.Str)
	case OpSuffixIgnoreCase:
		return isStr && strings.HasSuffix(strings.ToLower(s), c.Str)
	case OpWildcard:
		return isStr && naiveWildcard(c.Str, s)
	case OpAnythingBut:
		for _, l := range c.Lits {
			if naiveEq(l, v, d) {
				return false
			}
		}
		return true
	case OpAnythingButPrefix, OpAnythingButSuffix, OpAnythingButIC, OpAnythingButWildcard:
		if !isStr {
			return true
		}
		for _, x := range c.Strs {
			if (c.Op == OpAnythingButPrefix && strings.HasPrefix(s, x)) ||
				(c.Op == OpAnythingButSuffix && strings.HasSuffix(s, x)) ||
				(c.Op == OpAnythingButIC && strings.ToLower(s) == x) ||
				(c.Op == OpAnythingButWildcard && naiveWildcard(x, s)) {
				return false
			}
		}
		return true
	case OpNumeric:
		if !isNum {
			return false
		}
		f, _ := strconv.ParseFloat(string(num), 64)
		return c.Num.contains(f)
	case OpCIDR:
		a, err := netip.ParseAddr(s)
		return isStr && err == nil && c.Prefix.Contains(a)
	case OpExists:
		return c.Exists
	}
	panic("naive: unknown op")
}

func naiveEq(l Literal, v any, d Dialect) bool {
	if l.Kind == KindNull || v == nil {
		return l.Kind == KindNull && v == nil
	}
	if d == Alibaba {
		var t string
		switch x := v.(type) {
		case string:
			t = x
		case json.Number:
			t = string(x)
		case bool:
			t = strconv.FormatBool(x)
		}
		return t == litText(&l)
	}
	switch x := v.(type) {
	case string:
		return l.Kind == KindString && x == l.Str
	case json.Number:
		f, _ := strconv.ParseFloat(string(x), 64)
		return l.Kind == KindNumber && f == l.Num
	case bool:
		return (l.Kind == KindTrue && x) || (l.Kind == KindFalse && !x)
	}
	return false
}

// naiveWildcard matches by backtracking over the raw wildcard text (independent of wildcard.go).
func naiveWildcard(w, s string) bool {
	if w == "" {
		return s == ""
	}
	switch {
	case w[0] == '*':
		for i := 0; i <= len(s); i++ {
			if naiveWildcard(w[1:], s[i:]) {
				return true
			}
		}
		return false
	case w[0] == '\\' && len(w) > 1:
		return s != "" && s[0] == w[1] && naiveWildcard(w[2:], s[1:])
	}
	return s != "" && s[0] == w[0] && naiveWildcard(w[1:], s[1:])
}
