package views

import (
	"bytes"
	"encoding/json"

	"github.com/fanout/fanout/engine/obs"
)

// eventJSON rebuilds the CloudEvent of a received record in structured JSON mode, attributes
// in a fixed order and data last, so copies and pattern explanations see the same document.
// Attributes the store does not keep (region, account) are absent.
func eventJSON(e obs.Received) []byte {
	var b bytes.Buffer
	b.WriteByte('{')
	first := true
	attr := func(k, v string) {
		if v == "" {
			return
		}
		if !first {
			b.WriteByte(',')
		}
		first = false
		kb, _ := json.Marshal(k)
		vb, _ := json.Marshal(v)
		b.Write(kb)
		b.WriteByte(':')
		b.Write(vb)
	}
	spec := e.SpecVersion
	if spec == "" {
		spec = "1.0"
	}
	attr("specversion", spec)
	attr("id", e.ID)
	attr("source", e.Source)
	attr("type", e.Type)
	attr("subject", e.Subject)
	attr("time", e.Time)
	attr("datacontenttype", e.ContentType)
	attr("aliyuneventbusname", e.Bus)
	attr("aliyunpublishtime", e.PublishTime)
	if len(bytes.TrimSpace(e.Data)) > 0 {
		if !first {
			b.WriteByte(',')
		}
		b.WriteString(`"data":`)
		if json.Valid(e.Data) {
			b.Write(bytes.TrimSpace(e.Data))
		} else {
			db, _ := json.Marshal(string(e.Data))
			b.Write(db)
		}
	}
	b.WriteByte('}')
	return b.Bytes()
}

// eventJSONIndent is eventJSON indented for people (the clipboard copy).
func eventJSONIndent(e obs.Received) []byte {
	var out bytes.Buffer
	if err := json.Indent(&out, eventJSON(e), "", "  "); err != nil {
		return eventJSON(e)
	}
	return out.Bytes()
}
