package bus

import (
	"errors"
	"strings"
	"testing"

	"github.com/goccy/go-yaml"

	"github.com/fanout/fanout/engine/delivery"
	"github.com/fanout/fanout/engine/field"
	"github.com/fanout/fanout/engine/sim"
	"github.com/fanout/fanout/engine/transform"
)

// errorsOf returns "path: msg" for every field error of err.
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
	got := errorsOf(t, err)
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("%s:\n got %q\nwant %q", name, got, want)
	}
}

func TestValidateName(t *testing.T) {
	tests := []struct{ name, want string }{
		{"orders", ""},
		{"a-1", ""},
		{"9lives", ""},
		{strings.Repeat("a", 127), ""},
		{"", "required: up to 127 letters, digits and '-', starting with a letter or digit"},
		{strings.Repeat("a", 128), `name "` + strings.Repeat("a", 128) + `" is 128 characters long; the limit is 127`},
		{"-x", `name "-x" must start with a letter or digit`},
		{"a_b", `name "a_b" contains '_': only letters, digits and '-' are allowed`},
		{"eventbridge-reserved-x", `name "eventbridge-reserved-x" must not start with "eventbridge-reserved-"`},
	}
	for _, tt := range tests {
		got := ""
		if err := ValidateName(tt.name); err != nil {
			got = err.Error()
		}
		if got != tt.want {
			t.Errorf("ValidateName(%q) = %q, want %q", tt.name, got, tt.want)
		}
	}
}

func TestBusSpecValidate(t *testing.T) {
	tests := []struct {
		name string
		bus  BusSpec
		want []string
	}{
		{"default bus", BusSpec{Name: "default"}, nil},
		{"custom bus", BusSpec{Name: "orders", ThroughputLimit: 3000, PutEventsMaxEntries: 16}, nil},
		{"partner bus", BusSpec{Name: "gh", Kind: KindPartner, PartnerSource: "acs.partner.github"}, nil},
		{"default name on custom", BusSpec{Name: "default", Kind: KindCustom},
			[]string{`name: "default" is reserved for the default bus; choose another name for a custom bus`}},
		{"default kind, other name", BusSpec{Name: "main", Kind: KindDefault},
			[]string{`kind: the default bus must be named "default", not "main"`}},
		{"unknown kind", BusSpec{Name: "x", Kind: "global"},
			[]string{`kind: unknown bus kind "global": valid values are default, custom, partner`}},
		{"partner without source", BusSpec{Name: "p", Kind: KindPartner},
			[]string{"partner_source: required for a partner bus: the SaaS source that feeds it"}},
		{"source on custom", BusSpec{Name: "c", PartnerSource: "s"},
			[]string{`partner_source: only a partner bus has a partner source; bus "c" is custom`}},
		{"negative rate", BusSpec{Name: "c", ThroughputLimit: -1},
			[]string{"throughput_limit: must be >= 0 events per second (0 = unlimited), got -1"}},
		{"too many entries", BusSpec{Name: "c", PutEventsMaxEntries: 17},
			[]string{"put_events_max_entries: must be between 1 and 16, got 17"}},
	}
	for _, tt := range tests {
		check(t, tt.name, tt.bus.Validate(), tt.want)
	}
}

func TestCheckLimits(t *testing.T) {
	var buses []BusSpec
	for i := 0; i < 51; i++ {
		buses = append(buses, BusSpec{Name: "b" + string(rune('a'+i/26)) + string(rune('a'+i%26))})
	}
	buses = append(buses, BusSpec{Name: "default"}, BusSpec{Name: "default"})
	var rules []RuleSpec
	for i := 0; i < 51; i++ {
		rules = append(rules, RuleSpec{Name: "r" + string(rune('a'+i/26)) + string(rune('a'+i%26))})
	}
	rules = append(rules, RuleSpec{Name: "raa", Bus: "baa"}, RuleSpec{Name: "raa", Bus: "baa"})
	check(t, "limits", CheckLimits(buses, rules), []string{
		"buses[50]: the number of custom event buses exceeds the limit of 50",
		`buses[52].name: duplicate bus name "default" (also buses[51])`,
		"buses[52]: an account has at most 1 default bus",
		`rules[50]: bus "default" has more than 50 rules: the number of rules per event bus exceeds the limit of 50`,
		`rules[52].name: duplicate rule name "raa" on bus "baa" (also rules[51])`,
	})
}

func fnTarget(id string) TargetSpec {
	return TargetSpec{ID: id, Type: TargetFunction, Function: "svc/fn"}
}

