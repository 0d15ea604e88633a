// Package field holds what every engine spec shares: validation errors located at a field path,
// and the unit types (durations, byte sizes, rates) that scenario files write as text.
//
// A spec's Validate method returns errors whose Path is relative to the spec ("arrival.rate");
// the caller that embeds the spec prefixes its own position ("loads[2]") with Prefix, and the
// scenario loader turns the full path into a file line and column.
package field

import (
	"errors"
	"fmt"
	"strings"
)

// Error is a validation error located at a field path, e.g. Path "arrival.rate",
// Msg "must be > 0, got -3".
type Error struct {
	Path string
	Msg  string
}

// Errorf builds an *Error at path with a formatted message.
func Errorf(path, format string, args ...any) *Error {
	return &Error{Path: path, Msg: fmt.Sprintf(format, args...)}
}

func (e *Error) Error() string {
	if e.Path == "" {
		return e.Msg
	}
	return e.Path + ": " + e.Msg
}

// List is a set of validation errors; the zero value means none.
type List []*Error

// Add appends err: an *Error or a List is added as is, any other error becomes an *Error at path.
// A nil err is ignored.
func (l *List) Add(path string, err error) {
	if err == nil {
		return
	}
	var fe *Error
	var fl List
	switch {
	case errors.As(err, &fl):
		for _, e := range fl {
			*l = append(*l, &Error{Path: Join(path, e.Path), Msg: e.Msg})
		}
	case errors.As(err, &fe):
		*l = append(*l, &Error{Path: Join(path, fe.Path), Msg: fe.Msg})
	default:
		*l = append(*l, &Error{Path: path, Msg: err.Error()})
	}
}

// Addf appends a formatted error at path.
func (l *List) Addf(path, format string, args ...any) {
	*l = append(*l, Errorf(path, format, args...))
}

// Err returns nil for an empty list, the list otherwise.
func (l List) Err() error {
	if len(l) == 0 {
		return nil
	}
	return l
}

func (l List) Error() string {
	msgs := make([]string, len(l))
	for i, e := range l {
		msgs[i] = e.Error()
	}
	return strings.Join(msgs, "; ")
}

// Prefix returns err with prefix joined in front of the path of every *Error it holds.
// Errors that are not field errors are wrapped as an *Error at prefix.
func Prefix(prefix string, err error) error {
	if err == nil {
		return nil
	}
	var l List
	l.Add(prefix, err)
	return l
}

// Join joins two path parts: Join("loads[0]", "arrival.rate") is "loads[0].arrival.rate",
// Join("targets", "[1]") is "targets[1]". Empty parts are skipped.
func Join(a, b string) string {
	switch {
	case a == "":
		return b
	case b == "":
		return a
	case strings.HasPrefix(b, "["):
		return a + b
	}
	return a + "." + b
}

// Index returns the path of element i of the list at path: Index("rules", 2) is "rules[2]".
func Index(path string, i int) string {
	return fmt.Sprintf("%s[%d]", path, i)
}
