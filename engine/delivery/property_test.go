package delivery

import (
	"fmt"
	"hash/fnv"
	"math/rand/v2"
	"reflect"
	"testing"
	"time"

	"github.com/fanout/fanout/engine/sim"
)

// capped throttles when limit attempts are in flight, else delegates (a function at its
// instance limit).
type capped struct {
	inner  Invoker
	limit  int
	active int
}

func (c *capped) Invoke(tag uint64, m *Message, done Completer) Result {
	if c.active >= c.limit {
		return Result{Status: Throttled}
	}
	c.active++
	return c.inner.Invoke(tag, m, (*cappedDone)(&capDone{c, done}))
}

type capDone struct {
	c    *capped
	done Completer
}
type cappedDone capDone

func (d *cappedDone) Complete(tag uint64, r Result) {
	d.c.active--
	d.done.Complete(tag, r)
}

// hasher folds every record into an FNV hash, so two runs can be compared record for record.
type hasher struct{ h uint64 }

func (x *hasher) Observe(r Record) {
	f := fnv.New64a()
	fmt.Fprint(f, x.h, r.Kind, r.At, r.Queue, r.Status, r.Err, r.Reason, r.Next, r.Wait)
	if r.Msg != nil {
		fmt.Fprint(f, r.Msg.ID(), r.Msg.Attempt, r.Msg.Rule, r.Msg.Target, r.Msg.Duplicate, r.Msg.Group)
	}
	x.h = f.Sum64()
}

type snapshot struct {
	Targets []TargetCounts
	Queues  []QueueCounts
	Records uint64
}

// randomWorld builds and runs a random scenario from seed, checks conservation, and returns
// what it observed.
func randomWorld(t *testing.T, seed uint64) snapshot {
	cfgR := rand.New(rand.NewPCG(seed, 99))
	streams := sim.NewStreams(seed)
	s := sim.NewScheduler()
	obs := &hasher{}
	endpoint := func(name string, fail float64) Invoker {
		lat, _ := sim.NewExponential(0.05 + cfgR.Float64()*2)
		e, err := NewEndpoint(s, lat, time.Second, fail, "boom", streams.Stream("ep/"+name))
		if err != nil {
			t.Fatal(err)
		}
		if cfgR.IntN(3) == 0 {
			return &capped{inner: e, limit: 1 + cfgR.IntN(3)}
		}
		return e
	}
	var queues []*Queue
	newQueue := func(name string) *Queue {
		spec := QueueSpec{Name: name, Type: QueueRocketMQ, FIFO: cfgR.IntN(2) == 0}
		cfg := QueueConfig{Spec: spec, Observer: obs, Rand: streams.Stream("q/" + name),
			Group: func(m *Message) string { return m.ID()[len(m.ID())-1:] }}
		if cfgR.IntN(2) == 0 {
			cfg.Spec.Consumer = &ConsumerSpec{Function: "c-" + name, Concurrency: 1 + cfgR.IntN(4)}
			cfg.Consumer = endpoint("c-"+name, cfgR.Float64()*0.5)
			cfg.ConsumerPolicy = Fixed{Count: cfgR.IntN(4), Interval: time.Duration(1+cfgR.IntN(30)) * time.Second}
		}
		q := mustQueue(t, s, cfg)
		if cfgR.IntN(3) == 0 {
			q.every = time.Duration(1+cfgR.IntN(600)) * time.Second
			q.batch = 1 + cfgR.IntN(4)
		}
		queues = append(queues, q)
		return q
	}
	policies := []func() Policy{
		func() Policy { return DefaultBackoff() },
		func() Policy { return ExponentialDecay{} },
		func() Policy { n := cfgR.IntN(9); p, _ := NewAsyncRetry(&n); p.Jitter = Jitter(cfgR.IntN(3)); return p },
		func() Policy {
			return Fixed{Count: cfgR.IntN(5), Interval: time.Duration(cfgR.IntN(100)) * time.Second}
		},
	}
	var targets []*Target
	store := NewDedupStore(cfgR.IntN(50))
	for k := range 1 + cfgR.IntN(5) {
		name := fmt.Sprint("t", k)
		cfg := TargetConfig{Rule: "r", Name: name, Policy: policies[cfgR.IntN(len(policies))](),
			Observer: obs, Rand: streams.Stream("t/" + name), DuplicateProbability: cfgR.Float64() * 0.3}
		if cfgR.IntN(3) == 0 {
			cfg.Invoker = newQueue("target-" + name)
		} else {
			cfg.Invoker = endpoint(name, cfgR.Float64())
		}
		if cfgR.IntN(2) == 0 {
			cfg.DeadLetter = newQueue("dlq-" + name)
		}
		if cfgR.IntN(3) == 0 {
			cfg.Tolerance = ToleranceNone
		}
		if cfgR.IntN(2) == 0 {
			cfg.MaxAge = time.Duration(1+cfgR.IntN(3600)) * time.Second
		}
		if cfgR.IntN(2) == 0 {
			cfg.Dedup = store
		}
		targets = append(targets, mustTarget(t, s, cfg))
	}
	horizon := sim.FromSeconds(1 + cfgR.Float64()*7200)
	for e := range cfgR.IntN(300) {
		at := sim.FromSeconds(cfgR.Float64() * horizon.Seconds())
		id := fmt.Sprint("ev", e%250) // some ids repeat: the dedup store sees them again
		s.ScheduleFunc(at, func() {
			for _, tg := range targets {
				tg.Deliver(Message{Event: ev(id)})
			}
		})
	}
	s.RunUntil(horizon)
	if err := Conservation(targets, queues); err != nil {
		t.Fatalf("seed %d: %v", seed, err)
	}
	s.Run() // no horizon: everything must end unless a NONE target blocks for ever
	if err := Conservation(targets, queues); err != nil {
		t.Fatalf("seed %d, run to completion: %v", seed, err)
	}
	snap := snapshot{Records: obs.h}
	for _, tg := range targets {
		c := tg.Counts()
		if c.InFlight > 0 && !tg.Blocked() {
			t.Fatalf("seed %d: %s has %d in flight after the run, unblocked", seed, tg.Name(), c.InFlight)
		}
		snap.Targets = append(snap.Targets, c)
	}
	for _, q := range queues {
		snap.Queues = append(snap.Queues, q.Counts())
	}
	return snap
}

// Random targets, policies, tolerances, failure rates, capacity limits, queues and horizons:
// conservation holds at the horizon and at the end, and the same seed gives the same counters
// and the same record stream.
func TestPropertyConservationAndDeterminism(t *testing.T) {
	n := 100
	if testing.Short() {
		n = 30
	}
	for seed := range uint64(n) {
		a := randomWorld(t, seed)
		b := randomWorld(t, seed)
		if !reflect.DeepEqual(a, b) {
			t.Fatalf("seed %d: two runs differ:\n%+v\n%+v", seed, a, b)
		}
	}
}
