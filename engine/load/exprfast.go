package load

import (
	"strconv"

	"github.com/expr-lang/expr/ast"
)

// strExpr evaluates the common shape of key expressions — string concatenations of
// literals, variables, string(var), `cond ? a : b` on a string comparison, and the `+` of a
// string and a number (concat) — straight into a reused buffer, without the expr VM's
// per-operation allocations. It computes exactly what the compiled program computes, and
// reports false (the caller then runs the program) whenever a variable at run time is not of
// a type it handles, so errors and edge cases stay the VM's.
type strExpr struct {
	root part
	buf  []byte
}

// part appends its string value to b; false means "not handled here".
type part func(b []byte, env map[string]any) ([]byte, bool)

// compileStrExpr returns the fast evaluator of a type-checked expression tree compiled against
// env, or nil when the tree has another shape (or a variable named concat might shadow the
// concat function).
func compileStrExpr(n ast.Node, env map[string]any) *strExpr {
	if _, ok := env["concat"]; ok {
		return nil
	}
	p := strPart(n)
	if p == nil {
		return nil
	}
	return &strExpr{root: p}
}

// eval returns the expression's value, or false to defer to the VM.
func (x *strExpr) eval(env map[string]any) (string, bool) {
	b, ok := x.root(x.buf[:0], env)
	x.buf = b
	if !ok {
		return "", false
	}
	return string(b), true
}

// strPart compiles a node whose value is a string (nil if unsupported).
func strPart(n ast.Node) part {
	switch n := n.(type) {
	case *ast.StringNode:
		s := n.Value
		return func(b []byte, _ map[string]any) ([]byte, bool) { return append(b, s...), true }
	case *ast.ConstantNode:
		if s, ok := n.Value.(string); ok {
			return func(b []byte, _ map[string]any) ([]byte, bool) { return append(b, s...), true }
		}
	case *ast.IdentifierNode:
		return varPart(n.Value, false)
	case *ast.BinaryNode:
		return addPart(n)
	case *ast.CallNode:
		return concatPart(n)
	case *ast.BuiltinNode:
		return stringPart(n)
	case *ast.ConditionalNode:
		return condPart(n)
	}
	return nil
}

// varPart appends a variable holding a string; with num it also takes an int or a float64
// as concat's text does.
func varPart(name string, num bool) part {
	return func(b []byte, env map[string]any) ([]byte, bool) {
		switch v := env[name].(type) {
		case string:
			return append(b, v...), true
		case int:
			return strconv.AppendInt(b, int64(v), 10), num
		case float64:
			return strconv.AppendFloat(b, v, 'f', -1, 64), num
		}
		return b, false
	}
}

// addPart is `a + b` on two strings (runtime.Add concatenates strings).
func addPart(n *ast.BinaryNode) part {
	if n.Operator != "+" {
		return nil
	}
	l, r := strPart(n.Left), strPart(n.Right)
	if l == nil || r == nil {
		return nil
	}
	return func(b []byte, env map[string]any) ([]byte, bool) {
		b, ok := l(b, env)
		if !ok {
			return b, false
		}
		return r(b, env)
	}
}

// concatPart is the `+` of a string and a number: concat(a, b) = text(a) + text(b).
func concatPart(n *ast.CallNode) part {
	id, ok := n.Callee.(*ast.IdentifierNode)
	if !ok || id.Value != "concat" || len(n.Arguments) != 2 {
		return nil
	}
	var args [2]part
	for i, a := range n.Arguments {
		if v, ok := a.(*ast.IdentifierNode); ok {
			args[i] = varPart(v.Value, true)
		} else if args[i] = strPart(a); args[i] == nil {
			return nil
		}
	}
	return func(b []byte, env map[string]any) ([]byte, bool) {
		b, ok := args[0](b, env)
		if !ok {
			return b, false
		}
		return args[1](b, env)
	}
}

// stringPart is the builtin string(x) (fmt's %v) of a string or an int variable.
func stringPart(n *ast.BuiltinNode) part {
	if n.Name != "string" || len(n.Arguments) != 1 {
		return nil
	}
	if v, ok := n.Arguments[0].(*ast.IdentifierNode); ok {
		name := v.Value
		return func(b []byte, env map[string]any) ([]byte, bool) {
			switch x := env[name].(type) {
			case string:
				return append(b, x...), true
			case int:
				return strconv.AppendInt(b, int64(x), 10), true
			}
			return b, false
		}
	}
	return strPart(n.Arguments[0])
}

// condPart is `x == y ? a : b` (or !=) where x and y are string variables or literals.
func condPart(n *ast.ConditionalNode) part {
	c, ok := n.Cond.(*ast.BinaryNode)
	if !ok || (c.Operator != "==" && c.Operator != "!=") {
		return nil
	}
	x, y := strOperand(c.Left), strOperand(c.Right)
	yes, no := strPart(n.Exp1), strPart(n.Exp2)
	if x == nil || y == nil || yes == nil || no == nil {
		return nil
	}
	want := c.Operator == "=="
	return func(b []byte, env map[string]any) ([]byte, bool) {
		xs, ok1 := x(env)
		ys, ok2 := y(env)
		if !ok1 || !ok2 {
			return b, false
		}
		if (xs == ys) == want {
			return yes(b, env)
		}
		return no(b, env)
	}
}

// strOperand returns the value of a string literal or a variable holding a string.
func strOperand(n ast.Node) func(env map[string]any) (string, bool) {
	switch n := n.(type) {
	case *ast.StringNode:
		s := n.Value
		return func(map[string]any) (string, bool) { return s, true }
	case *ast.IdentifierNode:
		name := n.Value
		return func(env map[string]any) (string, bool) {
			s, ok := env[name].(string)
			return s, ok
		}
	}
	return nil
}
