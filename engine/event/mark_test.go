package event

import (
	"errors"
	"testing"
	"time"
)

var markAt = time.Date(2026, 3, 11, 5, 40, 45, 0, time.UTC)

// TestMarksOnlyVouchForWhatWasBuilt: Build marks its events, and the marks never let an event
// changed after Build skip a check: data replaced, truncated or changed in place, an attribute
// replaced, an extension name added to the same map, or other limits.
func TestMarksOnlyVouchForWhatWasBuilt(t *testing.T) {
	changes := []struct {
		name   string
		change func(e *Event, lim *Limits)
		want   error
	}{
		{"data in place", func(e *Event, _ *Limits) { e.Data[len(e.Data)-1] = ',' }, ErrBadData},
		{"data truncated", func(e *Event, _ *Limits) { e.Data = e.Data[:len(e.Data)-1] }, ErrBadData},
		{"data replaced", func(e *Event, _ *Limits) { e.Data = []byte(`{"a":`) }, ErrBadData},
		{"data base64", func(e *Event, _ *Limits) { e.DataBase64 = true }, ErrBadData},
		{"id", func(e *Event, _ *Limits) { e.ID = "bad id" }, ErrBadChar},
		{"source", func(e *Event, _ *Limits) { e.Source = "" }, ErrRequired},
		{"subject", func(e *Event, _ *Limits) { e.Subject = string(make([]byte, 513)) }, ErrTooLong},
		{"extension name in place", func(e *Event, _ *Limits) { e.Extensions["Bad-Name"] = "v" }, ErrBadExtensionName},
		{"limits", func(_ *Event, lim *Limits) { lim.MaxIDLen = 3 }, ErrTooLong},
		{"size limit", func(_ *Event, lim *Limits) { lim.MaxEventBytes = 100 }, ErrTooLarge},
	}
	for _, c := range Catalog() {
		e, err := c.Build("id-1", markAt, nil)
		if err != nil {
			t.Fatal(err)
		}
		if e.dataMark == 0 || e.validMark == 0 || !e.dataValidJSON() || !e.validFor(DefaultLimits()) {
			t.Fatalf("%s: built event not marked", c.Type)
		}
		for _, ch := range changes {
			bad, lim := e.Clone(), DefaultLimits() // Clone copies the marks with the fields
			ch.change(&bad, &lim)
			if err := Validate(bad, lim); !errors.Is(err, ch.want) {
				t.Errorf("%s, %s changed: Validate = %v, want %v", c.Type, ch.name, err, ch.want)
			}
		}
		bad := e.Clone()
		bad.Data[len(bad.Data)-1] = ','
		if string(bad.JSON()) == string(e.JSON()) || !ValidJSON(bad.JSON()) {
			t.Errorf("%s: data changed in place was encoded as if unchanged", c.Type)
		}
	}
}

// TestMarksKeepResults: marked and unmarked copies of every built event validate and encode
// the same.
func TestMarksKeepResults(t *testing.T) {
	for _, c := range Catalog() {
		e, err := c.Build("id-2", markAt, nil)
		if err != nil {
			t.Fatal(err)
		}
		plain := e
		plain.dataMark, plain.validMark = 0, 0
		if Validate(e, DefaultLimits()) != nil || Validate(plain, DefaultLimits()) != nil ||
			string(e.JSON()) != string(plain.JSON()) {
			t.Errorf("%s: the marks changed a result", c.Type)
		}
	}
}

func BenchmarkValidateBuilt(b *testing.B) {
	e, err := Catalog()[0].Build("id-3", markAt, nil)
	if err != nil {
		b.Fatal(err)
	}
	plain := e
	plain.dataMark, plain.validMark = 0, 0
	for _, c := range []struct {
		name string
		e    Event
	}{{"marked", e}, {"unmarked", plain}} {
		b.Run(c.name, func(b *testing.B) {
			for b.Loop() {
				if err := Validate(c.e, DefaultLimits()); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
