package scenarios

import (
	"fmt"
	"strings"

	"github.com/agnivade/levenshtein"
)

// suggest returns the candidate closest to s when it is close enough to be a likely typo:
// edit distance ≤ 2 (≤ 1 for names of up to 3 letters), case-insensitively.
func suggest(s string, candidates []string) (string, bool) {
	best, bestD := "", 1<<30
	for _, c := range candidates {
		d := levenshtein.ComputeDistance(strings.ToLower(s), strings.ToLower(c))
		if d < bestD {
			best, bestD = c, d
		}
	}
	limit := 2
	if len(s) <= 3 {
		limit = 1
	}
	return best, best != "" && bestD <= limit
}

// unknownFieldMsg says that key is not a field and what would be valid.
func unknownFieldMsg(key string, valid []string) string {
	if s, ok := suggest(key, valid); ok {
		return fmt.Sprintf("unknown field %q; did you mean %q?", key, s)
	}
	return fmt.Sprintf("unknown field %q; valid fields are %s", key, strings.Join(valid, ", "))
}
