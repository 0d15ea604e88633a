package event

import (
	"encoding/json"
	"errors"
	"strings"
	"testing"
)

func validEvent() Event {
	return Event{
		ID: "69b1c0a8-0001", Source: "acs.oss", SpecVersion: "1.0", Type: "oss:ObjectCreated:PutObject",
		Subject: "acs:oss:cn-hangzhou:1234567890123456:bucket/uploads/a.csv", Time: "2026-03-11T05:40:45.682Z",
		DataContentType: "application/json;charset=utf-8", DataSchema: "http://example.com/test.json",
		Extensions: map[string]string{"aliyunregionid": "cn-hangzhou", "aliyunoriginalaccountid": "1"},
		Data:       json.RawMessage(`{"a":1}`),
	}
}

func TestValidateAcceptsValid(t *testing.T) {
	for _, e := range []Event{
		validEvent(),
		{ID: "a", Source: "s", SpecVersion: "1.0", Type: "t"},
		{ID: strings.Repeat("a", 128), Source: strings.Repeat("s", 128), SpecVersion: "1.0", Type: "t", Subject: strings.Repeat("é", 512)},
		{ID: "7-", Source: "acs:aliyuncvc", SpecVersion: "1.0", Type: "t", DataContentType: "text/plain", Data: json.RawMessage(`"hi"`)},
		{ID: "Z", Source: "s", SpecVersion: "1.0", Type: "t", DataBase64: true, Data: json.RawMessage(`"aGVsbG8="`)},
		{ID: "a", Source: "s", SpecVersion: "1.0", Type: "t", Time: "2020-08-17T16:04:46.149Asia/Shanghai"},
	} {
		if err := Validate(e, DefaultLimits()); err != nil {
			t.Errorf("Validate(%+v) = %v", e, err)
		}
	}
}

// TestValidateRules has one case per rule; each yields a distinct (attribute, sentinel) pair.
func TestValidateRules(t *testing.T) {
	tests := []struct {
		name     string
		mutate   func(e *Event)
		attr     string
		sentinel error
		reason   string
	}{
		{"specversion missing", func(e *Event) { e.SpecVersion = "" }, "specversion", ErrRequired, "required"},
		{"specversion wrong", func(e *Event) { e.SpecVersion = "0.3" }, "specversion", ErrBadSpecVersion, `must be "1.0"`},
		{"id missing", func(e *Event) { e.ID = "" }, "id", ErrRequired, "required"},
		{"id too long", func(e *Event) { e.ID = strings.Repeat("a", 129) }, "id", ErrTooLong, "at most 128 characters"},
		{"id bad start", func(e *Event) { e.ID = "-abc" }, "id", ErrBadStart, "start with a letter or digit"},
		{"id bad char", func(e *Event) { e.ID = "ab_c" }, "id", ErrBadChar, "'_'"},
		{"id masked", func(e *Event) { e.ID = "69B1***0A8" }, "id", ErrBadChar, "'*'"},
		{"source missing", func(e *Event) { e.Source = "" }, "source", ErrRequired, "required"},
		{"source too long", func(e *Event) { e.Source = strings.Repeat("s", 129) }, "source", ErrTooLong, "at most 128 characters"},
		{"source not a uri", func(e *Event) { e.Source = "%zz" }, "source", ErrBadURI, "URI-reference"},
		{"type missing", func(e *Event) { e.Type = "" }, "type", ErrRequired, "required"},
		{"subject too long", func(e *Event) { e.Subject = strings.Repeat("x", 513) }, "subject", ErrTooLong, "at most 512 characters"},
		{"datacontenttype", func(e *Event) { e.DataContentType, e.Data = "json;;", json.RawMessage(`"x"`) }, "datacontenttype", ErrBadContentType, "media type"},
		{"dataschema relative", func(e *Event) { e.DataSchema = "test.json" }, "dataschema", ErrBadURI, "absolute URI"},
		{"extension upper", func(e *Event) { e.Extensions["aliyunRegion"] = "x" }, "aliyunRegion", ErrBadExtensionName, "lower-case letters"},
		{"extension empty", func(e *Event) { e.Extensions[""] = "x" }, "", ErrBadExtensionName, "must not be empty"},
		{"extension reserved", func(e *Event) { e.Extensions["subject"] = "x" }, "subject", ErrReservedExtension, "context attribute"},
		{"data not json", func(e *Event) { e.Data = json.RawMessage(`{`) }, "data", ErrBadData, "valid JSON"},
		{"text data not string", func(e *Event) { e.DataContentType = "text/csv" }, "data", ErrBadData, "must be a JSON string"},
		{"base64 not string", func(e *Event) { e.DataBase64 = true }, "data_base64", ErrBadData, "JSON string of base64"},
		{"base64 bad", func(e *Event) { e.DataBase64, e.Data = true, json.RawMessage(`"a!"`) }, "data_base64", ErrBadData, "standard base64"},
	}
	seen := map[string]bool{}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := validEvent()
			tt.mutate(&e)
			err := Validate(e, DefaultLimits())
			var ae *AttrError
			if !errors.As(err, &ae) {
				t.Fatalf("Validate = %v, want *AttrError", err)
			}
			if ae.Attr != tt.attr || !errors.Is(err, tt.sentinel) || !strings.Contains(ae.Reason, tt.reason) {
				t.Fatalf("got attr %q err %v, want attr %q sentinel %v reason ~%q", ae.Attr, err, tt.attr, tt.sentinel, tt.reason)
			}
			if !strings.Contains(err.Error(), `"`+tt.attr+`"`) {
				t.Fatalf("message %q does not name the attribute", err)
			}
			if all := ValidateAll(e, DefaultLimits()); len(all) != 1 {
				t.Fatalf("ValidateAll = %v, want exactly this failure", all)
			}
			key := ae.Attr + "|" + ae.Reason
			if seen[key] {
				t.Fatalf("failure %q is not distinct", key)
			}
			seen[key] = true
		})
	}
}

