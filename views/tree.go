package views

import (
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// structureIndex maps tree node ids ("0", "0/2", "0/2/1") to nodes. Ids are positional paths,
// so equal labels in different places never collide.
type structureIndex map[string]*Node

func indexNodes(idx structureIndex, prefix string, nodes []Node) []string {
	ids := make([]string, len(nodes))
	for i := range nodes {
		id := strconv.Itoa(i)
		if prefix != "" {
			id = prefix + "/" + id
		}
		ids[i] = id
		idx[id] = &nodes[i]
		indexNodes(idx, id, nodes[i].Children)
	}
	return ids
}

// NodeID returns the tree id of the node reached by following labels from the root, or "".
func NodeID(root []Node, labels ...string) string {
	var parts []string
	nodes := root
	for _, l := range labels {
		found := -1
		for i, n := range nodes {
			if n.Label == l {
				found = i
				break
			}
		}
		if found < 0 {
			return ""
		}
		parts = append(parts, strconv.Itoa(found))
		nodes = nodes[found].Children
	}
	return strings.Join(parts, "/")
}

func newStructureTree(root []Node) *widget.Tree {
	idx := structureIndex{}
	top := indexNodes(idx, "", root)
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
		return n != nil && len(n.Children) > 0
	}
	create := func(bool) fyne.CanvasObject {
		icon := widget.NewIcon(theme.FileIcon())
		name := widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
		detail := widget.NewLabel("")
		detail.Importance = widget.LowImportance
		detail.Truncation = fyne.TextTruncateEllipsis
		return container.NewBorder(nil, nil, container.NewHBox(icon, name), nil, detail)
	}
	update := func(id widget.TreeNodeID, _ bool, o fyne.CanvasObject) {
		n := idx[id]
		if n == nil {
			return
		}
		c := o.(*fyne.Container)
		left := c.Objects[1].(*fyne.Container)
		left.Objects[0].(*widget.Icon).SetResource(kindIcon(n.Kind))
		left.Objects[1].(*widget.Label).SetText(n.Label)
		c.Objects[0].(*widget.Label).SetText(n.Detail)
	}
	return widget.NewTree(children, isBranch, create, update)
}

// kindIcon picks the icon shown before an element of the given kind.
func kindIcon(kind string) fyne.Resource {
	switch kind {
	case "section":
		return theme.FolderOpenIcon()
	case "bus":
		return theme.MailForwardIcon()
	case "rule":
		return theme.SearchIcon()
	case "target":
		return theme.NavigateNextIcon()
	case "service":
		return theme.StorageIcon()
	case "function":
		return theme.ComputerIcon()
	case "queue":
		return theme.ListIcon()
	case "load":
		return theme.UploadIcon()
	case "expect":
		return theme.ConfirmIcon()
	}
	return theme.FileIcon()
}

// childIDs names the n children of tree node id, as both trees index them: id/0 … id/n-1.
func childIDs(id widget.TreeNodeID, n int) []widget.TreeNodeID {
	ids := make([]widget.TreeNodeID, n)
	for i := range ids {
		ids[i] = id + "/" + strconv.Itoa(i)
	}
	return ids
}
