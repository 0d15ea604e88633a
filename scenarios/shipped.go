package scenarios

import (
	"embed"
	"fmt"
	"io/fs"
	"path"
	"sort"
	"strings"
)

//go:embed *.yaml
var shippedFS embed.FS

// DefaultName is the name of the shipped default scenario, the seed article's own.
const DefaultName = "csv-upload-fanout"

// ShippedInfo describes a scenario that ships inside the binary.
type ShippedInfo struct {
	Name        string // the scenario's name, also its file name without .yaml
	Description string
	Path        string // the embedded file's path, e.g. "csv-upload-fanout.yaml"
}

// Shipped lists the embedded scenarios sorted by name, the default one first.
func Shipped() []ShippedInfo {
	entries, _ := fs.ReadDir(shippedFS, ".") // the embedded root always reads
	var out []ShippedInfo
	for _, e := range entries {
		if e.IsDir() || path.Ext(e.Name()) != ".yaml" {
			continue
		}
		s := ShippedInfo{Name: strings.TrimSuffix(e.Name(), ".yaml"), Path: e.Name()}
		if sc, err := OpenShipped(s.Name); err == nil {
			s.Description = sc.Description
		}
		out = append(out, s)
	}
	sort.SliceStable(out, func(i, j int) bool {
		if (out[i].Name == DefaultName) != (out[j].Name == DefaultName) {
			return out[i].Name == DefaultName
		}
		return out[i].Name < out[j].Name
	})
	return out
}

// ShippedSource returns the YAML text of the shipped scenario name.
func ShippedSource(name string) ([]byte, error) {
	b, err := shippedFS.ReadFile(name + ".yaml")
	if err != nil {
		return nil, fmt.Errorf("no shipped scenario %q", name)
	}
	return b, nil
}

// OpenShipped parses the shipped scenario name. Shipped scenarios read no other files.
func OpenShipped(name string) (*Scenario, error) {
	b, err := ShippedSource(name)
	if err != nil {
		return nil, err
	}
	return Parse(name+".yaml", b, func(f string) ([]byte, error) { return shippedFS.ReadFile(f) })
}

// Default parses the shipped default scenario.
func Default() (*Scenario, error) { return OpenShipped(DefaultName) }
