package delivery

// link appends waiting item i to its group's list and makes the group ready if it can go.
func (q *Queue) link(i int32) {
	it := &q.items[i]
	g := &q.groups[it.group]
	it.prev, it.next = g.tail, -1
	if g.tail < 0 {
		g.head = i
	} else {
		q.items[g.tail].next = i
	}
	g.tail = i
	q.markReady(it.group)
}

// unlink removes waiting item i from its group's list.
func (q *Queue) unlink(i int32) {
	it := &q.items[i]
	g := &q.groups[it.group]
	if it.prev < 0 {
		g.head = it.next
	} else {
		q.items[it.prev].next = it.next
	}
	if it.next < 0 {
		g.tail = it.prev
	} else {
		q.items[it.next].prev = it.prev
	}
	it.prev, it.next = -1, -1
}

// markReady puts a FIFO group with a waiting head and nothing in process on the ready list.
func (q *Queue) markReady(gi int32) {
	g := &q.groups[gi]
	if !q.fifo || g.queued || g.busy || g.head < 0 {
		return
	}
	g.queued = true
	if q.rhead > 0 && q.rhead*2 >= len(q.ready) { // compact: the list stays within 2× its length
		n := copy(q.ready, q.ready[q.rhead:])
		q.ready, q.rhead = q.ready[:n], 0
	}
	q.ready = append(q.ready, gi)
}

// nextReady returns the next message the consumer may take, or -1: the head of the queue, or
// on a FIFO topic the head of the first ready group.
func (q *Queue) nextReady() int32 {
	if !q.fifo {
		return q.groups[0].head
	}
	for q.rhead < len(q.ready) {
		gi := q.ready[q.rhead]
		g := &q.groups[gi]
		if g.busy || g.head < 0 { // emptied by a replay meanwhile
			g.queued = false
			q.rhead++
			continue
		}
		return g.head
	}
	return -1
}

// popReady removes the group at the front of the ready list (its head was taken).
func (q *Queue) popReady() {
	if q.fifo {
		q.groups[q.ready[q.rhead]].queued = false
		q.rhead++
	}
}
