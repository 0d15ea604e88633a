package event

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"time"
	"unicode/utf8"

	cloudevents "github.com/cloudevents/sdk-go/v2/event"
)

// Parse decodes one event in CloudEvents structured JSON mode. The input must be valid UTF-8
// JSON whose top level is an object with "specversion" "1.0" (otherwise the error wraps the same
// *AttrError Validate gives: ErrRequired or ErrBadSpecVersion). sdk-go decodes the rest, so
// Parse accepts and rejects what sdk-go does (extension values must be CloudEvents types, text
// data must be a JSON string, base64 must decode, ...), with one exception: "time" is kept as
// given and never rejected for its format (facts sheet §5.1), because sdk-go only reads
// RFC 3339. Parse does not apply the other EventBridge rules; call Validate for those.
//
// Extension values become their canonical strings (a JSON number 5 becomes "5"); extension names
// are lower-cased by sdk-go. Data keeps the raw bytes of "data" for JSON media types; text and
// base64 data are re-quoted canonically (see Event).
func Parse(b []byte) (Event, error) {
	if !utf8.Valid(b) {
		return Event{}, errors.New("parse event: input is not valid UTF-8")
	}
	if !json.Valid(b) {
		var v json.RawMessage
		err := json.Unmarshal(b, &v)
		return Event{}, fmt.Errorf("parse event: invalid JSON: %w", err)
	}
	i := skipSpace(b, 0)
	if b[i] != '{' {
		return Event{}, fmt.Errorf("parse event: top level must be a JSON object, not %q", clip(b[i:]))
	}
	top := scanTop(b)
	if err := checkSpecVersion(top.specVersion); err != nil {
		return Event{}, fmt.Errorf("parse event: %w", err)
	}
	src := b
	if len(top.badTimes) > 0 {
		src = blankSpans(b, top.badTimes)
	}
	var ce cloudevents.Event
	if err := ce.UnmarshalJSON(src); err != nil {
		return Event{}, fmt.Errorf("parse event: %w", err)
	}
	e, err := fromCloudEvent(ce, true)
	if err != nil {
		return Event{}, fmt.Errorf("parse event: %w", err)
	}
	e.Time = top.time
	return e, nil
}

// span is a byte range [start, end) of the input.
type span struct{ start, end int }

// topLevel is what Parse needs to know before handing the input to sdk-go.
type topLevel struct {
	time        string // decoded value of the last "time" ("" when absent, null or not a string)
	badTimes    []span // every "time" string value that sdk-go would reject (not RFC 3339)
	specVersion string // decoded value of the last "specversion" ("" when absent or not a string)
}

// scanTop scans the top-level members of the valid JSON object b.
func scanTop(b []byte) (top topLevel) {
	i := skipSpace(b, 0) + 1
	for {
		i = skipSpace(b, i)
		if b[i] == '}' {
			return top
		}
		kEnd := skipString(b, i)
		key := b[i:kEnd]
		i = skipSpace(b, skipSpace(b, kEnd)+1) // past ':'
		vEnd := skipValue(b, i)
		switch string(keyName(key)) {
		case "time":
			top.time = ""
			if s, ok := stringValue(b[i:vEnd]); ok {
				top.time = s
				if _, err := time.Parse(time.RFC3339Nano, s); s != "" && err != nil {
					top.badTimes = append(top.badTimes, span{i, vEnd})
				}
			}
		case "specversion":
			top.specVersion, _ = stringValue(b[i:vEnd])
		}
		i = skipSpace(b, vEnd)
		if b[i] == ',' {
			i++
		}
	}
}

// blankSpans returns a copy of b with each span (ascending, disjoint) replaced by "".
func blankSpans(b []byte, spans []span) []byte {
	out := make([]byte, 0, len(b))
	last := 0
	for _, s := range spans {
		out = append(append(out, b[last:s.start]...), `""`...)
		last = s.end
	}
	return append(out, b[last:]...)
}

// keyName decodes a member name; only names with escapes cost a decode.
func keyName(quoted []byte) []byte {
	if bytes.IndexByte(quoted, '\\') < 0 {
		return quoted[1 : len(quoted)-1]
	}
	var k string
	_ = json.Unmarshal(quoted, &k)
	return []byte(k)
}

// stringValue decodes a JSON string value; ok is false for any other value.
func stringValue(v []byte) (string, bool) {
	if v[0] != '"' {
		return "", false
	}
	if bytes.IndexByte(v, '\\') < 0 {
		return string(v[1 : len(v)-1]), true
	}
	var s string
	err := json.Unmarshal(v, &s)
	return s, err == nil
}

func skipSpace(b []byte, i int) int {
	for i < len(b) && (b[i] == ' ' || b[i] == '\t' || b[i] == '\n' || b[i] == '\r') {
		i++
	}
	return i
}

// skipString returns the index just past the JSON string starting at b[i] == '"'.
func skipString(b []byte, i int) int {
	for i++; i < len(b); i++ {
		switch b[i] {
		case '\\':
			i++
		case '"':
			return i + 1
		}
	}
	return len(b)
}

// skipValue returns the index just past the JSON value starting at b[i]; b must be valid JSON.
func skipValue(b []byte, i int) int {
	switch b[i] {
	case '"':
		return skipString(b, i)
	case '{', '[':
		depth := 0
		for ; i < len(b); i++ {
			switch b[i] {
			case '"':
				i = skipString(b, i) - 1
			case '{', '[':
				depth++
			case '}', ']':
				depth--
				if depth == 0 {
					return i + 1
				}
			}
		}
		return len(b)
	}
	for i < len(b) && b[i] != ',' && b[i] != '}' && b[i] != ']' && b[i] != ' ' &&
		b[i] != '\t' && b[i] != '\n' && b[i] != '\r' {
		i++
	}
	return i
}

// clip shortens b for quoting in an error message.
func clip(b []byte) string {
	if len(b) > 20 {
		return string(b[:20]) + "..."
	}
	return string(b)
}
