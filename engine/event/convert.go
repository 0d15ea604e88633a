package event

import (
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"unicode/utf8"

	cloudevents "github.com/cloudevents/sdk-go/v2/event"
	"github.com/cloudevents/sdk-go/v2/types"
)

// IsJSONMediaType reports whether a datacontenttype makes "data" a raw JSON value rather than a
// string, exactly as sdk-go decides when it decodes structured JSON: the media type (the text
// before ';', trimmed) is application/json, text/json, application/cloudevents+json or
// application/cloudevents-batch+json, compared case-sensitively; an empty content type counts as
// JSON. Other "+json" types are text for sdk-go, and so for Fanout.
func IsJSONMediaType(contentType string) bool {
	mt := contentType
	if i := strings.IndexByte(mt, ';'); i >= 0 {
		mt = strings.TrimSpace(mt[:i])
	}
	switch mt {
	case "", cloudevents.ApplicationJSON, cloudevents.TextJSON,
		cloudevents.ApplicationCloudEventsJSON, cloudevents.ApplicationCloudEventsBatchJSON:
		return true
	}
	return false
}

// CloudEvent converts e to an sdk-go event. For an event that passes Validate the conversion is
// exact (FromCloudEvent gives e back) with one documented exception: sdk-go holds "time" as an
// instant, so Time survives byte for byte only in sdk-go's canonical form (RFC 3339 with
// nanoseconds, UTC, e.g. "2026-03-11T05:40:45.682Z"). Other RFC 3339 forms and the Alibaba form
// "2020-08-17T16:04:46.149Asia/Shanghai" convert to their instant (see ParseTime); a time that
// cannot be read at all is left out. An invalid event converts on a best-effort basis.
func (e Event) CloudEvent() cloudevents.Event {
	ctx := &cloudevents.EventContextV1{ID: e.ID, Type: e.Type}
	if u := types.ParseURIRef(e.Source); u != nil {
		ctx.Source = *u
	}
	if e.Subject != "" {
		ctx.Subject = strPtr(e.Subject)
	}
	if e.DataContentType != "" {
		ctx.DataContentType = strPtr(e.DataContentType)
	}
	if e.DataSchema != "" {
		ctx.DataSchema = types.ParseURI(e.DataSchema)
	}
	if t, ok := ParseTime(e.Time); ok {
		ctx.Time = &types.Timestamp{Time: t}
	}
	if len(e.Extensions) > 0 {
		ctx.Extensions = make(map[string]any, len(e.Extensions))
		for k, v := range e.Extensions {
			ctx.Extensions[k] = v
		}
	}
	ce := cloudevents.Event{Context: ctx}
	if e.SpecVersion != "" && e.SpecVersion != SpecVersion10 {
		ce.SetSpecVersion(e.SpecVersion) // best effort: only 0.3 is known to sdk-go
	}
	ce.DataEncoded, ce.DataBase64 = e.dataBytes()
	return ce
}

// dataBytes returns the payload as sdk-go holds it (DataEncoded) and whether it is binary.
func (e Event) dataBytes() ([]byte, bool) {
	if e.Data == nil {
		return nil, false
	}
	if !e.DataBase64 && IsJSONMediaType(e.DataContentType) {
		return append([]byte(nil), e.Data...), false
	}
	var s string
	if err := json.Unmarshal(e.Data, &s); err != nil {
		return append([]byte(nil), e.Data...), e.DataBase64 // invalid; Validate reports it
	}
	if !e.DataBase64 {
		return []byte(s), false
	}
	b, err := base64.StdEncoding.DecodeString(s)
	if err != nil {
		return []byte(s), true
	}
	return b, true
}

// FromCloudEvent converts an sdk-go event to an Event. Time becomes sdk-go's canonical form
// (RFC 3339 with nanoseconds, UTC); every extension value becomes its canonical string (sdk-go's
// types.Format). It fails when the event has no context; when an extension value cannot be
// formatted or the extension is named like a structured-mode member ("data"); or when the data
// cannot be carried in structured JSON (a JSON media type whose data is not valid JSON, or text
// data that is not valid UTF-8).
func FromCloudEvent(ce cloudevents.Event) (Event, error) { return fromCloudEvent(ce, false) }

// fromCloudEvent is FromCloudEvent; jsonChecked says JSON data is already known to be valid
// (Parse checked the whole input), which skips a second validation pass.
func fromCloudEvent(ce cloudevents.Event, jsonChecked bool) (Event, error) {
	if ce.Context == nil {
		return Event{}, errors.New("cloudevent has no context")
	}
	e := Event{
		ID: ce.ID(), Source: ce.Source(), SpecVersion: ce.SpecVersion(), Type: ce.Type(),
		Subject: ce.Subject(), DataContentType: ce.DataContentType(), DataSchema: ce.DataSchema(),
	}
	if t := ce.Time(); !t.IsZero() {
		e.Time = types.FormatTime(t)
	}
	if ext := ce.Extensions(); len(ext) > 0 {
		e.Extensions = make(map[string]string, len(ext))
		for k, v := range ext {
			if reservedNames[k] {
				return Event{}, fmt.Errorf("cloudevent %q: extension %q collides with a structured-mode member", e.ID, k)
			}
			s, err := types.Format(v)
			if err != nil {
				return Event{}, fmt.Errorf("cloudevent %q: extension %q: %w", e.ID, k, err)
			}
			e.Extensions[k] = s
		}
	}
	data, err := dataFromBytes(ce.DataEncoded, ce.DataBase64, e.DataContentType, jsonChecked)
	if err != nil {
		return Event{}, fmt.Errorf("cloudevent %q: %w", e.ID, err)
	}
	e.Data, e.DataBase64 = data, ce.DataBase64 && data != nil
	return e, nil
}

// dataFromBytes turns sdk-go's DataEncoded into the structured-mode JSON value of Data.
func dataFromBytes(b []byte, isBase64 bool, contentType string, jsonChecked bool) (json.RawMessage, error) {
	switch {
	case b == nil:
		return nil, nil
	case isBase64:
		return appendQuoted(nil, base64.StdEncoding.EncodeToString(b)), nil
	case IsJSONMediaType(contentType):
		if !jsonChecked && !json.Valid(b) {
			return nil, fmt.Errorf("data is not valid JSON for datacontenttype %q", contentType)
		}
		return append(json.RawMessage(nil), b...), nil
	case !utf8.Valid(b):
		return nil, fmt.Errorf("text data for datacontenttype %q is not valid UTF-8", contentType)
	}
	return appendQuoted(nil, string(b)), nil
}

func strPtr(s string) *string { return &s }
