package event

import (
	"mime"
	"testing"

	"github.com/cloudevents/sdk-go/v2/types"
)

var uriRefCases = []string{
	"", "acs.oss", "app-7", "urn:acme:orders", "/orders/eu", "a:b", "1a:b", ":x", "a/b:c", "a:/b",
	"a://host/x", "//host/x", "///x", "http://x/y?z#f", "%zz", "a%20b", "a b", "a\x7fb", "é",
	"mailto:a@b", "a@b", "x:", "*", "a/../b", "[::1]", "http://[::1]:80/", "a?", "#", "a#%",
	"acs:oss:cn-hangzhou:123:bucket/x", "s3+x:y", "-a:b", ".:x",
}

// TestIsURIRefAgreesWithSDK checks the fast path against sdk-go on hand-picked edges.
func TestIsURIRefAgreesWithSDK(t *testing.T) {
	for _, s := range uriRefCases {
		if got, want := isURIRef(s), types.ParseURIRef(s) != nil; got != want {
			t.Errorf("isURIRef(%q) = %v, sdk-go says %v", s, got, want)
		}
		if simpleURIRef(s) && types.ParseURIRef(s) == nil {
			t.Errorf("simpleURIRef(%q) accepts what sdk-go rejects", s)
		}
	}
	for _, s := range []string{"acs.oss", "app-7", "urn:acme:orders", "/orders/eu", "a:/b"} {
		if !simpleURIRef(s) {
			t.Errorf("simpleURIRef(%q) = false, want the fast path", s)
		}
	}
}

// FuzzURIRef: the fast URI-reference check agrees with sdk-go's ParseURIRef on every input, and
// never claims a value sdk-go rejects.
func FuzzURIRef(f *testing.F) {
	for _, s := range uriRefCases {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		want := types.ParseURIRef(s) != nil
		if got := isURIRef(s); got != want {
			t.Fatalf("isURIRef(%q) = %v, sdk-go says %v", s, got, want)
		}
		if simpleURIRef(s) && !want {
			t.Fatalf("simpleURIRef(%q) accepts what sdk-go rejects", s)
		}
	})
}

var mediaTypeCases = []string{
	"", "application/json", "text/plain", "a", "a/", "/b", "a/b/c", "a//b", "a b/c", "a/b ",
	" a/b", "a/b;", "a/b; x=1", "a/b;x", "Application/JSON", "a/é", "a(b)/c", "a/b\x7f", "a/b\t",
	"multipart/form-data; boundary=x", "*/*", "a/b;charset=utf-8;charset=latin1",
}

func TestIsMediaTypeAgreesWithMime(t *testing.T) {
	for _, s := range mediaTypeCases {
		_, _, err := mime.ParseMediaType(s)
		if got, want := isMediaType(s), err == nil; got != want {
			t.Errorf("isMediaType(%q) = %v, mime says %v", s, got, want)
		}
		if simpleMediaType(s) && err != nil {
			t.Errorf("simpleMediaType(%q) accepts what mime rejects", s)
		}
	}
}

func TestCommonMediaTypesAreValid(t *testing.T) {
	for _, s := range commonMediaTypes {
		if _, _, err := mime.ParseMediaType(s); err != nil {
			t.Errorf("%q: %v", s, err)
		}
	}
}

// FuzzMediaType: the fast media-type check agrees with mime.ParseMediaType on every input.
func FuzzMediaType(f *testing.F) {
	for _, s := range mediaTypeCases {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		_, _, err := mime.ParseMediaType(s)
		if got := isMediaType(s); got != (err == nil) {
			t.Fatalf("isMediaType(%q) = %v, mime says %v", s, got, err == nil)
		}
		if simpleMediaType(s) && err != nil {
			t.Fatalf("simpleMediaType(%q) accepts what mime rejects: %v", s, err)
		}
	})
}
