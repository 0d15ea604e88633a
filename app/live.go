package main

import (
	"github.com/fanout/fanout/engine/bus"
	"github.com/fanout/fanout/engine/obs"
	"github.com/fanout/fanout/engine/world"
	"github.com/fanout/fanout/views"
)

// liveSnap is what the run goroutine hands the GUI after each advance: the summary and the
// live metrics, both copies.
type liveSnap struct {
	Summary world.Summary
	Live    obs.Snapshot
}

// liveEngine adapts a world and its live metrics to the driver.
type liveEngine struct {
	worldEngine
	metrics *obs.Metrics
}

func (e liveEngine) Snapshot() liveSnap {
	return liveSnap{Summary: e.w.Summary(), Live: e.metrics.Snapshot()}
}

// flows lists the topology strip's rules in file order with their targets in rule order.
func flows(cfg world.Config, s world.Summary) []views.Flow {
	out := make([]views.Flow, 0, len(cfg.Rules))
	for _, r := range cfg.Rules {
		rs := s.Rules[r.Name]
		f := views.Flow{Bus: orDefault(r.Bus, bus.DefaultBusName), Rule: r.Name, Evaluated: rs.Evaluated, Matched: rs.Matched}
		for _, t := range r.Targets {
			ts := s.Targets[r.Name+"/"+t.ID]
			f.Targets = append(f.Targets, views.FlowTarget{
				ID: t.ID, Kind: t.Type, Delivered: ts.Delivered, InFlight: ts.InFlight, Retried: ts.Retried,
				DeadLettered: ts.DeadLettered, Discarded: ts.Discarded, Expired: ts.Expired, Throttled: ts.Throttled,
			})
		}
		out = append(out, f)
	}
	return out
}
