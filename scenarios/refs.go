package scenarios

import (
	"fmt"
	"sort"
	"strings"

	"github.com/fanout/fanout/engine/bus"
	"github.com/fanout/fanout/engine/delivery"
	"github.com/fanout/fanout/engine/field"
)

// refs indexes the names a scenario declares, for reference checks.
type refs struct {
	buses     map[string]bool
	queues    map[string]string   // name → type
	functions map[string]bool     // "service/function"
	byFunc    map[string][]string // function name → services
}

func newRefs(sc *Scenario) *refs {
	r := &refs{buses: map[string]bool{bus.DefaultBusName: true}, queues: map[string]string{},
		functions: map[string]bool{}, byFunc: map[string][]string{}}
	for _, b := range sc.Buses {
		r.buses[b.Name] = true
	}
	for _, q := range sc.Queues {
		r.queues[q.Name] = q.Type
	}
	for _, s := range sc.Services {
		for _, f := range s.Functions {
			r.functions[s.Name+"/"+f.Name] = true
			r.byFunc[f.Name] = append(r.byFunc[f.Name], s.Name)
		}
	}
	return r
}

// checkRefs checks that every name a scenario refers to is declared, and that the names of
// queues and loads are unique.
func checkRefs(sc *Scenario, errs *field.List) {
	r := newRefs(sc)
	for i, rule := range sc.Rules {
		path := field.Index("rules", i)
		r.bus(errs, field.Join(path, "bus"), rule.BusOrDefault())
		for j, t := range rule.Targets {
			r.target(errs, field.Index(field.Join(path, "targets"), j), t)
		}
	}
	for i, l := range sc.Loads {
		b := l.Bus
		if b == "" {
			b = bus.DefaultBusName
		}
		r.bus(errs, field.Join(field.Index("loads", i), "bus"), b)
	}
	for i, q := range sc.Queues {
		if q.Consumer != nil && q.Consumer.Function != "" {
			r.function(errs, field.Join(field.Index("queues", i), "consumer.function"), q.Consumer.Function)
		}
	}
	for i, s := range sc.Services {
		for j, f := range s.Functions {
			path := field.Join(field.Index(field.Join(field.Index("services", i), "functions"), j), "async")
			r.queue(errs, field.Join(path, "on_success"), f.Async.OnSuccess, "")
			r.queue(errs, field.Join(path, "on_failure"), f.Async.OnFailure, "")
		}
	}
	unique(errs, "queues", len(sc.Queues), func(i int) string { return sc.Queues[i].Name }, "queue")
	unique(errs, "loads", len(sc.Loads), func(i int) string { return sc.Loads[i].Name }, "load")
}

func (r *refs) target(errs *field.List, path string, t bus.TargetSpec) {
	switch t.Type {
	case bus.TargetFunction:
		if t.Function != "" {
			r.function(errs, field.Join(path, "function"), t.Function)
		}
	case bus.TargetMNS:
		r.queue(errs, field.Join(path, "queue"), t.Queue, delivery.QueueMNS)
	case bus.TargetRocketMQ:
		r.queue(errs, field.Join(path, "topic"), t.Topic, delivery.QueueRocketMQ)
	}
	if t.DeadLetter != nil {
		r.queue(errs, field.Join(path, "dead_letter.queue"), t.DeadLetter.Queue, "")
	}
}

func (r *refs) bus(errs *field.List, path, name string) {
	if name == "" || r.buses[name] {
		return
	}
	errs.Addf(path, "unknown bus %q%s", name, hint(name, keys(r.buses), "buses"))
}

// queue checks a queue reference; want is the required type ("" for any).
func (r *refs) queue(errs *field.List, path, name, want string) {
	if name == "" {
		return
	}
	typ, ok := r.queues[name]
	switch {
	case !ok:
		errs.Addf(path, "unknown queue %q%s", name, hint(name, keys(r.queues), "queues"))
	case want != "" && typ != want:
		errs.Addf(path, "queue %q is %s; this needs a %s queue", name, typ, want)
	}
}

func (r *refs) function(errs *field.List, path, ref string) {
	if strings.Contains(ref, "/") {
		if !r.functions[ref] {
			errs.Addf(path, "unknown function %q%s", ref, hint(ref, keys(r.functions), "functions"))
		}
		return
	}
	switch svcs := r.byFunc[ref]; len(svcs) {
	case 0:
		errs.Addf(path, "unknown function %q%s", ref, hint(ref, keys(r.functions), "functions"))
	case 1:
	default:
		errs.Addf(path, "function name %q is in services %s: write service/function", ref, strings.Join(svcs, ", "))
	}
}

// hint returns "; did you mean X?" or "; the declared NOUN are A, B" (or "; no NOUN are
// declared").
func hint(name string, names []string, noun string) string {
	short := make([]string, 0, len(names))
	for _, n := range names {
		_, fn, _ := strings.Cut(n, "/")
		if fn != "" && !strings.Contains(name, "/") {
			n = fn
		}
		short = append(short, n)
	}
	if s, ok := suggest(name, short); ok {
		return fmt.Sprintf("; did you mean %q?", s)
	}
	if len(names) == 0 {
		return fmt.Sprintf("; no %s are declared", noun)
	}
	return fmt.Sprintf("; the declared %s are %s", noun, strings.Join(names, ", "))
}

func keys[V any](m map[string]V) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// unique reports repeated names in a list.
func unique(errs *field.List, list string, n int, name func(int) string, noun string) {
	seen := map[string]int{}
	for i := 0; i < n; i++ {
		s := name(i)
		if j, dup := seen[s]; dup && s != "" {
			errs.Addf(field.Join(field.Index(list, i), "name"), "duplicate %s name %q (also %s[%d])", noun, s, list, j)
			continue
		}
		seen[s] = i
	}
}
