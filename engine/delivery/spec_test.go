package delivery

import (
	"errors"
	"strings"
	"testing"

	"github.com/fanout/fanout/engine/field"
)

func errorsOf(t *testing.T, err error) []string {
	t.Helper()
	if err == nil {
		return nil
	}
	var l field.List
	if !errors.As(err, &l) {
		t.Fatalf("error %T is not a field.List: %v", err, err)
	}
	out := make([]string, len(l))
	for i, e := range l {
		out[i] = e.Error()
	}
	return out
}

func check(t *testing.T, name string, err error, want []string) {
	t.Helper()
	if got := errorsOf(t, err); strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("%s:\n got %q\nwant %q", name, got, want)
	}
}

func TestRetrySpec(t *testing.T) {
	check(t, "default", RetrySpec{}.Validate(), nil)
	check(t, "exp", RetrySpec{Strategy: ExponentialDecayRetry}.Validate(), nil)
	check(t, "lowercase", RetrySpec{Strategy: "backoff_retry"}.Validate(), []string{
		`strategy: unknown retry strategy "backoff_retry": valid values are BACKOFF_RETRY, EXPONENTIAL_DECAY_RETRY`})
	if s := (RetrySpec{}).StrategyOrDefault(); s != BackoffRetry {
		t.Errorf("default strategy %q", s)
	}
}

func TestDeadLetterSpec(t *testing.T) {
	check(t, "named", DeadLetterSpec{Queue: "dlq"}.Validate(), nil)
	check(t, "empty", DeadLetterSpec{}.Validate(), []string{
		"queue: required: the name of a queue or topic from the scenario's queues"})
}

func TestTolerance(t *testing.T) {
	for _, ok := range []string{"", "ALL", "NONE"} {
		if err := ValidateTolerance(ok); err != nil {
			t.Errorf("%q: %v", ok, err)
		}
	}
	if err := ValidateTolerance("all"); err == nil || err.Error() != `unknown errors tolerance "all": valid values are ALL, NONE` {
		t.Errorf("lowercase all: %v", err)
	}
}

func TestQueueSpec(t *testing.T) {
	tests := []struct {
		name string
		q    QueueSpec
		want []string
	}{
		{"mns", QueueSpec{Name: "dlq", Type: QueueMNS}, nil},
		{"fifo topic", QueueSpec{Name: "orders", Type: QueueRocketMQ, FIFO: true, GroupBy: "data.customer",
			MaxMessageBytes: 4 << 20, Consumer: &ConsumerSpec{Function: "svc/fn", Concurrency: 4, Batch: 16}}, nil},
		{"diagnostic consumer", QueueSpec{Name: "dlq", Type: QueueMNS,
			Consumer: &ConsumerSpec{Function: "diag", Schedule: field.Duration(600e9)}}, nil},
		{"missing", QueueSpec{}, []string{
			"name: required: 1-127 characters, letters, digits, '-' and '_'", "type: required: mns or rocketmq"}},
		{"unknown type", QueueSpec{Name: "q", Type: "kafka"}, []string{
			`type: unknown queue type "kafka": valid values are mns, rocketmq`}},
		{"bad name", QueueSpec{Name: "q.1", Type: QueueMNS}, []string{
			`name: name "q.1" contains '.': only letters, digits, '-' and '_' are allowed`}},
		{"fifo mns", QueueSpec{Name: "q", Type: QueueMNS, FIFO: true}, []string{
			`fifo: only rocketmq topics can be FIFO; queue "q" is mns`}},
		{"group without fifo", QueueSpec{Name: "q", Type: QueueRocketMQ, GroupBy: "data.x"}, []string{
			"group_by: only a FIFO topic has message groups: set fifo: true or remove group_by"}},
		{"bad group expr", QueueSpec{Name: "q", Type: QueueRocketMQ, FIFO: true, GroupBy: "data.("}, []string{
			`group_by: invalid expression "data.(": expected name (1:6)`}},
		{"message too big", QueueSpec{Name: "q", Type: QueueMNS, MaxMessageBytes: 65 << 10}, []string{
			"max_message_bytes: must be between 1B and 64KB for mns, got 65KB"}},
		{"bad consumer", QueueSpec{Name: "q", Type: QueueMNS, Consumer: &ConsumerSpec{Concurrency: 1001, Schedule: -1, Batch: 17}}, []string{
			"consumer.function: required: a function as service/function or a unique function name",
			"consumer.concurrency: must be between 1 and 1000, got 1001",
			"consumer.schedule: must not be negative, got -1ns",
			"consumer.batch: must be between 1 and 16, got 17"}},
	}
	for _, tt := range tests {
		check(t, tt.name, tt.q.Validate(), tt.want)
	}
}

func TestQueueDefaults(t *testing.T) {
	if got := (QueueSpec{Type: QueueMNS}).MaxMessageBytesOrDefault(); got != 64<<10 {
		t.Errorf("mns limit %v", got)
	}
	if got := (QueueSpec{Type: QueueRocketMQ}).MaxMessageBytesOrDefault(); got != 4<<20 {
		t.Errorf("rocketmq limit %v", got)
	}
	c := ConsumerSpec{}
	if c.ConcurrencyOrDefault() != 1 || c.BatchOrDefault() != 1 {
		t.Errorf("consumer defaults %d %d", c.ConcurrencyOrDefault(), c.BatchOrDefault())
	}
}
