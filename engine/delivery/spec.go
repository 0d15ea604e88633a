// Package delivery holds the per-target delivery machinery of the routing layer: push retry
// policies, errors tolerance, dead-letter destinations and the queues (MNS queues, RocketMQ
// topics) that targets and dead letters write to.
//
// This file holds the declarative specs that scenario files decode into (YAML keys in
// snake_case) and their Validate methods, which return field.List errors with paths relative to
// the spec. Limits follow the facts sheet §4 and §6.2.
package delivery

import (
	"github.com/fanout/fanout/engine/field"
)

// Push retry strategies (facts sheet §4.1).
const (
	// BackoffRetry is the default: 3 retries, 10–20 s apart at random.
	BackoffRetry = "BACKOFF_RETRY"
	// ExponentialDecayRetry is 176 retries, 1 s doubling to 512 s, about one day in all.
	ExponentialDecayRetry = "EXPONENTIAL_DECAY_RETRY"
)

// RetrySpec is a target's push retry policy (EventBridge → target).
type RetrySpec struct {
	// Strategy is BACKOFF_RETRY (default when empty) or EXPONENTIAL_DECAY_RETRY.
	Strategy string `yaml:"strategy,omitempty" json:"strategy,omitempty"`
}

// StrategyOrDefault returns Strategy, or BackoffRetry when it is empty.
func (r RetrySpec) StrategyOrDefault() string {
	if r.Strategy == "" {
		return BackoffRetry
	}
	return r.Strategy
}

// Validate checks the strategy name.
func (r RetrySpec) Validate() error {
	var errs field.List
	switch r.Strategy {
	case "", BackoffRetry, ExponentialDecayRetry:
	default:
		errs.Addf("strategy", "unknown retry strategy %q: valid values are %s, %s",
			r.Strategy, BackoffRetry, ExponentialDecayRetry)
	}
	return errs.Err()
}

// DeadLetterSpec names the dead-letter destination of a target: a queue or topic declared in the
// scenario's queues section. A dead-lettered message carries the original event unchanged plus the
// reason, the attempt count, the last error, the rule and the target.
type DeadLetterSpec struct {
	// Queue is the name of an MNS queue or RocketMQ topic of the scenario. Required.
	Queue string `yaml:"queue" json:"queue"`
}

// Validate checks that a queue is named; whether it exists is checked by the scenario loader.
func (d DeadLetterSpec) Validate() error {
	var errs field.List
	if d.Queue == "" {
		errs.Addf("queue", "required: the name of a queue or topic from the scenario's queues")
	}
	return errs.Err()
}
