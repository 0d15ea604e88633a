package transform

import (
	"encoding/json"
	"fmt"
	"strings"
)

// invalidJSON builds the WarnInvalidJSON warning for a rendered template,
// naming the placeholders that probably caused it. It runs only on the
// failure path.
func (t *Transformer) invalidJSON(out []byte, vals []extracted) Warning {
	var raw json.RawMessage
	cause := "invalid JSON"
	if err := json.Unmarshal(out, &raw); err != nil {
		cause = err.Error()
	}
	var hints []string
	seen := map[int]bool{}
	for i := range t.segs {
		s := &t.segs[i]
		if !s.hasVar || seen[s.varIdx] {
			continue
		}
		if h := hint(s, vals[s.varIdx]); h != "" {
			seen[s.varIdx] = true
			hints = append(hints, h)
		}
	}
	msg := "the template looks like JSON but rendered to invalid JSON (" + cause + "); delivered as rendered"
	if len(hints) > 0 {
		msg += ": " + strings.Join(hints, "; ")
	}
	return Warning{Kind: WarnInvalidJSON, Msg: msg}
}

// hint explains how one placeholder can break the JSON, or returns "".
func hint(s *segment, x extracted) string {
	ph := "${" + s.name + "}"
	text := x.text
	if s.fn == escHTML {
		text = appendHTMLEscape(nil, text)
	}
	switch {
	case s.inString && s.fn != escJSON && needsJSONEscape(text):
		return fmt.Sprintf("%s is inside quotes but its value contains characters JSON must escape; write ${jsonEscape(%s)}", ph, s.name)
	case s.inString:
		return ""
	case !x.found:
		return fmt.Sprintf("%s is unquoted and its path matched nothing, so it rendered empty", ph)
	case !json.Valid(x.text):
		return fmt.Sprintf("%s is unquoted but its value %q is not JSON; write \"%s\" for a string", ph, clip(x.text), ph)
	}
	return ""
}
