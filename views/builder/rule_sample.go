package builder

import (
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"
	"github.com/fanout/fanout/engine/pattern"
)

// samplePicker chooses the sample event and shows it as a tree; a click on a field adds a
// condition on it.
type samplePicker struct {
	b       *RuleBuilder
	source  *widget.Select
	choice  *widget.Select
	paste   *widget.Entry
	usePast *widget.Button
	pasteBx *fyne.Container
	errLbl  *widget.Label
	tree    *widget.Tree
	root    node
	ids     map[string]*node  // tree id → node
	paths   map[string]string // tree id → field path
	options map[string][]Sample
	fields  pattern.Fields
	content fyne.CanvasObject
}

func newSamplePicker(b *RuleBuilder) *samplePicker {
	p := &samplePicker{b: b, options: map[string][]Sample{}}
	sources := []string{SourceCatalog, SourceLoads}
	if b.env.Run != nil {
		sources = append(sources, SourceRun)
	}
	sources = append(sources, SourcePaste)
	p.errLbl = widget.NewLabel("")
	p.errLbl.Importance = widget.DangerImportance
	p.errLbl.Wrapping = fyne.TextWrapWord
	p.errLbl.Hide()
	p.choice = widget.NewSelect(nil, p.choose)
	p.paste = widget.NewMultiLineEntry()
	p.paste.SetPlaceHolder(`{"specversion":"1.0", "type":"…", "data":{…}}`)
	p.paste.SetMinRowsVisible(6)
	p.usePast = widget.NewButton("Use pasted event", p.usePasted)
	p.source = widget.NewSelect(sources, p.switchSource)
	p.tree = widget.NewTree(p.childIDs, p.isBranch, p.create, p.update)
	p.tree.OnSelected = p.clicked
	p.pasteBx = container.NewVBox(p.paste, p.usePast)
	p.pasteBx.Hide()
	top := container.NewVBox(p.source, p.choice, p.pasteBx, p.errLbl)
	p.content = widget.NewCard("", "Sample event", container.NewBorder(top, nil, nil, nil, p.tree))
	return p
}

// start loads the sources and picks the first sample: the first load event of the scenario,
// else the first catalog event.
func (p *samplePicker) start() {
	p.options[SourceCatalog] = CatalogSamples(p.b.sc.Start)
	loads, err := LoadSamples(p.b.sc, p.b.env.ReadFile)
	p.options[SourceLoads] = loads
	var all [][]byte
	for _, s := range loads {
		all = append(all, s.JSON)
	}
	p.fields, _ = pattern.FieldsOf(all...)
	if len(loads) > 0 {
		p.source.SetSelected(SourceLoads)
	} else {
		p.source.SetSelected(SourceCatalog)
	}
	p.showErr(err)
}

// known is the set of field paths the scenario's events have (nil when it has no loads: then
// the lint does not report unknown fields).
func (p *samplePicker) known() pattern.Fields {
	if len(p.fields) == 0 {
		return nil
	}
	return p.fields
}

func (p *samplePicker) switchSource(src string) {
	if src == SourcePaste {
		p.pasteBx.Show()
		p.choice.Hide()
		return
	}
	p.pasteBx.Hide()
	p.choice.Show()
	if src == SourceRun && p.options[SourceRun] == nil {
		s, err := RunSamples(p.b.env.Run, samplesPerLoad)
		p.options[SourceRun] = s
		p.showErr(err)
	}
	labels := make([]string, len(p.options[src]))
	for i, s := range p.options[src] {
		labels[i] = s.Label
	}
	p.choice.SetOptions(labels)
	if len(labels) > 0 {
		p.choice.SetSelected(labels[0])
	}
}

// choose shows the sample labelled label of the current source.
func (p *samplePicker) choose(label string) {
	for _, s := range p.options[p.source.Selected] {
		if s.Label == label {
			p.use(s)
			return
		}
	}
}

func (p *samplePicker) usePasted() {
	s, err := PastedSample(p.paste.Text)
	p.showErr(err)
	if err == nil {
		p.use(s)
	}
}

func (p *samplePicker) showErr(err error) {
	if err == nil {
		p.errLbl.Hide()
		return
	}
	p.errLbl.SetText(err.Error())
	p.errLbl.Show()
}

