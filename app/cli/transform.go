package cli

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"regexp"
	"strings"

	"github.com/agnivade/levenshtein"
	"github.com/goccy/go-yaml"
	"github.com/goccy/go-yaml/ast"
	"github.com/goccy/go-yaml/parser"
	"github.com/spf13/cobra"

	"github.com/fanout/fanout/engine/transform"
)

func init() { register(newTransformCmd) }

// newTransformCmd builds `fanout transform`, the parent of the transformer tools.
func newTransformCmd() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "transform",
		Short: "Try input transformers (ORIGINAL, JSONPATH, CONSTANT, TEMPLATE) on events",
		Args:  cobra.NoArgs,
	}
	cmd.AddCommand(newTransformTestCmd())
	return cmd
}

// newTransformTestCmd builds `fanout transform test --transformer FILE --event FILE`: it prints
// the payload the target would receive, followed by a newline, on stdout and each warning on
// stderr. A bad transformer or event is reported as FILE:LINE:COL: message, exit code 2.
func newTransformTestCmd() *cobra.Command {
	var trPath, evPath string
	cmd := &cobra.Command{
		Use:   "test --transformer FILE --event FILE",
		Short: "Print the payload a target would receive for an event",
		Long: `Test compiles the transformer in FILE (YAML or JSON with the fields form, value and
template, as in a scenario file's target) and applies it to the event in FILE (a structured-mode
CloudEvent in JSON; surrounding whitespace is ignored). The payload is printed on stdout followed
by a newline; warnings (a path that matched nothing, a JSON template that rendered to invalid
JSON) go to stderr. See docs/transformers.md for the syntax.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			return runTransformTest(cmd, trPath, evPath)
		},
	}
	cmd.Flags().StringVar(&trPath, "transformer", "", "transformer file (YAML or JSON)")
	cmd.Flags().StringVar(&evPath, "event", "", "event file (JSON)")
	_ = cmd.MarkFlagRequired("transformer")
	_ = cmd.MarkFlagRequired("event")
	return cmd
}

// runTransformTest loads both files, applies the transformer and prints the result.
func runTransformTest(cmd *cobra.Command, trPath, evPath string) error {
	stderr := cmd.ErrOrStderr()
	tr, err := loadTransformerFile(trPath)
	if err == nil {
		var event []byte
		if event, err = loadTransformEvent(evPath); err == nil {
			var res transform.Result
			if res, err = tr.Apply(event); err != nil {
				err = fmt.Errorf("%s: %w", evPath, err)
			} else {
				out := cmd.OutOrStdout()
				_, _ = out.Write(res.Payload)
				fmt.Fprintln(out)
				for _, w := range res.Warnings {
					fmt.Fprintf(stderr, "warning: %s\n", w)
				}
				return nil
			}
		}
	}
	fmt.Fprintln(stderr, err)
	return exitCode(2, errSilent)
}

// yamlPos matches the "[LINE:COL] " prefix of go-yaml's formatted errors.
var yamlPos = regexp.MustCompile(`^\[(\d+):(\d+)\] `)

// loadTransformerFile reads and compiles a transformer file. Errors read
// "FILE:LINE:COL: message" (or "FILE: message" when no position applies).
func loadTransformerFile(path string) (*transform.Transformer, error) {
	src, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("read transformer: %w", err)
	}
	if len(bytes.TrimSpace(src)) == 0 {
		return nil, fmt.Errorf("%s: empty transformer; give at least \"form: ORIGINAL\"", path)
	}
	file, err := parser.ParseBytes(src, 0)
	if err != nil {
		return nil, transformYAMLError(path, err)
	}
	var spec transform.Spec
	if err := yaml.UnmarshalWithOptions(src, &spec, yaml.Strict()); err != nil {
		return nil, transformDecodeError(path, file, err)
	}
	tr, err := transform.Compile(spec)
	if err != nil {
		var se *transform.SpecError
		if errors.As(err, &se) {
			return nil, fmt.Errorf("%s%s: %v", path, transformFieldPos(file, se.Field), err)
		}
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return tr, nil
}

// transformYAMLError turns a go-yaml error into "FILE:LINE:COL: message".
func transformYAMLError(path string, err error) error {
	msg := strings.TrimSpace(yaml.FormatError(err, false, false))
	if m := yamlPos.FindStringSubmatch(msg); m != nil {
		return fmt.Errorf("%s:%s:%s: %s", path, m[1], m[2], msg[len(m[0]):])
	}
	return fmt.Errorf("%s: %s", path, msg)
}

// transformDecodeError reports a decoding error; errors raised by the value
// field's own decoder carry no position, so they get the field's.
func transformDecodeError(path string, file *ast.File, err error) error {
	e := transformYAMLError(path, err)
	msg := e.Error()
	switch {
	case strings.Contains(msg, "Spec.Template"):
		return fmt.Errorf("%s; the template is text: quote it, e.g. template: '{\"name\":\"${name}\"}'", msg)
	case strings.HasPrefix(msg, path+": value "):
		return fmt.Errorf("%s%s: %s", path, transformFieldPos(file, "value"), strings.TrimPrefix(msg, path+": "))
	}
	if m := unknownField.FindStringSubmatch(msg); m != nil {
		return fmt.Errorf("%s; %s", msg, transformFieldHint(m[1]))
	}
	return e
}

// unknownField matches go-yaml's strict-mode message.
var unknownField = regexp.MustCompile(`unknown field "([^"]*)"$`)

