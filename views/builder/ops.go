package builder

import (
	"fmt"
	"net/netip"
	"strconv"
	"strings"

	"github.com/fanout/fanout/engine/field"
	"github.com/fanout/fanout/engine/pattern"
)

// OpsFor lists the operators the form offers for a field whose sample value has the given
// kind ("" when the field is not in the sample: every operator), in the dialect given.
// sample is the field's value text (used to offer cidr only on addresses).
func OpsFor(kind, sample string, d pattern.Dialect) []Op {
	var ops []Op
	switch kind {
	case kindString:
		ops = []Op{OpExact, OpPrefix, OpSuffix, OpContains, OpAnythingBut, OpAnythingButPrefix,
			OpAnythingButSuffix, OpExists}
		if _, err := netip.ParseAddr(sample); err == nil {
			ops = append(ops, OpCIDR)
		}
		if d == pattern.AWS {
			ops = append(ops, OpEqualsIgnoreCase, OpWildcard)
		}
	case kindNumber:
		ops = []Op{OpNumeric, OpExact, OpAnythingBut, OpExists}
	case kindBool, kindNull:
		ops = []Op{OpExact, OpAnythingBut, OpExists}
	case kindObject, kindArray:
		ops = []Op{OpExists}
	default:
		ops = []Op{OpExact, OpPrefix, OpSuffix, OpContains, OpAnythingBut, OpAnythingButPrefix,
			OpAnythingButSuffix, OpNumeric, OpExists, OpCIDR}
		if d == pattern.AWS {
			ops = append(ops, OpEqualsIgnoreCase, OpWildcard)
		}
	}
	return append(ops, OpRaw)
}

// defaultCondition is the condition a click on a field adds: its sample value, exactly (a
// number gets numeric = value; an object or empty array gets exists).
func defaultCondition(kind, sample string) Condition {
	switch kind {
	case kindObject, kindArray:
		return Condition{Op: OpExists, Value: "true"}
	case kindNumber:
		return Condition{Op: OpExact, Kind: kindNumber, Value: sample}
	case kindString:
		return Condition{Op: OpExact, Kind: kindString, Value: sample}
	}
	return Condition{Op: OpExact, Kind: kind, Value: sample}
}

// convert changes c's operator, keeping what carries over: the value text, and for numeric a
// default comparison.
func convert(c Condition, op Op, kind string) Condition {
	out := Condition{Op: op, Value: c.Value, Kind: c.Kind}
	switch op {
	case OpNumeric:
		out.Cmp = ">="
		if c.Op == OpNumeric {
			out.Cmp, out.Cmp2, out.Value2 = c.Cmp, c.Cmp2, c.Value2
		}
	case OpExists:
		out.Value = "true"
	case OpExact, OpAnythingBut:
		if out.Kind == "" {
			out.Kind = kind
		}
	case OpRaw:
		if el, err := c.element(); err == nil {
			out.Value = el.compact()
		}
	}
	if c.Op == OpExists && op != OpExists {
		out.Value = ""
	}
	return out
}

// ParseNumber reads a number as JSON text: a plain number ("1.5", "-3", "2e6") is kept as
// written; a size with a unit ("1 MB", "400KB", powers of 1024) becomes its bytes.
func ParseNumber(s string) (string, error) {
	t := strings.TrimSpace(s)
	if jsonNumber(t) {
		return t, nil
	}
	if b, err := field.ParseBytes(t); err == nil {
		return strconv.FormatInt(int64(b), 10), nil
	}
	return "", fmt.Errorf("%q is not a number or a size like 1 MB", s)
}

// jsonNumber reports whether t is a number in JSON syntax (no "+", no leading zeros, no hex).
func jsonNumber(t string) bool {
	n, err := parseNode([]byte(t))
	return err == nil && n.Kind == kindNumber
}
