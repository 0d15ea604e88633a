package delivery

import (
	"github.com/expr-lang/expr/parser"

	"github.com/fanout/fanout/engine/field"
)

// Queue types.
const (
	// QueueMNS is a Simple Message Queue (formerly MNS) queue.
	QueueMNS = "mns"
	// QueueRocketMQ is an ApsaraMQ for RocketMQ topic, normal or FIFO.
	QueueRocketMQ = "rocketmq"
)

// Message size limits per queue type (facts sheet §6.2: MNS 64 KB, RocketMQ 4 MB).
const (
	MaxMessageBytesMNS      field.Bytes = 64 << 10
	MaxMessageBytesRocketMQ field.Bytes = 4 << 20
)

// Consumer limits (Fanout's own bounds; the facts sheet is silent).
const (
	MaxConsumerConcurrency = 1000
	MaxConsumerBatch       = 16 // MNS BatchReceiveMessage takes at most 16 messages
)

// QueueSpec declares an MNS queue or a RocketMQ topic. Queues receive target deliveries
// (targets of type mns or rocketmq), dead letters and function on-failure destinations, and may
// have a consumer that pulls messages in order, so that waiting in a queue is real waiting.
type QueueSpec struct {
	// Name is unique among the scenario's queues: 1–127 characters, starting with a letter or
	// digit; letters, digits, '-' and '_'. Required.
	Name string `yaml:"name" json:"name"`
	// Type is mns or rocketmq. Required.
	Type string `yaml:"type" json:"type"`
	// FIFO makes a RocketMQ topic serialise delivery per message group (rocketmq only;
	// default false).
	FIFO bool `yaml:"fifo,omitempty" json:"fifo,omitempty"`
	// GroupBy is an expr expression over the message's event (the CloudEvent's fields: id,
	// source, type, subject, data, ...) giving the message group, e.g. `data.oss.bucket.name`.
	// FIFO only; empty means one group for the whole topic.
	GroupBy string `yaml:"group_by,omitempty" json:"group_by,omitempty"`
	// MaxMessageBytes is the largest message accepted; larger ones are rejected. Default and
	// maximum: 64 KB for mns, 4 MB for rocketmq.
	MaxMessageBytes field.Bytes `yaml:"max_message_bytes,omitempty" json:"max_message_bytes,omitempty"`
	// Consumer optionally drains the queue with a function.
	Consumer *ConsumerSpec `yaml:"consumer,omitempty" json:"consumer,omitempty"`
}

// ConsumerSpec is a function that pulls messages from a queue.
type ConsumerSpec struct {
	// Function is the consuming function: "service/function", or a function name that is unique
	// across the scenario's services. Required.
	Function string `yaml:"function" json:"function"`
	// Concurrency is how many messages are processed at once, 1–1000 (default 1). A FIFO topic
	// still processes one message per group at a time.
	Concurrency int `yaml:"concurrency,omitempty" json:"concurrency,omitempty"`
	// Schedule, when set, makes the consumer poll every Schedule (e.g. 10m for a low-frequency
	// diagnostic consumer of a dead-letter queue) instead of continuously. 0 (default) = continuous.
	Schedule field.Duration `yaml:"schedule,omitempty" json:"schedule,omitempty"`
	// Batch is the most messages taken per poll, 1–16 (default 1).
	Batch int `yaml:"batch,omitempty" json:"batch,omitempty"`
}

// MaxMessageBytesOrDefault returns MaxMessageBytes, or the type's limit when it is 0.
func (q QueueSpec) MaxMessageBytesOrDefault() field.Bytes {
	if q.MaxMessageBytes > 0 {
		return q.MaxMessageBytes
	}
	return q.typeLimit()
}

func (q QueueSpec) typeLimit() field.Bytes {
	if q.Type == QueueRocketMQ {
		return MaxMessageBytesRocketMQ
	}
	return MaxMessageBytesMNS
}

// Validate checks the queue's own fields; the consumer's function reference is checked by the
// scenario loader.
func (q QueueSpec) Validate() error {
	var errs field.List
	if err := ValidateName(q.Name); err != nil {
		errs.Add("name", err)
	}
	switch q.Type {
	case QueueMNS, QueueRocketMQ:
	case "":
		errs.Addf("type", "required: mns or rocketmq")
	default:
		errs.Addf("type", "unknown queue type %q: valid values are mns, rocketmq", q.Type)
	}
	if q.FIFO && q.Type == QueueMNS {
		errs.Addf("fifo", "only rocketmq topics can be FIFO; queue %q is mns", q.Name)
	}
	if q.GroupBy != "" {
		if !q.FIFO {
			errs.Addf("group_by", "only a FIFO topic has message groups: set fifo: true or remove group_by")
		} else if _, err := parser.Parse(q.GroupBy); err != nil {
			errs.Addf("group_by", "invalid expression %q: %v", q.GroupBy, firstLine(err))
		}
	}
	if q.MaxMessageBytes < 0 || q.MaxMessageBytes > q.typeLimit() {
		errs.Addf("max_message_bytes", "must be between 1B and %s for %s, got %s",
			q.typeLimit(), q.Type, q.MaxMessageBytes)
	}
	if q.Consumer != nil {
		errs.Add("consumer", q.Consumer.Validate())
	}
	return errs.Err()
}

// Validate checks the consumer's ranges.
func (c ConsumerSpec) Validate() error {
	var errs field.List
	if c.Function == "" {
		errs.Addf("function", "required: a function as service/function or a unique function name")
	}
	if c.Concurrency < 0 || c.Concurrency > MaxConsumerConcurrency {
		errs.Addf("concurrency", "must be between 1 and %d, got %d", MaxConsumerConcurrency, c.Concurrency)
	}
	if c.Schedule < 0 {
		errs.Addf("schedule", "must not be negative, got %s", c.Schedule.D())
	}
	if c.Batch < 0 || c.Batch > MaxConsumerBatch {
		errs.Addf("batch", "must be between 1 and %d, got %d", MaxConsumerBatch, c.Batch)
	}
	return errs.Err()
}

// ConcurrencyOrDefault returns Concurrency, or 1 when it is 0.
func (c ConsumerSpec) ConcurrencyOrDefault() int { return max(c.Concurrency, 1) }

// BatchOrDefault returns Batch, or 1 when it is 0.
func (c ConsumerSpec) BatchOrDefault() int { return max(c.Batch, 1) }