func TestRuleSpecValidate(t *testing.T) {
	pat := Pattern(`{"source":["acs.oss"]}`)
	six := []TargetSpec{fnTarget("a"), fnTarget("b"), fnTarget("c"), fnTarget("d"), fnTarget("e"), fnTarget("f")}
	tests := []struct {
		name string
		rule RuleSpec
		want []string
	}{
		{"valid", RuleSpec{Name: "r", Pattern: pat, Targets: six[:5]}, nil},
		{"six targets", RuleSpec{Name: "csv", Pattern: pat, Targets: six},
			[]string{`targets[5]: rule "csv" has 6 targets: the number of targets per rule exceeds the limit of 5`}},
		{"no targets", RuleSpec{Name: "r", Pattern: pat},
			[]string{`targets: rule "r" has no targets: a rule needs 1 to 5 targets`}},
		{"no pattern", RuleSpec{Name: "r", Targets: six[:1]},
			[]string{"pattern: required: an event pattern object, e.g. {source: [acs.oss]}"}},
		{"array pattern", RuleSpec{Name: "r", Pattern: Pattern(`["x"]`), Targets: six[:1]},
			[]string{`pattern: must be a JSON object, got ["x"]`}},
		{"duplicate ids", RuleSpec{Name: "r", Pattern: pat, Targets: []TargetSpec{fnTarget("a"), fnTarget("a")}},
			[]string{`targets[1].id: duplicate target id "a" in rule "r" (also targets[0]): target ids must be unique in a rule`}},
		{"bad bus name", RuleSpec{Name: "r", Bus: "a b", Pattern: pat, Targets: six[:1]},
			[]string{`bus: name "a b" contains ' ': only letters, digits and '-' are allowed`}},
	}
	for _, tt := range tests {
		check(t, tt.name, tt.rule.Validate(), tt.want)
		if tt.want == nil && !tt.rule.IsEnabled() {
			t.Errorf("%s: a rule is enabled by default", tt.name)
		}
	}
}

func TestTargetSpecValidate(t *testing.T) {
	lat := &sim.Spec{Kind: "lognormal", Median: 20, P99: 10}
	tests := []struct {
		name string
		tg   TargetSpec
		want []string
	}{
		{"function", fnTarget("f"), nil},
		{"function by name, sync", TargetSpec{ID: "f", Type: TargetFunction, Function: "fn", Invocation: InvokeSync, Dedup: true}, nil},
		{"mns", TargetSpec{ID: "q", Type: TargetMNS, Queue: "q1", Endpoint: &EndpointSpec{ErrorRate: 0.5}}, nil},
		{"http", TargetSpec{ID: "h", Type: TargetHTTP, URL: "https://example.com/hook"}, nil},
		{"notification", TargetSpec{ID: "n", Type: TargetNotification}, nil},
		{"no id, no type", TargetSpec{},
			[]string{"id: required: a name unique in the rule", "type: required: one of function, mns, rocketmq, logstore, http, notification"}},
		{"unknown type", TargetSpec{ID: "x", Type: "sqs"},
			[]string{`type: unknown target type "sqs": valid values are function, mns, rocketmq, logstore, http, notification`}},
		{"missing resource", TargetSpec{ID: "x", Type: TargetRocketMQ}, []string{"topic: required for a rocketmq target"}},
		{"wrong resource field", TargetSpec{ID: "x", Type: TargetMNS, Queue: "q", Topic: "t"},
			[]string{"topic: a mns target takes queue, not topic"}},
		{"bad function ref", TargetSpec{ID: "x", Type: TargetFunction, Function: "a/b/c"},
			[]string{`function: invalid function "a/b/c": want service/function or a function name`}},
		{"bad url", TargetSpec{ID: "x", Type: TargetHTTP, URL: "example.com"},
			[]string{`url: invalid url "example.com": want http://host/path or https://host/path`}},
		{"sync on mns", TargetSpec{ID: "x", Type: TargetMNS, Queue: "q", Invocation: InvokeSync},
			[]string{"invocation: only function targets have an invocation mode"}},
		{"bad invocation", TargetSpec{ID: "x", Type: TargetFunction, Function: "f", Invocation: "later"},
			[]string{`invocation: unknown invocation "later": valid values are async, sync`}},
		{"duplicates on sync", TargetSpec{ID: "x", Type: TargetFunction, Function: "f", Invocation: InvokeSync, DuplicateProbability: 0.1},
			[]string{"duplicate_probability: only asynchronous function targets get duplicate deliveries"}},
		{"probability out of range", TargetSpec{ID: "x", Type: TargetFunction, Function: "f", DuplicateProbability: 2},
			[]string{"duplicate_probability: must be between 0 and 1, got 2"}},
		{"dedup on http", TargetSpec{ID: "x", Type: TargetHTTP, URL: "http://h", Dedup: true},
			[]string{"dedup: only function targets have a dedup store"}},
		{"bad transform", TargetSpec{ID: "x", Type: TargetNotification, Transform: &transform.Spec{Form: "ORIGNAL"}},
			[]string{`transform.form: unknown form "ORIGNAL"; valid forms are ORIGINAL, JSONPATH, CONSTANT and TEMPLATE`}},
		{"bad retry and tolerance", TargetSpec{ID: "x", Type: TargetNotification, Retry: delivery.RetrySpec{Strategy: "NEVER"}, ErrorsTolerance: "SOME"},
			[]string{`retry.strategy: unknown retry strategy "NEVER": valid values are BACKOFF_RETRY, EXPONENTIAL_DECAY_RETRY`,
				`errors_tolerance: unknown errors tolerance "SOME": valid values are ALL, NONE`}},
		{"empty dead letter", TargetSpec{ID: "x", Type: TargetNotification, DeadLetter: &delivery.DeadLetterSpec{}},
			[]string{"dead_letter.queue: required: the name of a queue or topic from the scenario's queues"}},
		{"endpoint on function", TargetSpec{ID: "x", Type: TargetFunction, Function: "f", Endpoint: &EndpointSpec{}},
			[]string{"endpoint: function targets take their behaviour from the function model; remove endpoint"}},
		{"bad latency and error rate", TargetSpec{ID: "x", Type: TargetHTTP, URL: "http://h", Endpoint: &EndpointSpec{Latency: lat, ErrorRate: 1.5}},
			[]string{"endpoint.latency.p99: lognormal: p99 (10) must exceed median (20)", "endpoint.error_rate: must be between 0 and 1, got 1.5"}},
	}
	for _, tt := range tests {
		check(t, tt.name, tt.tg.Validate(), tt.want)
	}
}

