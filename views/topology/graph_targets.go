package topology

import (
	"fmt"

	"github.com/fanout/fanout/engine/bus"
	"github.com/fanout/fanout/scenarios"
)

// functionIndex maps every way a scenario may name a function ("service/function", or a
// function name unique across services) to "service/function".
func functionIndex(sc *scenarios.Scenario) map[string]string {
	idx := map[string]string{}
	count := map[string]int{}
	for _, s := range sc.Services {
		for _, f := range s.Functions {
			idx[s.Name+"/"+f.Name] = s.Name + "/" + f.Name
			count[f.Name]++
		}
	}
	for _, s := range sc.Services {
		for _, f := range s.Functions {
			if count[f.Name] == 1 {
				idx[f.Name] = s.Name + "/" + f.Name
			}
		}
	}
	return idx
}

// function returns the node of a referenced function (a dangling reference still gets a box,
// so the user sees what the rule points at).
func (b *builder) function(ref string) int {
	if full, ok := b.fnIndex[ref]; ok {
		return b.node(ID{KindFunction, full}, ColTargets, b.functionSummary(full))
	}
	return b.node(ID{KindFunction, ref}, ColTargets, "function (not declared)")
}

func (b *builder) functionSummary(full string) string {
	for _, s := range b.sc.Services {
		for _, f := range s.Functions {
			if s.Name+"/"+f.Name == full {
				mem := "128MB"
				if f.Memory > 0 {
					mem = f.Memory.String()
				}
				return s.Name + " · " + f.Runtime + " · " + mem
			}
		}
	}
	return "function"
}

// queue returns the node of a referenced queue or topic in column col (a queue that is also
// a rule target stays in the targets column).
func (b *builder) queue(name string, col int) int {
	for _, q := range b.sc.Queues {
		if q.Name == name {
			sub := "MNS queue"
			if q.Type == "rocketmq" {
				sub = "RocketMQ topic"
				if q.FIFO {
					sub = "RocketMQ FIFO topic"
				}
			}
			if q.Consumer != nil {
				sub += " · consumer"
			}
			return b.place(b.node(ID{KindQueue, name}, col, sub), col)
		}
	}
	return b.place(b.node(ID{KindQueue, name}, col, "queue (not declared)"), col)
}

func (b *builder) rules() {
	for _, r := range b.sc.Rules {
		sub := fmt.Sprintf("%d targets", len(r.Targets))
		if len(r.Targets) == 1 {
			sub = "1 target"
		}
		if !r.IsEnabled() {
			sub += " · disabled"
		}
		ri := b.node(ID{KindRule, r.Name}, ColRules, sub)
		b.edge(b.bus(r.Bus), ri, EdgeEvents)
		for _, t := range r.Targets {
			ti := b.target(r.Name, t)
			b.edge(ri, ti, EdgeEvents)
			if t.DeadLetter != nil && t.DeadLetter.Queue != "" {
				b.edge(ti, b.queue(t.DeadLetter.Queue, ColDeadLetters), EdgeDeadLetter)
			}
		}
	}
}

// target returns the node a rule's target delivers to.
func (b *builder) target(rule string, t bus.TargetSpec) int {
	switch t.Type {
	case bus.TargetFunction:
		return b.function(t.Function)
	case bus.TargetMNS:
		return b.queue(t.Queue, ColTargets)
	case bus.TargetRocketMQ:
		return b.queue(t.Topic, ColTargets)
	}
	sub := t.Type
	if r := t.Resource(); r != "" {
		sub += " " + r
	}
	return b.node(ID{KindTarget, rule + "/" + t.ID}, ColTargets, sub)
}

// functions adds every declared function (targeted or not) and its async destinations.
func (b *builder) functions() {
	for _, s := range b.sc.Services {
		for _, f := range s.Functions {
			fi := b.function(s.Name + "/" + f.Name)
			if f.Async.OnFailure != "" {
				b.edge(fi, b.queue(f.Async.OnFailure, ColDeadLetters), EdgeDeadLetter)
			}
			if f.Async.OnSuccess != "" {
				b.edge(fi, b.queue(f.Async.OnSuccess, ColDeadLetters), EdgeDestination)
			}
		}
	}
}

// queues adds every declared queue and its consumer.
func (b *builder) queues() {
	for _, q := range b.sc.Queues {
		qi := b.queue(q.Name, ColDeadLetters)
		if q.Consumer != nil && q.Consumer.Function != "" {
			b.edge(qi, b.function(q.Consumer.Function), EdgeConsumer)
		}
	}
}

// place moves node i to the targets column when it is wanted there (a queue that is a rule
// target and also a dead letter is drawn with the targets).
func (b *builder) place(i, col int) int {
	if col == ColTargets {
		b.g.Nodes[i].Col = ColTargets
	}
	return i
}
