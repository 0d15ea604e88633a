package pattern

import "errors"

// state is the per-event scratch of a Matcher, reused across events (no allocation in the steady
// state). Stamps equal to epoch mark what was set during the current event.
type state struct {
	m         *Matcher
	epoch     uint32
	fields    []fieldState
	subs      []subState
	ruleBits  []uint64 // matched rules (indexes into ruleIDs), cleared as they are emitted
	pst       []pathState
	vals      []value
	scratch   []byte     // unescaped strings, folded strings
	tstack    []tpair    // arrays on the way to the current position
	trails    []tpair    // copied trails of captured values
	cands     []int32    // sub-rules whose every field is satisfied
	optVals   []int32    // verify: candidate values per field, concatenated
	optGroups []optGroup // verify: each field's candidates
	chosen    []int32    // verify: the values chosen so far

	buf      []byte
	pos      int
	depth    int
	arrSeq   int32
	objMark  int  // len(tstack) when the innermost object was entered
	hasTrail bool // some captured value lies inside an array of objects
}

// pathState records what the current event has at one path.
type pathState struct {
	stamp  uint32 // a primitive value is present
	marker uint32 // an object or an empty array is present (Alibaba exists semantics)
	head   int32  // first captured value (valid if stamp == epoch)
}

// tpair is one array on a value's way: which array instance and which element.
type tpair struct{ arr, idx int32 }

func (st *state) init(m *Matcher) {
	*st = state{m: m}
	st.fields = make([]fieldState, len(m.fieldSub))
	for f, s := range m.fieldSub {
		st.fields[f].sub = s
	}
	st.subs = make([]subState, len(m.subRule))
	for s, n := range m.subNeed {
		st.subs[s].need = n
	}
	st.ruleBits = make([]uint64, (len(m.ruleIDs)+63)/64)
	st.pst = make([]pathState, len(m.paths))
}

// maxDepth is the nesting limit, the same as encoding/json's.
const maxDepth = 10000

var (
	errNotObject = errors.New("invalid event: not a JSON object")
)

// run scans the event and settles every field's conditions; st.cands then lists the sub-rules
// with all fields satisfied.
func (st *state) run(m *Matcher, event []byte) error {
	st.epoch++
	if st.epoch == 0 { // wrapped: forget every stamp
		for i := range st.fields {
			st.fields[i].stamp = 0
		}
		for i := range st.subs {
			st.subs[i].stamp = 0
		}
		clear(st.pst)
		st.epoch = 1
	}
	st.vals, st.scratch, st.tstack, st.trails = st.vals[:0], st.scratch[:0], st.tstack[:0], st.trails[:0]
	st.cands = st.cands[:0]
	st.buf, st.pos, st.depth, st.arrSeq, st.objMark, st.hasTrail = event, 0, 0, 0, 0, false
	st.ws()
	if st.pos >= len(st.buf) || st.buf[st.pos] != '{' {
		if st.pos >= len(st.buf) {
			return errors.New("invalid event: empty input")
		}
		return errNotObject
	}
	if err := st.value(m.root); err != nil {
		st.cands = st.cands[:0]
		return err
	}
	st.ws()
	if st.pos != len(st.buf) {
		st.cands = st.cands[:0]
		return st.errAt("unexpected data after the JSON object")
	}
	for _, p := range m.absent {
		if st.isAbsent(p) {
			for _, f := range m.paths[p].existsFalse {
				st.mark(f)
			}
		}
	}
	return nil
}

// isAbsent decides exists:false for path p. AWS: no primitive value at the path (objects and
// empty arrays count as absent). Alibaba: nothing at all at the path (an object or an empty array
// fails every condition, exists:false included), and for a "data.…" path the event has "data".
func (st *state) isAbsent(p int32) bool {
	ps := &st.pst[p]
	if ps.stamp == st.epoch {
		return false
	}
	if st.m.dialect == AWS {
		return true
	}
	if ps.marker == st.epoch {
		return false
	}
	if st.m.paths[p].dataScoped {
		d := &st.pst[st.m.dataPath]
		return d.stamp == st.epoch || d.marker == st.epoch
	}
	return true
}

// fieldState and subState are the per-event counters, packed for locality.
type fieldState struct {
	stamp uint32 // satisfied in the event of this epoch
	sub   int32  // the sub-rule the field belongs to
}

type subState struct {
	stamp uint32 // count is valid for the event of this epoch
	count int32  // satisfied indexed fields
	need  int32  // indexed fields
}

// mark records that global field f is satisfied.
func (st *state) mark(f int32) {
	fs := &st.fields[f]
	if fs.stamp == st.epoch {
		return
	}
	fs.stamp = st.epoch
	ss := &st.subs[fs.sub]
	if ss.stamp != st.epoch {
		ss.stamp, ss.count = st.epoch, 0
	}
	ss.count++
	if ss.count == ss.need {
		st.cands = append(st.cands, fs.sub)
	}
}

func (st *state) markAll(fs []int32) {
	for _, f := range fs {
		st.mark(f)
	}
}
