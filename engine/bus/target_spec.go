package bus

import (
	"errors"
	"fmt"
	"math"
	"net/url"
	"strings"

	"github.com/fanout/fanout/engine/delivery"
	"github.com/fanout/fanout/engine/field"
	"github.com/fanout/fanout/engine/sim"
	"github.com/fanout/fanout/engine/transform"
)

// Target types.
const (
	TargetFunction     = "function"     // a Function Compute function (field function)
	TargetMNS          = "mns"          // an MNS queue (field queue)
	TargetRocketMQ     = "rocketmq"     // a RocketMQ topic (field topic)
	TargetLogstore     = "logstore"     // a Log Service logstore (field logstore)
	TargetHTTP         = "http"         // an HTTP endpoint (field url)
	TargetNotification = "notification" // a notification (field channel, optional)
)

// TargetTypes lists the target types in documentation order.
var TargetTypes = []string{TargetFunction, TargetMNS, TargetRocketMQ, TargetLogstore, TargetHTTP, TargetNotification}

// Invocation modes of function targets.
const (
	InvokeAsync = "async" // through FC's internal queue, at least once (default)
	InvokeSync  = "sync"  // the execution time counts on the producer side
)

// TargetSpec declares one target of a rule.
type TargetSpec struct {
	// ID is unique within the rule: 1–127 letters, digits, '-' and '_'. Required. The run
	// summary names a target "rule/id".
	ID string `yaml:"id" json:"id"`
	// Type is function, mns, rocketmq, logstore, http or notification. Required.
	Type string `yaml:"type" json:"type"`
	// Function is the function of a function target: "service/function", or a function name
	// that is unique across the scenario's services.
	Function string `yaml:"function,omitempty" json:"function,omitempty"`
	// Queue is the MNS queue (from the scenario's queues) of an mns target.
	Queue string `yaml:"queue,omitempty" json:"queue,omitempty"`
	// Topic is the RocketMQ topic (from the scenario's queues) of a rocketmq target.
	Topic string `yaml:"topic,omitempty" json:"topic,omitempty"`
	// Logstore is the Log Service store of a logstore target, "project/logstore" or a name.
	Logstore string `yaml:"logstore,omitempty" json:"logstore,omitempty"`
	// URL is the endpoint of an http target (http or https).
	URL string `yaml:"url,omitempty" json:"url,omitempty"`
	// Channel names a notification target's channel (e.g. "ops-dingtalk"); optional.
	Channel string `yaml:"channel,omitempty" json:"channel,omitempty"`
	// Invocation is async (default) or sync; function targets only.
	Invocation string `yaml:"invocation,omitempty" json:"invocation,omitempty"`
	// DuplicateProbability is the chance, 0–1, that FC's at-least-once async queue delivers an
	// invocation twice. Function targets with async invocation only. Default 0.
	DuplicateProbability float64 `yaml:"duplicate_probability,omitempty" json:"duplicate_probability,omitempty"`
	// Dedup turns on a handler-side dedup store keyed on the CloudEvents id, so duplicate
	// deliveries are absorbed instead of repeating side effects. Function targets only.
	Dedup bool `yaml:"dedup,omitempty" json:"dedup,omitempty"`
	// Transform is the input transformer. Default ORIGINAL (the whole event).
	Transform *transform.Spec `yaml:"transform,omitempty" json:"transform,omitempty"`
	// Retry is the push retry policy. Default BACKOFF_RETRY.
	Retry delivery.RetrySpec `yaml:"retry,omitempty" json:"retry,omitempty"`
	// ErrorsTolerance is ALL (default: after the last retry, dead letter or discard) or NONE
	// (the target's deliveries block behind the failing event).
	ErrorsTolerance string `yaml:"errors_tolerance,omitempty" json:"errors_tolerance,omitempty"`
	// DeadLetter is the dead-letter queue; optional.
	DeadLetter *delivery.DeadLetterSpec `yaml:"dead_letter,omitempty" json:"dead_letter,omitempty"`
	// Endpoint is the simulated behaviour of a non-function target (latency, error rate).
	Endpoint *EndpointSpec `yaml:"endpoint,omitempty" json:"endpoint,omitempty"`
}

// EndpointSpec is the simulated behaviour of a delivery to a non-function target.
type EndpointSpec struct {
	// Latency of one delivery attempt in milliseconds. Default: constant 10 ms.
	Latency *sim.Spec `yaml:"latency,omitempty" json:"latency,omitempty"`
	// ErrorRate is the probability, 0–1, that an attempt fails (and is retried). Default 0.
	ErrorRate float64 `yaml:"error_rate,omitempty" json:"error_rate,omitempty"`
}

// DefaultEndpointLatencyMS is the latency of an endpoint without a latency spec.
const DefaultEndpointLatencyMS = 10

// InvocationOrDefault returns Invocation, or async when it is empty.
func (t TargetSpec) InvocationOrDefault() string {
	if t.Invocation == "" {
		return InvokeAsync
	}
	return t.Invocation
}

// ToleranceOrDefault returns ErrorsTolerance, or ALL when it is empty.
func (t TargetSpec) ToleranceOrDefault() string {
	if t.ErrorsTolerance == "" {
		return delivery.ToleranceAll
	}
	return t.ErrorsTolerance
}