// transformFieldHint suggests the Spec field closest to an unknown one.
func transformFieldHint(name string) string {
	for _, f := range []string{"form", "value", "template"} {
		if levenshtein.ComputeDistance(strings.ToLower(name), f) <= 2 {
			return fmt.Sprintf("did you mean %q?", f)
		}
	}
	return "the fields are form, value and template"
}

// transformFieldPos returns ":LINE:COL" of a Spec field ("value.name" is the
// variable's entry, falling back to "value"), or "" when the file lacks it.
func transformFieldPos(file *ast.File, field string) string {
	for f := field; f != ""; {
		if p, err := yaml.PathString("$." + f); err == nil {
			if n, err := p.FilterFile(file); err == nil && n != nil {
				pos := n.GetToken().Position
				return fmt.Sprintf(":%d:%d", pos.Line, pos.Column)
			}
		}
		i := strings.LastIndexByte(f, '.')
		if i < 0 {
			break
		}
		f = f[:i]
	}
	return ""
}

// loadTransformEvent reads an event file: JSON, an object, surrounding
// whitespace removed.
func loadTransformEvent(path string) ([]byte, error) {
	src, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("read event: %w", err)
	}
	event := bytes.TrimSpace(src)
	var raw json.RawMessage
	if err := json.Unmarshal(event, &raw); err != nil {
		var se *json.SyntaxError
		if errors.As(err, &se) {
			off := int(se.Offset) + (len(src) - len(bytes.TrimLeft(src, " \t\r\n")))
			line, col := transformLineCol(src, off)
			return nil, fmt.Errorf("%s:%d:%d: event is not valid JSON: %v", path, line, col, err)
		}
		return nil, fmt.Errorf("%s: event is not valid JSON: %v", path, err)
	}
	if event[0] != '{' {
		return nil, fmt.Errorf("%s: the event must be a JSON object (a structured-mode CloudEvent)", path)
	}
	return event, nil
}

// transformLineCol converts a byte offset (the byte after the fault, as
// encoding/json reports it) into a 1-based line and column.
func transformLineCol(src []byte, off int) (line, col int) {
	if off > len(src) {
		off = len(src)
	}
	if off > 0 {
		off-- // SyntaxError.Offset counts the bytes read, including the bad one
	}
	line = 1 + bytes.Count(src[:off], []byte("\n"))
	col = off - bytes.LastIndexByte(src[:off], '\n')
	return line, col
}
