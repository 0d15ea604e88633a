package builder

import (
	"encoding/json"
	"fmt"
	"strconv"
	"time"

	"github.com/fanout/fanout/engine/event"
	"github.com/fanout/fanout/scenarios"
)

// RunEvents gives sample events of a stored run (the app wires the run store). Each event is
// its structured CloudEvent JSON.
type RunEvents interface {
	SampleEvents(n int) ([][]byte, error)
}

// Sample is one event the rule builder can test a pattern against.
type Sample struct {
	Label string // shown in the picker
	JSON  []byte
}

// Sample sources, as the picker names them.
const (
	SourceCatalog = "System events"
	SourceLoads   = "Scenario loads"
	SourceRun     = "Stored run"
	SourcePaste   = "Pasted JSON"
)

// samplesPerLoad is how many events of each load the picker offers.
const samplesPerLoad = 20

// CatalogSamples builds one event of every system-event type with the catalog's default
// parameters, stamped at start.
func CatalogSamples(start time.Time) []Sample {
	var out []Sample
	for _, c := range event.Catalog() {
		e, err := c.Build("sample-1", start, nil)
		if err != nil {
			continue
		}
		out = append(out, Sample{Label: c.Type, JSON: e.JSON()})
	}
	return out
}

// LoadSamples generates the first events of each of the scenario's loads, as a run would.
func LoadSamples(sc *scenarios.Scenario, readFile func(string) ([]byte, error)) ([]Sample, error) {
	if sc == nil {
		return nil, nil
	}
	var out []Sample
	var firstErr error
	for _, spec := range sc.Loads {
		evs, err := sampleLoad(sc, spec, samplesPerLoad, readFile)
		if err != nil && firstErr == nil {
			firstErr = err
		}
		for i, e := range evs {
			js := e.JSON()
			out = append(out, Sample{Label: spec.Name + " #" + strconv.Itoa(i+1) + " " + eventType(js), JSON: js})
		}
	}
	return out, firstErr
}

// RunSamples labels a stored run's sample events.
func RunSamples(r RunEvents, n int) ([]Sample, error) {
	if r == nil {
		return nil, nil
	}
	evs, err := r.SampleEvents(n)
	if err != nil {
		return nil, fmt.Errorf("stored run: %w", err)
	}
	out := make([]Sample, len(evs))
	for i, js := range evs {
		out[i] = Sample{Label: "#" + strconv.Itoa(i+1) + " " + eventType(js), JSON: js}
	}
	return out, nil
}

// PastedSample checks pasted text: it must be a JSON object (a CloudEvent normally, but any
// object can be matched).
func PastedSample(text string) (Sample, error) {
	n, err := parseNode([]byte(text))
	if err != nil {
		return Sample{}, fmt.Errorf("pasted event: %w", err)
	}
	if n.Kind != kindObject {
		return Sample{}, fmt.Errorf("pasted event: an event is a JSON object, got %s", n.Kind)
	}
	return Sample{Label: "pasted", JSON: []byte(n.compact())}, nil
}

func eventType(js []byte) string {
	var head struct {
		Type string `json:"type"`
	}
	_ = json.Unmarshal(js, &head)
	return head.Type
}
