package event_test

import (
	"errors"
	"fmt"
	"time"

	"github.com/fanout/fanout/engine/event"
)

func ExampleParse() {
	e, err := event.Parse([]byte(`{"id":"7adc8c1a","source":"acs.oss","specversion":"1.0",
		"type":"oss:ObjectCreated:PostObject","time":"2020-08-17T16:04:46.149Asia/Shanghai",
		"aliyunregionid":"cn-hangzhou","data":{"name":"test","scope":100}}`))
	if err != nil {
		panic(err)
	}
	fmt.Println(e.Time)
	fmt.Println(string(e.JSON()))
	fmt.Println(e.Size(), event.Validate(e, event.DefaultLimits()))
	// Output:
	// 2020-08-17T16:04:46.149Asia/Shanghai
	// {"specversion":"1.0","id":"7adc8c1a","source":"acs.oss","type":"oss:ObjectCreated:PostObject","time":"2020-08-17T16:04:46.149Asia/Shanghai","aliyunregionid":"cn-hangzhou","data":{"name":"test","scope":100}}
	// 109 <nil>
}

func ExampleValidate() {
	e := event.Event{ID: "69B1***0A8", Source: "acs.oss", SpecVersion: "1.0", Type: "oss:ObjectCreated:PutObject"}
	err := event.Validate(e, event.DefaultLimits())
	fmt.Println(err)
	fmt.Println(errors.Is(err, event.ErrBadChar))
	// Output:
	// event attribute "id" (value "69B1***0A8"): contains '*' at byte 4; only letters, digits and '-' are allowed
	// true
}

func ExampleCatalogEntry_Build() {
	c, _ := event.Lookup("oss:ObjectCreated:PutObject")
	e, err := c.Build("a1", time.Date(2026, 3, 11, 5, 40, 45, 0, time.UTC),
		map[string]any{"bucket": "media", "key": "uploads/big.csv", "size": 4 << 20})
	if err != nil {
		panic(err)
	}
	fmt.Println(e.Subject)
	_, err = c.Build("a1", time.Time{}, map[string]any{"size": "big"})
	fmt.Println(err)
	// Output:
	// acs:oss:cn-hangzhou:1234567890123456:media/uploads/big.csv
	// build "oss:ObjectCreated:PutObject": param "size": want int, got string big
}
