package cli

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/fanout/fanout/assets"
	"github.com/fanout/fanout/engine/event"
	"github.com/fanout/fanout/engine/fc"
	"github.com/fanout/fanout/engine/pattern"
	"github.com/fanout/fanout/engine/world"
	"github.com/fanout/fanout/scenarios"
)

// loadScenario reads and validates the scenario at path and builds its world configuration.
// An invalid scenario gives its diagnostics as the error.
func loadScenario(path string) (*scenarios.Scenario, world.Config, error) {
	sc, cfg, err := OpenScenario(path)
	if err != nil {
		return nil, world.Config{}, err
	}
	return sc, cfg, nil
}

// ShippedPrefix marks a shipped scenario in place of a file path: "shipped:fifo-vs-parallel".
const ShippedPrefix = "shipped:"

// ShippedName reports whether path names a shipped scenario ("" is the default one) and which.
func ShippedName(path string) (string, bool) {
	if path == "" {
		return scenarios.DefaultName, true
	}
	name, ok := strings.CutPrefix(path, ShippedPrefix)
	return name, ok
}

// OpenScenario reads the scenario at path — a file, "shipped:NAME" for a shipped scenario, or
// "" for the shipped default scenario —
// and builds its world configuration. When the scenario is invalid, the error holds its
// diagnostics and the scenario is the best-effort decoding (nil if the YAML does not parse), so
// a GUI can show its structure beside the problems.
func OpenScenario(path string) (*scenarios.Scenario, world.Config, error) {
	var sc *scenarios.Scenario
	var err error
	readFile := func(string) ([]byte, error) { return nil, errors.New("shipped scenarios read no files") }
	if name, ok := ShippedName(path); ok {
		sc, err = scenarios.OpenShipped(name)
	} else {
		sc, err = scenarios.Load(path)
		dir := filepath.Dir(path)
		readFile = func(name string) ([]byte, error) {
			if !filepath.IsAbs(name) {
				name = filepath.Join(dir, name)
			}
			return os.ReadFile(name)
		}
	}
	if err != nil {
		return sc, world.Config{}, err
	}
	cfg, err := WorldConfig(sc, readFile)
	return sc, cfg, err
}

// WorldConfig turns a valid scenario into the engine's run configuration. readFile reads the
// files the scenario refers to (replay traces).
func WorldConfig(sc *scenarios.Scenario, readFile func(string) ([]byte, error)) (world.Config, error) {
	d, err := pattern.ParseDialect(sc.Dialect)
	if err != nil {
		return world.Config{}, fmt.Errorf("dialect: %w", err)
	}
	lim := event.DefaultLimits()
	lim.MaxEventBytes = int(sc.Settings.MaxEventBytes)
	exps := make([]world.Expectation, len(sc.Expect))
	for i, e := range sc.Expect {
		exps[i] = world.Expectation{Name: e.Name, Assert: e.Assert}
	}
	prices, model, err := billing(sc.Settings.Billing)
	if err != nil {
		return world.Config{}, err
	}
	return world.Config{
		Name:                sc.Name,
		Seed:                sc.Seed,
		Duration:            time.Duration(sc.Duration),
		Start:               sc.Start,
		Dialect:             d,
		Account:             sc.Account,
		Region:              sc.Region,
		Limits:              lim,
		PutEventsMaxEntries: sc.Settings.PutEventsMaxEntries,
		EnforceThroughput:   sc.Settings.EnforceThroughputLimits,
		Buses:               sc.Buses,
		Rules:               sc.Rules,
		Services:            sc.Services,
		Queues:              sc.Queues,
		Loads:               sc.Loads,
		Expect:              exps,
		ReadFile:            readFile,
		Prices:              prices,
		Billing:             model,
		FreeTier:            sc.Settings.Billing.FreeTier,
	}, nil
}

// billing reads the embedded price list and applies the scenario's billing settings.
func billing(b scenarios.Billing) (*fc.Prices, fc.Model, error) {
	model, err := fc.ParseModel(strings.ReplaceAll(b.Model, "-", "_"))
	if err != nil {
		return nil, "", fmt.Errorf("billing: %w", err)
	}
	p, err := fc.ParsePrices(assets.Prices())
	if err != nil {
		return nil, "", fmt.Errorf("billing: embedded prices: %w", err)
	}
	if g := b.Granularity.D(); g > 0 {
		p.GBSecond.Granularity = b.Granularity
		p.CU.Granularity = b.Granularity
	}
	return &p, model, nil
}
