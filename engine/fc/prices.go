package fc

import (
	"fmt"
	"math"
	"time"

	"github.com/fanout/fanout/engine/field"
	"github.com/goccy/go-yaml"
)

// Model selects the billing model.
type Model string

// Billing models: the seed article's memory × duration model, and Alibaba's CU model
// (since 2024-08-27, facts sheet §6.4).
const (
	ModelGBSecond Model = "gb_second"
	ModelCU       Model = "cu"
)

// ParseModel accepts "gb_second" (also "" for the default) and "cu".
func ParseModel(s string) (Model, error) {
	switch s {
	case "", string(ModelGBSecond):
		return ModelGBSecond, nil
	case string(ModelCU):
		return ModelCU, nil
	}
	return "", fmt.Errorf("unknown billing model %q: want gb_second or cu", s)
}

// Prices holds both billing models' prices, as written in assets/prices.yaml.
type Prices struct {
	GBSecond GBSecondPrices `yaml:"gb_second" json:"gb_second"`
	CU       CUPrices       `yaml:"cu" json:"cu"`
}

// GBSecondPrices is the memory × duration model (legacy FC 2.0, the seed article).
type GBSecondPrices struct {
	// GBSecondUSD is the price of one GB-second of memory × billed duration.
	GBSecondUSD float64 `yaml:"gb_second_usd" json:"gb_second_usd"`
	// RequestUSD is the fee per invocation.
	RequestUSD float64 `yaml:"request_usd" json:"request_usd"`
	// Granularity: billed duration is rounded up to a multiple of it. > 0.
	Granularity field.Duration `yaml:"granularity" json:"granularity"`
	// FreeTier is the monthly free quota, applied to totals when asked.
	FreeTier FreeTier `yaml:"free_tier" json:"free_tier"`
}

// FreeTier is a monthly free quota.
type FreeTier struct {
	Requests  float64 `yaml:"requests" json:"requests"`
	GBSeconds float64 `yaml:"gb_seconds" json:"gb_seconds"`
}

// CUPrices is the compute-unit model: usage converts to CU, CU is priced in monthly tiers.
type CUPrices struct {
	// Tiers in ascending order; the last has UpTo 0 (no upper bound).
	Tiers []CUTier `yaml:"tiers" json:"tiers"`
	// PerTenThousandInvocations is the CU charged per 10,000 invocations.
	PerTenThousandInvocations float64 `yaml:"per_10k_invocations" json:"per_10k_invocations"`
	// CU per vCPU-second while active and while idle.
	ActiveVCPUSecond float64 `yaml:"active_vcpu_second" json:"active_vcpu_second"`
	IdleVCPUSecond   float64 `yaml:"idle_vcpu_second" json:"idle_vcpu_second"`
	// CU per GB-second of memory (active or idle) and of billable disk.
	MemoryGBSecond float64 `yaml:"memory_gb_second" json:"memory_gb_second"`
	DiskGBSecond   float64 `yaml:"disk_gb_second" json:"disk_gb_second"`
	// Granularity: billed duration is rounded up to a multiple of it. > 0.
	Granularity field.Duration `yaml:"granularity" json:"granularity"`
}

// CUTier prices the CU of a month from the previous tier's bound up to UpTo (0: unbounded).
type CUTier struct {
	UpTo     float64 `yaml:"up_to" json:"up_to"`
	USDPerCU float64 `yaml:"usd_per_cu" json:"usd_per_cu"`
}

// ParsePrices decodes and validates prices from YAML (unknown fields are errors).
func ParsePrices(b []byte) (Prices, error) {
	var p Prices
	if err := yaml.UnmarshalWithOptions(b, &p, yaml.Strict()); err != nil {
		return Prices{}, fmt.Errorf("parse prices: %w", err)
	}
	if err := p.Validate(); err != nil {
		return Prices{}, fmt.Errorf("prices: %w", err)
	}
	return p, nil
}

// Validate checks that every price is finite and >= 0, granularities are in 1µs..1min and the
// CU tiers ascend and end unbounded.
func (p Prices) Validate() error {
	var l field.List
	nonNeg := func(path string, v float64) {
		if math.IsNaN(v) || math.IsInf(v, 0) || v < 0 {
			l.Addf(path, "%s must be a finite number >= 0, got %v", path, v)
		}
	}
	gran := func(path string, d field.Duration) {
		if d.D() < time.Microsecond || d.D() > time.Minute {
			l.Addf(path, "granularity %s out of range: 1µs to 1m", d.D())
		}
	}
	g := p.GBSecond
	nonNeg("gb_second.gb_second_usd", g.GBSecondUSD)
	nonNeg("gb_second.request_usd", g.RequestUSD)
	nonNeg("gb_second.free_tier.requests", g.FreeTier.Requests)
	nonNeg("gb_second.free_tier.gb_seconds", g.FreeTier.GBSeconds)
	gran("gb_second.granularity", g.Granularity)
	c := p.CU
	nonNeg("cu.per_10k_invocations", c.PerTenThousandInvocations)
	nonNeg("cu.active_vcpu_second", c.ActiveVCPUSecond)
	nonNeg("cu.idle_vcpu_second", c.IdleVCPUSecond)
	nonNeg("cu.memory_gb_second", c.MemoryGBSecond)
	nonNeg("cu.disk_gb_second", c.DiskGBSecond)
	gran("cu.granularity", c.Granularity)
	if len(c.Tiers) == 0 {
		l.Addf("cu.tiers", "at least one tier is required")
	}
	prev := 0.0
	for i, t := range c.Tiers {
		path := field.Index("cu.tiers", i)
		nonNeg(path+".usd_per_cu", t.USDPerCU)
		last := i == len(c.Tiers)-1
		switch {
		case last && t.UpTo != 0:
			l.Addf(path+".up_to", "the last tier must be unbounded (up_to 0), got %v", t.UpTo)
		case !last && !(t.UpTo > prev) || math.IsInf(t.UpTo, 0):
			l.Addf(path+".up_to", "up_to %v must exceed the previous bound %v", t.UpTo, prev)
		}
		prev = t.UpTo
	}
	return l.Err()
}

// Granularity returns the billing granularity of model m.
func (p Prices) Granularity(m Model) time.Duration {
	if m == ModelCU {
		return p.CU.Granularity.D()
	}
	return p.GBSecond.Granularity.D()
}

// CUCost prices a month's CU through the tiers.
func (p Prices) CUCost(cu float64) float64 {
	usd, lo := 0.0, 0.0
	for _, t := range p.CU.Tiers {
		hi := t.UpTo
		if hi == 0 || cu < hi {
			hi = cu
		}
		if hi > lo {
			usd += (hi - lo) * t.USDPerCU
		}
		if t.UpTo == 0 || cu <= t.UpTo {
			break
		}
		lo = t.UpTo
	}
	return usd
}

// GBSecondCost prices a month's requests and GB-seconds; with freeTier the monthly free quota
// is deducted first.
func (p Prices) GBSecondCost(requests, gbs float64, freeTier bool) float64 {
	g := p.GBSecond
	if freeTier {
		requests = math.Max(0, requests-g.FreeTier.Requests)
		gbs = math.Max(0, gbs-g.FreeTier.GBSeconds)
	}
	return requests*g.RequestUSD + gbs*g.GBSecondUSD
}
