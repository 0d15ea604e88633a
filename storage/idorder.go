package storage

// idOrder watches whether the events' ids arrive in rising order, for the index on ids that
// the schema keeps while the run writes (migrations/005_id_index.sql). Appending to it costs
// the writer little; inserting ids in random order costs it several times more than building
// the index once at the end. So once a quarter of the ids seen (after the first 4,096) have
// come lower than an earlier one, the writer drops the index and Finish builds it.
type idOrder struct {
	max     string
	seen    int64
	lower   int64
	dropped bool
}

// idOrderMin is how many ids the writer sees before it judges their order.
const idOrderMin = 4096

// add records one id.
func (o *idOrder) add(id string) {
	o.seen++
	if id < o.max {
		o.lower++
	} else {
		o.max = id
	}
}

// drop reports whether the index should go now (once).
func (o *idOrder) drop() bool {
	if o.dropped || o.seen < idOrderMin || o.lower*4 <= o.seen {
		return false
	}
	o.dropped = true
	return true
}
