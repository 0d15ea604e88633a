package event

// TimeSizeBytes is what the "time" attribute counts towards an event's size, whatever its text
// ([AB-SIZE]: "time (~36 bytes)").
const TimeSizeBytes = 36

// Size returns the event's size as EventBridge computes it for the 256 KB limit ([AB-SIZE],
// facts sheet §3): the UTF-8 bytes of specversion, id, type, source, subject, dataschema and
// datacontenttype, plus TimeSizeBytes when the event has a time, plus the bytes of data as the
// producer sent them: the raw JSON text for JSON media types, the decoded text for text data,
// the decoded bytes for base64 data. Extension attributes do not count (EventBridge adds them).
func (e Event) Size() int { return e.size() }

// size is Size without copying the event.
func (e *Event) size() int {
	n := len(e.SpecVersion) + len(e.ID) + len(e.Type) + len(e.Source) + len(e.Subject) +
		len(e.DataSchema) + len(e.DataContentType)
	if e.Time != "" {
		n += TimeSizeBytes
	}
	return n + e.dataSize()
}

func (e *Event) dataSize() int {
	if e.Data == nil {
		return 0
	}
	if !e.DataBase64 && IsJSONMediaType(e.DataContentType) {
		return len(e.Data)
	}
	b, _ := e.dataBytes()
	return len(b)
}
