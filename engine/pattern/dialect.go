// Package pattern compiles EventBridge event patterns, matches events against many patterns at
// once, explains why an event did or did not match, and lints patterns for portability and likely
// mistakes. The language is specified in docs/patterns.md; every example there is a test.
package pattern

import "fmt"

// Dialect selects the matching semantics where Alibaba Cloud and AWS EventBridge differ (facts
// sheet §10): exact numbers compare by JSON text in Alibaba and by value in AWS. Both dialects
// accept every operator; Lint reports what Alibaba Cloud does not document.
type Dialect int

const (
	// Alibaba is the default dialect: Alibaba Cloud EventBridge semantics.
	Alibaba Dialect = iota
	// AWS follows AWS EventBridge as confirmed by tests against the live service.
	AWS
)

// String returns "alibaba" or "aws".
func (d Dialect) String() string {
	if d == AWS {
		return "aws"
	}
	return "alibaba"
}

// ParseDialect accepts "alibaba", "aws" and "" (the default, alibaba).
func ParseDialect(s string) (Dialect, error) {
	switch s {
	case "", "alibaba":
		return Alibaba, nil
	case "aws":
		return AWS, nil
	}
	return Alibaba, fmt.Errorf("unknown dialect %q: want alibaba or aws", s)
}

// CompileError is a pattern that does not compile. Path names the JSON location of the fault in
// the pattern, e.g. "data.oss.object.size[0]"; it is empty for faults of the whole document.
type CompileError struct {
	Path string
	Msg  string
}

// Error renders "path: msg", or just msg when Path is empty.
func (e *CompileError) Error() string {
	if e.Path == "" {
		return e.Msg
	}
	return e.Path + ": " + e.Msg
}
