package pattern

import (
	"encoding/binary"
	"math/bits"
	"unicode"
	"unicode/utf16"
	"unicode/utf8"
)

// strPlain marks bytes that need no attention inside a JSON string.
var strPlain = func() (t [256]bool) {
	for i := range t {
		t[i] = i >= 0x20 && i != '"' && i != '\\'
	}
	return t
}()

const (
	swarLo = 0x0101010101010101
	swarHi = 0x8080808080808080
)

// scanPlain returns the index of the first byte at or after i that ends the plain run of a JSON
// string: '"', '\\' or a control character. It tests 8 bytes at a time (SWAR): for each test the
// lowest flagged byte is exact, because borrows only propagate upwards from a true hit.
func scanPlain(b []byte, i int) int {
	for i+8 <= len(b) {
		x := binary.LittleEndian.Uint64(b[i:])
		q := x ^ (swarLo * '"')
		e := x ^ (swarLo * '\\')
		m := ((q - swarLo) &^ q) | ((e - swarLo) &^ e) | ((x - swarLo*0x20) &^ x)
		if m &= swarHi; m != 0 {
			return i + bits.TrailingZeros64(m)/8
		}
		i += 8
	}
	for i < len(b) && strPlain[b[i]] {
		i++
	}
	return i
}

// skipString validates the string at st.pos (which is '"') and moves past it.
func (st *state) skipString() error {
	b, i := st.buf, st.pos+1
	for {
		i = scanPlain(b, i)
		if i >= len(b) {
			st.pos = i
			return st.errAt("unterminated string")
		}
		switch b[i] {
		case '"':
			st.pos = i + 1
			return nil
		case '\\':
			n, ok := escLen(b[i:])
			if !ok {
				st.pos = i
				return st.errAt("invalid escape in string")
			}
			i += n
		default:
			st.pos = i
			return st.errAt("control character in string")
		}
	}
}

// escLen returns the length of the escape sequence at the start of b.
func escLen(b []byte) (int, bool) {
	if len(b) < 2 {
		return 0, false
	}
	switch b[1] {
	case '"', '\\', '/', 'b', 'f', 'n', 'r', 't':
		return 2, true
	case 'u':
		return 6, hex4(b[2:]) >= 0
	}
	return 0, false
}

// hex4 decodes 4 hex digits, or returns -1.
func hex4(b []byte) rune {
	if len(b) < 4 {
		return -1
	}
	var r rune
	for _, c := range b[:4] {
		switch {
		case '0' <= c && c <= '9':
			c -= '0'
		case 'a' <= c && c <= 'f':
			c -= 'a' - 10
		case 'A' <= c && c <= 'F':
			c -= 'A' - 10
		default:
			return -1
		}
		r = r*16 + rune(c)
	}
	return r
}

// str returns the content of the string at st.pos: a slice of the event when it has no escapes,
// else its decoded form in the scratch buffer.
func (st *state) str() ([]byte, error) {
	b, i := st.buf, st.pos+1
	start := i
	i = scanPlain(b, i)
	if i < len(b) && b[i] == '"' {
		st.pos = i + 1
		return b[start:i], nil
	}
	return st.strEscaped(start)
}

// strEscaped decodes a string with escapes the way encoding/json does (a lone surrogate becomes
// U+FFFD).
func (st *state) strEscaped(start int) ([]byte, error) {
	b := st.buf
	out := len(st.scratch)
	for i := start; ; {
		if i >= len(b) {
			st.pos = i
			return nil, st.errAt("unterminated string")
		}
		c := b[i]
		switch {
		case c == '"':
			st.pos = i + 1
			return st.scratch[out:], nil
		case c < 0x20:
			st.pos = i
			return nil, st.errAt("control character in string")
		case c != '\\':
			st.scratch = append(st.scratch, c)
			i++
			continue
		}
		n, ok := escLen(b[i:])
		if !ok {
			st.pos = i
			return nil, st.errAt("invalid escape in string")
		}
		if b[i+1] != 'u' {
			st.scratch = append(st.scratch, unescape[b[i+1]])
			i += n
			continue
		}
		r := hex4(b[i+2:])
		i += 6
		if utf16.IsSurrogate(r) {
			r2 := rune(-1)
			if i+1 < len(b) && b[i] == '\\' && b[i+1] == 'u' {
				r2 = hex4(b[i+2:])
			}
			if dec := utf16.DecodeRune(r, r2); dec != unicode.ReplacementChar {
				r = dec
				i += 6
			} else {
				r = unicode.ReplacementChar
			}
		}
		st.scratch = utf8.AppendRune(st.scratch, r)
	}
}

var unescape = [256]byte{'"': '"', '\\': '\\', '/': '/', 'b': '\b', 'f': '\f', 'n': '\n', 'r': '\r', 't': '\t'}

// skipNumber validates a JSON number without converting it (the state machine of the grammar:
// -? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?).
func (st *state) skipNumber() error {
	b, i := st.buf, st.pos
	if i < len(b) && b[i] == '-' {
		i++
	}
	if i >= len(b) || b[i] < '0' || b[i] > '9' {
		st.pos = i
		return st.errAt("invalid character")
	}
	if b[i] == '0' {
		i++
	} else {
		for i++; i < len(b) && b[i] >= '0' && b[i] <= '9'; i++ {
		}
	}
	if i < len(b) && b[i] == '.' {
		if i++; i >= len(b) || b[i] < '0' || b[i] > '9' {
			st.pos = i
			return st.errAt("expected a digit after the decimal point")
		}
		for i++; i < len(b) && b[i] >= '0' && b[i] <= '9'; i++ {
		}
	}
	if i < len(b) && (b[i] == 'e' || b[i] == 'E') {
		if i++; i < len(b) && (b[i] == '+' || b[i] == '-') {
			i++
		}
		if i >= len(b) || b[i] < '0' || b[i] > '9' {
			st.pos = i
			return st.errAt("expected a digit in the exponent")
		}
		for i++; i < len(b) && b[i] >= '0' && b[i] <= '9'; i++ {
		}
	}
	st.pos = i
	return nil
}
