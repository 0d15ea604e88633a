package sim

// less orders heap entries by time, then by scheduling sequence (FIFO).
func less(a, b *entry) bool {
	return a.at < b.at || (a.at == b.at && a.seq < b.seq)
}

// up moves heap[i] towards the root until its parent is not greater,
// keeping every moved slot's pos in step ("hole" sift: one write per level).
func (s *Scheduler) up(i int) {
	h := s.heap
	e := h[i]
	for i > 0 {
		p := (i - 1) / 2
		if !less(&e, &h[p]) {
			break
		}
		h[i] = h[p]
		s.slots[h[i].slot].pos = int32(i)
		i = p
	}
	h[i] = e
	s.slots[e.slot].pos = int32(i)
}

// down moves heap[i] towards the leaves until no child is smaller.
func (s *Scheduler) down(i int) {
	h := s.heap
	n := len(h)
	e := h[i]
	for {
		c := 2*i + 1
		if c >= n {
			break
		}
		if r := c + 1; r < n && less(&h[r], &h[c]) {
			c = r
		}
		if !less(&h[c], &e) {
			break
		}
		h[i] = h[c]
		s.slots[h[i].slot].pos = int32(i)
		i = c
	}
	h[i] = e
	s.slots[e.slot].pos = int32(i)
}

// remove deletes heap[i], filling the hole with the last entry.
func (s *Scheduler) remove(i int) {
	last := len(s.heap) - 1
	if i != last {
		s.heap[i] = s.heap[last]
	}
	s.heap = s.heap[:last]
	if i == last {
		return
	}
	if i > 0 && less(&s.heap[i], &s.heap[(i-1)/2]) {
		s.up(i)
	} else {
		s.down(i)
	}
}
