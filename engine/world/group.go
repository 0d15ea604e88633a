package world

import (
	"fmt"

	"github.com/expr-lang/expr"

	"github.com/fanout/fanout/engine/bus"
	"github.com/fanout/fanout/engine/delivery"
)

// groupFunc compiles a FIFO topic's group_by expression: an expr expression over the message's
// CloudEvent (id, source, type, subject, data, ...). A message whose expression fails or gives
// nil goes to the group "".
func groupFunc(src string, envs *bus.EventEnvs) (func(*delivery.Message) string, error) {
	prog, err := expr.Compile(src, expr.AllowUndefinedVariables())
	if err != nil {
		return nil, err
	}
	return func(m *delivery.Message) string {
		if m.Event == nil {
			return ""
		}
		env, ok := envs.Env(m.Event)
		if !ok {
			return ""
		}
		v, err := expr.Run(prog, env)
		if err != nil || v == nil {
			return ""
		}
		if s, ok := v.(string); ok {
			return s
		}
		return fmt.Sprint(v)
	}, nil
}
