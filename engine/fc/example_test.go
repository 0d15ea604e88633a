package fc_test

import (
	"fmt"

	"github.com/fanout/fanout/assets"
	"github.com/fanout/fanout/engine/fc"
	"github.com/fanout/fanout/engine/sim"
	"github.com/goccy/go-yaml"
)

type printer struct{}

func (printer) InvocationDone(inv fc.Invocation) {
	fmt.Printf("instance %d cold=%v start=%v exec=%v billed=%v GB-s=%g outcome=%v\n",
		inv.Instance, inv.Cold, inv.Start, inv.Exec(), inv.Charge.Billed, inv.Charge.GBs, inv.Outcome)
}

func Example() {
	var spec fc.FunctionSpec
	src := `
name: resize
runtime: python3.10
memory: 1GB
vcpu: 0.5
cold_start: {kind: constant, value: 150}
handler: {cpu: 100ms, io: 50ms, init: 100ms, variability: 0}
`
	if err := yaml.Unmarshal([]byte(src), &spec); err != nil {
		panic(err)
	}
	prices, err := fc.ParsePrices(assets.Prices())
	if err != nil {
		panic(err)
	}
	s := sim.NewScheduler()
	f, err := fc.NewFunction("media", spec, fc.Env{Sched: s, Streams: sim.NewStreams(1), Prices: &prices})
	if err != nil {
		panic(err)
	}
	s.ScheduleFunc(0, func() { _ = f.Invoke(fc.Request{}, printer{}) })
	s.ScheduleFunc(sim.FromSeconds(10), func() { _ = f.Invoke(fc.Request{}, printer{}) })
	s.Run()
	st := f.Stats()
	fmt.Printf("invocations %d, cold starts %d, instances now %d\n", st.Invocations, st.ColdStarts, f.Instances())
	// Output:
	// instance 1 cold=true start=0.350s exec=250ms billed=450ms GB-s=0.45 outcome=ok
	// instance 1 cold=false start=10.000s exec=250ms billed=250ms GB-s=0.25 outcome=ok
	// invocations 2, cold starts 1, instances now 0
}
