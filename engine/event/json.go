package event

import (
	"slices"
	"strings"
	"unicode/utf8"
)

// JSON returns e in CloudEvents structured JSON mode with a deterministic key order:
// specversion, id, source, type, subject, time, datacontenttype, dataschema, the extensions
// sorted by name, then data (or data_base64 when DataBase64 is set). Empty attributes are left
// out, except specversion (always written) and extensions (an empty value is a value). Data is embedded byte for byte; if
// it is not valid JSON (Validate reports that) it is written as a JSON string of its bytes so
// the output stays valid JSON. The same Event always gives the same bytes.
func (e Event) JSON() []byte {
	var buf [8]extPair
	ext := e.appendExtPairs(buf[:0])
	return e.appendJSON(make([]byte, 0, e.jsonSizeHint(ext)), ext, nil)
}

// AppendJSON appends JSON() to dst and returns the extended slice.
func (e Event) AppendJSON(b []byte) []byte {
	var buf [8]extPair
	return e.appendJSON(b, e.appendExtPairs(buf[:0]), nil)
}

// appendJSON is AppendJSON with the extensions already collected and sorted; idx, when not nil,
// receives the members' locations.
func (e *Event) appendJSON(b []byte, ext []extPair, idx *[]Member) []byte {
	b = e.appendHead(b, idx)
	for _, kv := range ext {
		b = appendMember(b, kv.name, kv.value, true, idx)
	}
	return e.appendData(b, idx)
}

// appendHead appends '{' and the context attributes, specversion to dataschema.
func (e *Event) appendHead(b []byte, idx *[]Member) []byte {
	b = append(b, '{')
	b = appendAttr(b, `"specversion"`, e.SpecVersion, true, idx)
	b = appendAttr(b, `,"id"`, e.ID, false, idx)
	b = appendAttr(b, `,"source"`, e.Source, false, idx)
	b = appendAttr(b, `,"type"`, e.Type, false, idx)
	b = appendAttr(b, `,"subject"`, e.Subject, false, idx)
	b = appendAttr(b, `,"time"`, e.Time, false, idx)
	b = appendAttr(b, `,"datacontenttype"`, e.DataContentType, false, idx)
	return appendAttr(b, `,"dataschema"`, e.DataSchema, false, idx)
}

// appendAttr is appendMember for a context attribute whose name needs no escaping: key is
// its quoted name, after a comma unless it is the first member.
func appendAttr(b []byte, key, val string, always bool, idx *[]Member) []byte {
	if val == "" && !always {
		return b
	}
	ks := len(b)
	if key[0] == ',' {
		ks++
	}
	b = append(b, key...)
	ke := len(b)
	b = append(b, ':')
	b = appendQuoted(b, val)
	if idx != nil {
		*idx = append(*idx, Member{KeyStart: ks, KeyEnd: ke, ValueStart: ke + 1, ValueEnd: len(b)})
	}
	return b
}

// appendData appends the data member, if any, and the closing '}'.
func (e *Event) appendData(b []byte, idx *[]Member) []byte {
	if e.Data != nil {
		ks := len(b) + 1
		if e.DataBase64 {
			b = append(b, `,"data_base64":`...)
		} else {
			b = append(b, `,"data":`...)
		}
		ke, vs, ve := len(b)-1, len(b), 0
		if e.dataValidJSON() {
			b = append(b, e.Data...)
			// The value proper, without the whitespace data may carry around it.
			vs += skipJSONSpace(e.Data, 0)
			ve = len(b)
			for ve > vs && isJSONSpace(b[ve-1]) {
				ve--
			}
		} else {
			b = appendQuoted(b, string(e.Data))
			ve = len(b)
		}
		if idx != nil {
			*idx = append(*idx, Member{KeyStart: ks, KeyEnd: ke, ValueStart: vs, ValueEnd: ve})
		}
	}
	return append(b, '}')
}

// extPair is one extension attribute.
type extPair struct{ name, value string }

// appendExtPairs appends the extensions sorted by name to dst (a caller's stack buffer on the
// hot paths: one pass over the map, no allocation for the usual handful).
func (e *Event) appendExtPairs(dst []extPair) []extPair {
	for k, v := range e.Extensions {
		dst = append(dst, extPair{k, v})
	}
	if len(dst) > 12 {
		slices.SortFunc(dst, func(a, b extPair) int { return strings.Compare(a.name, b.name) })
		return dst
	}
	// Insertion sort for the usual handful of names.
	for i := 1; i < len(dst); i++ {
		for j := i; j > 0 && dst[j].name < dst[j-1].name; j-- {
			dst[j], dst[j-1] = dst[j-1], dst[j]
		}
	}
	return dst
}

// extensionNames returns the extension names in ascending order.
func (e Event) extensionNames() []string { return e.appendExtensionNames(nil) }