// Resource returns the name the target delivers to (function, queue, topic, logstore, url or
// channel, by type).
func (t TargetSpec) Resource() string {
	switch t.Type {
	case TargetFunction:
		return t.Function
	case TargetMNS:
		return t.Queue
	case TargetRocketMQ:
		return t.Topic
	case TargetLogstore:
		return t.Logstore
	case TargetHTTP:
		return t.URL
	}
	return t.Channel
}

// Validate checks the target's fields. References to functions and queues are checked by the
// scenario loader.
func (t TargetSpec) Validate() error {
	var errs field.List
	if err := validateID(t.ID); err != nil {
		errs.Add("id", err)
	}
	t.validateResource(&errs)
	t.validateFunctionOptions(&errs)
	if t.Transform != nil {
		if _, err := transform.Compile(*t.Transform); err != nil {
			errs.Add("transform", transformErr(err))
		}
	}
	errs.Add("retry", t.Retry.Validate())
	errs.Add("errors_tolerance", delivery.ValidateTolerance(t.ErrorsTolerance))
	if t.DeadLetter != nil {
		errs.Add("dead_letter", t.DeadLetter.Validate())
	}
	if t.Endpoint != nil {
		if t.Type == TargetFunction {
			errs.Addf("endpoint", "function targets take their behaviour from the function model; remove endpoint")
		}
		errs.Add("endpoint", t.Endpoint.Validate())
	}
	return errs.Err()
}

// resourceFields maps each type to its resource field.
var resourceFields = map[string]string{
	TargetFunction: "function", TargetMNS: "queue", TargetRocketMQ: "topic",
	TargetLogstore: "logstore", TargetHTTP: "url", TargetNotification: "channel",
}

func (t TargetSpec) validateResource(errs *field.List) {
	want, ok := resourceFields[t.Type]
	switch {
	case t.Type == "":
		errs.Addf("type", "required: one of %s", strings.Join(TargetTypes, ", "))
	case !ok:
		errs.Addf("type", "unknown target type %q: valid values are %s", t.Type, strings.Join(TargetTypes, ", "))
	}
	set := map[string]string{"function": t.Function, "queue": t.Queue, "topic": t.Topic,
		"logstore": t.Logstore, "url": t.URL, "channel": t.Channel}
	for _, name := range []string{"function", "queue", "topic", "logstore", "url", "channel"} {
		if set[name] != "" && ok && name != want {
			errs.Addf(name, "a %s target takes %s, not %s", t.Type, want, name)
		}
	}
	if !ok || t.Type == TargetNotification {
		return
	}
	if set[want] == "" {
		errs.Addf(want, "required for a %s target", t.Type)
		return
	}
	switch t.Type {
	case TargetFunction:
		if s, f, two := strings.Cut(t.Function, "/"); two && (s == "" || f == "" || strings.Contains(f, "/")) {
			errs.Addf("function", "invalid function %q: want service/function or a function name", t.Function)
		}
	case TargetHTTP:
		if u, err := url.Parse(t.URL); err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
			errs.Addf("url", "invalid url %q: want http://host/path or https://host/path", t.URL)
		}
	}
}

func (t TargetSpec) validateFunctionOptions(errs *field.List) {
	fn := t.Type == TargetFunction
	switch t.Invocation {
	case "", InvokeAsync, InvokeSync:
		if t.Invocation != "" && !fn {
			errs.Addf("invocation", "only function targets have an invocation mode")
		}
	default:
		errs.Addf("invocation", "unknown invocation %q: valid values are async, sync", t.Invocation)
	}
	p := t.DuplicateProbability
	switch {
	case math.IsNaN(p) || p < 0 || p > 1:
		errs.Addf("duplicate_probability", "must be between 0 and 1, got %g", p)
	case p > 0 && (!fn || t.InvocationOrDefault() != InvokeAsync):
		errs.Addf("duplicate_probability", "only asynchronous function targets get duplicate deliveries")
	}
	if t.Dedup && !fn {
		errs.Addf("dedup", "only function targets have a dedup store")
	}
}

// Validate checks the latency distribution and the error rate.
func (e EndpointSpec) Validate() error {
	var errs field.List
	if e.Latency != nil {
		if _, err := e.Latency.Build(); err != nil {
			errs.Add("latency", distErr(err))
		}
	}
	if math.IsNaN(e.ErrorRate) || e.ErrorRate < 0 || e.ErrorRate > 1 {
		errs.Addf("error_rate", "must be between 0 and 1, got %g", e.ErrorRate)
	}
	return errs.Err()
}

// validateID checks a target id: 1–127 letters, digits, '-' and '_'.
func validateID(id string) error {
	if id == "" {
		return errors.New("required: a name unique in the rule")
	}
	if len(id) > MaxNameLen {
		return fmt.Errorf("id %q is %d characters long; the limit is %d", id, len(id), MaxNameLen)
	}
	if i := strings.IndexFunc(id, func(r rune) bool { return !isAlnum(r) && r != '-' && r != '_' }); i >= 0 {
		return fmt.Errorf("id %q contains %q: only letters, digits, '-' and '_' are allowed", id, id[i])
	}
	return nil
}

// transformErr turns a *transform.SpecError into a field error at its field.
func transformErr(err error) error {
	var se *transform.SpecError
	if errors.As(err, &se) {
		return field.Errorf(se.Field, "%s", se.Msg)
	}
	return err
}

// distErr turns a *sim.ParamError into a field error at its field.
func distErr(err error) error {
	var pe *sim.ParamError
	if errors.As(err, &pe) {
		return field.Errorf(pe.Field, "%s", pe.Error())
	}
	return err
}
