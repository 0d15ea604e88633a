package pattern

import "fmt"

// The event scanner: one pass over the bytes, validating all of them like encoding/json does
// (same grammar, same nesting limit) but materialising only values at paths in the tree. It is
// hand-written because it is the hot path; each function handles one JSON production.

func (st *state) errAt(msg string) error {
	return fmt.Errorf("invalid event: %s at offset %d", msg, st.pos)
}

func (st *state) ws() {
	b, i := st.buf, st.pos
	for i < len(b) && (b[i] == ' ' || b[i] == '\n' || b[i] == '\t' || b[i] == '\r') {
		i++
	}
	st.pos = i
}

// value scans one value at st.pos. n is the tree node for its path, or nil to skip it.
func (st *state) value(n *tnode) error {
	if st.pos >= len(st.buf) {
		return st.errAt("unexpected end of input")
	}
	switch c := st.buf[st.pos]; c {
	case '{':
		if n == nil {
			return st.object(nil)
		}
		if n.path >= 0 {
			st.pst[n.path].marker = st.epoch
		}
		if !n.hasKids() {
			return st.object(nil)
		}
		saved := st.objMark
		st.objMark = len(st.tstack)
		err := st.object(n)
		st.objMark = saved
		return err
	case '[':
		return st.array(n)
	case '"':
		if n == nil || n.path < 0 {
			return st.skipString()
		}
		s, err := st.str()
		if err == nil {
			st.capture(n.path, KindString, s, 0)
		}
		return err
	case 't':
		return st.word("true", KindTrue, n)
	case 'f':
		return st.word("false", KindFalse, n)
	case 'n':
		return st.word("null", KindNull, n)
	}
	if n == nil || n.path < 0 {
		return st.skipNumber()
	}
	raw, f, err := st.number()
	if err == nil {
		st.capture(n.path, KindNumber, raw, f)
	}
	return err
}

func (st *state) enter() error {
	st.depth++
	if st.depth > maxDepth {
		return st.errAt("nesting deeper than 10000")
	}
	st.pos++
	st.ws()
	return nil
}

func (st *state) object(n *tnode) error {
	if err := st.enter(); err != nil {
		return err
	}
	if st.pos < len(st.buf) && st.buf[st.pos] == '}' {
		st.pos++
		st.depth--
		return nil
	}
	for {
		if st.pos >= len(st.buf) || st.buf[st.pos] != '"' {
			return st.errAt("expected a string key")
		}
		var child *tnode
		if n == nil {
			if err := st.skipString(); err != nil {
				return err
			}
		} else {
			k, err := st.str()
			if err != nil {
				return err
			}
			child = n.child(k)
		}
		st.ws()
		if st.pos >= len(st.buf) || st.buf[st.pos] != ':' {
			return st.errAt("expected ':' after an object key")
		}
		st.pos++
		st.ws()
		if err := st.value(child); err != nil {
			return err
		}
		st.ws()
		if st.pos < len(st.buf) {
			switch st.buf[st.pos] {
			case ',':
				st.pos++
				st.ws()
				continue
			case '}':
				st.pos++
				st.depth--
				return nil
			}
		}
		return st.errAt("expected ',' or '}' in an object")
	}
}

// array scans an array; its elements share the array's path. Arrays that may hold objects with
// needed fields are pushed on the trail stack so values remember which element they came from.
func (st *state) array(n *tnode) error {
	if err := st.enter(); err != nil {
		return err
	}
	if st.pos < len(st.buf) && st.buf[st.pos] == ']' {
		st.pos++
		st.depth--
		if n != nil && n.path >= 0 {
			st.pst[n.path].marker = st.epoch
		}
		return nil
	}
	push := n != nil && n.hasKids()
	top := len(st.tstack)
	if push {
		st.tstack = append(st.tstack, tpair{arr: st.arrSeq})
		st.arrSeq++
	}
	for i := int32(0); ; i++ {
		if push {
			st.tstack[top].idx = i
		}
		if err := st.value(n); err != nil {
			return err
		}
		st.ws()
		if st.pos < len(st.buf) {
			switch st.buf[st.pos] {
			case ',':
				st.pos++
				st.ws()
				continue
			case ']':
				st.pos++
				st.depth--
				if push {
					st.tstack = st.tstack[:top]
				}
				return nil
			}
		}
		return st.errAt("expected ',' or ']' in an array")
	}
}

func (st *state) word(w string, k Kind, n *tnode) error {
	if len(st.buf)-st.pos < len(w) || string(st.buf[st.pos:st.pos+len(w)]) != w {
		return st.errAt("invalid literal")
	}
	st.pos += len(w)
	if n != nil && n.path >= 0 {
		st.capture(n.path, k, nil, 0)
	}
	return nil
}

// number validates a JSON number and returns its text and its value, exactly as
// strconv.ParseFloat gives it. Digits are accumulated while validating; a mantissa of at most
// 2^53 scaled by a power of ten up to 1e22 is one correctly rounded operation (the classic exact
// fast path), anything else goes to strconv.
func (st *state) number() ([]byte, float64, error) {
	b, i := st.buf, st.pos
	start := i
	if i < len(b) && b[i] == '-' {
		i++
	}
	var mant uint64
	digits, exp := 0, 0
	switch {
	case i < len(b) && b[i] == '0':
		i++
	case i < len(b) && b[i] >= '1' && b[i] <= '9':
		for ; i < len(b) && b[i] >= '0' && b[i] <= '9'; i++ {
			mant, digits = mant*10+uint64(b[i]-'0'), digits+1
		}
	default:
		return nil, 0, st.errAt("invalid character")
	}
	if i < len(b) && b[i] == '.' {
		if i++; i >= len(b) || b[i] < '0' || b[i] > '9' {
			st.pos = i
			return nil, 0, st.errAt("expected a digit after the decimal point")
		}
		for ; i < len(b) && b[i] >= '0' && b[i] <= '9'; i++ {
			mant, digits, exp = mant*10+uint64(b[i]-'0'), digits+1, exp-1
		}
	}
	slow := false
	if i < len(b) && (b[i] == 'e' || b[i] == 'E') {
		if i++; i < len(b) && (b[i] == '+' || b[i] == '-') {
			i++
		}
		if i >= len(b) || b[i] < '0' || b[i] > '9' {
			st.pos = i
			return nil, 0, st.errAt("expected a digit in the exponent")
		}
		for i++; i < len(b) && b[i] >= '0' && b[i] <= '9'; i++ {
		}
		slow = true
	}
	st.pos = i
	raw := b[start:i]
	if slow || digits > 19 || mant > 1<<53 || exp < -22 {
		return raw, slowNum(raw), nil
	}
	f := float64(mant)
	if exp < 0 {
		f /= pow10[-exp]
	}
	if raw[0] == '-' {
		f = -f
	}
	return raw, f, nil
}

// capture stores a primitive value found at path p and checks it against p's index.
func (st *state) capture(p int32, k Kind, raw []byte, num float64) {
	v := value{kind: k, raw: raw, num: num, path: p, next: -1}
	if st.objMark > 0 {
		v.trail, v.tlen = int32(len(st.trails)), int32(st.objMark)
		st.trails = append(st.trails, st.tstack[:st.objMark]...)
		st.hasTrail = true
	}
	ps := &st.pst[p]
	first := ps.stamp != st.epoch
	if !first {
		v.next = ps.head
	}
	ps.stamp, ps.head = st.epoch, int32(len(st.vals))
	st.vals = append(st.vals, v)
	st.eval(st.m.paths[p], &st.vals[len(st.vals)-1], first)
}
