package delivery

import (
	"fmt"
	"strings"
)

// Tolerance modes (facts sheet §4.2).
const (
	// ToleranceAll: after the last retry the event goes to the dead-letter queue if one is set,
	// else it is discarded (and the discard is recorded). The default.
	ToleranceAll = "ALL"
	// ToleranceNone: after the last retry the target's deliveries block behind the failing event.
	ToleranceNone = "NONE"
)

// ValidateTolerance checks an errors-tolerance value; "" means ALL.
func ValidateTolerance(s string) error {
	switch s {
	case "", ToleranceAll, ToleranceNone:
		return nil
	}
	return fmt.Errorf("unknown errors tolerance %q: valid values are ALL, NONE", s)
}

// ValidateName checks a queue or topic name: 1–127 characters, starting with a letter or digit;
// letters, digits, '-' and '_' (Fanout's rule; the facts sheet gives none for queues).
func ValidateName(name string) error {
	switch {
	case name == "":
		return fmt.Errorf("required: 1-127 characters, letters, digits, '-' and '_'")
	case len(name) > 127:
		return fmt.Errorf("name %q is %d characters long; the limit is 127", name, len(name))
	case !isAlnum(rune(name[0])):
		return fmt.Errorf("name %q must start with a letter or digit", name)
	}
	if i := strings.IndexFunc(name, func(r rune) bool { return !isAlnum(r) && r != '-' && r != '_' }); i >= 0 {
		return fmt.Errorf("name %q contains %q: only letters, digits, '-' and '_' are allowed", name, name[i])
	}
	return nil
}

func isAlnum(r rune) bool {
	return r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9'
}

// firstLine returns the first line of err's message (expr's errors carry a source excerpt).
func firstLine(err error) string {
	s := err.Error()
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		return s[:i]
	}
	return s
}
