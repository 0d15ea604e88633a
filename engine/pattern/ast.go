package pattern

import (
	"net/netip"
	"slices"
	"strconv"
	"strings"
)

// Op is the kind of one condition in a field's value array.
type Op uint8

// The operators. Exact* are bare values in the pattern array; the rest are operator objects.
const (
	OpExactString Op = iota
	OpExactNumber
	OpExactBool
	OpExactNull
	OpPrefix
	OpSuffix
	OpContains
	OpEqualsIgnoreCase
	OpPrefixIgnoreCase
	OpSuffixIgnoreCase
	OpWildcard
	OpAnythingBut         // Lits: the excluded values
	OpAnythingButPrefix   // Strs
	OpAnythingButSuffix   // Strs
	OpAnythingButIC       // Strs, lower-cased
	OpAnythingButWildcard // Wilds
	OpNumeric
	OpCIDR
	OpExists
)

// Literal is a bare JSON value in a pattern: a string, number, boolean or null.
type Literal struct {
	Kind Kind
	Str  string  // string content, or the number's JSON text
	Num  float64 // number value
}

// Kind is the JSON type of a primitive value.
type Kind uint8

// Value kinds.
const (
	KindString Kind = iota
	KindNumber
	KindTrue
	KindFalse
	KindNull
)

// NumCond is a numeric condition: an interval (either bound optional), an equality or an
// inequality.
type NumCond struct {
	Eq, Ne         bool    // "=" X or "!=" X (X in Lo)
	HasLo, HasHi   bool    // interval bounds present
	LoIncl, HiIncl bool    // >= / <=
	Lo, Hi         float64 // bounds
	LoText, HiText string  // bounds as written, for messages
}

// Cond is one compiled condition. Which fields are used depends on Op.
type Cond struct {
	Op     Op
	Lit    Literal    // exact values
	Str    string     // prefix, suffix, contains, equals-ignore-case (lower-cased), wildcard text
	Wild   wildcard   // OpWildcard
	Lits   []Literal  // OpAnythingBut
	Strs   []string   // anything-but prefix/suffix/equals-ignore-case (lower-cased)
	Wilds  []wildcard // OpAnythingButWildcard
	Num    NumCond    // OpNumeric
	Prefix netip.Prefix
	Exists bool   // OpExists
	Src    string // the condition as written in the pattern (compact JSON)
}

// Field is the conditions on one field path: the field matches if any condition matches.
type Field struct {
	Path  string // canonical dotted path, e.g. "data.oss.object.size"
	Loc   string // where it was written in the pattern, e.g. "$or[1].data.size"
	Conds []Cond
}

// node is one AND level of a pattern: all fields and, for each $or group, one alternative.
type node struct {
	fields []*Field
	ors    [][]*node
	orLocs []string // where each $or group is written
}

// Pattern is a compiled event pattern. It is immutable and safe to share.
type Pattern struct {
	dialect Dialect
	root    *node
	alts    [][]*Field // disjunctive normal form of root: the pattern matches if any alt matches
	src     string
}

// Dialect returns the dialect the pattern was compiled for.
func (p *Pattern) Dialect() Dialect { return p.dialect }

// Source returns the pattern text as given to Compile.
func (p *Pattern) Source() string { return p.src }

// Fields returns the distinct field paths the pattern names, sorted.
func (p *Pattern) Fields() []string {
	seen := map[string]bool{}
	var out []string
	for _, alt := range p.alts {
		for _, f := range alt {
			if !seen[f.Path] {
				seen[f.Path] = true
				out = append(out, f.Path)
			}
		}
	}
	slices.Sort(out)
	return out
}

// String describes the condition for explanations: `"acs.oss"`, `prefix "acs."`,
// `numeric >= 1048576`, `exists false`.
func (c *Cond) String() string {
	switch c.Op {
	case OpExactString, OpExactNumber, OpExactBool, OpExactNull:
		return c.Lit.String()
	case OpNumeric:
		return "numeric " + c.Num.String()
	case OpExists:
		return "exists " + strconv.FormatBool(c.Exists)
	}
	// Src is a one-key object {"op":operand}; render it as `op operand`.
	if i := strings.Index(c.Src, `":`); strings.HasPrefix(c.Src, `{"`) && i > 0 {
		return c.Src[2:i] + " " + strings.TrimSuffix(c.Src[i+2:], "}")
	}
	return c.Src
}

// String renders the literal as JSON.
func (l Literal) String() string {
	switch l.Kind {
	case KindString:
		return quote(l.Str)
	case KindNumber:
		return l.Str
	case KindTrue:
		return "true"
	case KindFalse:
		return "false"
	}
	return "null"
}

// String renders ">= 1 < 5", "= 3", "!= 3".
func (n NumCond) String() string {
	switch {
	case n.Eq:
		return "= " + n.LoText
	case n.Ne:
		return "!= " + n.LoText
	}
	var parts []string
	if n.HasLo {
		op := ">"
		if n.LoIncl {
			op = ">="
		}
		parts = append(parts, op+" "+n.LoText)
	}
	if n.HasHi {
		op := "<"
		if n.HiIncl {
			op = "<="
		}
		parts = append(parts, op+" "+n.HiText)
	}
	return strings.Join(parts, " and ")
}

// contains reports whether v lies in the numeric condition.
func (n *NumCond) contains(v float64) bool {
	switch {
	case n.Eq:
		return v == n.Lo
	case n.Ne:
		return v != n.Lo
	}
	if n.HasLo && (v < n.Lo || (v == n.Lo && !n.LoIncl)) {
		return false
	}
	if n.HasHi && (v > n.Hi || (v == n.Hi && !n.HiIncl)) {
		return false
	}
	return true
}
