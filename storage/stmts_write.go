package storage

import "unsafe"

// writeAll inserts every record of b, kind by kind; the order of rows within a table is the
// order the records arrived in.
func (st *stmts) writeAll(b *batch) error {
	for _, f := range []func(*batch) error{st.writeEvents, st.writeRules, st.writeTransforms,
		st.writeAttempts, st.writeInvocations, st.writeRetries, st.writeFinals, st.writeOthers} {
		if err := f(b); err != nil {
			st.reset()
			return err
		}
	}
	for _, t := range st.tables {
		if err := t.flush(); err != nil {
			st.reset()
			return err
		}
	}
	if err := st.subj.write(st); err != nil {
		st.reset()
		return err
	}
	return nil
}

func (st *stmts) writeEvents(b *batch) error {
	fa := st.facets
	for i := range b.received {
		r := &b.received[i]
		fa.event(r)
		st.subj.add(r.Subject, int64(r.Event))
		var data any
		if len(r.Data) > 0 {
			// No copy: SQLite copies the text while binding, and the record's bytes are not
			// changed after the engine emitted it (the writer reads them on its goroutine).
			data = unsafe.String(&r.Data[0], len(r.Data))
		}
		if err := st.events.addSeq(int64(r.Event), r.ID, int64(r.At), r.Bus, r.Source, r.Type, r.Subject,
			int64(r.Size), b2i(r.Accepted), r.Reason, r.Time, r.PublishTime, r.SpecVersion, r.ContentType, data); err != nil {
			return err
		}
	}
	return nil
}

func (st *stmts) writeRules(b *batch) error {
	for i := range b.rules {
		r := &b.rules[i]
		id, err := st.rule(r.Rule, r.Bus)
		if err != nil {
			return err
		}
		st.facets.rule(r)
		if err := st.rules.addSeq(st.next(), int64(r.Event), id, int64(r.At), b2i(r.Matched)); err != nil {
			return err
		}
	}
	return nil
}

func (st *stmts) writeTransforms(b *batch) error {
	for i := range b.transforms {
		r := &b.transforms[i]
		id, err := st.target(r.Rule, r.Target)
		if err != nil {
			return err
		}
		if err := st.transforms.addSeq(st.next(), int64(r.Event), id, int64(r.At), int64(r.PayloadSize)); err != nil {
			return err
		}
	}
	return nil
}

func (st *stmts) writeAttempts(b *batch) error {
	for i := range b.attempts {
		r := &b.attempts[i]
		id, err := st.target(r.Rule, r.Target)
		if err != nil {
			return err
		}
		if err := st.attempts.addSeq(st.next(), int64(r.Event), id, int64(r.Number), int64(r.Scheduled), int64(r.Start),
			int64(r.End), r.Outcome.String(), r.Error); err != nil {
			return err
		}
	}
	return nil
}

func (st *stmts) writeInvocations(b *batch) error {
	for i := range b.invocations {
		r := &b.invocations[i]
		tid, err := st.target(r.Rule, r.Target)
		if err != nil {
			return err
		}
		fid, err := st.function(r.Service, r.Function)
		if err != nil {
			return err
		}
		if err := st.invocations.addSeq(st.next(), int64(r.Event), tid, int64(r.Attempt), fid, int64(r.Instance),
			b2i(r.Cold), b2i(r.Provisioned), int64(r.Enqueued), int64(r.Start), int64(r.End),
			int64(r.QueueWait), int64(r.ColdStart), int64(r.Init), int64(r.Billed), int64(r.MemoryMB),
			r.VCPU, r.CostUSD, r.Outcome.String(), r.ErrorKind, r.Stack); err != nil {
			return err
		}
	}
	return nil
}

func (st *stmts) writeRetries(b *batch) error {
	for i := range b.retries {
		r := &b.retries[i]
		id, err := st.target(r.Rule, r.Target)
		if err != nil {
			return err
		}
		if err := st.retries.addSeq(st.next(), int64(r.Event), id, int64(r.At), int64(r.Next), int64(r.Attempt), r.Why); err != nil {
			return err
		}
	}
	return nil
}

func (st *stmts) writeFinals(b *batch) error {
	for i := range b.finals {
		r := &b.finals[i]
		id, err := st.target(r.Rule, r.Target)
		if err != nil {
			return err
		}
		if err := st.deliveries.addSeq(st.next(), int64(r.Event), id, int64(r.Created), int64(r.At), r.Outcome.String(), int64(r.Attempts),
			r.Reason, r.Queue, r.LastError); err != nil {
			return err
		}
	}
	return nil
}

func (st *stmts) writeOthers(b *batch) error {
	for i := range b.instances {
		r := &b.instances[i]
		id, err := st.function(r.Service, r.Function)
		if err != nil {
			return err
		}
		if err := st.instances.add(int64(r.At), id, int64(r.Instance), r.From.String(), r.To.String(),
			b2i(r.Provisioned)); err != nil {
			return err
		}
	}
	for i := range b.depths {
		r := &b.depths[i]
		if err := st.depths.add(int64(r.At), r.Queue, r.Depth, b2i(r.DLQ)); err != nil {
			return err
		}
	}
	for i := range b.fanouts {
		r := &b.fanouts[i]
		st.facets.pending.clear(int64(r.Event))
		if err := st.fanouts.add(int64(r.Event), int64(r.Received), int64(r.At), int64(r.Targets),
			int64(r.Succeeded)); err != nil {
			return err
		}
	}
	return nil
}

// next returns a new seq; one counter serves every table, so seqs also order records across
// tables.
func (st *stmts) next() int64 {
	st.seq++
	return st.seq
}

// reset drops the rows buffered for a transaction that failed.
func (st *stmts) reset() {
	for _, t := range st.tables {
		t.reset()
	}
	st.subj.reset()
}
