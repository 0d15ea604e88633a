package views

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strconv"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"
)

// jsonNode is one value of a parsed JSON document; object keys keep their order.
type jsonNode struct {
	Key      string // the member name or "[i]"; "" for the root
	Kind     string // object, array, string, number, bool, null
	Text     string // a leaf's JSON text; "{3}" / "[2]" summaries for branches
	Children []jsonNode
}

// parseJSONTree parses b keeping the members' order (encoding/json maps would sort them).
func parseJSONTree(b []byte) (jsonNode, error) {
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.UseNumber()
	n, err := decodeJSONNode(dec, "")
	if err != nil {
		return jsonNode{}, fmt.Errorf("parse json: %w", err)
	}
	if rest := bytes.Trim(b[dec.InputOffset():], " \t\r\n"); len(rest) > 0 {
		return jsonNode{}, fmt.Errorf("parse json: trailing data %q after the value", clip(string(rest), 20))
	}
	return n, nil
}

func decodeJSONNode(dec *json.Decoder, key string) (jsonNode, error) {
	tok, err := dec.Token()
	if err != nil {
		return jsonNode{}, err
	}
	n := jsonNode{Key: key}
	switch v := tok.(type) {
	case json.Delim:
		n.Kind = "object"
		if v == '[' {
			n.Kind = "array"
		}
		for i := 0; dec.More(); i++ {
			k := "[" + strconv.Itoa(i) + "]"
			if n.Kind == "object" {
				kt, err := dec.Token()
				if err != nil {
					return n, err
				}
				k = kt.(string)
			}
			c, err := decodeJSONNode(dec, k)
			if err != nil {
				return n, err
			}
			n.Children = append(n.Children, c)
		}
		if _, err := dec.Token(); err != nil {
			return n, err
		}
		if n.Kind == "object" {
			n.Text = "{" + strconv.Itoa(len(n.Children)) + "}"
		} else {
			n.Text = "[" + strconv.Itoa(len(n.Children)) + "]"
		}
	case string:
		n.Kind = "string"
		q, _ := json.Marshal(v)
		n.Text = string(q)
	case json.Number:
		n.Kind, n.Text = "number", v.String()
	case bool:
		n.Kind, n.Text = "bool", strconv.FormatBool(v)
	case nil:
		n.Kind, n.Text = "null", "null"
	}
	return n, nil
}

// jsonIndex maps tree ids ("0", "0/2") to nodes of a parsed document.
type jsonIndex map[string]*jsonNode

func (idx jsonIndex) add(prefix string, nodes []jsonNode) []string {
	ids := make([]string, len(nodes))
	for i := range nodes {
		id := strconv.Itoa(i)
		if prefix != "" {
			id = prefix + "/" + id
		}
		ids[i] = id
		idx[id] = &nodes[i]
		idx.add(id, nodes[i].Children)
	}
	return ids
}

// newJSONTree shows root's members as a collapsible tree: branches show their size, leaves their
// JSON text in monospace. Top-level members start open.
func newJSONTree(root jsonNode) *widget.Tree {
	idx := jsonIndex{}
	top := idx.add("", root.Children)
	children := func(id widget.TreeNodeID) []widget.TreeNodeID {
		if id == "" {
			return top
		}
		n := idx[id]
		if n == nil {
			return nil
		}
		return childIDs(id, len(n.Children))
	}
	isBranch := func(id widget.TreeNodeID) bool {
		if id == "" {
			return true
		}
		n := idx[id]
		return n != nil && (n.Kind == "object" || n.Kind == "array")
	}
	create := func(bool) fyne.CanvasObject {
		key := widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
		val := widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Monospace: true})
		val.Truncation = fyne.TextTruncateEllipsis
		return container.NewBorder(nil, nil, key, nil, val)
	}
	update := func(id widget.TreeNodeID, _ bool, o fyne.CanvasObject) {
		n := idx[id]
		if n == nil {
			return
		}
		c := o.(*fyne.Container)
		c.Objects[1].(*widget.Label).SetText(n.Key)
		val := c.Objects[0].(*widget.Label)
		val.Importance = widget.MediumImportance
		if n.Kind == "object" || n.Kind == "array" {
			val.Importance = widget.LowImportance
		}
		val.SetText(n.Text)
		val.Refresh()
	}
	t := widget.NewTree(children, isBranch, create, update)
	for _, id := range top {
		if isBranch(id) {
			t.OpenBranch(id)
		}
	}
	return t
}

// clip shortens s to n bytes for an error message.
func clip(s string, n int) string {
	if len(s) > n {
		return s[:n] + "…"
	}
	return s
}
