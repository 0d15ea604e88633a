package fc

import (
	"time"

	"github.com/fanout/fanout/engine/field"
)

// Charge is what one invocation (or an interval of capacity) bills.
type Charge struct {
	Billed time.Duration // duration rounded up to the model's granularity
	GBs    float64       // memory GB × billed seconds
	VCPUs  float64       // vCPU × billed seconds (active)
	CU     float64       // compute units (CU model; computed under both models for comparison)
	USD    float64       // under the chosen model: GB-s model incl. request fee; CU at the first tier
}

// Biller turns durations into charges under one model.
type Biller struct {
	Prices *Prices // nil: no money amounts (USD 0), everything else still computed
	Model  Model
}

// RoundUp returns d rounded up to a multiple of gran (gran <= 0: unchanged).
func RoundUp(d, gran time.Duration) time.Duration {
	if gran <= 0 || d <= 0 {
		return max(d, 0)
	}
	return (d + gran - 1) / gran * gran
}

// gbSeconds computes memory GB × seconds from integers so that round figures stay exact:
// ns × bytes / (1e9 × 2^30) in two exactly representable steps where possible.
func gbSeconds(mem field.Bytes, d time.Duration) float64 {
	return float64(d) / 1e9 * (float64(mem) / (1 << 30))
}

// Invocation bills one invocation of duration d (handler init, when billed, plus execution)
// on an instance with memory mem and vcpu vCPU.
func (b Biller) Invocation(mem field.Bytes, vcpu float64, d time.Duration) Charge {
	var c Charge
	gran := time.Millisecond
	if b.Prices != nil {
		gran = b.Prices.Granularity(b.Model)
	}
	c.Billed = RoundUp(d, gran)
	c.GBs = gbSeconds(mem, c.Billed)
	c.VCPUs = vcpu * c.Billed.Seconds()
	if b.Prices == nil {
		return c
	}
	cu := b.Prices.CU
	c.CU = cu.PerTenThousandInvocations/1e4 + c.VCPUs*cu.ActiveVCPUSecond + c.GBs*cu.MemoryGBSecond
	c.USD = b.usd(1, c.GBs, c.CU)
	return c
}

// Active bills requests served by an instance that was busy for d in total, without rounding:
// how FC bills an instance with concurrency > 1 (its busy time, not each request's).
func (b Biller) Active(requests float64, mem field.Bytes, vcpu float64, d time.Duration) Charge {
	c := Charge{Billed: d, GBs: gbSeconds(mem, d), VCPUs: vcpu * d.Seconds()}
	if b.Prices == nil {
		return c
	}
	cu := b.Prices.CU
	c.CU = requests*cu.PerTenThousandInvocations/1e4 + c.VCPUs*cu.ActiveVCPUSecond + c.GBs*cu.MemoryGBSecond
	c.USD = b.usd(requests, c.GBs, c.CU)
	return c
}

// Idle bills an instance that is alive but serves nothing for d: under CU, memory plus idle
// vCPU; under the GB-second model, memory at the GB-second price (used for provisioned
// instances only: on-demand idle time is free under both models).
func (b Biller) Idle(mem field.Bytes, vcpu float64, d time.Duration) Charge {
	c := Charge{GBs: gbSeconds(mem, d)}
	if b.Prices == nil {
		return c
	}
	cu := b.Prices.CU
	c.CU = c.GBs*cu.MemoryGBSecond + vcpu*d.Seconds()*cu.IdleVCPUSecond
	c.USD = b.usd(0, c.GBs, c.CU)
	return c
}

// usd prices usage under the chosen model at the marginal rate of an empty month (first CU
// tier; no free tier). Totals apply tiers and the free tier with Prices.CUCost/GBSecondCost.
func (b Biller) usd(requests, gbs, cu float64) float64 {
	if b.Model == ModelCU {
		if len(b.Prices.CU.Tiers) == 0 {
			return 0
		}
		return cu * b.Prices.CU.Tiers[0].USDPerCU
	}
	g := b.Prices.GBSecond
	return requests*g.RequestUSD + gbs*g.GBSecondUSD
}
