package load

import (
	"fmt"
	"math"
	"reflect"
	"strconv"

	"github.com/expr-lang/expr"
	"github.com/expr-lang/expr/vm"
	"github.com/goccy/go-yaml"
)

// exprOptions are shared by every compiled expression: besides the expr language itself,
// `+` concatenates a string with a number ("uploads/" + seq), in either order.
var exprOptions = []expr.Option{
	expr.Function("concat", concat,
		new(func(string, int) string), new(func(int, string) string),
		new(func(string, float64) string), new(func(float64, string) string)),
	expr.Operator("+", "concat"),
}

func concat(p ...any) (any, error) {
	if len(p) != 2 {
		return nil, fmt.Errorf("concat: want 2 arguments, got %d", len(p))
	}
	return text(p[0]) + text(p[1]), nil
}

// compileExpr compiles src against env (name → zero value of its static type, nil when
// unknown). Unknown names are compile errors.
func compileExpr(src string, env map[string]any) (*vm.Program, error) {
	opts := append([]expr.Option{expr.Env(env)}, exprOptions...)
	p, err := expr.Compile(src, opts...)
	if err != nil {
		return nil, fmt.Errorf("compile %q: %w", src, err)
	}
	return p, nil
}

// normalize turns a decoded YAML or expr value into the generators' value model: int for
// integers that fit, float64, string, bool, nil, []any and map[string]any.
func normalize(v any) any {
	switch x := v.(type) {
	case int64:
		return intOrFloat(float64(x), x == int64(int(x)), int(x))
	case uint64:
		return intOrFloat(float64(x), x <= math.MaxInt64, int(x))
	case int32:
		return int(x)
	case uint32:
		return int(x)
	case float32:
		return float64(x)
	case yaml.MapSlice:
		m := make(map[string]any, len(x))
		for _, it := range x {
			m[fmt.Sprint(it.Key)] = normalize(it.Value)
		}
		return m
	case map[string]any:
		m := make(map[string]any, len(x))
		for k, e := range x {
			m[k] = normalize(e)
		}
		return m
	case []any:
		out := make([]any, len(x))
		for i, e := range x {
			out[i] = normalize(e)
		}
		return out
	}
	return v
}

func intOrFloat(f float64, fits bool, i int) any {
	if fits {
		return i
	}
	return f
}

// zeroOf returns the zero value of v's static type for an expression environment:
// nil for values whose members are not typed (maps, lists, null).
func zeroOf(v any) any {
	switch v.(type) {
	case int:
		return 0
	case float64:
		return 0.0
	case string:
		return ""
	case bool:
		return false
	}
	return nil
}

// zeroOfType is zeroOf for a reflect.Type (nil = unknown).
func zeroOfType(t reflect.Type) any {
	if t == nil {
		return nil
	}
	switch t.Kind() {
	case reflect.Int, reflect.Int64, reflect.Int32:
		return 0
	case reflect.Float64, reflect.Float32:
		return 0.0
	case reflect.String:
		return ""
	case reflect.Bool:
		return false
	}
	return nil
}

// text formats a scalar the way it appears in a string attribute.
func text(v any) string {
	switch x := v.(type) {
	case nil:
		return ""
	case string:
		return x
	case int:
		return strconv.Itoa(x)
	case float64:
		return strconv.FormatFloat(x, 'f', -1, 64)
	case bool:
		return strconv.FormatBool(x)
	}
	return fmt.Sprint(v)
}
