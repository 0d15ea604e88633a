package world

import (
	"fmt"
	"sort"

	"github.com/fanout/fanout/engine/bus"
	"github.com/fanout/fanout/engine/delivery"
	"github.com/fanout/fanout/engine/event"
	"github.com/fanout/fanout/engine/load"
	"github.com/fanout/fanout/engine/obs"
	"github.com/fanout/fanout/engine/sim"
)

// World is one run in progress. It is single-threaded: one goroutine drives it (Step, RunUntil,
// Run) and reads its Summary; a GUI gets copies.
type World struct {
	cfg     Config
	sched   *sim.Scheduler
	streams *sim.Streams
	horizon sim.Time
	buses   map[string]*bus.Ingress
	busKind map[string]string
	loads   []*load.Load
	loadBus []string
	// generated counts events per load index; rejectedMissing counts entries to unknown buses.
	generated       []uint64
	rejectedMissing uint64

	functions  map[string]*bus.Function // by "service/function" and unique bare name
	fnList     []*bus.Function          // in scenario order
	queues     map[string]*delivery.Queue
	queueList  []*delivery.Queue // in scenario order
	net        *bus.Network
	refs       obs.EventRef  // the last event reference given
	replayed   uint64        // events re-published from dead-letter queues
	routeErrs  uint64        // accepted events that could not be matched
	replayErrs []string      // errors of scheduled replays
	putEntries uint64        // entries put through PutEvents (counted as generated)
	envs       bus.EventEnvs // decoded events shared by handler rules and FIFO group_by
}

// New builds the world for cfg: every bus's front door, the functions, the queues, the routing
// layer (rules and targets) and every load, scheduled from time 0.
func New(cfg Config) (*World, error) {
	if err := cfg.validate(); err != nil {
		return nil, err
	}
	w := &World{
		cfg:     cfg,
		sched:   sim.NewScheduler(),
		streams: sim.NewStreams(cfg.Seed),
		horizon: sim.Time(cfg.Duration),
		buses:   map[string]*bus.Ingress{},
		busKind: map[string]string{},
	}
	w.buildBuses()
	for _, build := range []func() error{w.buildFunctions, w.buildQueues, w.buildNetwork, w.buildLoads} {
		if err := build(); err != nil {
			return nil, err
		}
	}
	return w, nil
}

func (w *World) buildBuses() {
	specs := w.cfg.Buses
	if !hasBus(specs, bus.DefaultBusName) {
		specs = append([]bus.BusSpec{{Name: bus.DefaultBusName}}, specs...)
	}
	for _, b := range specs {
		kind := b.KindOrDefault()
		rate := float64(b.ThroughputLimit)
		if rate == 0 && w.cfg.EnforceThroughput {
			rate = bus.CustomBusRateLimit
			if kind == bus.KindDefault {
				rate = bus.DefaultBusRateLimit
			}
		}
		entries := b.PutEventsMaxEntries
		if entries == 0 {
			entries = w.cfg.PutEventsMaxEntries
		}
		w.buses[b.Name] = bus.NewIngress(b.Name, bus.IngressEnv{
			Limits: w.cfg.Limits, MaxEntries: entries, RateLimit: rate,
			Region: w.cfg.Region, Account: w.cfg.Account, Start: w.cfg.Start,
		})
		w.busKind[b.Name] = kind
	}
}

func hasBus(specs []bus.BusSpec, name string) bool {
	for _, b := range specs {
		if b.Name == name {
			return true
		}
	}
	return false
}

func (w *World) buildLoads() error {
	env := load.Env{Streams: w.streams, Start: w.cfg.Start, Horizon: w.horizon, ReadFile: w.cfg.ReadFile}
	w.generated = make([]uint64, len(w.cfg.Loads))
	for i, spec := range w.cfg.Loads {
		l, err := load.Build(spec, env)
		if err != nil {
			return fmt.Errorf("load %q: %w", spec.Name, err)
		}
		w.loads = append(w.loads, l)
		w.loadBus = append(w.loadBus, spec.Bus)
		l.Start(w.sched, &loadPublisher{w: w, idx: i})
	}
	return nil
}

