package event

import (
	"mime"
	"strings"

	"github.com/cloudevents/sdk-go/v2/types"
)

// isURIRef reports whether sdk-go accepts v as a URI-reference (types.ParseURIRef(v) != nil).
// Plain values, the usual case for sources ("acs.oss", "app-7", "urn:acme:orders",
// "/orders/eu"), are decided here without allocating; anything else is left to sdk-go.
func isURIRef(v string) bool {
	return simpleURIRef(v) || types.ParseURIRef(v) != nil
}

// uriSafe marks the bytes that can appear in a simpleURIRef: RFC 3986 unreserved characters,
// sub-delimiters, '/', ':' and '@'. It leaves out '%' (escapes), '?' and '#' (query and
// fragment), brackets, controls, spaces and non-ASCII bytes.
var uriSafe = func() (t [256]bool) {
	for _, c := range []byte("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~!$&'()*+,;=/:@") {
		t[c] = true
	}
	return t
}()

// simpleURIRef reports true only for values net/url.Parse (and so sdk-go's ParseURIRef)
// certainly accepts: non-empty, every byte uriSafe, no authority ("//" after the optional
// scheme), and, without a scheme, no ':' in the first path segment. With no '%', '?', '#' or
// control byte and no authority, Parse's remaining steps cannot fail. False means "ask sdk-go",
// not "invalid". FuzzURIRef checks isURIRef against sdk-go on every input.
func simpleURIRef(v string) bool {
	if v == "" {
		return false
	}
	for i := 0; i < len(v); i++ {
		if !uriSafe[v[i]] {
			return false
		}
	}
	rest, scheme := v, false
	if i := schemeEnd(v); i > 0 {
		rest, scheme = v[i+1:], true
	}
	if strings.HasPrefix(rest, "//") {
		return false
	}
	if !scheme {
		seg, _, _ := strings.Cut(rest, "/")
		return !strings.Contains(seg, ":")
	}
	return true
}

// schemeEnd returns the index of the ':' ending v's scheme as net/url reads it (a letter, then
// letters, digits, '+', '-' or '.'), or -1 when v has no scheme.
func schemeEnd(v string) int {
	for i := 0; i < len(v); i++ {
		c := v[i]
		switch {
		case 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z':
		case '0' <= c && c <= '9' || c == '+' || c == '-' || c == '.':
			if i == 0 {
				return -1
			}
		case c == ':':
			return i
		default:
			return -1
		}
	}
	return -1
}

// isMediaType reports whether mime.ParseMediaType accepts v. A bare "type/subtype" of token
// characters (the usual "application/json"), and the few parameterised forms in commonMediaTypes,
// are decided without allocating; anything else is left to mime.
func isMediaType(v string) bool {
	if simpleMediaType(v) {
		return true
	}
	for _, c := range commonMediaTypes {
		if v == c {
			return true
		}
	}
	_, _, err := mime.ParseMediaType(v)
	return err == nil
}

// commonMediaTypes are parameterised media types producers send often; each is valid
// (TestCommonMediaTypesAreValid).
var commonMediaTypes = []string{
	"application/json;charset=utf-8", "application/json; charset=utf-8",
	"application/json;charset=UTF-8", "application/json; charset=UTF-8",
	"text/plain;charset=utf-8", "text/plain; charset=utf-8",
}

// simpleMediaType reports true only for values mime.ParseMediaType certainly accepts: one token,
// or two tokens joined by a single '/', with no parameters and no spaces.
func simpleMediaType(v string) bool {
	slash := -1
	for i := 0; i < len(v); i++ {
		c := v[i]
		if c == '/' && slash < 0 {
			slash = i
			continue
		}
		if c >= 0x80 || !mediaToken[c] {
			return false
		}
	}
	return v != "" && slash != 0 && slash != len(v)-1
}

// mediaToken marks RFC 2045 token characters: printable US-ASCII except SPACE and tspecials.
var mediaToken = func() (t [128]bool) {
	for c := byte(0x21); c < 0x7f; c++ {
		t[c] = !strings.ContainsRune(`()<>@,;:\"/[]?=`, rune(c))
	}
	return t
}()
