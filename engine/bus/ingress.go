package bus

import (
	"errors"
	"fmt"
	"maps"
	"time"

	"github.com/fanout/fanout/engine/event"
	"github.com/fanout/fanout/engine/sim"
)

// PutEvents entry error codes. Alibaba does not document its PutEvents entry error codes in the
// sources we have (facts sheet §3); these name the cause in the same spirit.
const (
	CodeInvalidAttribute = "InvalidArgument"
	CodeTooLarge         = "EventTooLarge"
	CodeBusNotFound      = "EventBusNotExist"
	CodeThrottled        = "Throttled"
)

// EntryResult is the answer to one PutEvents entry: the event id when accepted, or an error
// code and message. Failed entries are never dropped silently: they come back here and are
// counted in IngressStats.
type EntryResult struct {
	EventID      string
	ErrorCode    string
	ErrorMessage string
	// Reason is the short key the run summary counts rejections under, e.g. "invalid:id",
	// "too_large", "throttled". Empty when accepted.
	Reason string
}

// OK reports whether the entry was accepted.
func (r EntryResult) OK() bool { return r.ErrorCode == "" }

// IngressEnv is what a bus's front door needs from the world.
type IngressEnv struct {
	Limits     event.Limits // validation limits (event.DefaultLimits() unless the scenario says)
	MaxEntries int          // entries per PutEvents call; 0 = DefaultPutEntries
	RateLimit  float64      // accepted entries per second; 0 = unlimited
	Region     string       // stamped as aliyunregionid
	Account    string       // stamped as aliyunaccountid
	Start      time.Time    // the wall-clock instant of simulated time 0, for aliyunpublishtime
}

// IngressStats counts a bus's PutEvents entries.
type IngressStats struct {
	Accepted uint64
	Rejected uint64
	// Reasons counts rejected entries by EntryResult.Reason.
	Reasons map[string]uint64
}

// Ingress is a bus's front door: it validates each PutEvents entry, applies the throughput
// limit, stamps the EventBridge extension attributes on accepted events and counts the outcome.
type Ingress struct {
	name   string
	env    IngressEnv
	bucket tokenBucket
	stats  IngressStats
	// pubAt and pub cache the last formatted publish time: events accepted at the same
	// simulated instant share it.
	pubAt sim.Time
	pub   string
	// bare is the stamped extension map of an event that arrived without extensions at
	// bareAt; such events accepted at the same instant share it (it is never modified).
	bare   map[string]string
	bareAt sim.Time
}

// NewIngress builds the front door of the bus called name.
func NewIngress(name string, env IngressEnv) *Ingress {
	if env.MaxEntries <= 0 {
		env.MaxEntries = DefaultPutEntries
	}
	in := &Ingress{name: name, env: env, stats: IngressStats{Reasons: map[string]uint64{}}}
	in.bucket = newTokenBucket(env.RateLimit)
	return in
}

// Name is the bus's name.
func (in *Ingress) Name() string { return in.name }

// MaxEntries is the most entries one PutEvents call to this bus may carry.
func (in *Ingress) MaxEntries() int { return in.env.MaxEntries }

// Stats returns a copy of the counters.
func (in *Ingress) Stats() IngressStats {
	s := in.stats
	s.Reasons = make(map[string]uint64, len(in.stats.Reasons))
	for k, v := range in.stats.Reasons {
		s.Reasons[k] = v
	}
	return s
}

// ErrEntryCount is returned when a PutEvents call carries no entry or more than the limit; the
// whole call is refused and nothing is counted.
var ErrEntryCount = errors.New("invalid number of PutEvents entries")

// Put is one PutEvents call at simulated time now. Accepted entries are stamped in place
// (aliyuneventbusname, aliyunregionid, aliyunaccountid, aliyunpublishtime) and get a result
// with their id; the others a result with a code, a message and a reason. Stamping gives an
// entry a new extension map (the caller's map is never modified); entries that arrive without
// extensions at the same instant share one, so a stamped event's map is read-only, like the
// rest of an accepted event (Network.Route).
func (in *Ingress) Put(now sim.Time, entries []event.Event) ([]EntryResult, error) {
	if len(entries) == 0 || len(entries) > in.env.MaxEntries {
		return nil, fmt.Errorf("%w: %d entries, a call carries 1 to %d", ErrEntryCount, len(entries), in.env.MaxEntries)
	}
	results := make([]EntryResult, len(entries))
	for i := range entries {
		results[i] = in.putOne(now, &entries[i])
	}
	return results, nil
}

