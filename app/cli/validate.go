package cli

import (
	"errors"
	"fmt"

	"github.com/spf13/cobra"

	"github.com/fanout/fanout/scenarios"
)

func init() { register(newValidateCmd) }

// newValidateCmd builds `fanout validate FILE...`: it parses and checks each scenario file and
// prints "FILE: ok" for a valid one, or one "FILE:LINE:COL: message" line per problem. The exit
// code is 0 when every file is valid, 2 otherwise.
func newValidateCmd() *cobra.Command {
	return &cobra.Command{
		Use:   "validate FILE...",
		Short: "Check scenario files and report every problem with its line and column",
		Long: `Validate parses each scenario file and checks it completely: YAML syntax, unknown
fields (with a suggestion when a known field is close), value types and units, every limit,
event patterns in the scenario's dialect, transformers, distributions, expect expressions and
references between buses, rules, functions and queues. Every problem is printed as
FILE:LINE:COL: message. The exit code is 0 when all files are valid and 2 otherwise.`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			bad := 0
			for _, path := range args {
				if !validateFile(cmd, path) {
					bad++
				}
			}
			if bad > 0 {
				return exitCode(2, errSilent)
			}
			return nil
		},
	}
}

// validateFile reports on one file and says whether it is valid.
func validateFile(cmd *cobra.Command, path string) bool {
	_, err := scenarios.Load(path)
	if err == nil {
		fmt.Fprintf(cmd.OutOrStdout(), "%s: ok\n", path)
		return true
	}
	var diags scenarios.Diagnostics
	if errors.As(err, &diags) {
		for _, d := range diags {
			fmt.Fprintln(cmd.ErrOrStderr(), d.String())
		}
		return false
	}
	fmt.Fprintln(cmd.ErrOrStderr(), err) // an I/O error; it names the file
	return false
}
