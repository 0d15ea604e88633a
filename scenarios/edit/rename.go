package edit

import (
	"errors"
	"fmt"
	"regexp"
	"strings"

	"github.com/fanout/fanout/scenarios"
)

// Rename kinds.
const (
	KindBus      = "bus"
	KindRule     = "rule"
	KindFunction = "function"
	KindQueue    = "queue" // MNS queues and RocketMQ topics
	KindLoad     = "load"
)

// Rename renames the element of kind (bus, rule, function, queue or load) called old to new
// and updates every reference to it, as one undoable edit: rules' and loads' bus; targets'
// function, queue and topic; dead-letter queues; functions' async destinations; queue
// consumers' function; and the buses, rules, targets ("rule/…"), functions, queues,
// dead_letter and loads keys in expect assertions. A function is named "service/function" or
// by a name unique across services; new is the bare new name. The default bus cannot be
// renamed.
func (d *Doc) Rename(kind, old, new string) error {
	return d.edit(fmt.Sprintf("rename %s %q to %q", kind, old, new), func(t *text) error {
		return t.rename(kind, old, new)
	})
}

// change is one Set of a rename.
type change struct {
	path  string
	value string
}

func (t *text) rename(kind, old, new string) error {
	if new == "" || new == old {
		return fmt.Errorf("the new name must differ from %q and not be empty", old)
	}
	sc, _ := scenarios.Parse("rename", t.src, nil)
	if sc == nil {
		return errors.New("the scenario does not decode")
	}
	var changes []change
	var refs []exprRef
	var err error
	switch kind {
	case KindBus:
		changes, refs, err = renameBus(sc, old, new)
	case KindRule:
		changes, refs, err = renameRule(sc, old, new)
	case KindFunction:
		changes, refs, err = renameFunction(sc, old, new)
	case KindQueue:
		changes, refs, err = renameQueue(sc, old, new)
	case KindLoad:
		changes, refs, err = renameLoad(sc, old, new)
	default:
		err = fmt.Errorf("unknown kind %q: want bus, rule, function, queue or load", kind)
	}
	if err != nil {
		return err
	}
	for i, e := range sc.Expect {
		if a := rewriteRefs(e.Assert, refs); a != e.Assert {
			changes = append(changes, change{fmt.Sprintf("expect[%d].assert", i), a})
		}
	}
	for _, c := range changes {
		if err := t.set(c.path, c.value); err != nil {
			return err
		}
	}
	return nil
}

func renameBus(sc *scenarios.Scenario, old, new string) ([]change, []exprRef, error) {
	if old == "default" {
		return nil, nil, errors.New("the default bus cannot be renamed")
	}
	i := -1
	for j, b := range sc.Buses {
		switch b.Name {
		case old:
			i = j
		case new:
			return nil, nil, fmt.Errorf("a bus named %q exists already", new)
		}
	}
	if i < 0 {
		return nil, nil, fmt.Errorf("no bus %q", old)
	}
	cs := []change{{fmt.Sprintf("buses[%d].name", i), new}}
	for j, r := range sc.Rules {
		if r.Bus == old {
			cs = append(cs, change{fmt.Sprintf("rules[%d].bus", j), new})
		}
	}
	for j, l := range sc.Loads {
		if l.Bus == old {
			cs = append(cs, change{fmt.Sprintf("loads[%d].bus", j), new})
		}
	}
	return cs, []exprRef{{"buses", old, new, false}}, nil
}

func renameRule(sc *scenarios.Scenario, old, new string) ([]change, []exprRef, error) {
	var cs []change
	for j, r := range sc.Rules {
		switch r.Name {
		case old:
			cs = append(cs, change{fmt.Sprintf("rules[%d].name", j), new})
		case new:
			return nil, nil, fmt.Errorf("a rule named %q exists already", new)
		}
	}
	switch len(cs) {
	case 0:
		return nil, nil, fmt.Errorf("no rule %q", old)
	case 1:
	default:
		return nil, nil, fmt.Errorf("rule name %q is used on %d buses: rename it in the rule's form", old, len(cs))
	}
	return cs, []exprRef{{"rules", old, new, false}, {"targets", old + "/", new + "/", true}}, nil
}

func renameLoad(sc *scenarios.Scenario, old, new string) ([]change, []exprRef, error) {
	i := -1
	for j, l := range sc.Loads {
		switch l.Name {
		case old:
			i = j
		case new:
			return nil, nil, fmt.Errorf("a load named %q exists already", new)
		}
	}
	if i < 0 {
		return nil, nil, fmt.Errorf("no load %q", old)
	}
	return []change{{fmt.Sprintf("loads[%d].name", i), new}}, []exprRef{{"loads", old, new, false}}, nil
}

// exprRef is a reference to rewrite in expect assertions: coll["key"] (and coll.key), or a
// key prefix when prefix is set.
type exprRef struct {
	coll, old, new string
	prefix         bool
}

// rewriteRefs rewrites the references in an expr expression.
func rewriteRefs(s string, refs []exprRef) string {
	for _, r := range refs {
		for _, q := range []string{`"`, `'`} {
			from, to := r.coll+"["+q+r.old, r.coll+"["+q+r.new
			if !r.prefix {
				from, to = from+q+"]", to+q+"]"
			}
			s = strings.ReplaceAll(s, from, to)
		}
		if !r.prefix && isIdent(r.old) && isIdent(r.new) {
			re := regexp.MustCompile(`\b` + regexp.QuoteMeta(r.coll+"."+r.old) + `\b`)
			s = re.ReplaceAllString(s, r.coll+"."+r.new)
		}
	}
	return s
}

var identRE = regexp.MustCompile(`^[A-Za-z_][A-Za-z0-9_]*$`)

func isIdent(s string) bool { return identRE.MatchString(s) }
