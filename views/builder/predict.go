package builder

import (
	"fmt"
	"slices"
	"time"

	"github.com/fanout/fanout/engine/fc"
	"github.com/fanout/fanout/engine/sim"
)

// Billing is how function costs are priced: the price list and the model. A nil Prices
// computes durations but no money.
type Billing struct {
	Prices *fc.Prices
	Model  fc.Model
}

// Prediction is what the handler model says one warm invocation of a function takes and costs.
type Prediction struct {
	Runs          int           // invocations simulated
	P50, P99      time.Duration // execution time percentiles (warm)
	Mean          time.Duration
	USD           float64       // mean cost of one invocation
	Failed        float64       // fraction that ended in an error (handler, OOM, timeout)
	OOM, Timeouts int           // invocations that ran out of memory or hit the timeout
	ColdStart     time.Duration // mean platform cold start plus the handler's init
	VCPU          float64
}

// predictSeed seeds the prediction's streams: fixed, so the same settings always predict the
// same figures and two memory sizes see the same duration draws.
const predictSeed = 20260101

// Predict runs the function's own model (engine/fc) on a private scheduler: runs warm
// invocations one after another on a provisioned instance, each with the next of events (in
// turn; none when events is empty), and summarises their execution times and charges. It is
// exact for the model: the same code computes a run's invocations.
func Predict(spec fc.FunctionSpec, events [][]byte, runs int, b Billing) (Prediction, error) {
	spec = spec.WithDefaults()
	if err := spec.Validate(); err != nil {
		return Prediction{}, fmt.Errorf("function %q: %w", spec.Name, err)
	}
	sched := sim.NewScheduler()
	warm := spec
	warm.Provisioned = 1
	warm.MaxInstances = max(warm.MaxInstances, 1)
	warm.Concurrency = 1
	f, err := fc.NewFunction("preview", warm, fc.Env{Sched: sched, Streams: sim.NewStreams(predictSeed),
		Prices: b.Prices, Model: b.Model})
	if err != nil {
		return Prediction{}, fmt.Errorf("function %q: %w", spec.Name, err)
	}
	var rec recorder
	for i := 0; i < runs; i++ {
		req := fc.Request{Tag: uint64(i)}
		if len(events) > 0 {
			req.Event = events[i%len(events)]
		}
		if err := f.Invoke(req, &rec); err != nil {
			return Prediction{}, fmt.Errorf("invoke %q: %w", spec.Name, err)
		}
		for n := len(rec.invs); len(rec.invs) == n && sched.Step(); {
		}
	}
	p := rec.summary()
	p.VCPU = f.VCPU()
	if cs, err := fc.ColdStartMean(spec); err == nil {
		p.ColdStart = cs + time.Duration(float64(spec.Handler.Init.D())/min(p.VCPU, 1))
	}
	return p, nil
}

type recorder struct{ invs []fc.Invocation }

func (r *recorder) InvocationDone(inv fc.Invocation) { r.invs = append(r.invs, inv) }

func (r *recorder) summary() Prediction {
	p := Prediction{Runs: len(r.invs)}
	if p.Runs == 0 {
		return p
	}
	d := make([]time.Duration, len(r.invs))
	var sum time.Duration
	failed := 0
	for i, inv := range r.invs {
		d[i] = inv.Exec()
		sum += d[i]
		p.USD += inv.Charge.USD
		switch inv.Outcome {
		case fc.OK:
			continue
		case fc.ErrorOOM:
			p.OOM++
		case fc.ErrorTimeout:
			p.Timeouts++
		}
		failed++
	}
	slices.Sort(d)
	p.P50 = quantile(d, 0.50)
	p.P99 = quantile(d, 0.99)
	p.Mean = sum / time.Duration(len(d))
	p.USD /= float64(len(d))
	p.Failed = float64(failed) / float64(len(d))
	return p
}

// quantile is the nearest-rank quantile of sorted durations.
func quantile(d []time.Duration, q float64) time.Duration {
	i := int(q*float64(len(d)) + 0.5)
	return d[min(max(i-1, 0), len(d)-1)]
}
