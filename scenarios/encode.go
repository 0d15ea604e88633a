package scenarios

import (
	"fmt"

	"github.com/goccy/go-yaml"
)

// Marshal writes sc as YAML that Parse reads back to an equal Scenario (comments and the
// original layout are not kept).
func Marshal(sc *Scenario) ([]byte, error) {
	b, err := yaml.MarshalWithOptions(sc, yaml.Indent(2), yaml.IndentSequence(true))
	if err != nil {
		return nil, fmt.Errorf("encode scenario %s: %w", sc.Name, err)
	}
	return b, nil
}
