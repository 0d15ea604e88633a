package scenarios

import (
	"fmt"

	"github.com/goccy/go-yaml"
)

// Marshal writes sc as YAML that Parse reads back to an equal Scenario (comments and the
// original layout are not kept).
func Marshal(sc *Scenario) (out []byte, err error) {
	// goccy/go-yaml panics on some values (e.g. a mapping with a non-string key); a save from
	// the workbench must get an error instead.
	defer func() {
		if r := recover(); r != nil {
			out, err = nil, fmt.Errorf("encode scenario %s: %v", sc.Name, r)
		}
	}()
	b, err := yaml.MarshalWithOptions(sc, yaml.Indent(2), yaml.IndentSequence(true))
	if err != nil {
		return nil, fmt.Errorf("encode scenario %s: %w", sc.Name, err)
	}
	return b, nil
}
