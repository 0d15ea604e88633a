package builder

import (
	"fmt"
	"strconv"
	"strings"

	"fyne.io/fyne/v2/widget"
	"github.com/fanout/fanout/engine/fc"
	"github.com/fanout/fanout/engine/field"
)

// textField is one editable setting: an entry whose text parses into a spec and, when changed,
// is written to the document at key (relative to the editor's element).
type textField[S any] struct {
	key   string // e.g. "handler.cpu"
	label string
	hint  string
	init  string // the text as the document had it
	entry *widget.Entry
	parse func(text string, s *S) error // sets the field; "" means unset (the default)
	yaml  func(text string) any         // the value to write
}

func (f *textField[S]) changed() bool { return strings.TrimSpace(f.entry.Text) != f.init }

// durationField edits a field.Duration ("250ms", "1m", or seconds).
func durationField[S any](key, label, hint string, get func(*S) *field.Duration, s *S) *textField[S] {
	init := ""
	if d := *get(s); d != 0 {
		init = d.D().String()
	}
	return &textField[S]{key: key, label: label, hint: hint, init: init,
		parse: func(t string, s *S) error {
			var d field.Duration
			if strings.TrimSpace(t) != "" {
				if err := d.UnmarshalText([]byte(strings.TrimSpace(t))); err != nil {
					return err
				}
			}
			*get(s) = d
			return nil
		},
		yaml: func(t string) any { return strings.TrimSpace(t) }}
}

// bytesField edits a field.Bytes ("512MB", "1GB").
func bytesField[S any](key, label, hint string, get func(*S) *field.Bytes, s *S) *textField[S] {
	init := ""
	if b := *get(s); b != 0 {
		init = b.String()
	}
	return &textField[S]{key: key, label: label, hint: hint, init: init,
		parse: func(t string, s *S) error {
			var b field.Bytes
			if strings.TrimSpace(t) != "" {
				v, err := field.ParseBytes(strings.TrimSpace(t))
				if err != nil {
					return err
				}
				b = v
			}
			*get(s) = b
			return nil
		},
		yaml: func(t string) any { return strings.TrimSpace(t) }}
}

// intField edits an int.
func intField[S any](key, label, hint string, get func(*S) *int, s *S) *textField[S] {
	init := ""
	if v := *get(s); v != 0 {
		init = strconv.Itoa(v)
	}
	return &textField[S]{key: key, label: label, hint: hint, init: init,
		parse: func(t string, s *S) error {
			v := 0
			if strings.TrimSpace(t) != "" {
				n, err := strconv.Atoi(strings.TrimSpace(t))
				if err != nil {
					return fmt.Errorf("%q is not a whole number", t)
				}
				v = n
			}
			*get(s) = v
			return nil
		},
		yaml: func(t string) any { n, _ := strconv.Atoi(strings.TrimSpace(t)); return n }}
}

// floatField edits a float64.
func floatField[S any](key, label, hint string, get func(*S) *float64, s *S) *textField[S] {
	init := ""
	if v := *get(s); v != 0 {
		init = strconv.FormatFloat(v, 'g', -1, 64)
	}
	return &textField[S]{key: key, label: label, hint: hint, init: init,
		parse: func(t string, s *S) error {
			v := 0.0
			if strings.TrimSpace(t) != "" {
				f, err := strconv.ParseFloat(strings.TrimSpace(t), 64)
				if err != nil {
					return fmt.Errorf("%q is not a number", t)
				}
				v = f
			}
			*get(s) = v
			return nil
		},
		yaml: func(t string) any { f, _ := strconv.ParseFloat(strings.TrimSpace(t), 64); return f }}
}

// stringField edits a string.
func stringField[S any](key, label, hint string, get func(*S) *string, s *S) *textField[S] {
	return &textField[S]{key: key, label: label, hint: hint, init: *get(s),
		parse: func(t string, s *S) error { *get(s) = strings.TrimSpace(t); return nil },
		yaml:  func(t string) any { return strings.TrimSpace(t) }}
}

// fieldErr returns the part of a validation error that concerns the field at key: the
// messages of the *field.Error items whose path is key (or under it).
func fieldErr(err error, key string) error {
	var l field.List
	switch e := err.(type) {
	case field.List:
		l = e
	case *field.Error:
		l = field.List{e}
	default:
		return nil
	}
	var msgs []string
	for _, fe := range l {
		if fe.Path == key || strings.HasPrefix(fe.Path, key+".") || strings.HasPrefix(fe.Path, key+"[") {
			msgs = append(msgs, fe.Msg)
		}
	}
	if len(msgs) == 0 {
		return nil
	}
	return fmt.Errorf("%s", strings.Join(msgs, "; "))
}

// rateField edits a field.Rate ("5/s", "300/min" or a number per second).
func rateField[S any](key, label, hint string, get func(*S) *field.Rate, s *S) *textField[S] {
	init := ""
	if r := *get(s); r != 0 {
		b, _ := r.MarshalText()
		init = string(b)
	}
	return &textField[S]{key: key, label: label, hint: hint, init: init,
		parse: func(t string, s *S) error {
			var r field.Rate
			if strings.TrimSpace(t) != "" {
				if err := r.UnmarshalText([]byte(strings.TrimSpace(t))); err != nil {
					return err
				}
			}
			*get(s) = r
			return nil
		},
		yaml: func(t string) any { return strings.TrimSpace(t) }}
}

// showErr shows err (nil clears it) on e the way a validator would. Entries only show
// validation errors when they have a validator, so e gets one that repeats the last error.
func showErr(e *widget.Entry, err error) {
	e.Validator = func(string) error { return err }
	e.SetValidationError(err)
}

// sigmaField edits the handler's variability as a log-normal sigma. A variability given as a
// distribution is kept as it is while the entry is left empty (edit it in the YAML).
func sigmaField(s *fc.FunctionSpec) *textField[fc.FunctionSpec] {
	v := s.Handler.Variability
	init, hint := "", "0.2 (log-normal σ; 0 = none)"
	switch {
	case v != nil && v.Dist != nil:
		hint = "a distribution: " + v.Dist.Kind + " (edit in YAML)"
	case v != nil:
		init = strconv.FormatFloat(v.Sigma, 'g', -1, 64)
	}
	orig := v
	return &textField[fc.FunctionSpec]{key: "handler.variability", label: "Variability (σ)", hint: hint, init: init,
		parse: func(t string, s *fc.FunctionSpec) error {
			t = strings.TrimSpace(t)
			if t == "" {
				s.Handler.Variability = nil
				if orig != nil && orig.Dist != nil {
					s.Handler.Variability = orig
				}
				return nil
			}
			f, err := strconv.ParseFloat(t, 64)
			if err != nil {
				return fmt.Errorf("%q is not a number", t)
			}
			s.Handler.Variability = &fc.Variability{Sigma: f}
			return nil
		},
		yaml: func(t string) any { f, _ := strconv.ParseFloat(strings.TrimSpace(t), 64); return f }}
}
