// Package cli holds the fanout command line: the root command and one file per subcommand.
// Subcommands register themselves from init with register, so each lives in its own file and
// none of them needs the GUI; the GUI is handed in by package main as an Opener.
package cli

import (
	"errors"
	"fmt"
	"io"
	"os"
	"sort"

	"github.com/spf13/cobra"
)

// Opener opens the workbench window on the scenario at path ("" for the default scenario) and
// returns when the window closes.
type Opener func(path string) error

var subcommands []func() *cobra.Command

// register adds a subcommand constructor; called from init in each command's file.
func register(f func() *cobra.Command) { subcommands = append(subcommands, f) }

// exitError carries the process exit code wanted for an error: 2 for bad input (an invalid
// scenario, pattern, event or flag), 1 for a failed run.
type exitError struct {
	code int
	err  error
}

func (e *exitError) Error() string { return e.err.Error() }
func (e *exitError) Unwrap() error { return e.err }

// exitCode wraps err so that the process exits with code; nil stays nil.
func exitCode(code int, err error) error {
	if err == nil {
		return nil
	}
	return &exitError{code: code, err: err}
}

// silent marks an error whose message the command already printed.
var errSilent = errors.New("reported")

// NewRoot builds the root command. open is called when no subcommand is given.
func NewRoot(open Opener) *cobra.Command {
	root := &cobra.Command{
		Use:   "fanout [FILE.yaml]",
		Short: "Fanout: a simulator and workbench for EventBridge + Function Compute architectures",
		Long: `Fanout simulates event-driven systems shaped like Alibaba Cloud EventBridge and Function
Compute in virtual time. Without a subcommand it opens the workbench window, on FILE.yaml if given
or on the shipped default scenario.`,
		Args:          cobra.MaximumNArgs(1),
		SilenceUsage:  true,
		SilenceErrors: true,
		RunE: func(cmd *cobra.Command, args []string) error {
			path := ""
			if len(args) == 1 {
				path = args[0]
			}
			if open == nil {
				return exitCode(1, errors.New("this build has no workbench window"))
			}
			return open(path)
		},
	}
	cmds := make([]*cobra.Command, 0, len(subcommands))
	for _, f := range subcommands {
		cmds = append(cmds, f())
	}
	sort.Slice(cmds, func(i, j int) bool { return cmds[i].Name() < cmds[j].Name() })
	root.AddCommand(cmds...)
	return root
}

// Execute runs the command line args and returns the process exit code. Errors are printed to
// stderr as "fanout: message" unless the command already reported them.
func Execute(args []string, open Opener, stdout, stderr io.Writer) int {
	root := NewRoot(open)
	root.SetArgs(args)
	root.SetOut(stdout)
	root.SetErr(stderr)
	err := root.Execute()
	if err == nil {
		return 0
	}
	if !errors.Is(err, errSilent) {
		fmt.Fprintln(stderr, "fanout:", err)
	}
	var ee *exitError
	if errors.As(err, &ee) {
		return ee.code
	}
	// cobra's own errors (unknown flag, wrong number of arguments) are bad input.
	return 2
}

// Main is Execute on the process's own arguments and streams.
func Main(open Opener) int { return Execute(os.Args[1:], open, os.Stdout, os.Stderr) }
