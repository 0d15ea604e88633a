package event

import (
	"fmt"
	"math"
	"slices"
	"strings"
	"sync"
)

// values are the resolved params of one Build call: every param of the entry present, of its
// kind, in the entry's param order (no map, no boxing: Build is on the event generation path).
type values struct {
	params []Param
	x      []pval
	buf    *[]pval // pooled storage of x
}

// pval is one resolved param: s, i or b according to the param's kind.
type pval struct {
	s string
	i int64
	b bool
}

// index returns the position of the named param; it panics on a name the entry does not have
// (a bug in a builder, never an input error).
func (v values) index(name string) int {
	for i := range v.params {
		if v.params[i].Name == name {
			return i
		}
	}
	panic("event: catalog builder reads unknown param " + name)
}

func (v values) str(name string) string { return v.x[v.index(name)].s }
func (v values) int(name string) int64  { return v.x[v.index(name)].i }
func (v values) bool(name string) bool  { return v.x[v.index(name)].b }

// lookupStr returns the named string param, if the entry has one.
func (v values) lookupStr(name string) (string, bool) {
	for i := range v.params {
		if v.params[i].Name == name && v.params[i].Kind == KindString {
			return v.x[i].s, true
		}
	}
	return "", false
}

// nonNegative fails when an int param is below zero.
func (v values) nonNegative(names ...string) error {
	for _, n := range names {
		if x := v.int(n); x < 0 {
			return fmt.Errorf("param %q: must be >= 0, not %d", n, x)
		}
	}
	return nil
}

// pvalPool recycles the resolved params between Build calls.
var pvalPool = sync.Pool{New: func() any { return new([]pval) }}

// resolve checks p against c.Params and fills the defaults. The caller returns the values
// with release once the event is built.
func (c CatalogEntry) resolve(p map[string]any) (values, error) {
	buf := pvalPool.Get().(*[]pval)
	x := slices.Grow((*buf)[:0], len(c.Params))[:len(c.Params)]
	*buf = x
	v := values{params: c.Params, x: x, buf: buf}
	for i, prm := range c.Params {
		x[i], _ = convert(prm, prm.Default)
	}
	for k, a := range p {
		i := slices.IndexFunc(c.Params, func(q Param) bool { return q.Name == k })
		if i < 0 {
			release(v)
			return values{}, c.resolveError(p)
		}
		d, ok := convert(c.Params[i], a)
		if !ok {
			release(v)
			return values{}, c.resolveError(p)
		}
		x[i] = d
	}
	return v, nil
}

// release returns v's storage to the pool; v must not be used afterwards.
func release(v values) {
	clear(v.x)
	pvalPool.Put(v.buf)
}

// resolveError returns the error for the first bad param of p in name order.
func (c CatalogEntry) resolveError(p map[string]any) error {
	names := make([]string, 0, len(p))
	for k := range p {
		names = append(names, k)
	}
	slices.Sort(names)
	for _, k := range names {
		prm, ok := c.Param(k)
		if !ok {
			return fmt.Errorf("unknown param %q (valid: %s)", k, c.paramNames())
		}
		if _, ok := convert(prm, p[k]); !ok {
			return fmt.Errorf("param %q: want %s, got %T %v", prm.Name, prm.Kind, p[k], p[k])
		}
	}
	return fmt.Errorf("params %v: invalid", p) // not reached: resolve found a bad param
}

func (c CatalogEntry) paramNames() string {
	names := make([]string, len(c.Params))
	for i, p := range c.Params {
		names[i] = p.Name
	}
	return strings.Join(names, ", ")
}

// convert checks x against the kind of p and returns it in the field of that kind.
func convert(p Param, x any) (pval, bool) {
	switch p.Kind {
	case KindString:
		s, ok := x.(string)
		return pval{s: s}, ok
	case KindBool:
		b, ok := x.(bool)
		return pval{b: b}, ok
	case KindInt:
		n, ok := toInt(x)
		return pval{i: n}, ok
	}
	return pval{}, false
}

func toInt(x any) (int64, bool) {
	switch n := x.(type) {
	case int:
		return int64(n), true
	case int8:
		return int64(n), true
	case int16:
		return int64(n), true
	case int32:
		return int64(n), true
	case int64:
		return n, true
	case uint:
		return uintToInt(uint64(n))
	case uint8:
		return int64(n), true
	case uint16:
		return int64(n), true
	case uint32:
		return int64(n), true
	case uint64:
		return uintToInt(n)
	case float64:
		if n == math.Trunc(n) && n >= math.MinInt64 && n < math.MaxInt64 {
			return int64(n), true
		}
	case float32:
		return toInt(float64(n))
	}
	return 0, false
}

func uintToInt(n uint64) (int64, bool) {
	if n > math.MaxInt64 {
		return 0, false
	}
	return int64(n), true
}
