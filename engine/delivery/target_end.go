package delivery

// end puts delivery i in its final state st, accounts for it and frees its slot. err is the
// error a discard records. A duplicate has no final state of its own: its end only counts a
// side effect when it was delivered without being absorbed.
func (t *Target) end(i int32, st Final, reason Reason, err string) {
	s := &t.slots[i]
	now := t.sched.Now()
	if s.msg.Duplicate {
		if st == Delivered && !s.absorbed {
			t.counts.DuplicateSideEffects++
			t.markDone(s)
		}
		t.release(i)
		return
	}
	rec := Record{At: now, Msg: &s.msg, Reason: reason, Err: err}
	switch st {
	case Delivered:
		t.counts.Delivered++
		rec.Kind = KindDelivered
		if !s.absorbed {
			t.markDone(s)
		}
	case DeadLettered:
		t.counts.DeadLettered++
		rec.Kind, rec.Queue = KindDeadLettered, t.dlq.Name()
	case Discarded:
		t.counts.Discarded++
		rec.Kind = KindDiscarded
	case Expired:
		t.counts.Expired++
		rec.Kind = KindExpired
	}
	t.obs.Observe(rec)
	blocker := s.blocker
	if blocker {
		t.obs.Observe(Record{Kind: KindUnblocked, At: now, Msg: &s.msg})
	}
	if st == Delivered && t.onSuccess != nil {
		m := &t.slots[i].msg
		_ = t.onSuccess.Enqueue(Message{Event: m.Event, Payload: m.Payload, Rule: m.Rule, Target: m.Target,
			Created: m.Created, Attempt: m.Attempt}) // a refusal is recorded by the queue
	}
	if st == Delivered && t.dupP > 0 && t.rng.Float64() < t.dupP {
		t.duplicate(i)
	}
	if t.settler != nil {
		t.settler.Settled(&t.slots[i].msg, st) // the slot stays live during the call
	}
	t.release(i)
	if blocker {
		t.blockers--
		t.drain()
	}
}

// markDone records a side effect in the dedup store.
func (t *Target) markDone(s *slot) {
	if t.dedup != nil {
		t.dedup.Mark(s.msg.ID())
	}
}

// deadLetter sends delivery i's original event to the dead-letter queue with why it failed.
// If the queue refuses it, the event is discarded with the queue's error.
func (t *Target) deadLetter(i int32, reason Reason) {
	s := &t.slots[i]
	first, last := s.first, s.last
	if s.failures == 0 { // no attempt was made
		first, last = s.msg.Created, s.msg.Created
	}
	dl := &DeadLetter{Reason: reason, Attempts: int(s.failures), LastError: s.lastErr,
		Rule: t.rule, Target: t.name, Created: s.msg.Created, FirstAttempt: first,
		LastAttempt: last, At: t.sched.Now()}
	err := t.dlq.DeadLetter(Message{Event: s.msg.Event, Dead: dl})
	if err != nil {
		t.end(i, Discarded, reason, "dead letter to "+t.dlq.Name()+": "+err.Error())
		return
	}
	t.end(i, DeadLettered, reason, t.slots[i].lastErr) // the sink may have grown the slab
}

// block makes delivery i block the target (tolerance NONE): it keeps being retried at the
// policy's last interval until it succeeds (or expires at its maximum age, if any), and later
// deliveries wait behind it.
func (t *Target) block(i int32) {
	s := &t.slots[i]
	now := t.sched.Now()
	if !s.blocker {
		s.blocker = true
		t.blockers++
		t.counts.Blocked++
		t.obs.Observe(Record{Kind: KindBlocked, At: now, Msg: &s.msg, Err: s.lastErr})
	}
	t.decide(i, t.retrier.Blocked(int(s.failures), s.msg.Created, now, t.rng))
}

// hold queues delivery i behind the block.
func (t *Target) hold(i int32) {
	s := &t.slots[i]
	s.state = stHeld
	if t.heldTail < 0 {
		t.heldHead = i
	} else {
		t.slots[t.heldTail].next = i
	}
	t.heldTail = i
	t.obs.Observe(Record{Kind: KindHeld, At: t.sched.Now(), Msg: &s.msg})
}

// drain starts the held deliveries in arrival order while the target is not blocked.
func (t *Target) drain() {
	if t.draining {
		return
	}
	t.draining = true
	for t.blockers == 0 && t.heldHead >= 0 {
		i := t.heldHead
		t.heldHead = t.slots[i].next
		if t.heldHead < 0 {
			t.heldTail = -1
		}
		t.slots[i].next = -1
		t.start(i)
	}
	t.draining = false
}

// duplicate schedules an at-least-once redelivery of delivery i, right after it.
func (t *Target) duplicate(i int32) {
	j := t.alloc(true)
	m := t.slots[i].msg // fill sets the copy's fields, not delivery i's
	t.fill(j, &m, true)
	s := &t.slots[j]
	s.state = stWait
	t.counts.Duplicates++
	t.obs.Observe(Record{Kind: KindDuplicate, At: t.sched.Now(), Msg: &s.msg})
	t.schedule(t.sched.Now(), actStart, j)
}
