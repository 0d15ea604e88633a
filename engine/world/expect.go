package world

import (
	"encoding/json"
	"fmt"

	"github.com/expr-lang/expr"
	"github.com/expr-lang/expr/vm"
)

// Expectation is one `expect` assertion of a scenario: an expr-lang expression over the run
// summary (its JSON form: `events.accepted`, `targets["csv-uploads/audit-log"].delivered`, …)
// that must evaluate to true.
type Expectation struct {
	Name   string
	Assert string
}

// CompileExpectation checks an assertion's syntax; it is what scenario validation calls.
func CompileExpectation(src string) (*vm.Program, error) {
	p, err := expr.Compile(src, expr.AsBool(), expr.AllowUndefinedVariables())
	if err != nil {
		return nil, fmt.Errorf("expect: %w", err)
	}
	return p, nil
}

// Evaluate runs every expectation against the summary s and returns the results in order.
// The environment is the summary's JSON form, so the names are the documented JSON names.
func Evaluate(s Summary, exps []Expectation) []ExpectResult {
	env, err := summaryEnv(s)
	out := make([]ExpectResult, len(exps))
	for i, e := range exps {
		out[i] = ExpectResult{Name: e.Name, Assert: e.Assert}
		if err != nil {
			out[i].Error = err.Error()
			continue
		}
		out[i].Passed, out[i].Error = evalOne(e.Assert, env)
	}
	return out
}

func evalOne(src string, env map[string]any) (bool, string) {
	p, err := expr.Compile(src, expr.AsBool(), expr.Env(env))
	if err != nil {
		return false, err.Error()
	}
	v, err := expr.Run(p, env)
	if err != nil {
		return false, err.Error()
	}
	b, ok := v.(bool)
	if !ok {
		return false, fmt.Sprintf("expression gave %T, want bool", v)
	}
	return b, ""
}

// summaryEnv turns the summary into the generic map its JSON encoding describes.
func summaryEnv(s Summary) (map[string]any, error) {
	s.Expect = nil
	b, err := json.Marshal(s)
	if err != nil {
		return nil, fmt.Errorf("encode summary: %w", err)
	}
	var env map[string]any
	if err := json.Unmarshal(b, &env); err != nil {
		return nil, fmt.Errorf("decode summary: %w", err)
	}
	return env, nil
}
