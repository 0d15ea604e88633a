package delivery

import (
	"errors"
	"fmt"
	"math/rand/v2"
	"time"

	"github.com/fanout/fanout/engine/sim"
)

// QueueConfig configures a Queue beyond its declarative spec.
type QueueConfig struct {
	// Spec is the queue's declaration (validated by NewQueue).
	Spec QueueSpec
	// Group returns a message's FIFO group (the caller compiles Spec.GroupBy). FIFO topics
	// only; nil means one group for the whole topic.
	Group func(*Message) string
	// Consumer is the consuming function, required when Spec.Consumer is set.
	Consumer Invoker
	// ConsumerPolicy is how the consumer retries a message it failed on. Default
	// DefaultConsumerPolicy(Spec.FIFO).
	ConsumerPolicy Policy
	// ConsumerDeadLetter receives the messages the consumer gave up; nil: they are discarded.
	ConsumerDeadLetter DeadLetterSink
	// Observer receives the queue's records and its consumer's. Default NopObserver.
	Observer Observer
	// Rand is the consumer's seeded stream; required when Spec.Consumer is set.
	Rand *rand.Rand
}

// Queue is an MNS queue or a RocketMQ topic (normal or FIFO) in simulated time. Messages wait
// in arrival order until a consumer takes them; without a consumer they stay for inspection
// and replay (a dead-letter queue). On a FIFO topic the messages of one group are taken
// strictly in order, one at a time: the next waits until the consumer is done with the
// previous one (delivered or given up), so a failing message blocks its group while it is
// retried, and the other groups go on.
//
// Queue is an Invoker (a delivery to an mns or rocketmq target enqueues the message) and a
// DeadLetterSink.
type Queue struct {
	name     string
	fifo     bool
	maxBytes int
	sched    *sim.Scheduler
	obs      Observer
	groupOf  func(*Message) string

	items  []item // messages in the queue (waiting or being processed)
	free   []int32
	seq    uint64
	groups []group
	index  map[string]int32 // group key → groups index (FIFO)
	ready  []int32          // FIFO: groups with a waiting head and nothing in process, in order
	rhead  int

	consumer    *Target
	conc, batch int
	every       time.Duration // poll interval; 0 = continuous
	processing  int
	pollAt      sim.Time // the pending poll's time; sim.Never when none
	dispatching bool
	again       bool

	counts QueueCounts
	waits  *waitHist
}

// item is a message in the queue.
type item struct {
	msg        Message
	enq        sim.Time
	seq        uint64
	prev, next int32 // the group's waiting list
	group      int32
	gen        uint32
	state      uint8
}

// Item states.
const (
	itFree = iota
	itWaiting
	itProcessing
)

// group is a list of waiting messages; a non-FIFO queue has one group that is never busy.
type group struct {
	head, tail int32
	busy       bool // FIFO: one of its messages is being processed
	queued     bool // in the ready list
}

// NewQueue validates cfg and returns the queue; with a consumer, it starts consuming as
// messages arrive (or at its polling times).
func NewQueue(s *sim.Scheduler, cfg QueueConfig) (*Queue, error) {
	if err := cfg.Spec.Validate(); err != nil {
		return nil, fmt.Errorf("queue %q: %w", cfg.Spec.Name, err)
	}
	if s == nil {
		return nil, fmt.Errorf("queue %q: scheduler is nil", cfg.Spec.Name)
	}
	q := &Queue{name: cfg.Spec.Name, fifo: cfg.Spec.FIFO, sched: s, obs: cfg.Observer,
		maxBytes: int(cfg.Spec.MaxMessageBytesOrDefault()), groupOf: cfg.Group,
		groups: []group{{head: -1, tail: -1}}, index: map[string]int32{}, pollAt: sim.Never,
		waits: newWaitHist()}
	if q.obs == nil {
		q.obs = NopObserver{}
	}
	if c := cfg.Spec.Consumer; c != nil {
		if err := q.addConsumer(*c, cfg); err != nil {
			return nil, fmt.Errorf("queue %q: consumer: %w", q.name, err)
		}
	}
	return q, nil
}

