// Package event is Fanout's CloudEvents envelope: a compact in-engine record that converts
// exactly to and from the sdk-go event (github.com/cloudevents/sdk-go/v2), structured-mode JSON
// decoding and encoding, the EventBridge attribute rules and size limit (facts sheet §3, §5), and
// the catalog of system events that the default bus emits.
//
// The package does no I/O, reads no clock and starts no goroutines.
package event

import (
	"bytes"
	"encoding/json"
	"maps"
)

// Alibaba EventBridge extension attribute names (facts sheet §5.1).
const (
	ExtEventBusName      = "aliyuneventbusname"
	ExtRegionID          = "aliyunregionid"
	ExtAccountID         = "aliyunaccountid"
	ExtPublishTime       = "aliyunpublishtime"
	ExtPublishAddr       = "aliyunpublishaddr"
	ExtOriginalAccountID = "aliyunoriginalaccountid"
)

// SpecVersion10 is the only CloudEvents spec version EventBridge accepts.
const SpecVersion10 = "1.0"

// Event is the compact in-engine CloudEvent in structured JSON mode.
//
// An empty string means the attribute is absent. Time is kept as given (facts sheet §5.1: real
// Alibaba samples carry values such as "2020-08-17T16:04:46.149Asia/Shanghai" that are not
// RFC 3339), so it is never parsed strictly.
//
// Data is the JSON value of the structured-mode member that carries the payload:
//   - when DataBase64 is false it is the raw value of "data": any JSON value when the media type
//     of DataContentType is a JSON one (see IsJSONMediaType), and a JSON string otherwise (text
//     data, as sdk-go writes it);
//   - when DataBase64 is true it is a JSON string holding the standard base64 of the binary
//     payload, written as "data_base64".
//
// A nil Data means the event has no data.
type Event struct {
	ID, Source, SpecVersion, Type, Subject, DataContentType, DataSchema string
	// Time is the "time" attribute as given (RFC 3339 normally; not parsed strictly; may be empty).
	Time string
	// Extensions holds every extension attribute as its canonical string form (sdk-go's
	// types.Format): aliyuneventbusname, aliyunregionid, aliyunaccountid, aliyunpublishtime, ...
	// Nil and empty mean the same thing.
	Extensions map[string]string
	// Data is the JSON payload (an object usually); see the type documentation.
	Data json.RawMessage
	// DataBase64 says Data is a JSON string of base64 text, carried as "data_base64".
	DataBase64 bool
	// dataMark and validMark, when not 0, vouch that Data is valid JSON and that the event
	// passes Validate, as long as it still holds what they were computed from (mark.go).
	dataMark, validMark uint64
}

// Ext returns the value of extension name and whether it is set.
func (e Event) Ext(name string) (string, bool) {
	v, ok := e.Extensions[name]
	return v, ok
}

// Clone returns a deep copy of e: the extension map and the data bytes are not shared.
func (e Event) Clone() Event {
	c := e
	if len(e.Extensions) > 0 {
		c.Extensions = maps.Clone(e.Extensions)
	} else {
		c.Extensions = nil
	}
	if e.Data != nil {
		c.Data = bytes.Clone(e.Data)
	}
	return c
}

// Equal reports whether e and o hold the same attributes, extensions and data bytes. A nil and
// an empty extension map are equal; a nil and an empty Data are not (absent vs present).
func (e Event) Equal(o Event) bool {
	if e.ID != o.ID || e.Source != o.Source || e.SpecVersion != o.SpecVersion ||
		e.Type != o.Type || e.Subject != o.Subject || e.DataContentType != o.DataContentType ||
		e.DataSchema != o.DataSchema || e.Time != o.Time || e.DataBase64 != o.DataBase64 {
		return false
	}
	if (e.Data == nil) != (o.Data == nil) || !bytes.Equal(e.Data, o.Data) {
		return false
	}
	return maps.Equal(e.Extensions, o.Extensions)
}
