package load

import (
	"fmt"
	"math/rand/v2"
	"time"

	"github.com/fanout/fanout/engine/event"
	"github.com/fanout/fanout/engine/field"
	"github.com/fanout/fanout/engine/sim"
)

// Publisher receives the generated events. Declared here for the bus (or a test) to implement.
type Publisher interface {
	Publish(now sim.Time, bus string, e event.Event)
}

// Env is what Build needs from the run.
type Env struct {
	// Streams gives the seeded random streams. Required.
	Streams *sim.Streams
	// Start is the scenario's wall-clock start: an arrival at simulated time t carries the
	// event time Start+t.
	Start time.Time
	// Horizon is the run's end (the default stop of a load); 0 means none.
	Horizon sim.Time
	// ReadFile returns the content of a replay file (the engine does no file I/O). Required
	// by replay loads only.
	ReadFile func(path string) ([]byte, error)
	// OnError, when set, is called with each generation error (which is also counted).
	OnError func(load string, err error)
}

// Stats counts what a load did so far.
type Stats struct {
	Arrivals  uint64 // arrivals handled (generated + failed)
	Generated uint64 // events handed to the publisher or returned by Sample
	Failed    uint64 // arrivals whose event could not be generated
	LastError error  // the last generation error, or nil
}

// Load is a built, runnable load: an arrival process and the templates of its events.
// It is not safe for concurrent use. A Load runs once: Start and Sample consume its arrivals
// and generator state, so build a fresh Load for each run or preview.
type Load struct {
	name, bus   string
	start, stop sim.Time
	wallStart   time.Time
	arr         Arrivals
	rArr        *rand.Rand
	rChoice     *rand.Rand
	rIDs        *rand.Rand
	vars        []slot
	tmpls       []*tmpl
	cum         []float64 // template cumulative weights, last = 1
	trace       *Trace    // replayed CloudEvents used as is (no templates), or nil
	onError     func(string, error)
	env         map[string]any

	sched *sim.Scheduler
	out   Publisher
	next  sim.Time // the pending arrival
	stats Stats
}

// Name returns the load's name.
func (l *Load) Name() string { return l.name }

// Bus returns the name of the bus the load publishes to.
func (l *Load) Bus() string { return l.bus }

// Stats returns the counts so far.
func (l *Load) Stats() Stats { return l.stats }

// Build validates spec and builds the load. Errors are field errors relative to the spec
// (a replay parse error names the file and line). Random streams are named
// "load/<name>/arrivals", "load/<name>/choice", "load/<name>/ids" and, per generator,
// "load/<name>/vars/<var>", "load/<name>/events[i]/params/<param>",
// "load/<name>/events[i]/fields/<path>", so no load's draws depend on another's.
func Build(spec Spec, env Env) (*Load, error) {
	if err := spec.Validate(); err != nil {
		return nil, err
	}
	if env.Streams == nil {
		return nil, fmt.Errorf("build load %q: no random streams", spec.Name)
	}
	p := "load/" + spec.Name
	l := &Load{
		name: spec.Name, bus: spec.Bus, wallStart: env.Start, onError: env.OnError,
		start: sim.Time(spec.Start), stop: sim.Time(spec.Stop),
		rArr: env.Streams.Stream(p + "/arrivals"), rChoice: env.Streams.Stream(p + "/choice"),
		rIDs: env.Streams.Stream(p + "/ids"), env: map[string]any{}, next: sim.Never,
	}
	if l.bus == "" {
		l.bus = "default"
	}
	if l.stop == 0 {
		l.stop = env.Horizon
	}
	if l.stop == 0 {
		l.stop = sim.Never
	}
	if err := l.buildArrivals(spec, env); err != nil {
		return nil, field.Prefix("", err)
	}
	if err := l.buildGens(spec, env.Streams, p); err != nil {
		return nil, field.Prefix("", err)
	}
	return l, nil
}

// buildArrivals builds the arrival process, reading the replay file if any.
func (l *Load) buildArrivals(spec Spec, env Env) error {
	a := spec.Arrival
	if a.Process != ProcReplay {
		arr, err := NewArrivals(a, l.start)
		l.arr = arr
		return field.Prefix("arrival", err)
	}
	if env.ReadFile == nil {
		return field.Errorf("arrival.file", "cannot read %q: no file reader", a.File)
	}
	b, err := env.ReadFile(a.File)
	if err != nil {
		return field.Errorf("arrival.file", "read %q: %v", a.File, err)
	}
	tr, err := ParseTrace(a.File, a.format(), b)
	if err != nil {
		return field.Errorf("arrival.file", "%v", err)
	}
	l.arr = &replay{t0: l.start.Seconds(), scale: a.timeScale(), offsets: tr.Offsets}
	if len(spec.Events) == 0 {
		l.trace = tr
	}
	return nil
}

// buildGens compiles the vars and the templates.
func (l *Load) buildGens(spec Spec, streams *sim.Streams, p string) error {
	var errs field.List
	sc := newScope()
	for _, n := range spec.Vars {
		g, err := sc.compile(n.Name, n.Gen)
		if err != nil {
			errs.Add(field.Join("vars", n.Name), err)
			continue
		}
		l.vars = append(l.vars, slot{name: n.Name, keys: []string{n.Name}, gen: g,
			r: streams.Stream(p + "/vars/" + n.Name)})
	}
	sum := 0.0
	for i, t := range spec.Events {
		path := field.Index("events", i)
		c, err := compileTemplate(t, sc.clone(), streams, p+"/"+path)
		if err != nil {
			errs.Add(path, err)
			continue
		}
		sum += max(t.WeightOf(), 0)
		l.tmpls = append(l.tmpls, c)
		l.cum = append(l.cum, sum)
	}
	for i := range l.cum {
		l.cum[i] /= sum
	}
	return errs.Err()
}
