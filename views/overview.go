package views

import (
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// Overview is the screen that shows an open scenario: its name and description, a few facts, its
// structure as a tree and its validation problems.
type Overview struct {
	doc      ScenarioDoc
	tree     *widget.Tree
	problems *widget.List
	content  fyne.CanvasObject
}

// NewOverview builds the overview of doc.
func NewOverview(doc ScenarioDoc) *Overview {
	o := &Overview{doc: doc}
	o.tree = newStructureTree(doc.Root)
	o.tree.OpenAllBranches()
	o.content = o.build()
	return o
}

// Content is the screen's root object.
func (o *Overview) Content() fyne.CanvasObject { return o.content }

// Tree is the structure tree (exposed for tests and for selection by other screens).
func (o *Overview) Tree() *widget.Tree { return o.tree }

func (o *Overview) build() fyne.CanvasObject {
	title := widget.NewLabelWithStyle(o.doc.Name, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	title.SizeName = theme.SizeNameSubHeadingText
	header := container.NewVBox(title)
	if o.doc.Path != "" {
		path := widget.NewLabel(o.doc.Path)
		path.Importance = widget.LowImportance
		header.Add(path)
	}
	if o.doc.Description != "" {
		desc := widget.NewLabel(strings.TrimSpace(o.doc.Description))
		desc.Wrapping = fyne.TextWrapWord
		header.Add(desc)
	}
	if len(o.doc.Facts) > 0 {
		header.Add(factsRow(o.doc.Facts))
	}
	header.Add(widget.NewSeparator())

	structure := widget.NewCard("", "Structure", o.tree)
	body := fyne.CanvasObject(structure)
	if len(o.doc.Problems) > 0 {
		o.problems = newProblemList(o.doc.Problems)
		heading := widget.NewLabelWithStyle(problemHeading(len(o.doc.Problems)),
			fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
		heading.Importance = widget.DangerImportance
		probs := container.NewBorder(heading, nil, nil, nil, o.problems)
		split := container.NewVSplit(structure, probs)
		split.Offset = 0.6
		body = split
	}
	return container.NewBorder(header, nil, nil, nil, body)
}

func problemHeading(n int) string { return Plural(n, "problem") }

func factsRow(facts []Fact) fyne.CanvasObject {
	row := container.NewHBox()
	for i, f := range facts {
		if i > 0 {
			row.Add(widget.NewSeparator())
		}
		l := widget.NewLabel(f.Label)
		l.Importance = widget.LowImportance
		v := widget.NewLabelWithStyle(f.Value, fyne.TextAlignLeading, fyne.TextStyle{Monospace: true})
		row.Add(container.NewHBox(l, v))
	}
	return row
}

func newProblemList(ps []Problem) *widget.List {
	return widget.NewList(
		func() int { return len(ps) },
		func() fyne.CanvasObject {
			where := widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Monospace: true})
			msg := widget.NewLabel("")
			msg.Truncation = fyne.TextTruncateEllipsis
			return container.NewBorder(nil, nil, where, nil, msg)
		},
		func(i widget.ListItemID, o fyne.CanvasObject) {
			c := o.(*fyne.Container)
			c.Objects[1].(*widget.Label).SetText(ps[i].Where)
			c.Objects[0].(*widget.Label).SetText(ps[i].Msg)
		})
}

// Plural formats a count with its noun: Plural(1, "problem") is "1 problem", Plural(3, …)
// "3 problems".
func Plural(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return strconv.Itoa(n) + " " + noun + "s"
}
