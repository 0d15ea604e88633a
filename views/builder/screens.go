package builder

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"
)

// newRuleLabel is the picker entry that starts a new rule.
const newRuleLabel = "+ new rule"

// Screen hosts one kind of editor for the elements of the open scenario: a picker of the
// element (rule, function or load) above its editor. It is what the workbench's Rules,
// Functions and Loads entries show.
type Screen struct {
	env     Env
	doc     Doc
	names   func() []string                              // the elements, in document order
	open    func(name string) (fyne.CanvasObject, error) // builds the editor of one element
	reload  func() bool                                  // refreshes the open editor in place; false: rebuild
	picker  *widget.Select
	body    *fyne.Container
	current string
	content fyne.CanvasObject
	work    worker
}

func newScreen(env Env, doc Doc, title string) *Screen {
	s := &Screen{env: env, doc: doc, body: container.NewStack(), work: worker{sync: env.Sync}}
	s.picker = widget.NewSelect(nil, s.show)
	head := container.NewBorder(nil, nil, widget.NewLabelWithStyle(title, fyne.TextAlignLeading, fyne.TextStyle{Bold: true}), nil, s.picker)
	s.content = container.NewBorder(head, nil, nil, nil, s.body)
	return s
}

// Content is the screen's root object.
func (s *Screen) Content() fyne.CanvasObject { return s.content }

// Wait blocks until the screen's background work is delivered (not on the Fyne thread).
func (s *Screen) Wait() { s.work.Wait() }

// Picker is the element menu (for tests and keyboard navigation).
func (s *Screen) Picker() *widget.Select { return s.picker }

// Reload follows a change of the document (an edit elsewhere, undo, redo): the element menu
// is refreshed and the open editor re-reads its element, or is rebuilt. Call it from the
// document's OnChange.
func (s *Screen) Reload() {
	names := s.names()
	s.picker.Options = names
	s.picker.Refresh()
	if s.current == "" || (s.reload != nil && s.reload()) {
		return
	}
	for _, n := range names {
		if n == s.current {
			cur := s.current
			s.current = ""
			s.show(cur)
			return
		}
	}
	s.current = ""
	s.body.Objects = nil
	s.body.Refresh()
	if len(names) > 0 {
		s.picker.SetSelected(names[0])
	}
}

func (s *Screen) show(name string) {
	if name == s.current {
		return
	}
	obj, err := s.open(name)
	if err != nil {
		obj = widget.NewLabel(err.Error())
	}
	s.current = name
	s.body.Objects = []fyne.CanvasObject{obj}
	s.body.Refresh()
}

func (s *Screen) start() {
	s.picker.Options = s.names()
	if len(s.picker.Options) > 0 {
		s.picker.SetSelected(s.picker.Options[0])
	}
}

// NewRulesScreen is the rule builder for each rule of doc, and for a new one.
func NewRulesScreen(env Env, doc Doc) *Screen {
	s := newScreen(env, doc, "Rule")
	var rb *RuleBuilder
	s.names = func() []string {
		var out []string
		if sc := doc.Scenario(); sc != nil {
			for _, r := range sc.Rules {
				out = append(out, r.Name)
			}
		}
		return append(out, newRuleLabel)
	}
	s.open = func(name string) (fyne.CanvasObject, error) {
		index := -1
		if sc := doc.Scenario(); sc != nil {
			for i, r := range sc.Rules {
				if r.Name == name {
					index = i
				}
			}
		}
		rb = NewRuleBuilder(env, doc, index)
		return rb.Content(), nil
	}
	s.reload = func() bool {
		if rb == nil || rb.index < 0 {
			return false
		}
		if sc := doc.Scenario(); sc == nil || rb.index >= len(sc.Rules) {
			return false
		}
		rb.Reload()
		s.current = rb.rule().Name
		return true
	}
	s.start()
	return s
}

// NewFunctionsScreen is the function editor for each function of doc. The editor's
// prediction uses the events each function receives from the scenario's rules.
func NewFunctionsScreen(env Env, doc Doc) *Screen {
	s := newScreen(env, doc, "Function")
	s.names = func() []string {
		var out []string
		if sc := doc.Scenario(); sc != nil {
			for _, svc := range sc.Services {
				for _, f := range svc.Functions {
					out = append(out, svc.Name+"/"+f.Name)
				}
			}
		}
		return out
	}
	s.open = func(ref string) (fyne.CanvasObject, error) {
		e, err := NewFunctionEditor(env, doc, ref, nil)
		if err != nil {
			return nil, err
		}
		if sc := doc.Scenario(); sc != nil {
			run(&s.work, func() [][]byte {
				return FunctionEvents(sc, ref, env.generated(), costEvents, env.ReadFile)
			}, e.SetEvents)
		}
		return e.Content(), nil
	}
	s.start()
	return s
}

// NewLoadsScreen is the load designer for each load of doc.
func NewLoadsScreen(env Env, doc Doc) *Screen {
	s := newScreen(env, doc, "Load")
	s.names = func() []string {
		var out []string
		if sc := doc.Scenario(); sc != nil {
			for _, l := range sc.Loads {
				out = append(out, l.Name)
			}
		}
		return out
	}
	s.open = func(name string) (fyne.CanvasObject, error) {
		d, err := NewLoadDesigner(env, doc, name)
		if err != nil {
			return nil, err
		}
		return d.Content(), nil
	}
	s.start()
	return s
}
