package event

import (
	"encoding/json"
	"testing"
	"time"

	cloudevents "github.com/cloudevents/sdk-go/v2/event"
)

// TestRoundTripProperty: for generated valid events, Event → CloudEvent → (sdk-go JSON) → Parse
// gives the event back, as do Event → CloudEvent → FromCloudEvent and Event → JSON → Parse.
func TestRoundTripProperty(t *testing.T) {
	g := newGen(1)
	for i := range 3000 {
		e := g.event()
		if err := Validate(e, DefaultLimits()); err != nil {
			t.Fatalf("#%d generated an invalid event: %v", i, err)
		}
		ce := e.CloudEvent()
		if err := ce.Validate(); err != nil {
			t.Fatalf("#%d sdk-go rejects CloudEvent(): %v\n%+v", i, err, e)
		}
		back, err := FromCloudEvent(ce)
		if err != nil || !back.Equal(e) {
			t.Fatalf("#%d FromCloudEvent(CloudEvent()) = %+v, %v\nwant %+v", i, back, err, e)
		}
		sdkJSON, err := json.Marshal(ce)
		if err != nil {
			t.Fatalf("#%d sdk-go marshal: %v", i, err)
		}
		parsed, err := Parse(sdkJSON)
		if err != nil || !parsed.Equal(e) {
			t.Fatalf("#%d Parse(sdk-go JSON) = %+v, %v\nwant %+v\n%s", i, parsed, err, e, sdkJSON)
		}
		ours, err := Parse(e.JSON())
		if err != nil || !ours.Equal(e) {
			t.Fatalf("#%d Parse(JSON()) = %+v, %v\nwant %+v\n%s", i, ours, err, e, e.JSON())
		}
		// sdk-go reads our JSON to the same CloudEvent.
		var viaSDK cloudevents.Event
		if err := json.Unmarshal(e.JSON(), &viaSDK); err != nil {
			t.Fatalf("#%d sdk-go cannot read JSON(): %v\n%s", i, err, e.JSON())
		}
		if fromSDK, err := FromCloudEvent(viaSDK); err != nil || !fromSDK.Equal(e) {
			t.Fatalf("#%d sdk-go reading JSON() gives %+v, %v", i, fromSDK, err)
		}
	}
}

func TestCloudEventTimeConversion(t *testing.T) {
	tests := []struct{ in, want string }{
		{"2026-03-11T05:40:45.682Z", "2026-03-11T05:40:45.682Z"},
		{"2026-03-11T05:40:45.000Z", "2026-03-11T05:40:45Z"},
		{"2020-11-19T21:04:41+08:00", "2020-11-19T13:04:41Z"},
		{"2020-08-17T16:04:46.149Asia/Shanghai", "2020-08-17T08:04:46.149Z"},
		{"2020-11-19T21:04:42.179PRC", "2020-11-19T13:04:42.179Z"},
		{"2020-11-19T21:04:42Asia/Tokyo", "2020-11-19T12:04:42Z"},
		{"2020-11-19T21:04:42.Asia/Tokyo", ""},
		{"2020-11-19T21:04:42.1Mars/Olympus", ""},
		{"yesterday", ""},
		{"", ""},
	}
	for _, tt := range tests {
		e := Event{ID: "a", Source: "s", SpecVersion: "1.0", Type: "t", Time: tt.in}
		got, err := FromCloudEvent(e.CloudEvent())
		if err != nil || got.Time != tt.want {
			t.Errorf("time %q → %q, %v; want %q", tt.in, got.Time, err, tt.want)
		}
	}
}

func TestFromCloudEventErrors(t *testing.T) {
	if _, err := FromCloudEvent(cloudevents.Event{}); err == nil {
		t.Error("no context: want error")
	}
	ce := cloudevents.New()
	ce.SetID("a")
	ce.DataEncoded = []byte("{not json")
	if _, err := FromCloudEvent(ce); err == nil {
		t.Error("invalid JSON data: want error")
	}
	ce.SetDataContentType("text/plain")
	ce.DataEncoded = []byte{0xff}
	if _, err := FromCloudEvent(ce); err == nil {
		t.Error("invalid UTF-8 text: want error")
	}
	ce = cloudevents.New()
	ce.SetID("a")
	ce.SetSource("s")
	ce.SetType("t")
	ce.SetTime(time.Date(2026, 1, 2, 3, 4, 5, 6, time.FixedZone("x", 3600)))
	ce.SetExtension("count", 7)
	ce.SetExtension("flag", true)
	e, err := FromCloudEvent(ce)
	if err != nil || e.Time != "2026-01-02T02:04:05.000000006Z" || e.Extensions["count"] != "7" || e.Extensions["flag"] != "true" {
		t.Fatalf("FromCloudEvent = %+v, %v", e, err)
	}
}
