package event

import (
	"encoding/json"
	"slices"
	"unicode/utf8"
)

// JSON returns e in CloudEvents structured JSON mode with a deterministic key order:
// specversion, id, source, type, subject, time, datacontenttype, dataschema, the extensions
// sorted by name, then data (or data_base64 when DataBase64 is set). Empty attributes are left
// out, except specversion (always written) and extensions (an empty value is a value). Data is embedded byte for byte; if
// it is not valid JSON (Validate reports that) it is written as a JSON string of its bytes so
// the output stays valid JSON. The same Event always gives the same bytes.
func (e Event) JSON() []byte {
	b := make([]byte, 0, e.jsonSizeHint())
	return e.AppendJSON(b)
}

// AppendJSON appends JSON() to dst and returns the extended slice.
func (e Event) AppendJSON(b []byte) []byte {
	b = append(b, `{"specversion":`...)
	b = appendQuoted(b, e.SpecVersion)
	b = appendMember(b, "id", e.ID, false)
	b = appendMember(b, "source", e.Source, false)
	b = appendMember(b, "type", e.Type, false)
	b = appendMember(b, "subject", e.Subject, false)
	b = appendMember(b, "time", e.Time, false)
	b = appendMember(b, "datacontenttype", e.DataContentType, false)
	b = appendMember(b, "dataschema", e.DataSchema, false)
	for _, k := range e.extensionNames() {
		b = appendMember(b, k, e.Extensions[k], true)
	}
	if e.Data != nil {
		if e.DataBase64 {
			b = append(b, `,"data_base64":`...)
		} else {
			b = append(b, `,"data":`...)
		}
		if json.Valid(e.Data) {
			b = append(b, e.Data...)
		} else {
			b = appendQuoted(b, string(e.Data))
		}
	}
	return append(b, '}')
}

// extensionNames returns the extension names in ascending order.
func (e Event) extensionNames() []string {
	if len(e.Extensions) == 0 {
		return nil
	}
	names := make([]string, 0, len(e.Extensions))
	for k := range e.Extensions {
		names = append(names, k)
	}
	slices.Sort(names)
	return names
}

func (e Event) jsonSizeHint() int {
	n := 160 + len(e.SpecVersion) + len(e.ID) + len(e.Source) + len(e.Type) + len(e.Subject) +
		len(e.Time) + len(e.DataContentType) + len(e.DataSchema) + len(e.Data)
	for k, v := range e.Extensions {
		n += len(k) + len(v) + 6
	}
	return n
}

func appendMember(b []byte, key, val string, always bool) []byte {
	if val == "" && !always {
		return b
	}
	b = append(b, ',')
	b = appendQuoted(b, key)
	b = append(b, ':')
	return appendQuoted(b, val)
}

const hexDigits = "0123456789abcdef"

// appendQuoted appends s as a JSON string. Only '"', '\\' and control characters are escaped
// (no HTML escaping), so the form is canonical: quoting the decoded string again gives the same
// bytes. Invalid UTF-8 bytes become U+FFFD, as encoding/json does.
func appendQuoted(b []byte, s string) []byte {
	b = append(b, '"')
	start := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c >= 0x20 && c != '"' && c != '\\' && c < utf8.RuneSelf {
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
