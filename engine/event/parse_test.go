package event

import (
	"encoding/json"
	"errors"
	"strings"
	"testing"
)

func TestParseFactsSamples(t *testing.T) {
	tests := []struct {
		name, in string
		want     Event
		// validErr is the sentinel Validate returns: the samples' ids are masked or elided.
		validErr error
	}{
		{"§1.3 example 5", sampleOSSPattern, Event{
			ID: "7adc8c1a-...", Source: "acs.oss", SpecVersion: "1.0", Type: "oss:ObjectCreated:PostObject",
			DataContentType: "application/json", DataSchema: "http://example.com/test.json",
			Subject: "acs:oss:cn-hangzhou:1234567:xls-papk/game_apk/123.jpg",
			Time:    "2020-08-17T16:04:46.149Asia/Shanghai", Data: json.RawMessage(`{"name":"test","scope":100}`),
		}, ErrBadChar},
		{"§2.2 transform input", sampleTransform, Event{
			ID: "7adc8c1a-...", Source: "acs.oss", SpecVersion: "1.0", Type: "oss:ObjectCreated:PostObject",
			Extensions: map[string]string{"aliyuneventbusname": "demo-bus", "aliyunregionid": "Shanghai"},
			Data:       json.RawMessage(`{"name":"test","scope":100}`),
		}, ErrBadChar},
		{"§5.1 overview", sampleOverview, Event{
			ID: "45ef4dewdwe1-7c35-447a-bd93-fab****", Source: "acs:aliyuncvc", SpecVersion: "1.0",
			Type: "aliyuncvc:MeetingEvent:MemberOperate", Subject: "acs.aliyuncvc:cn-hangzhou:{AccountId}:215672",
			Time: "2020-11-19T21:04:41+08:00", Data: json.RawMessage(`{}`),
			Extensions: map[string]string{
				"aliyunaccountid": "123456789098****", "aliyunpublishtime": "2020-11-19T21:04:42.179PRC",
				"aliyuneventbusname": "default", "aliyunregionid": "cn-hangzhou", "aliyunpublishaddr": "172.25.XX.XX",
			},
		}, ErrBadChar},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := Parse([]byte(tt.in))
			if err != nil {
				t.Fatalf("Parse: %v", err)
			}
			if !got.Equal(tt.want) {
				t.Fatalf("Parse:\n got %+v\nwant %+v", got, tt.want)
			}
			if err := Validate(got, DefaultLimits()); !errors.Is(err, tt.validErr) {
				t.Fatalf("Validate = %v, want %v", err, tt.validErr)
			}
			checkReparse(t, got)
		})
	}
}

func TestParseRealOSSEvent(t *testing.T) {
	e, err := Parse([]byte(sampleRealOSS))
	if err != nil {
		t.Fatalf("Parse: %v", err)
	}
	if e.ID != "69B1***********0A8" || e.Type != "oss:ObjectCreated:PostObject" || e.Source != "acs.oss" ||
		e.Time != "2026-03-11T05:40:45.000Z" || e.DataContentType != "application/json;charset=utf-8" ||
		e.Subject != "acs:oss:cn-hangzhou:1***********9:dwoss1024/input/******.csv" {
		t.Fatalf("attributes: %+v", e)
	}
	wantExt := map[string]string{
		"aliyunaccountid": "1***********9", "aliyunoriginalaccountid": "1***********9",
		"aliyunpublishtime": "2026-03-11T05:40:45.682Z", "aliyuneventbusname": "DATAWORKS_TRIGGER_FOR_BUCKET_******",
		"aliyunregionid": "cn-hangzhou",
	}
	if !(Event{Extensions: wantExt}).Equal(Event{Extensions: e.Extensions}) {
		t.Fatalf("extensions: %v", e.Extensions)
	}
	var d struct {
		OSS struct {
			Object struct {
				Size int64  `json:"size"`
				Key  string `json:"key"`
				ETag string `json:"eTag"`
			} `json:"object"`
		} `json:"oss"`
		EventName string `json:"eventName"`
	}
	if err := json.Unmarshal(e.Data, &d); err != nil {
		t.Fatal(err)
	}
	if d.OSS.Object.Size != 59537 || d.OSS.Object.Key != "input/***********.csv" || d.EventName != "ObjectCreated:PostObject" {
		t.Fatalf("data: %+v", d)
	}
	// The masked id breaks the documented id rule; nothing else is wrong with the event.
	errs := ValidateAll(e, DefaultLimits())
	if len(errs) != 1 || !errors.Is(errs[0], ErrBadChar) {
		t.Fatalf("ValidateAll = %v, want just the masked id", errs)
	}
	checkReparse(t, e)
}

// checkReparse asserts that JSON() parses back to an equal event.
func checkReparse(t *testing.T, e Event) {
	t.Helper()
	back, err := Parse(e.JSON())
	if err != nil {
		t.Fatalf("Parse(JSON()): %v\n%s", err, e.JSON())
	}
	if !back.Equal(e) {
		t.Fatalf("Parse(JSON()) differs:\n got %+v\nwant %+v", back, e)
	}
}

