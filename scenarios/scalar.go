package scenarios

import (
	"fmt"
	"math"
	"reflect"
	"strings"
	"time"

	"github.com/goccy/go-yaml/ast"
)

// text decodes a scalar through encoding.TextUnmarshaler.
func (d *decoder) text(n ast.Node, v reflect.Value, path string) {
	s, ok := scalarText(n)
	if !ok {
		d.fail(nodePos(n), path, "want a scalar value, got "+kindName(n))
		return
	}
	if err := v.Addr().Interface().(interface{ UnmarshalText([]byte) error }).UnmarshalText([]byte(s)); err != nil {
		msg := firstLine(err.Error())
		if v.Type() == reflect.TypeFor[time.Time]() {
			msg = fmt.Sprintf("invalid time %q: want RFC 3339, e.g. 2026-01-01T09:00:00Z", s)
		}
		d.fail(nodePos(n), path, msg)
	}
}

// scalarText returns a scalar node's text (a string's value, a number's digits).
func scalarText(n ast.Node) (string, bool) {
	switch t := n.(type) {
	case *ast.StringNode:
		return t.Value, true
	case *ast.LiteralNode:
		return t.Value.Value, true
	case ast.ScalarNode:
		if _, isMap := n.(*ast.MappingValueNode); isMap {
			return "", false
		}
		return t.GetToken().Value, true
	}
	return "", false
}

// scalar decodes strings, booleans and numbers with messages that say what is valid.
func (d *decoder) scalar(n ast.Node, v reflect.Value, path string) {
	bad := func(want string) {
		got := kindName(n)
		if s, ok := scalarText(n); ok {
			got = fmt.Sprintf("%q", s)
		}
		d.fail(nodePos(n), path, fmt.Sprintf("want %s, got %s", want, got))
	}
	switch v.Kind() {
	case reflect.String:
		if s, ok := scalarText(n); ok {
			v.SetString(s)
			return
		}
		bad("a string")
	case reflect.Bool:
		if b, ok := n.(*ast.BoolNode); ok {
			v.SetBool(b.Value)
			return
		}
		bad("true or false")
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		i, ok := n.(*ast.IntegerNode)
		if x, fits := intValue(i, ok); fits && !v.OverflowInt(x) {
			v.SetInt(x)
			return
		}
		bad(fmt.Sprintf("an integer (%d bits)", v.Type().Bits()))
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		i, ok := n.(*ast.IntegerNode)
		if x, fits := uintValue(i, ok); fits && !v.OverflowUint(x) {
			v.SetUint(x)
			return
		}
		bad(fmt.Sprintf("an unsigned integer (%d bits)", v.Type().Bits()))
	case reflect.Float32, reflect.Float64:
		if f, ok := floatValue(n); ok && !math.IsInf(f, 0) && !math.IsNaN(f) {
			v.SetFloat(f)
			return
		}
		bad("a finite number")
	default:
		d.fail(nodePos(n), path, fmt.Sprintf("cannot decode into %s", v.Type()))
	}
}

func intValue(n *ast.IntegerNode, ok bool) (int64, bool) {
	if !ok {
		return 0, false
	}
	switch x := n.Value.(type) {
	case int64:
		return x, true
	case uint64:
		return int64(x), x <= math.MaxInt64
	}
	return 0, false
}

func uintValue(n *ast.IntegerNode, ok bool) (uint64, bool) {
	if !ok {
		return 0, false
	}
	switch x := n.Value.(type) {
	case int64:
		return uint64(x), x >= 0
	case uint64:
		return x, true
	}
	return 0, false
}

func floatValue(n ast.Node) (float64, bool) {
	switch t := n.(type) {
	case *ast.FloatNode:
		return t.Value, true
	case *ast.IntegerNode:
		switch x := t.Value.(type) {
		case int64:
			return float64(x), true
		case uint64:
			return float64(x), true
		}
	}
	return 0, false
}

// firstLine returns the first line of a message.
func firstLine(s string) string {
	s = strings.TrimSpace(s)
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		return s[:i]
	}
	return s
}
