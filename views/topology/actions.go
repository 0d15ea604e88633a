package topology

import (
	"encoding/json"
	"fmt"

	"github.com/fanout/fanout/engine/bus"
	"github.com/fanout/fanout/engine/delivery"
	"github.com/fanout/fanout/engine/fc"
	"github.com/fanout/fanout/engine/field"
	"github.com/fanout/fanout/engine/load"
	"github.com/fanout/fanout/scenarios"
)

// AddBus appends a custom bus with a fresh name and selects it.
func (v *View) AddBus() error {
	name := v.fresh(KindBus, "bus")
	return v.add(ID{KindBus, name}, "buses", bus.BusSpec{Name: name, Kind: bus.KindCustom})
}

// AddRule appends a rule on the selected bus (else the default bus) with one target: the
// selected function or queue, else a notification. Its pattern matches the bus's usual
// source; refine it in the rule builder.
func (v *View) AddRule() error {
	sc := v.scenario()
	name := v.fresh(KindRule, "rule")
	on := bus.DefaultBusName
	sel, _ := v.diagram.Selected()
	if sel.Kind == KindBus {
		on = sel.Name
	}
	source := "acs.oss"
	if on != bus.DefaultBusName {
		source = "my.app"
	}
	pat, _ := json.Marshal(map[string][]string{"source": {source}})
	t := bus.TargetSpec{ID: "notify", Type: bus.TargetNotification}
	switch sel.Kind {
	case KindFunction:
		t = bus.TargetSpec{ID: shortName(sel), Type: bus.TargetFunction, Function: sel.Name}
	case KindQueue:
		for _, q := range sc.Queues {
			if q.Name == sel.Name && q.Type == delivery.QueueRocketMQ {
				t = bus.TargetSpec{ID: q.Name, Type: bus.TargetRocketMQ, Topic: q.Name}
			} else if q.Name == sel.Name {
				t = bus.TargetSpec{ID: q.Name, Type: bus.TargetMNS, Queue: q.Name}
			}
		}
	}
	r := bus.RuleSpec{Name: name, Bus: on, Pattern: bus.Pattern(pat), Targets: []bus.TargetSpec{t}}
	return v.add(ID{KindRule, name}, "rules", r)
}

// AddQueue appends an MNS queue with a fresh name and selects it.
func (v *View) AddQueue() error {
	name := v.fresh(KindQueue, "queue")
	return v.add(ID{KindQueue, name}, "queues", delivery.QueueSpec{Name: name, Type: delivery.QueueMNS})
}

// AddFunction appends a function to the selected function's service (else the first
// service, else a new service) and selects it.
func (v *View) AddFunction() error {
	sc := v.scenario()
	fn := fc.FunctionSpec{Name: v.fresh(KindFunction, "function"), Runtime: "python3.10",
		Memory: field.Bytes(256 << 20), Handler: fc.HandlerSpec{CPU: field.Duration(50e6)}}
	svc := -1
	if sel, ok := v.diagram.Selected(); ok && sel.Kind == KindFunction {
		s, _ := splitFunction(sel.Name)
		svc = serviceIndex(sc, s)
	}
	if svc < 0 && len(sc.Services) > 0 {
		svc = 0
	}
	if svc < 0 {
		s := fc.ServiceSpec{Name: "service", Functions: []fc.FunctionSpec{fn}}
		return v.add(ID{KindFunction, s.Name + "/" + fn.Name}, "services", s)
	}
	id := ID{KindFunction, sc.Services[svc].Name + "/" + fn.Name}
	return v.add(id, fmt.Sprintf("services[%d].functions", svc), fn)
}

// AddLoad appends a one-event-per-second Poisson load on the selected bus (else the default
// bus): OSS uploads on the default bus, a custom event on others.
func (v *View) AddLoad() error {
	name := v.fresh(KindLoad, "load")
	on := bus.DefaultBusName
	if sel, _ := v.diagram.Selected(); sel.Kind == KindBus {
		on = sel.Name
	}
	tpl := load.Template{Catalog: "oss:ObjectCreated:PutObject"}
	if on != bus.DefaultBusName {
		tpl = load.Template{Event: &load.CustomEvent{Source: "my.app", Type: "my.app.event"}}
	}
	l := load.Spec{Name: name, Bus: on, Arrival: load.Arrival{Process: "poisson", Rate: field.Rate(1)},
		Events: []load.Template{tpl}}
	return v.add(ID{KindLoad, name}, "loads", l)
}

// add appends value to the list and selects the new element.
func (v *View) add(id ID, list string, value any) error {
	if err := v.doc.Append(list, value); err != nil {
		return fmt.Errorf("add %s %s: %w", id.Kind, id.Name, err)
	}
	v.Select(id.Kind, id.Name)
	v.selected(id)
	return nil
}

// fresh returns prefix-N with the smallest N not used by an element of kind.
func (v *View) fresh(kind, prefix string) string {
	g := v.diagram.Graph()
	for n := 1; ; n++ {
		name := fmt.Sprintf("%s-%d", prefix, n)
		used := false
		for _, nd := range g.Nodes {
			used = used || (nd.ID.Kind == kind && shortName(nd.ID) == name)
		}
		if !used {
			return name
		}
	}
}

// scenario returns the document's scenario, or an empty one.
func (v *View) scenario() *scenarios.Scenario {
	if sc := v.doc.Scenario(); sc != nil {
		return sc
	}
	return &scenarios.Scenario{}
}