// loadPublisher receives one load's events and puts them on their bus.
type loadPublisher struct {
	w   *World
	idx int
}

func (p *loadPublisher) Publish(now sim.Time, busName string, e event.Event) {
	p.w.generated[p.idx]++
	p.w.put(now, busName, &e)
}

// put is one PutEvents entry arriving at a bus: accepted entries are routed at once.
func (w *World) put(now sim.Time, busName string, e *event.Event) bus.EntryResult {
	w.refs++
	ref := w.refs
	in, ok := w.buses[busName]
	var r bus.EntryResult
	if !ok {
		w.rejectedMissing++
		r = bus.RejectMissingBus(busName)
	} else {
		r = in.PutOne(now, e)
	}
	if w.cfg.Sink != nil {
		w.cfg.Sink.Received(received(ref, now, busName, e, r))
	}
	if r.OK() && w.net.Route(busName, e, ref) != nil {
		w.routeErrs++
	}
	return r
}

// received is the obs record of one entry.
func received(ref obs.EventRef, now sim.Time, busName string, e *event.Event, r bus.EntryResult) obs.Received {
	rec := obs.Received{Event: ref, At: now, ID: e.ID, Bus: busName, Source: e.Source, Type: e.Type,
		Subject: e.Subject, Size: int32(e.Size()), Accepted: r.OK(), Reason: r.Reason, Data: e.Data,
		Time: e.Time, SpecVersion: e.SpecVersion, ContentType: e.DataContentType}
	rec.PublishTime, _ = e.Ext(event.ExtPublishTime)
	return rec
}

// Now is the current simulated time.
func (w *World) Now() sim.Time { return w.sched.Now() }

// Horizon is the simulated time at which the run ends.
func (w *World) Horizon() sim.Time { return w.horizon }

// Done reports whether the run reached its horizon.
func (w *World) Done() bool {
	next, ok := w.sched.NextTime()
	return w.sched.Now() >= w.horizon || !ok || next > w.horizon
}

// Step runs one scheduled action at or before the horizon; false when there is none.
func (w *World) Step() bool {
	if next, ok := w.sched.NextTime(); !ok || next > w.horizon {
		return false
	}
	return w.sched.Step()
}

// RunUntil runs every action up to t (capped at the horizon) and moves the clock to t.
func (w *World) RunUntil(t sim.Time) {
	if t > w.horizon {
		t = w.horizon
	}
	w.sched.RunUntil(t)
}

// Run runs to the horizon.
func (w *World) Run() { w.RunUntil(w.horizon) }

// Summary returns the counts so far, with the expect assertions evaluated against them.
func (w *World) Summary() Summary {
	s := Summary{
		Scenario:   w.cfg.Name,
		Seed:       w.cfg.Seed,
		SimSeconds: w.sched.Now().Seconds(),
		Complete:   w.sched.Now() >= w.horizon,
		Actions:    w.sched.Executed(),
		Loads:      map[string]LoadCounts{},
		Buses:      map[string]BusCounts{},
		Events:     EventCounts{RejectedBy: map[string]uint64{}},
	}
	for i, l := range w.loads {
		st := l.Stats()
		lc := LoadCounts{Bus: w.loadBus[i], Generated: w.generated[i], Errors: st.Failed}
		if st.LastError != nil {
			lc.LastError = st.LastError.Error()
		}
		s.Loads[w.cfg.Loads[i].Name] = lc
		s.Events.Generated += w.generated[i]
	}
	names := make([]string, 0, len(w.buses))
	for n := range w.buses {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		st := w.buses[n].Stats()
		s.Buses[n] = BusCounts{Kind: w.busKind[n], Accepted: st.Accepted, Rejected: st.Rejected, RejectedBy: st.Reasons}
		s.Events.Accepted += st.Accepted
		s.Events.Rejected += st.Rejected
		for k, v := range st.Reasons {
			s.Events.RejectedBy[k] += v
		}
	}
	if w.rejectedMissing > 0 {
		s.Events.Rejected += w.rejectedMissing
		s.Events.RejectedBy["bus_not_found"] += w.rejectedMissing
	}
	w.routingSummary(&s)
	s.Expect = Evaluate(s, w.cfg.Expect)
	return s
}
