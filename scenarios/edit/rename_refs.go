package edit

import (
	"fmt"
	"strings"

	"github.com/fanout/fanout/scenarios"
)

// renameFunction renames services[s].functions[f] and the targets and consumers naming it.
func renameFunction(sc *scenarios.Scenario, old, new string) ([]change, []exprRef, error) {
	svc, fn, qualified := strings.Cut(old, "/")
	if !qualified {
		svc, fn = "", old
	}
	if s, f, ok := strings.Cut(new, "/"); ok {
		if qualified && s != svc {
			return nil, nil, fmt.Errorf("cannot move function %q to service %q by renaming", old, s)
		}
		new = f
	}
	type loc struct{ s, f int }
	var found []loc
	for i, s := range sc.Services {
		for j, f := range s.Functions {
			if f.Name == fn && (!qualified || s.Name == svc) {
				found = append(found, loc{i, j})
			}
		}
	}
	switch len(found) {
	case 0:
		return nil, nil, fmt.Errorf("no function %q", old)
	case 1:
	default:
		return nil, nil, fmt.Errorf("function name %q is used in %d services: name it as service/function", old, len(found))
	}
	at := found[0]
	svc = sc.Services[at.s].Name
	for _, f := range sc.Services[at.s].Functions {
		if f.Name == new {
			return nil, nil, fmt.Errorf("service %q has a function %q already", svc, new)
		}
	}
	full, newFull := svc+"/"+fn, svc+"/"+new
	rewrite := func(ref string) (string, bool) {
		switch ref {
		case full:
			return newFull, true
		case fn:
			return new, true
		}
		return "", false
	}
	cs := []change{{fmt.Sprintf("services[%d].functions[%d].name", at.s, at.f), new}}
	for i, r := range sc.Rules {
		for j, tg := range r.Targets {
			if v, ok := rewrite(tg.Function); ok && tg.Type == "function" {
				cs = append(cs, change{fmt.Sprintf("rules[%d].targets[%d].function", i, j), v})
			}
		}
	}
	for i, q := range sc.Queues {
		if q.Consumer == nil {
			continue
		}
		if v, ok := rewrite(q.Consumer.Function); ok {
			cs = append(cs, change{fmt.Sprintf("queues[%d].consumer.function", i), v})
		}
	}
	return cs, []exprRef{{"functions", full, newFull, false}}, nil
}

// renameQueue renames queues[i] and the targets, dead letters and destinations naming it.
func renameQueue(sc *scenarios.Scenario, old, new string) ([]change, []exprRef, error) {
	i := -1
	for j, q := range sc.Queues {
		switch q.Name {
		case old:
			i = j
		case new:
			return nil, nil, fmt.Errorf("a queue named %q exists already", new)
		}
	}
	if i < 0 {
		return nil, nil, fmt.Errorf("no queue or topic %q", old)
	}
	cs := []change{{fmt.Sprintf("queues[%d].name", i), new}}
	for i, r := range sc.Rules {
		for j, tg := range r.Targets {
			p := fmt.Sprintf("rules[%d].targets[%d]", i, j)
			if tg.Queue == old {
				cs = append(cs, change{p + ".queue", new})
			}
			if tg.Topic == old {
				cs = append(cs, change{p + ".topic", new})
			}
			if tg.DeadLetter != nil && tg.DeadLetter.Queue == old {
				cs = append(cs, change{p + ".dead_letter.queue", new})
			}
		}
	}
	for i, s := range sc.Services {
		for j, f := range s.Functions {
			p := fmt.Sprintf("services[%d].functions[%d].async", i, j)
			if f.Async.OnSuccess == old {
				cs = append(cs, change{p + ".on_success", new})
			}
			if f.Async.OnFailure == old {
				cs = append(cs, change{p + ".on_failure", new})
			}
		}
	}
	return cs, []exprRef{{"queues", old, new, false}, {"dead_letter", old, new, false}}, nil
}
