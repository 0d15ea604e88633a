package event

import (
	"reflect"
	"testing"
)

// TestValidateMarked: ValidateMarked answers what Validate answers, for valid events and for
// events broken in each checked way; a valid event encodes to the same JSON after marking, and
// its data changed in place afterwards is seen as the invalid JSON it is.
func TestValidateMarked(t *testing.T) {
	g := newGen(7)
	breaks := []func(e *Event){
		func(*Event) {},
		func(e *Event) { e.ID = "bad id" },
		func(e *Event) { e.Type = "" },
		func(e *Event) { e.Source = "a b" },
		func(e *Event) { e.Data = []byte(`{"a":`) },
		func(e *Event) { e.Extensions = map[string]string{"Bad-Name": "x"} },
	}
	lims := []Limits{DefaultLimits(), {MaxIDLen: 3, MaxTypeLen: 4, MaxSourceLen: 5}}
	valid, invalid := 0, 0
	for i := range 200 {
		for j, brk := range breaks {
			for _, lim := range lims {
				e := g.event()
				brk(&e)
				want := Validate(e, lim)
				before := e.JSON()
				got := ValidateMarked(&e, lim)
				if !reflect.DeepEqual(got, want) {
					t.Fatalf("event %d break %d: ValidateMarked %v, Validate %v", i, j, got, want)
				}
				if string(e.JSON()) != string(before) {
					t.Fatalf("event %d break %d: JSON changed by marking:\n%s\n%s", i, j, e.JSON(), before)
				}
				if got == nil {
					valid++
				} else {
					invalid++
				}
				if got == nil && len(e.Data) > 1 {
					e.Data[0] = '?'
					if err := Validate(e, lim); err == nil {
						t.Fatalf("event %d: data changed after marking still validates: %s", i, e.Data)
					}
				}
			}
		}
	}
	if valid < 100 || invalid < 100 {
		t.Fatalf("%d valid and %d invalid events: the cases do not cover both answers", valid, invalid)
	}
}
