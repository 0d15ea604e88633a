package pattern

import (
	"fmt"
)

// compileNumeric validates ["op", n] or ["lowerop", n, "upperop", m] (either order of the two
// pairs). Operators: = > >= < <= !=; = and != stand alone; a range needs a lower (> >=) and an
// upper (< <=) bound that leave some number inside.
func compileNumeric(arg *jval) (NumCond, error) {
	var n NumCond
	if arg.kind != 'a' {
		return n, fmt.Errorf("numeric: expected an array like [\">\", 0, \"<=\", 5], got %s", arg.String())
	}
	if l := len(arg.vals); l == 0 || l > 4 {
		return n, fmt.Errorf("numeric: expected 2 or 4 elements, got %d", l)
	}
	var ops []string
	for i, e := range arg.vals {
		if i%2 == 0 {
			if e.kind != 's' {
				return n, fmt.Errorf("numeric: expected an operator string at position %d, got %s", i, e.String())
			}
			switch e.str {
			case "=", ">", ">=", "<", "<=", "!=":
			default:
				return n, fmt.Errorf("numeric: unknown operator %s at position %d: expected one of = > >= < <= !=", quote(e.str), i)
			}
			ops = append(ops, e.str)
			continue
		}
		if e.kind != 'n' {
			return n, fmt.Errorf("numeric: expected a number at position %d, got %s", i, e.String())
		}
		f, err := parseNumber(e.str)
		if err != nil {
			return n, fmt.Errorf("numeric: %v", err)
		}
		if err := n.add(ops[len(ops)-1], f, e.str, len(ops) > 1); err != nil {
			return n, err
		}
	}
	if len(arg.vals)%2 == 1 {
		return n, fmt.Errorf("numeric: expected a number at position %d after %s", len(arg.vals), quote(ops[len(ops)-1]))
	}
	if n.HasLo && n.HasHi && (n.Lo > n.Hi || (n.Lo == n.Hi && !(n.LoIncl && n.HiIncl))) {
		return n, fmt.Errorf("numeric: the range %s is empty", n.String())
	}
	return n, nil
}

// add applies one operator/operand pair; second is true for the second pair of a range.
func (n *NumCond) add(op string, f float64, text string, second bool) error {
	if second && (n.Eq || n.Ne || op == "=" || op == "!=") {
		return fmt.Errorf("numeric: %s cannot be combined with another operator", quote(op))
	}
	switch op {
	case "=", "!=":
		n.Eq, n.Ne = op == "=", op == "!="
		n.Lo, n.LoText = f, text
	case ">", ">=":
		if n.HasLo {
			return fmt.Errorf("numeric: two lower bounds; a range needs one of > >= and one of < <=")
		}
		n.HasLo, n.LoIncl, n.Lo, n.LoText = true, op == ">=", f, text
	default:
		if n.HasHi {
			return fmt.Errorf("numeric: two upper bounds; a range needs one of > >= and one of < <=")
		}
		n.HasHi, n.HiIncl, n.Hi, n.HiText = true, op == "<=", f, text
	}
	return nil
}
