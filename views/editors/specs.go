package editors

import (
	"fmt"

	"github.com/fanout/fanout/engine/bus"
	"github.com/fanout/fanout/scenarios"
)

// NewBusEditor edits the bus called name: name (renamed on Enter), kind, partner source,
// throughput limit and entries per PutEvents call.
// The default bus exists without being written in the file: its editor then offers to add it.
func NewBusEditor(doc Doc, name string) *Editor {
	e := newEditor(doc, "bus", name, findBus, []spec{
		{key: "name", label: "Name", kind: kText, rename: true},
		{key: "kind", label: "Kind", kind: kChoice, choices: []string{"default", "custom", "partner"},
			hint: "custom"},
		{key: "partner_source", label: "Partner source", kind: kText, hint: "partner buses only, e.g. acs.partner.github"},
		{key: "throughput_limit", label: "Throughput limit", kind: kRate, hint: "unlimited, e.g. 3000/s"},
		{key: "put_events_max_entries", label: "Entries per call", kind: kInt, hint: "settings' value (10), 1–16"},
	})
	if name == bus.DefaultBusName {
		e.declare.SetText("Write the default bus into the file")
		e.declare.OnTapped = func() {
			err := doc.Append("buses", bus.BusSpec{Name: bus.DefaultBusName, Kind: bus.KindDefault})
			if err != nil {
				setMessage(e.others, err.Error())
			}
		}
		e.Refresh()
	}
	return e
}

func findBus(sc *scenarios.Scenario, name string) (string, bool) {
	for i, b := range sc.Buses {
		if b.Name == name {
			return fmt.Sprintf("buses[%d]", i), true
		}
	}
	return "", false
}

// NewQueueEditor edits the MNS queue or RocketMQ topic called name: name (renamed on Enter),
// type, FIFO, message group and the consumer (function, concurrency, schedule, batch).
func NewQueueEditor(doc Doc, name string) *Editor {
	return newEditor(doc, "queue", name, findQueue, []spec{
		{key: "name", label: "Name", kind: kText, rename: true},
		{key: "type", label: "Type", kind: kChoice, choices: []string{"mns", "rocketmq"}, hint: "none (required)"},
		{key: "fifo", label: "FIFO", kind: kBool},
		{key: "group_by", label: "Message group", kind: kText, hint: "FIFO only: an expression, e.g. data.customer"},
		{key: "max_message_bytes", label: "Largest message", kind: kBytes, hint: "64KB for mns, 4MB for rocketmq"},
		{label: "Consumer", kind: kHeading},
		{key: "consumer.function", label: "Consumer function", kind: kText, hint: "none; service/function",
			options: functionNames},
		{key: "consumer.concurrency", label: "Concurrency", kind: kInt, hint: "1, up to 1000"},
		{key: "consumer.schedule", label: "Poll every", kind: kDuration, hint: "continuously, e.g. 10m"},
		{key: "consumer.batch", label: "Batch", kind: kInt, hint: "1, up to 16"},
	})
}

func findQueue(sc *scenarios.Scenario, name string) (string, bool) {
	for i, q := range sc.Queues {
		if q.Name == name {
			return fmt.Sprintf("queues[%d]", i), true
		}
	}
	return "", false
}

// NewMetadataEditor edits the scenario's metadata and settings: name, description, seed,
// duration, start, dialect, account, region, the PutEvents and event-size limits, throughput
// enforcement and billing.
func NewMetadataEditor(doc Doc) *Editor {
	return newEditor(doc, "", "", func(sc *scenarios.Scenario, _ string) (string, bool) { return "", sc != nil }, []spec{
		{key: "name", label: "Name", kind: kText, hint: "the file name"},
		{key: "description", label: "Description", kind: kMultiline},
		{key: "seed", label: "Seed", kind: kUint, hint: "0"},
		{key: "duration", label: "Duration", kind: kDuration, hint: "1h"},
		{key: "start", label: "Start", kind: kTime, hint: "2026-01-01T00:00:00Z"},
		{key: "dialect", label: "Pattern dialect", kind: kChoice, choices: []string{"alibaba", "aws"}, hint: "alibaba"},
		{key: "account", label: "Account", kind: kText, hint: scenarios.DefaultAccount},
		{key: "region", label: "Region", kind: kText, hint: scenarios.DefaultRegion},
		{label: "Settings", kind: kHeading},
		{key: "settings.put_events_max_entries", label: "Entries per PutEvents", kind: kInt, hint: "10, 1–16"},
		{key: "settings.max_event_bytes", label: "Largest event", kind: kBytes, hint: "256KB"},
		{key: "settings.max_batch_bytes", label: "Largest PutEvents call", kind: kBytes, hint: "1MB"},
		{key: "settings.enforce_throughput_limits", label: "Enforce bus limits", kind: kBool},
		{label: "Billing", kind: kHeading},
		{key: "settings.billing.model", label: "Billing", kind: kChoice, choices: []string{"gb-second", "cu"}, hint: "gb-second"},
		{key: "settings.billing.free_tier", label: "Free tier", kind: kBool},
		{key: "settings.billing.granularity", label: "Billed in steps of", kind: kDuration, hint: "1ms"},
	})
}

// functionNames lists the scenario's functions as service/function.
func functionNames(sc *scenarios.Scenario) []string {
	var out []string
	if sc == nil {
		return out
	}
	for _, s := range sc.Services {
		for _, f := range s.Functions {
			out = append(out, s.Name+"/"+f.Name)
		}
	}
	return out
}