// PutOne is Put with a single entry, without the slice allocation.
func (in *Ingress) PutOne(now sim.Time, e *event.Event) EntryResult { return in.putOne(now, e) }

func (in *Ingress) putOne(now sim.Time, e *event.Event) EntryResult {
	if err := event.ValidateMarked(e, in.env.Limits); err != nil {
		return in.reject(classify(err))
	}
	if !in.bucket.take(now) {
		return in.reject(EntryResult{ErrorCode: CodeThrottled, Reason: "throttled",
			ErrorMessage: fmt.Sprintf("bus %q accepts at most %g events per second", in.name, in.env.RateLimit)})
	}
	in.stamp(now, e)
	in.stats.Accepted++
	return EntryResult{EventID: e.ID}
}

func (in *Ingress) reject(r EntryResult) EntryResult {
	in.stats.Rejected++
	in.stats.Reasons[r.Reason]++
	return r
}

// stamp sets the extension attributes EventBridge adds on receipt (facts sheet §5.1).
func (in *Ingress) stamp(now sim.Time, e *event.Event) {
	if in.pub == "" || in.pubAt != now {
		in.pubAt, in.pub = now, event.FormatTime(in.env.Start.Add(time.Duration(now)))
	}
	if len(e.Extensions) == 0 {
		if in.bare == nil || in.bareAt != now {
			in.bare, in.bareAt = in.stamped(nil), now
		}
		e.Extensions = in.bare
		return
	}
	e.Extensions = in.stamped(e.Extensions)
}

// stamped returns a new map holding ext plus the attributes stamped at the current publish time.
func (in *Ingress) stamped(ext map[string]string) map[string]string {
	// Cloning copies a small map's table at once, cheaper than inserting entry by entry.
	m := maps.Clone(ext)
	if m == nil {
		m = make(map[string]string, 4)
	}
	m[event.ExtEventBusName] = in.name
	if in.env.Region != "" {
		m[event.ExtRegionID] = in.env.Region
	}
	if in.env.Account != "" {
		m[event.ExtAccountID] = in.env.Account
	}
	m[event.ExtPublishTime] = in.pub
	return m
}

// classify turns a validation error into an entry result.
func classify(err error) EntryResult {
	var se *event.SizeError
	if errors.As(err, &se) {
		return EntryResult{ErrorCode: CodeTooLarge, ErrorMessage: err.Error(), Reason: "too_large"}
	}
	var ae *event.AttrError
	if errors.As(err, &ae) {
		return EntryResult{ErrorCode: CodeInvalidAttribute, ErrorMessage: err.Error(), Reason: "invalid:" + ae.Attr}
	}
	return EntryResult{ErrorCode: CodeInvalidAttribute, ErrorMessage: err.Error(), Reason: "invalid"}
}

// RejectMissingBus is the result for an entry addressed to a bus that does not exist.
func RejectMissingBus(name string) EntryResult {
	return EntryResult{ErrorCode: CodeBusNotFound, Reason: "bus_not_found",
		ErrorMessage: fmt.Sprintf("event bus %q does not exist", name)}
}

// tokenBucket limits a rate in simulated time: capacity one second's worth, refilled
// continuously. A zero rate means unlimited.
type tokenBucket struct {
	rate   float64
	tokens float64
	last   sim.Time
}

func newTokenBucket(rate float64) tokenBucket {
	return tokenBucket{rate: rate, tokens: rate}
}

func (b *tokenBucket) take(now sim.Time) bool {
	if b.rate <= 0 {
		return true
	}
	b.tokens += now.Sub(b.last).Seconds() * b.rate
	if b.tokens > b.rate {
		b.tokens = b.rate
	}
	b.last = now
	if b.tokens < 1 {
		return false
	}
	b.tokens--
	return true
}
