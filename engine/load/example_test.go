package load_test

import (
	"fmt"
	"time"

	"github.com/goccy/go-yaml"

	"github.com/fanout/fanout/engine/load"
	"github.com/fanout/fanout/engine/sim"
)

func Example() {
	src := `
name: orders
arrival: {process: constant, rate: 2/s}
events:
  - event: {source: app.orders, type: order:Created, data: {order: {id: "", tier: ""}}}
    fields:
      data.order.id: {seq: {start: 1, format: "ord-%04d"}}
      data.order.tier: {expr: 'n % 2 == 0 ? "gold" : "basic"'}
      subject: {expr: '"orders/" + data.order.id'}
vars:
  n: {seq: {start: 1}}
`
	var spec load.Spec
	if err := yaml.Unmarshal([]byte(src), &spec); err != nil {
		panic(err)
	}
	l, err := load.Build(spec, load.Env{Streams: sim.NewStreams(1), Start: time.Date(2026, 1, 1, 9, 0, 0, 0, time.UTC)})
	if err != nil {
		panic(err)
	}
	events, err := l.Sample(3)
	if err != nil {
		panic(err)
	}
	for _, e := range events {
		fmt.Println(e.Time, e.Subject, string(e.Data))
	}
	// Output:
	// 2026-01-01T09:00:00Z orders/ord-0001 {"order":{"id":"ord-0001","tier":"basic"}}
	// 2026-01-01T09:00:00.5Z orders/ord-0002 {"order":{"id":"ord-0002","tier":"gold"}}
	// 2026-01-01T09:00:01Z orders/ord-0003 {"order":{"id":"ord-0003","tier":"basic"}}
}
