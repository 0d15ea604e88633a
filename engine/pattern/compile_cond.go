package pattern

import (
	"errors"
	"fmt"
	"net/netip"
	"strings"
)

// compileCond compiles one element of a field's value array. Errors are relative to the element.
func compileCond(e *jval) (Cond, error) {
	switch e.kind {
	case 'a':
		return Cond{}, errors.New("nested arrays are not allowed in a value array, got " + e.String())
	case 'o':
		return compileOperator(e)
	}
	lit, err := literal(e)
	if err != nil {
		return Cond{}, err
	}
	op := map[Kind]Op{KindString: OpExactString, KindNumber: OpExactNumber, KindTrue: OpExactBool,
		KindFalse: OpExactBool, KindNull: OpExactNull}[lit.Kind]
	return Cond{Op: op, Lit: lit, Src: e.String()}, nil
}

// literal converts a primitive JSON value.
func literal(e *jval) (Literal, error) {
	switch e.kind {
	case 's':
		return Literal{Kind: KindString, Str: e.str}, nil
	case 'n':
		f, err := parseNumber(e.str)
		return Literal{Kind: KindNumber, Str: e.str, Num: f}, err
	case 't':
		return Literal{Kind: KindTrue}, nil
	case 'f':
		return Literal{Kind: KindFalse}, nil
	case 'z':
		return Literal{Kind: KindNull}, nil
	}
	return Literal{}, errors.New("expected a string, number, boolean or null, got " + e.String())
}

func compileOperator(e *jval) (Cond, error) {
	if len(e.keys) != 1 {
		return Cond{}, fmt.Errorf("a condition object needs exactly one operator, got %d in %s", len(e.keys), e.String())
	}
	name, arg := e.keys[0], e.vals[0]
	c := Cond{Src: e.String()}
	var err error
	switch name {
	case "prefix", "suffix":
		err = compileAffix(&c, name, arg)
	case "contains":
		c.Op = OpContains
		c.Str, err = str(name, arg)
	case "equals-ignore-case":
		c.Op = OpEqualsIgnoreCase
		c.Str, err = str(name, arg)
		c.Str = fold(c.Str)
	case "wildcard":
		c.Op = OpWildcard
		if c.Str, err = str(name, arg); err == nil {
			c.Wild, err = compileWildcard(c.Str)
		}
	case "anything-but":
		err = compileAnythingBut(&c, arg)
	case "numeric":
		c.Op = OpNumeric
		c.Num, err = compileNumeric(arg)
	case "cidr":
		c.Op = OpCIDR
		c.Prefix, err = compileCIDR(arg)
	case "exists":
		c.Op = OpExists
		if arg.kind != 't' && arg.kind != 'f' {
			return c, errors.New("exists: expected true or false, got " + arg.String())
		}
		c.Exists = arg.kind == 't'
	default:
		return c, fmt.Errorf("unknown operator %s", quote(name))
	}
	return c, err
}

func str(op string, arg *jval) (string, error) {
	if arg.kind != 's' {
		return "", fmt.Errorf("%s: expected a string, got %s", op, arg.String())
	}
	return arg.str, nil
}

// compileAffix handles {"prefix": "x"} and {"prefix": {"equals-ignore-case": "x"}} (and suffix).
func compileAffix(c *Cond, op string, arg *jval) error {
	plain, ci := OpPrefix, OpPrefixIgnoreCase
	if op == "suffix" {
		plain, ci = OpSuffix, OpSuffixIgnoreCase
	}
	if arg.kind == 's' {
		c.Op, c.Str = plain, arg.str
		return nil
	}
	if arg.kind == 'o' && len(arg.keys) == 1 && arg.keys[0] == "equals-ignore-case" && arg.vals[0].kind == 's' {
		c.Op, c.Str = ci, fold(arg.vals[0].str)
		return nil
	}
	return fmt.Errorf(`%s: expected a string or {"equals-ignore-case": string}, got %s`, op, arg.String())
}

// compileAnythingBut handles a value, a list of values, and the object forms prefix, suffix,
// equals-ignore-case and wildcard (each with a string or a list of strings).
func compileAnythingBut(c *Cond, arg *jval) error {
	switch arg.kind {
	case 'a':
		if len(arg.vals) == 0 {
			return errors.New("anything-but: the list is empty")
		}
		for i, e := range arg.vals {
			l, err := literal(e)
			if err != nil {
				return fmt.Errorf("anything-but: element %d: %v", i, err)
			}
			c.Lits = append(c.Lits, l)
		}
		c.Op = OpAnythingBut
		return nil
	case 'o':
		return compileAnythingButObject(c, arg)
	}
	l, err := literal(arg)
	if err != nil {
		return fmt.Errorf("anything-but: %v", err)
	}
	c.Op, c.Lits = OpAnythingBut, []Literal{l}
	return nil
}

func compileAnythingButObject(c *Cond, arg *jval) error {
	if len(arg.keys) != 1 {
		return fmt.Errorf("anything-but: expected one of prefix, suffix, equals-ignore-case or wildcard, got %s", arg.String())
	}
	name, v := arg.keys[0], arg.vals[0]
	ops := map[string]Op{"prefix": OpAnythingButPrefix, "suffix": OpAnythingButSuffix,
		"equals-ignore-case": OpAnythingButIC, "wildcard": OpAnythingButWildcard}
	op, ok := ops[name]
	if !ok {
		return fmt.Errorf("anything-but: unknown operator %s: expected prefix, suffix, equals-ignore-case or wildcard", quote(name))
	}
	var list []*jval
	switch v.kind {
	case 's':
		list = []*jval{v}
	case 'a':
		list = v.vals
	}
	if len(list) == 0 {
		return fmt.Errorf("anything-but: %s: expected a string or a non-empty list of strings, got %s", name, v.String())
	}
	c.Op = op
	for _, e := range list {
		s, err := str("anything-but: "+name, e)
		if err != nil {
			return err
		}
		switch op {
		case OpAnythingButIC:
			s = fold(s)
		case OpAnythingButWildcard:
			w, err := compileWildcard(s)
			if err != nil {
				return fmt.Errorf("anything-but: %v", err)
			}
			c.Wilds = append(c.Wilds, w)
		}
		c.Strs = append(c.Strs, s)
	}
	return nil
}

// compileCIDR accepts an IPv4 or IPv6 prefix, or a single address (a host prefix).
func compileCIDR(arg *jval) (netip.Prefix, error) {
	s, err := str("cidr", arg)
	if err != nil {
		return netip.Prefix{}, err
	}
	if strings.Contains(s, "/") {
		p, err := netip.ParsePrefix(s)
		if err != nil {
			return p, fmt.Errorf("cidr: invalid CIDR %s", quote(s))
		}
		return p.Masked(), nil
	}
	a, err := netip.ParseAddr(s)
	if err != nil || a.Zone() != "" {
		return netip.Prefix{}, fmt.Errorf("cidr: invalid CIDR or IP address %s", quote(s))
	}
	return netip.PrefixFrom(a, a.BitLen()), nil
}
