package event

import (
	"encoding/binary"
	"math/bits"
)

// ValidJSON reports whether b is exactly one JSON value with optional surrounding whitespace.
// It agrees with encoding/json.Valid on every input (FuzzValidJSON checks it): strings may hold
// any byte but '"', '\\' and control characters (invalid UTF-8 included, as json.Valid allows),
// and nesting deeper than 10,000 levels is rejected, as json.Valid does. Unlike json.Valid it
// takes no scanner from a pool and allocates nothing (below 64 levels), for the hot paths.
func ValidJSON(b []byte) bool {
	var stack jsonStack
	i := skipJSONSpace(b, 0)
	for {
		// A value starts at b[i].
		if i >= len(b) {
			return false
		}
		switch c := b[i]; c {
		case '{', '[':
			if !stack.push(c == '{') {
				return false
			}
			i = skipJSONSpace(b, i+1)
			if i < len(b) && (c == '{' && b[i] == '}' || c == '[' && b[i] == ']') {
				stack.pop()
				i++
				break
			}
			if c == '{' {
				if i = objectKey(b, i); i < 0 {
					return false
				}
			}
			continue
		case '"':
			if i = skipJSONString(b, i); i < 0 {
				return false
			}
		case 't':
			if i = literal(b, i, "true"); i < 0 {
				return false
			}
		case 'f':
			if i = literal(b, i, "false"); i < 0 {
				return false
			}
		case 'n':
			if i = literal(b, i, "null"); i < 0 {
				return false
			}
		default:
			if i = skipJSONNumber(b, i); i < 0 {
				return false
			}
		}
		// A value ended before b[i]: close containers, or go on to the next member or element.
		for {
			i = skipJSONSpace(b, i)
			if stack.depth == 0 {
				return i == len(b)
			}
			if i >= len(b) {
				return false
			}
			obj := stack.top()
			switch {
			case b[i] == ',' && obj:
				if i = objectKey(b, skipJSONSpace(b, i+1)); i < 0 {
					return false
				}
			case b[i] == ',':
				i = skipJSONSpace(b, i+1)
			case b[i] == '}' && obj, b[i] == ']' && !obj:
				stack.pop()
				i++
				continue
			default:
				return false
			}
			break
		}
	}
}

// maxJSONDepth is encoding/json's nesting limit: 10,000 open containers are fine, one more is not.
const maxJSONDepth = 10000

// jsonStack records, per open container, whether it is an object. The first 64 levels live in
// a word; deeper documents (rare) spill into a slice.
type jsonStack struct {
	low   uint64
	high  []uint64
	depth int
}

func (s *jsonStack) push(obj bool) bool {
	if s.depth >= maxJSONDepth {
		return false
	}
	w, m := s.word(s.depth), uint64(1)<<(s.depth%64)
	if obj {
		*w |= m
	} else {
		*w &^= m
	}
	s.depth++
	return true
}

func (s *jsonStack) pop() { s.depth-- }

func (s *jsonStack) top() bool {
	d := s.depth - 1
	return *s.word(d)&(uint64(1)<<(d%64)) != 0
}

// word returns the word holding level d, growing the spill slice as needed.
func (s *jsonStack) word(d int) *uint64 {
	if d < 64 {
		return &s.low
	}
	for len(s.high) <= d/64-1 {
		s.high = append(s.high, 0)
	}
	return &s.high[d/64-1]
}

// objectKey reads `"name" :` at b[i] and returns the index of the member's value (after
// whitespace), or -1.
func objectKey(b []byte, i int) int {
	if i >= len(b) || b[i] != '"' {
		return -1
	}
	if i = skipJSONString(b, i); i < 0 {
		return -1
	}
	if i = skipJSONSpace(b, i); i >= len(b) || b[i] != ':' {
		return -1
	}
	return skipJSONSpace(b, i+1)
}

func skipJSONSpace(b []byte, i int) int {
	for i < len(b) && isJSONSpace(b[i]) {
		i++
	}
	return i
}

func isJSONSpace(c byte) bool { return c == ' ' || c == '\n' || c == '\r' || c == '\t' }

func literal(b []byte, i int, lit string) int {
	if len(b)-i < len(lit) || string(b[i:i+len(lit)]) != lit {
		return -1
	}
	return i + len(lit)
}

// skipJSONString returns the index after the string starting at b[i] (a '"'), or -1.
func skipJSONString(b []byte, i int) int {
	for i++; ; i++ {
		i = stringStop(b, i)
		if i >= len(b) {
			return -1
		}
		switch c := b[i]; {
		case c == '"':
			return i + 1
		case c < 0x20:
			return -1
		}
		i++ // a backslash: the escape
		if i >= len(b) {
			return -1
		}
		switch b[i] {
		case '"', '\\', '/', 'b', 'f', 'n', 'r', 't':
		case 'u':
			if len(b)-i < 5 || !isHex(b[i+1]) || !isHex(b[i+2]) || !isHex(b[i+3]) || !isHex(b[i+4]) {
				return -1
			}
			i += 4
		default:
			return -1
		}
	}
}

// stringStop returns the index of the first '"', '\\' or control character at or after b[i]
// (len(b) if none): the end of a run of bytes a string holds as they are. It tests 8 bytes at
// a time.
func stringStop(b []byte, i int) int {
	const ones, highs = 0x0101010101010101, 0x8080808080808080
	for ; len(b)-i >= 8; i += 8 {
		x := binary.LittleEndian.Uint64(b[i:])
		q, s := x^(ones*'"'), x^(ones*'\\')
		// The high bit of each byte below 0x20 or equal to '"' or '\\' (the lowest such byte
		// exactly; borrows may also mark bytes above it).
		if m := ((x-ones*0x20)&^x | (q-ones)&^q | (s-ones)&^s) & highs; m != 0 {
			return i + bits.TrailingZeros64(m)/8
		}
	}
	for ; i < len(b); i++ {
		if c := b[i]; c == '"' || c == '\\' || c < 0x20 {
			return i
		}
	}
	return i
}

func isHex(c byte) bool {
	return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F'
}

// skipJSONNumber returns the index after the number starting at b[i], or -1.
func skipJSONNumber(b []byte, i int) int {
	if b[i] == '-' {
		i++
	}
	switch {
	case i < len(b) && b[i] == '0':
		i++
	case i < len(b) && b[i] >= '1' && b[i] <= '9':
		i = skipDigits(b, i+1)
	default:
		return -1
	}
	if i < len(b) && b[i] == '.' {
		j := skipDigits(b, i+1)
		if j == i+1 {
			return -1
		}
		i = j
	}
	if i < len(b) && (b[i] == 'e' || b[i] == 'E') {
		i++
		if i < len(b) && (b[i] == '+' || b[i] == '-') {
			i++
		}
		j := skipDigits(b, i)
		if j == i {
			return -1
		}
		i = j
	}
	return i
}

func skipDigits(b []byte, i int) int {
	for i < len(b) && b[i] >= '0' && b[i] <= '9' {
		i++
	}
	return i
}
