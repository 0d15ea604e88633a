package storage

import (
	"cmp"
	"slices"
)

// subjectKey is one event's subject, waiting for its part to be sorted.
type subjectKey struct {
	subject string
	event   int64
}

// subjects gathers the subjects of the events one commit writes, and writes them as one
// sorted part of subject_parts (migrations/006_subject_parts.sql) at the end of the commit.
type subjects struct {
	keys []subjectKey
	part int64
}

func (s *subjects) add(subject string, event int64) {
	s.keys = append(s.keys, subjectKey{subject, event})
}

// write inserts the gathered subjects in (subject, event) order as the next part.
func (s *subjects) write(st *stmts) error {
	if len(s.keys) == 0 {
		return nil
	}
	slices.SortFunc(s.keys, func(a, b subjectKey) int {
		if c := cmp.Compare(a.subject, b.subject); c != 0 {
			return c
		}
		return cmp.Compare(a.event, b.event)
	})
	s.part++
	st.facets.parts = s.part
	first, last := s.keys[0].event, s.keys[0].event
	for _, k := range s.keys {
		first, last = min(first, k.event), max(last, k.event)
		if err := st.subjects.add(s.part, k.subject, k.event); err != nil {
			return err
		}
	}
	clear(s.keys)
	s.keys = s.keys[:0]
	if err := st.subjects.flush(); err != nil {
		return err
	}
	_, err := st.addPart.exec(s.part, first, last)
	return err
}

// reset drops the subjects of a commit that failed.
func (s *subjects) reset() {
	clear(s.keys)
	s.keys = s.keys[:0]
}

// subjectArm is the text driver's arm for subjects starting with a prefix: one index range
// per part of subject_parts (CROSS JOIN keeps the part list outside: SQLite would rather scan
// subject_parts whole).
const subjectArm = `SELECT k.event FROM subject_part_list p CROSS JOIN subject_parts k
	ON k.part = p.part AND k.subject >= ? AND k.subject < ? WHERE 1`