// use makes s the sample: the tree shows it and the verdict is recomputed.
func (p *samplePicker) use(s Sample) {
	root, err := parseNode(s.JSON)
	if err != nil {
		p.showErr(err)
		return
	}
	p.root = root
	p.ids, p.paths = map[string]*node{}, map[string]string{}
	p.index("", "", p.root.Children)
	p.b.sample = s
	p.b.kinds = leafKinds(root)
	p.b.texts = leafTexts(root)
	p.tree.Refresh()
	p.tree.OpenAllBranches()
	for _, x := range p.b.targets.xforms {
		x.SetSample(s.JSON)
	}
	p.b.formChanged()
}

func (p *samplePicker) index(prefix, path string, nodes []node) {
	for i := range nodes {
		id := strconv.Itoa(i)
		if prefix != "" {
			id = prefix + "/" + id
		}
		p.ids[id] = &nodes[i]
		fp := path
		if !strings.HasPrefix(nodes[i].Key, "[") {
			fp = joinPath(path, nodes[i].Key)
		}
		p.paths[id] = fp
		p.index(id, fp, nodes[i].Children)
	}
}

// TreeID returns the tree id of the first node at field path, or "".
func (p *samplePicker) TreeID(path string) string {
	best := ""
	for id, fp := range p.paths {
		if fp == path && (best == "" || len(id) < len(best) || (len(id) == len(best) && id < best)) {
			best = id
		}
	}
	return best
}

func (p *samplePicker) childIDs(id widget.TreeNodeID) []widget.TreeNodeID {
	kids := p.root.Children
	if id != "" {
		n := p.ids[id]
		if n == nil {
			return nil
		}
		kids = n.Children
	}
	out := make([]string, len(kids))
	for i := range kids {
		out[i] = strconv.Itoa(i)
		if id != "" {
			out[i] = id + "/" + out[i]
		}
	}
	return out
}

func (p *samplePicker) isBranch(id widget.TreeNodeID) bool {
	if id == "" {
		return true
	}
	n := p.ids[id]
	return n != nil && (n.Kind == kindObject || n.Kind == kindArray) && len(n.Children) > 0
}

func (p *samplePicker) create(bool) fyne.CanvasObject {
	key := widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	val := widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Monospace: true})
	val.Truncation = fyne.TextTruncateEllipsis
	return container.NewBorder(nil, nil, key, nil, val)
}

func (p *samplePicker) update(id widget.TreeNodeID, _ bool, o fyne.CanvasObject) {
	n := p.ids[id]
	if n == nil {
		return
	}
	c := o.(*fyne.Container)
	c.Objects[1].(*widget.Label).SetText(n.Key)
	val := c.Objects[0].(*widget.Label)
	switch n.Kind {
	case kindObject:
		val.Importance = widget.LowImportance
		val.SetText("{" + strconv.Itoa(len(n.Children)) + "}")
	case kindArray:
		val.Importance = widget.LowImportance
		val.SetText("[" + strconv.Itoa(len(n.Children)) + "]")
	default:
		val.Importance = widget.MediumImportance
		val.SetText(n.Text)
	}
}

// clicked adds a condition on the clicked field and clears the selection, so the same field
// can be clicked again (for an OR).
func (p *samplePicker) clicked(id widget.TreeNodeID) {
	path, ok := p.paths[id]
	p.tree.Unselect(id)
	if !ok || path == "" {
		return
	}
	p.b.AddCondition(path)
}

// leafTexts maps field paths to the text the form pre-fills for them: a string's content or
// a literal's JSON (the first array element's for arrays).
func leafTexts(root node) map[string]string {
	out := map[string]string{}
	var walk func(prefix string, n node)
	walk = func(prefix string, n node) {
		if n.Kind == kindArray {
			for _, c := range n.Children {
				walk(prefix, c)
			}
			return
		}
		if prefix != "" && n.Kind != kindObject {
			setOnce(out, prefix, leafText(n))
		}
		for _, c := range n.Children {
			walk(joinPath(prefix, c.Key), c)
		}
	}
	walk("", root)
	return out
}
