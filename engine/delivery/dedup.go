package delivery

// DedupStore is a handler-side dedup store keyed on the CloudEvents id (the seed article:
// "storing a marker keyed on the CloudEvents id field"). A marker is written when a delivery's
// side effect happens (an OK attempt); a later delivery of the same id is absorbed: it
// completes at once without invoking the target (the handler's early return is modelled as
// free). With a capacity, the oldest markers are forgotten first, as a store with a retention
// would. Share one store among the targets that reach one function.
type DedupStore struct {
	seen     map[string]struct{}
	ring     []string // insertion order, for eviction; nil when unbounded
	next     int
	absorbed uint64
}

// NewDedupStore returns an empty store keeping at most capacity markers (0: unbounded).
func NewDedupStore(capacity int) *DedupStore {
	d := &DedupStore{seen: make(map[string]struct{})}
	if capacity > 0 {
		d.ring = make([]string, 0, capacity)
	}
	return d
}

// Seen reports whether id has a marker.
func (d *DedupStore) Seen(id string) bool {
	_, ok := d.seen[id]
	return ok
}

// Mark writes a marker for id, evicting the oldest one when the store is full.
func (d *DedupStore) Mark(id string) {
	if _, ok := d.seen[id]; ok {
		return
	}
	if d.ring != nil {
		if len(d.ring) < cap(d.ring) {
			d.ring = append(d.ring, id)
		} else {
			delete(d.seen, d.ring[d.next])
			d.ring[d.next] = id
			d.next = (d.next + 1) % len(d.ring)
		}
	}
	d.seen[id] = struct{}{}
}

// Len returns the number of markers held.
func (d *DedupStore) Len() int { return len(d.seen) }

// Absorbed returns how many deliveries the store absorbed, over all its targets.
func (d *DedupStore) Absorbed() uint64 { return d.absorbed }