func TestParseKeepsTimeAsGiven(t *testing.T) {
	for _, tm := range []string{
		"2026-03-11T05:40:45.000Z", "2020-11-19T21:04:41+08:00", "2020-08-17T16:04:46.149Asia/Shanghai",
		"yesterday", "", "2026-03-11T05:40:45Z",
	} {
		in := `{"specversion":"1.0","id":"a","source":"s","type":"t","time":` + string(appendQuoted(nil, tm)) + `}`
		e, err := Parse([]byte(in))
		if err != nil {
			t.Fatalf("time %q: %v", tm, err)
		}
		if e.Time != tm {
			t.Errorf("time %q parsed as %q", tm, e.Time)
		}
	}
	// An escaped key and a repeated member: the last "time" wins, as in sdk-go.
	e, err := Parse([]byte(`{"specversion":"1.0","id":"a","source":"s","type":"t","time":"x","ti\u006de":"2020-08-17T16:04:46.149PRC"}`))
	if err != nil || e.Time != "2020-08-17T16:04:46.149PRC" {
		t.Fatalf("escaped key: %q, %v", e.Time, err)
	}
}

func TestParseData(t *testing.T) {
	tests := []struct {
		name, in string
		data     string
		base64   bool
	}{
		{"json object raw", `{"specversion":"1.0","id":"a","source":"s","type":"t","data":{ "a" : [1, 2] }}`, `{ "a" : [1, 2] }`, false},
		{"json null", `{"specversion":"1.0","id":"a","source":"s","type":"t","data":null}`, `null`, false},
		{"no data", `{"specversion":"1.0","id":"a","source":"s","type":"t"}`, ``, false},
		{"text requoted", `{"specversion":"1.0","id":"a","source":"s","type":"t","datacontenttype":"text/plain","data":"h\u00e9llo\n"}`, `"héllo\n"`, false},
		{"base64", `{"specversion":"1.0","id":"a","source":"s","type":"t","datacontenttype":"application/octet-stream","data_base64":"aGVsbG8="}`, `"aGVsbG8="`, true},
		{"data before specversion", `{"data":[1],"id":"a","source":"s","type":"t","specversion":"1.0"}`, `[1]`, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e, err := Parse([]byte(tt.in))
			if err != nil {
				t.Fatal(err)
			}
			if string(e.Data) != tt.data || e.DataBase64 != tt.base64 || (tt.data == "") != (e.Data == nil) {
				t.Fatalf("data %q base64 %v, want %q %v", e.Data, e.DataBase64, tt.data, tt.base64)
			}
			checkReparse(t, e)
		})
	}
}

func TestParseExtensions(t *testing.T) {
	e, err := Parse([]byte(`{"specversion":"1.0","id":"a","source":"s","type":"t","aliyunX":"v","n":5,"b":true}`))
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]string{"aliyunx": "v", "n": "5", "b": "true"}
	if !(Event{Extensions: want}).Equal(Event{Extensions: e.Extensions}) {
		t.Fatalf("extensions %v, want %v", e.Extensions, want)
	}
}

func TestParseSpecVersionErrors(t *testing.T) {
	for in, want := range map[string]error{
		`{"id":"a","source":"s","type":"t"}`:                          ErrRequired,
		`{"specversion":1,"id":"a","source":"s","type":"t"}`:          ErrRequired,
		`{"specversion":"0.3","id":"a","source":"s","type":"t"}`:      ErrBadSpecVersion,
		`{"specversion":"1.0","specversion":"2.0","id":"a"}`:          ErrBadSpecVersion,
		`{"spec\u0076ersion":"0.3","id":"a","source":"s","type":"t"}`: ErrBadSpecVersion,
	} {
		_, err := Parse([]byte(in))
		var ae *AttrError
		if !errors.Is(err, want) || !errors.As(err, &ae) || ae.Attr != "specversion" {
			t.Errorf("Parse(%s) = %v, want specversion %v", in, err, want)
		}
	}
}

func TestParseErrors(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"empty", ``, "invalid JSON"},
		{"syntax", `{"id":`, "invalid JSON"},
		{"trailing garbage", `{"specversion":"1.0"} x`, "invalid JSON"},
		{"not an object", `[1,2]`, "must be a JSON object"},
		{"bad utf-8", "{\"specversion\":\"1.0\",\"id\":\"\xff\"}", "not valid UTF-8"},
		{"no specversion", `{"id":"a","source":"s","type":"t"}`, "specversion"},
		{"unknown specversion", `{"specversion":"2.0","id":"a"}`, "specversion"},
		{"object extension", `{"specversion":"1.0","id":"a","source":"s","type":"t","ext":{"a":1}}`, "parse event"},
		{"text data not a string", `{"specversion":"1.0","id":"a","source":"s","type":"t","datacontenttype":"text/plain","data":{"a":1}}`, "parse event"},
		{"bad base64", `{"specversion":"1.0","id":"a","source":"s","type":"t","data_base64":"!!"}`, "parse event"},
		{"numeric id", `{"specversion":"1.0","id":5,"source":"s","type":"t"}`, "parse event"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Parse([]byte(tt.in))
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("Parse(%q) error = %v, want containing %q", tt.in, err, tt.want)
			}
		})
	}
}