// appendExtensionNames appends the extension names in ascending order to dst (a caller's
// stack buffer on the hot paths, so that the usual handful of names costs no allocation).
func (e *Event) appendExtensionNames(dst []string) []string {
	if len(e.Extensions) == 0 {
		return dst
	}
	for k := range e.Extensions {
		dst = append(dst, k)
	}
	slices.Sort(dst)
	return dst
}

func (e *Event) jsonSizeHint(ext []extPair) int {
	n := e.baseSizeHint()
	for _, kv := range ext {
		n += len(kv.name) + len(kv.value) + 6
	}
	return n
}

// baseSizeHint is jsonSizeHint without the extensions: the encoding's exact length when no
// byte needs escaping, plus some room for escapes.
func (e *Event) baseSizeHint() int {
	n := 32 + len(`{"specversion":""}`) + len(e.SpecVersion) + len(`,"data_base64":`) + len(e.Data)
	for _, a := range [...]struct {
		name, val string
	}{{"id", e.ID}, {"source", e.Source}, {"type", e.Type}, {"subject", e.Subject}, {"time", e.Time},
		{"datacontenttype", e.DataContentType}, {"dataschema", e.DataSchema}} {
		if a.val != "" {
			n += len(a.name) + len(a.val) + 6
		}
	}
	return n
}

// appendMember appends a comma and the member key: val, recording its location in idx when
// idx is not nil. An empty val is left out unless always.
func appendMember(b []byte, key, val string, always bool, idx *[]Member) []byte {
	if val == "" && !always {
		return b
	}
	return appendPair(append(b, ','), key, val, idx)
}

// appendPair appends the member key: val and records its location in idx when not nil.
func appendPair(b []byte, key, val string, idx *[]Member) []byte {
	ks := len(b)
	b = appendQuoted(b, key)
	ke := len(b)
	b = append(b, ':')
	b = appendQuoted(b, val)
	if idx != nil {
		// Quoting lengthens a name exactly when it escapes or replaces a byte.
		*idx = append(*idx, Member{KeyStart: ks, KeyEnd: ke, ValueStart: ke + 1, ValueEnd: len(b),
			Escaped: ke-ks-2 != len(key)})
	}
	return b
}

const hexDigits = "0123456789abcdef"

// plainJSONByte marks the ASCII bytes a JSON string holds as they are: not '"', '\\' or a
// control character.
var plainJSONByte = func() (t [256]bool) {
	for c := 0x20; c < utf8.RuneSelf; c++ {
		t[c] = c != '"' && c != '\\'
	}
	return t
}()

// plainPrefix returns the length of the longest prefix of s made of plainJSONByte bytes: the
// part appendQuoted copies as it is. It tests 8 bytes at a time.
func plainPrefix(s string) int {
	i := 0
	for ; len(s)-i >= 8; i += 8 {
		w := s[i : i+8]
		x := uint64(w[0]) | uint64(w[1])<<8 | uint64(w[2])<<16 | uint64(w[3])<<24 |
			uint64(w[4])<<32 | uint64(w[5])<<40 | uint64(w[6])<<48 | uint64(w[7])<<56
		if !plainWord(x) {
			break
		}
	}
	for i < len(s) && plainJSONByte[s[i]] {
		i++
	}
	return i
}

// plainWord reports whether the 8 bytes of x are all plainJSONByte, testing them at once: none
// is a control character, '"', '\\' or a byte of a multi-byte character.
func plainWord(x uint64) bool {
	const ones, highs = 0x0101010101010101, 0x8080808080808080
	// A byte below 0x20, or zero after the XORs, sets its high bit here (with possible false
	// alarms above a real one, which only send the word to the byte loop).
	special := (x - ones*0x20) | (x ^ ones*'"' - ones) | (x ^ ones*'\\' - ones)
	return (special|x)&highs == 0
}

// appendQuoted appends s as a JSON string. Only '"', '\\' and control characters are escaped
// (no HTML escaping), so the form is canonical: quoting the decoded string again gives the same
// bytes. Invalid UTF-8 bytes become U+FFFD, as encoding/json does.
func appendQuoted(b []byte, s string) []byte {
	b = append(b, '"')
	start := 0
	for i := plainPrefix(s); i < len(s); {
		c := s[i]
		if plainJSONByte[c] {
			i++
			continue
		}
		if c >= utf8.RuneSelf {
			r, size := utf8.DecodeRuneInString(s[i:])
			if r == utf8.RuneError && size == 1 {
				b = append(b, s[start:i]...)
				b = append(b, "\uFFFD"...)
				i++
				start = i
				continue
			}
			i += size
			continue
		}
		b = append(b, s[start:i]...)
		switch c {
		case '"', '\\':
			b = append(b, '\\', c)
		case '\n':
			b = append(b, '\\', 'n')
		case '\r':
			b = append(b, '\\', 'r')
		case '\t':
			b = append(b, '\\', 't')
		default:
			b = append(b, '\\', 'u', '0', '0', hexDigits[c>>4], hexDigits[c&0xf])
		}
		i++
		start = i
	}
	b = append(b, s[start:]...)
	return append(b, '"')
}
