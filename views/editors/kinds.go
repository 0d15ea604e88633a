package editors

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/fanout/fanout/engine/field"
)

// kind is how a field's text is read and written.
type kind int

const (
	kText      kind = iota // any text
	kMultiline             // free text over several lines
	kInt                   // a whole number
	kUint                  // a whole number ≥ 0 (seeds)
	kFloat                 // a number
	kDuration              // 10m, 1h30m, 250ms
	kBytes                 // 256KB, 1GB
	kRate                  // 5/s, 300/min
	kTime                  // RFC 3339
	kBool                  // a check box
	kChoice                // one of choices
	kHeading               // not a field: a heading over the fields that follow
)

// parse reads the text typed into a field of kind k. del reports an empty text: the key is
// removed so the default applies. A text that does not parse returns an error in the
// field's terms; the value is then not applied.
func parse(k kind, text string) (value any, del bool, err error) {
	s := strings.TrimSpace(text)
	if s == "" {
		return nil, true, nil
	}
	switch k {
	case kText, kChoice:
		return s, false, nil
	case kMultiline:
		return text, false, nil
	case kInt:
		n, err := strconv.Atoi(s)
		if err != nil {
			return nil, false, fmt.Errorf("%q is not a whole number", s)
		}
		return n, false, nil
	case kUint:
		n, err := strconv.ParseUint(s, 10, 64)
		if err != nil {
			return nil, false, fmt.Errorf("%q is not a whole number ≥ 0", s)
		}
		return n, false, nil
	case kFloat:
		f, err := strconv.ParseFloat(s, 64)
		if err != nil {
			return nil, false, fmt.Errorf("%q is not a number", s)
		}
		return f, false, nil
	case kDuration:
		var d field.Duration
		if err := d.UnmarshalText([]byte(s)); err != nil {
			return nil, false, fmt.Errorf("%q is not a duration: write e.g. 250ms, 10s, 5m, 1h30m", s)
		}
		return s, false, nil
	case kBytes:
		var b field.Bytes
		if err := b.UnmarshalText([]byte(s)); err != nil {
			return nil, false, fmt.Errorf("%q is not a size: write e.g. 64KB, 256MB, 1GB", s)
		}
		return s, false, nil
	case kRate:
		var r field.Rate
		if err := r.UnmarshalText([]byte(s)); err != nil {
			return nil, false, fmt.Errorf("%q is not a rate: write e.g. 5/s, 300/min", s)
		}
		return s, false, nil
	case kTime:
		t, err := time.Parse(time.RFC3339, s)
		if err != nil {
			return nil, false, fmt.Errorf("%q is not a time: write e.g. 2026-01-01T09:00:00Z", s)
		}
		return t, false, nil
	}
	return nil, false, fmt.Errorf("unknown field kind %d", k)
}

// format writes a value read from the document as a field's text.
func format(v any) string {
	switch t := v.(type) {
	case nil:
		return ""
	case string:
		return t
	case time.Time:
		return t.Format(time.RFC3339)
	case float64:
		return strconv.FormatFloat(t, 'g', -1, 64)
	}
	return fmt.Sprint(v)
}
