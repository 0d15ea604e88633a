package obs

import (
	"errors"
	"time"

	"github.com/fanout/fanout/engine/sim"
)

// ErrNotFound is returned by queries for an event that is not in the run.
var ErrNotFound = errors.New("not found")

// Querier answers the workbench's questions about a run. The in-memory sink and the SQLite
// store both implement it and give the same answers for the same records (the conformance
// suite in storage checks it).
type Querier interface {
	// Events returns one page of events matching f, in the order of p.Sort, after p.After.
	Events(f EventFilter, p PageRequest) (EventPage, error)
	// Lookup returns the first event received with CloudEvents id; ErrNotFound if none.
	Lookup(id string) (EventRef, error)
	// Trace returns an event's full story and its spans; ErrNotFound if there is no such event.
	Trace(ref EventRef) (Trace, error)
	// Buckets aggregates the run per width of simulated time over [from, to).
	Buckets(width time.Duration, from, to sim.Time) ([]Bucket, error)
	// DeadLetters returns up to limit dead-lettered deliveries after the cursor (event, then
	// insertion order), in event order.
	DeadLetters(after EventRef, limit int) ([]Final, error)
}

// Tri is a three-way filter: any, yes or no.
type Tri uint8

// Tri values.
const (
	Any Tri = iota
	Yes
	No
)

// EventFilter selects events. Zero fields select everything; set fields combine with AND.
type EventFilter struct {
	From, To          sim.Time // receipt time in [From, To); To == 0 means no upper bound
	Bus, Source, Type string   // exact match
	Rule              string   // with Matched: the rule whose result is tested ("" = any rule)
	Matched           Tri      // Yes: Rule (any rule when "") matched; No: it did not
	Outcome           string   // some delivery ended so: delivered, dead_lettered, discarded, expired, in_flight
	Cold              Tri      // Yes: some invocation was a cold start; No: none was
	Error             Tri      // Yes: rejected, or some attempt, invocation or delivery failed
	Text              string   // the id or the subject starts with Text (case-sensitive)
}

// Sort orders a page of events.
type Sort uint8

// Sort orders. Receipt order is EventRef order.
const (
	SortOldest Sort = iota // receipt order
	SortNewest             // reverse receipt order
)

// PageRequest asks for Limit events after the cursor After (0: from the start; for
// SortNewest, the events before After). Pagination is keyset, never by offset.
type PageRequest struct {
	Sort  Sort
	After EventRef
	Limit int // 1..1000; 0 means 100
}

// Lim returns the effective limit.
func (p PageRequest) Lim() int {
	switch {
	case p.Limit <= 0:
		return 100
	case p.Limit > 1000:
		return 1000
	}
	return p.Limit
}

// EventRow is one line of the events list.
type EventRow struct {
	Received
	Matched    int32 // rules matched
	Targets    int32 // deliveries started
	Succeeded  int32 // deliveries delivered
	Done       bool  // the fan-out completed
	FanoutTime time.Duration
}

// EventPage is one page; Next is the cursor of the following page (0 when there is none).
type EventPage struct {
	Rows []EventRow
	Next EventRef
}

// FinalOutcome is how a delivery ended.
type FinalOutcome uint8

// Final outcomes; InFlight only appears in filters (no record says it).
const (
	FinalDelivered FinalOutcome = iota + 1
	FinalDeadLettered
	FinalDiscarded
	FinalExpired
	FinalInFlight
)

var finalNames = [...]string{"", "delivered", "dead_lettered", "discarded", "expired", "in_flight"}

// String is the stored name.
func (f FinalOutcome) String() string {
	if int(f) < len(finalNames) && f > 0 {
		return finalNames[f]
	}
	return "final?"
}

// ParseFinal is the inverse of FinalOutcome.String.
func ParseFinal(s string) (FinalOutcome, bool) {
	for i, n := range finalNames {
		if i > 0 && n == s {
			return FinalOutcome(i), true
		}
	}
	return 0, false
}

// Final is the final record of a delivery in one shape, whichever record carried it.
type Final struct {
	Event        EventRef
	At           sim.Time
	Created      sim.Time // when the delivery began
	Rule, Target string
	Outcome      FinalOutcome
	Attempts     int32
	Reason       string
	Queue        string
	LastError    string
}

// Final converts the record.
func (r Delivered) Final() Final {
	return Final{r.Event, r.At, r.Created, r.Rule, r.Target, FinalDelivered, r.Attempts, "", "", ""}
}

// Final converts the record.
func (r DeadLettered) Final() Final {
	return Final{r.Event, r.At, r.Created, r.Rule, r.Target, FinalDeadLettered, r.Attempts, r.Reason, r.Queue, r.LastError}
}

// Final converts the record.
func (r Discarded) Final() Final {
	return Final{r.Event, r.At, r.Created, r.Rule, r.Target, FinalDiscarded, r.Attempts, r.Reason, "", r.LastError}
}

// Final converts the record; its Reason is "event_too_old".
func (r Expired) Final() Final {
	return Final{r.Event, r.At, r.Created, r.Rule, r.Target, FinalExpired, r.Attempts, "event_too_old", "", r.LastError}
}

// Bucket aggregates one slice of simulated time, for charts.
type Bucket struct {
	Start         sim.Time
	Received      int64
	Rejected      int64
	Matches       int64 // rule evaluations that matched
	Attempts      int64
	AttemptErrors int64 // attempts that did not succeed
	Invocations   int64
	ColdStarts    int64
	ExecNanos     int64 // summed execution time of the invocations
	CostPicoUSD   int64 // summed cost, in 1e-12 USD (integer so that every store sums alike)
	Delivered     int64
	Failed        int64 // dead-lettered, discarded or expired
	Completed     int64 // fan-outs completed
}

// PicoUSD converts a cost in USD to the integer unit of Bucket.CostPicoUSD.
func PicoUSD(usd float64) int64 {
	p := usd * 1e12
	if p < 0 {
		return int64(p - 0.5)
	}
	return int64(p + 0.5)
}
