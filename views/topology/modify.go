package topology

import (
	"errors"
	"fmt"
	"strings"

	"github.com/fanout/fanout/scenarios"
)

// RenameSelected renames the selected element to name, updating what refers to it (see
// edit.Doc.Rename), and keeps it selected.
func (v *View) RenameSelected(name string) error {
	id, ok := v.diagram.Selected()
	if !ok {
		return errors.New("nothing selected")
	}
	name = strings.TrimSpace(name)
	next := ID{id.Kind, name}
	var err error
	switch id.Kind {
	case KindTarget:
		ri, ti := targetIndex(v.scenario(), id.Name)
		if ri < 0 {
			return fmt.Errorf("no target %s", id.Name)
		}
		err = v.doc.Set(fmt.Sprintf("rules[%d].targets[%d].id", ri, ti), name)
		next.Name = v.scenario().Rules[ri].Name + "/" + name
	case KindFunction:
		s, _ := splitFunction(id.Name)
		err = v.doc.Rename(id.Kind, id.Name, name)
		next.Name = s + "/" + name
	default:
		err = v.doc.Rename(id.Kind, id.Name, name)
	}
	if err != nil {
		return err
	}
	v.Select(next.Kind, next.Name)
	return nil
}

// DeleteSelected deletes the selected element (a service left without functions goes too).
// References to it remain and show as problems until the user changes them.
func (v *View) DeleteSelected() error {
	id, ok := v.diagram.Selected()
	if !ok {
		return errors.New("nothing selected")
	}
	path, err := elementPath(v.scenario(), id)
	if err != nil {
		return err
	}
	return v.doc.Delete(path)
}

// elementPath returns the document path of the element id.
func elementPath(sc *scenarios.Scenario, id ID) (string, error) {
	find := func(n int, name func(int) string, list string) (string, error) {
		for i := 0; i < n; i++ {
			if name(i) == id.Name {
				return fmt.Sprintf("%s[%d]", list, i), nil
			}
		}
		return "", fmt.Errorf("%s %s is not declared in the file", id.Kind, id.Name)
	}
	switch id.Kind {
	case KindBus:
		return find(len(sc.Buses), func(i int) string { return sc.Buses[i].Name }, "buses")
	case KindRule:
		return find(len(sc.Rules), func(i int) string { return sc.Rules[i].Name }, "rules")
	case KindQueue:
		return find(len(sc.Queues), func(i int) string { return sc.Queues[i].Name }, "queues")
	case KindLoad:
		return find(len(sc.Loads), func(i int) string { return sc.Loads[i].Name }, "loads")
	case KindTarget:
		ri, ti := targetIndex(sc, id.Name)
		switch {
		case ri < 0:
			return "", fmt.Errorf("no target %s", id.Name)
		case len(sc.Rules[ri].Targets) == 1:
			return "", fmt.Errorf("target %s is the only target of its rule: a rule needs 1 to 5 targets; delete the rule instead", id.Name)
		}
		return fmt.Sprintf("rules[%d].targets[%d]", ri, ti), nil
	case KindFunction:
		s, f := splitFunction(id.Name)
		si := serviceIndex(sc, s)
		if si < 0 {
			return "", fmt.Errorf("function %s is not declared in the file", id.Name)
		}
		if len(sc.Services[si].Functions) == 1 && sc.Services[si].Functions[0].Name == f {
			return fmt.Sprintf("services[%d]", si), nil
		}
		fns := sc.Services[si].Functions
		return find(len(fns), func(i int) string { return s + "/" + fns[i].Name }, fmt.Sprintf("services[%d].functions", si))
	}
	return "", fmt.Errorf("cannot delete a %s", id.Kind)
}

// references counts what refers to the element id (rules and loads on a bus, targets of a
// function or queue, dead letters, destinations, consumers).
func references(sc *scenarios.Scenario, id ID) int {
	if sc == nil {
		return 0
	}
	g := Build(sc)
	i := g.Find(id)
	n := 0
	for _, e := range g.Edges {
		if e.To == i && id.Kind != KindRule && id.Kind != KindTarget {
			n++
		}
		if e.From == i && (id.Kind == KindBus) {
			n++
		}
	}
	return n
}

// targetIndex finds "rule/id" in the rules.
func targetIndex(sc *scenarios.Scenario, name string) (int, int) {
	rule, tid, _ := strings.Cut(name, "/")
	for i, r := range sc.Rules {
		if r.Name != rule {
			continue
		}
		for j, t := range r.Targets {
			if t.ID == tid {
				return i, j
			}
		}
	}
	return -1, -1
}

func serviceIndex(sc *scenarios.Scenario, name string) int {
	for i, s := range sc.Services {
		if s.Name == name {
			return i
		}
	}
	return -1
}

// splitFunction splits "service/function".
func splitFunction(full string) (svc, fn string) {
	svc, fn, ok := strings.Cut(full, "/")
	if !ok {
		return "", full
	}
	return svc, fn
}

// shortName is the name a user types for id: a function's or target's own name.
func shortName(id ID) string {
	if id.Kind == KindFunction || id.Kind == KindTarget {
		return id.Name[strings.LastIndex(id.Name, "/")+1:]
	}
	return id.Name
}