func (q *Queue) addConsumer(c ConsumerSpec, cfg QueueConfig) error {
	if cfg.Consumer == nil {
		return errors.New("an invoker for the consumer function is required")
	}
	pol := cfg.ConsumerPolicy
	if pol == nil {
		pol = DefaultConsumerPolicy(q.fifo)
	}
	t, err := NewTarget(q.sched, TargetConfig{Rule: q.name, Name: c.Function, Invoker: cfg.Consumer,
		Policy: pol, DeadLetter: cfg.ConsumerDeadLetter, Observer: q.obs, Rand: cfg.Rand,
		Settler: (*settler)(q)})
	if err != nil {
		return err
	}
	q.consumer, q.conc, q.batch, q.every = t, c.ConcurrencyOrDefault(), c.BatchOrDefault(), c.Schedule.D()
	return nil
}

// Name returns the queue's name.
func (q *Queue) Name() string { return q.name }

// FIFO reports whether the queue is a FIFO topic.
func (q *Queue) FIFO() bool { return q.fifo }

// Consumer returns the consumer's delivery target (nil without a consumer): its counters are
// the consumer's attempts, retries and give-ups.
func (q *Queue) Consumer() *Target { return q.consumer }

// Invoke enqueues msg: the delivery of an mns or rocketmq target. A message larger than the
// queue's limit is Rejected (not retryable).
func (q *Queue) Invoke(_ uint64, msg *Message, _ Completer) Result {
	if err := q.Enqueue(*msg); err != nil {
		return Result{Status: Rejected, Err: err.Error()}
	}
	return Result{Status: OK}
}

// DeadLetter enqueues a dead letter.
func (q *Queue) DeadLetter(msg Message) error { return q.Enqueue(msg) }

// Enqueue appends msg (its Ref is replaced by the queue's own). It fails when the message is
// larger than the queue's limit.
func (q *Queue) Enqueue(msg Message) error {
	if n := msg.Size(); n > q.maxBytes {
		return q.reject(msg, n)
	}
	now := q.sched.Now()
	i := q.alloc()
	q.seq++
	it := &q.items[i]
	it.msg, it.enq, it.seq, it.group, it.state = msg, now, q.seq, 0, itWaiting
	if q.fifo {
		if q.groupOf != nil {
			it.msg.Group = q.groupOf(&it.msg) // on the slab copy: msg itself does not escape
		}
		it.group = q.groupIndex(it.msg.Group)
		it = &q.items[i]
	}
	q.link(i)
	q.counts.Enqueued++
	q.counts.MaxDepth = max(q.counts.MaxDepth, q.depth())
	q.obs.Observe(Record{Kind: KindEnqueued, At: now, Msg: &it.msg, Queue: q.name})
	q.kick()
	return nil
}

// reject refuses a message of n bytes.
func (q *Queue) reject(msg Message, n int) error {
	q.counts.Rejected++
	err := fmt.Errorf("message of %d bytes exceeds the %d-byte limit of queue %q", n, q.maxBytes, q.name)
	q.obs.Observe(Record{Kind: KindRejected, At: q.sched.Now(), Msg: &msg, Queue: q.name, Err: err.Error()})
	return err
}

// depth is the number of messages in the queue: waiting or being processed.
func (q *Queue) depth() uint64 {
	return q.counts.Enqueued - q.counts.Consumed - q.counts.ConsumeFailed - q.counts.Replayed
}

// groupIndex returns the index of group key, creating it.
func (q *Queue) groupIndex(key string) int32 {
	if g, ok := q.index[key]; ok {
		return g
	}
	q.groups = append(q.groups, group{head: -1, tail: -1})
	g := int32(len(q.groups) - 1)
	q.index[key] = g
	return g
}

func (q *Queue) alloc() int32 {
	if n := len(q.free); n > 0 {
		i := q.free[n-1]
		q.free = q.free[:n-1]
		return i
	}
	q.items = append(q.items, item{gen: 1})
	return int32(len(q.items) - 1)
}

func (q *Queue) release(i int32) {
	it := &q.items[i]
	it.msg, it.state = Message{}, itFree
	it.gen++
	q.free = append(q.free, i)
}