func TestValidateSizeLimit(t *testing.T) {
	e := Event{ID: "a", Source: "s", SpecVersion: "1.0", Type: "t", Time: "x"}
	base := e.Size() // 1+1+3+1+36 = 42 with the 2 quotes of the data string below
	pad := func(n int) json.RawMessage { return json.RawMessage(`"` + strings.Repeat("x", n-2) + `"`) }
	e.Data = pad(262144 - base)
	if e.Size() != 262144 {
		t.Fatalf("Size = %d, want 262144", e.Size())
	}
	if err := Validate(e, DefaultLimits()); err != nil {
		t.Fatalf("at the limit: %v", err)
	}
	e.Data = pad(262145 - base)
	err := Validate(e, DefaultLimits())
	var se *SizeError
	if !errors.Is(err, ErrTooLarge) || !errors.As(err, &se) || se.Size != 262145 || se.Limit != 262144 {
		t.Fatalf("over the limit: %v", err)
	}
	if !strings.Contains(err.Error(), "262145") || !strings.Contains(err.Error(), "256 KB") {
		t.Fatalf("message %q lacks the size or the limit", err)
	}
	lim := DefaultLimits()
	lim.MaxEventBytes = 0
	if err := Validate(e, lim); err != nil {
		t.Fatalf("size check disabled: %v", err)
	}
}

func TestValidateLimitsAreSettings(t *testing.T) {
	e := validEvent()
	lim := DefaultLimits()
	lim.MaxIDLen, lim.MaxTypeLen, lim.MaxExtensionNameLen = 4, 5, 20
	errs := ValidateAll(e, lim)
	if len(errs) != 3 {
		t.Fatalf("ValidateAll = %v, want id, type and extension-name failures", errs)
	}
	for i, attr := range []string{"id", "type", "aliyunoriginalaccountid"} {
		var ae *AttrError
		if !errors.As(errs[i], &ae) || ae.Attr != attr || !errors.Is(ae, ErrTooLong) {
			t.Errorf("failure %d = %v, want %s too long", i, errs[i], attr)
		}
	}
	if d := DefaultLimits(); d.MaxEventBytes != 262144 || d.MaxIDLen != 128 || d.MaxSourceLen != 128 || d.MaxSubjectLen != 512 {
		t.Fatalf("DefaultLimits = %+v", d)
	}
}

func TestSize(t *testing.T) {
	tests := []struct {
		name string
		e    Event
		want int
	}{
		{"attributes", Event{SpecVersion: "1.0", ID: "ab", Type: "typ", Source: "src", Subject: "sub", DataSchema: "ds", DataContentType: "ct"}, 3 + 2 + 3 + 3 + 3 + 2 + 2},
		{"utf-8 bytes", Event{Subject: "日本"}, 6},
		{"time counts 36", Event{Time: "2020-08-17T16:04:46.149Asia/Shanghai"}, 36},
		{"extensions do not count", Event{Extensions: map[string]string{"aliyunregionid": "cn-hangzhou"}}, 0},
		{"json data raw", Event{Data: json.RawMessage(`{"a": 1}`)}, 8},
		{"text data decoded", Event{DataContentType: "text/plain", Data: json.RawMessage(`"a\nb"`)}, 10 + 3},
		{"base64 decoded", Event{DataBase64: true, Data: json.RawMessage(`"aGVsbG8="`)}, 5},
	}
	for _, tt := range tests {
		if got := tt.e.Size(); got != tt.want {
			t.Errorf("%s: Size = %d, want %d", tt.name, got, tt.want)
		}
	}
}
