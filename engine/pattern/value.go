package pattern

import (
	"strings"
	"unicode/utf8"
	"unsafe"
)

// value is one primitive value found in an event at a path some pattern needs.
type value struct {
	kind  Kind
	raw   []byte  // string content (unescaped) or the number's JSON text; valid during one Match
	num   float64 // number value (KindNumber)
	path  int32   // path id in the matcher
	next  int32   // next value on the same path, or -1
	trail int32   // offset of this value's array trail in the matcher's trail buffer
	tlen  int32   // trail length (pairs)
}

// bstr views b as a string without copying; the result must not outlive b.
func bstr(b []byte) string { return unsafe.String(unsafe.SliceData(b), len(b)) }

// fold is the case folding of equals-ignore-case and its forms: Unicode lower case.
func fold(s string) string {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= utf8.RuneSelf {
			return strings.ToLower(s)
		}
		if 'A' <= c && c <= 'Z' {
			return strings.ToLower(s)
		}
	}
	return s
}

// text is the Alibaba exact-match form of a value: string content, the number's JSON text, or
// "true"/"false". Null has none.
func (v *value) text() (string, bool) {
	switch v.kind {
	case KindString, KindNumber:
		return bstr(v.raw), true
	case KindTrue:
		return "true", true
	case KindFalse:
		return "false", true
	}
	return "", false
}

// equalsLit applies exact-value semantics: Alibaba compares the text form (so 300 ≠ 300.0, and
// the number 100 equals the string "100"); AWS compares JSON values (300 = 300.0, "100" ≠ 100).
func (v *value) equalsLit(l *Literal, d Dialect) bool {
	if l.Kind == KindNull || v.kind == KindNull {
		return l.Kind == v.kind
	}
	if d == Alibaba {
		t, _ := v.text()
		return t == litText(l)
	}
	switch l.Kind {
	case KindString:
		return v.kind == KindString && bstr(v.raw) == l.Str
	case KindNumber:
		return v.kind == KindNumber && v.num == l.Num
	}
	return v.kind == l.Kind
}

// litText is the Alibaba exact-match form of a non-null literal.
func litText(l *Literal) string {
	switch l.Kind {
	case KindTrue:
		return "true"
	case KindFalse:
		return "false"
	}
	return l.Str
}

// match reports whether the primitive value v satisfies c in dialect d. exists:false never
// matches a value; it is decided per event (see Matcher).
func (c *Cond) match(v *value, d Dialect) bool {
	isStr := v.kind == KindString
	s := bstr(v.raw)
	switch c.Op {
	case OpExactString, OpExactNumber, OpExactBool, OpExactNull:
		return v.equalsLit(&c.Lit, d)
	case OpPrefix:
		return isStr && strings.HasPrefix(s, c.Str)
	case OpSuffix:
		return isStr && strings.HasSuffix(s, c.Str)
	case OpContains:
		return isStr && strings.Contains(s, c.Str)
	case OpEqualsIgnoreCase:
		return isStr && fold(s) == c.Str
	case OpPrefixIgnoreCase:
		return isStr && strings.HasPrefix(fold(s), c.Str)
	case OpSuffixIgnoreCase:
		return isStr && strings.HasSuffix(fold(s), c.Str)
	case OpWildcard:
		return isStr && c.Wild.match(s)
	case OpAnythingBut:
		for i := range c.Lits {
			if v.equalsLit(&c.Lits[i], d) {
				return false
			}
		}
		return true
	case OpAnythingButPrefix, OpAnythingButSuffix, OpAnythingButIC, OpAnythingButWildcard:
		return !isStr || !c.anyStr(s)
	case OpNumeric:
		return v.kind == KindNumber && c.Num.contains(v.num)
	case OpCIDR:
		if !isStr {
			return false
		}
		a, ok := parseIP(s)
		return ok && c.Prefix.Contains(a)
	case OpExists:
		return c.Exists
	}
	return false
}

// anyStr reports whether s matches one of the anything-but object form's strings.
func (c *Cond) anyStr(s string) bool {
	switch c.Op {
	case OpAnythingButIC:
		s = fold(s)
	case OpAnythingButWildcard:
		for i := range c.Wilds {
			if c.Wilds[i].match(s) {
				return true
			}
		}
		return false
	}
	for _, x := range c.Strs {
		switch {
		case c.Op == OpAnythingButPrefix && strings.HasPrefix(s, x),
			c.Op == OpAnythingButSuffix && strings.HasSuffix(s, x),
			c.Op == OpAnythingButIC && s == x:
			return true
		}
	}
	return false
}
