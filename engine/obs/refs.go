package obs

import "github.com/fanout/fanout/engine/event"

// Refs numbers events at receipt and finds an event's number again from its pointer, for
// emitters that hold only the *event.Event (a delivery's Message.Event). Keys are pointers, so
// no string is built per event; Release forgets an event once its fan-out completed, so memory
// stays bounded by the events in flight. A copy of an event (a replay) is a different pointer
// and has no number until Add is called for it. The zero Refs is ready to use.
type Refs struct {
	last EventRef
	m    map[*event.Event]EventRef
}

// Next returns a new number without remembering an event (rejected entries).
func (r *Refs) Next() EventRef {
	r.last++
	return r.last
}

// Add gives e the next number and remembers it.
func (r *Refs) Add(e *event.Event) EventRef {
	if r.m == nil {
		r.m = make(map[*event.Event]EventRef)
	}
	ref := r.Next()
	r.m[e] = ref
	return ref
}

// Of returns e's number, 0 when e was never added or was released.
func (r *Refs) Of(e *event.Event) EventRef { return r.m[e] }

// Release forgets e.
func (r *Refs) Release(e *event.Event) { delete(r.m, e) }

// Len is the number of events remembered.
func (r *Refs) Len() int { return len(r.m) }