func TestTargetDefaults(t *testing.T) {
	tg := fnTarget("f")
	if tg.InvocationOrDefault() != InvokeAsync || tg.ToleranceOrDefault() != delivery.ToleranceAll ||
		tg.Retry.StrategyOrDefault() != delivery.BackoffRetry || tg.Resource() != "svc/fn" {
		t.Errorf("defaults: %q %q %q %q", tg.InvocationOrDefault(), tg.ToleranceOrDefault(), tg.Retry.StrategyOrDefault(), tg.Resource())
	}
}

// TestPatternYAML: the pattern keeps key order and number text from YAML, accepts a JSON string,
// and encodes back to the same bytes.
func TestPatternYAML(t *testing.T) {
	tests := []struct{ src, want string }{
		{"pattern: {b: [1.50], a: [{numeric: ['>', 0x10]}]}", `{"b":[1.50],"a":[{"numeric":[">",16]}]}`},
		{"pattern:\n  source: [acs.oss]\n  data: {k: [null, true, \"<&>\"]}", `{"source":["acs.oss"],"data":{"k":[null,true,"<&>"]}}`},
		{`pattern: '{"x": [ 300.0 ]}'`, `{"x":[300.0]}`},
		{"pattern: |\n  {\"y\": [\"z\"]}", `{"y":["z"]}`},
	}
	for _, tt := range tests {
		var r struct {
			Pattern Pattern `yaml:"pattern"`
		}
		if err := yaml.Unmarshal([]byte(tt.src), &r); err != nil {
			t.Fatalf("%s: %v", tt.src, err)
		}
		if string(r.Pattern) != tt.want {
			t.Errorf("%s:\n got %s\nwant %s", tt.src, r.Pattern, tt.want)
		}
		out, err := yaml.Marshal(r)
		if err != nil {
			t.Fatal(err)
		}
		var back struct {
			Pattern Pattern `yaml:"pattern"`
		}
		if err := yaml.Unmarshal(out, &back); err != nil || string(back.Pattern) != tt.want {
			t.Errorf("round trip of %s: %s (%v)", out, back.Pattern, err)
		}
	}
	var r struct {
		Pattern Pattern `yaml:"pattern"`
	}
	if err := yaml.Unmarshal([]byte(`pattern: '{"x": ['`), &r); err == nil {
		t.Error("invalid JSON string accepted")
	}
}
