package fc

import (
	"strings"
	"testing"
	"time"

	"github.com/fanout/fanout/assets"
	"github.com/fanout/fanout/engine/field"
)

// TestArticleExample: "a function completing in 1000 ms at 512 MB may be more expensive than
// the same function completing in 400 ms at 2 GB" — 0.5 against 0.8 GB-s per invocation.
func TestArticleExample(t *testing.T) {
	b := Biller{Prices: testPrices(t), Model: ModelGBSecond}
	slow := b.Invocation(512<<20, 0, 1000*time.Millisecond)
	fast := b.Invocation(2<<30, 0, 400*time.Millisecond)
	if slow.GBs != 0.5 || fast.GBs != 0.8 {
		t.Fatalf("GB-s: 1000 ms at 512 MB = %v, 400 ms at 2 GB = %v; want 0.5 and 0.8", slow.GBs, fast.GBs)
	}
	p := b.Prices.GBSecond
	if want := 0.5*p.GBSecondUSD + p.RequestUSD; slow.USD != want {
		t.Errorf("USD %v, want %v", slow.USD, want)
	}
}

// TestCUWorkedExample: 3 M invocations, 0.5 GB, 200 ms, 0.25 vCPU give
// 22,500 + 45,000 + 150,000 = 217,500 CU (facts sheet §6.4).
func TestCUWorkedExample(t *testing.T) {
	p := testPrices(t)
	b := Biller{Prices: p, Model: ModelCU}
	one := b.Invocation(512<<20, 0.25, 200*time.Millisecond)
	const n = 3e6
	inv := n * p.CU.PerTenThousandInvocations / 1e4
	mem := n * one.GBs * p.CU.MemoryGBSecond
	cpu := n * one.VCPUs * p.CU.ActiveVCPUSecond
	for _, c := range []struct {
		name      string
		got, want float64
	}{{"invocations", inv, 22500}, {"memory", mem, 45000}, {"vcpu", cpu, 150000}, {"total", n * one.CU, 217500}} {
		if !near(c.got, c.want, 1e-9) {
			t.Errorf("%s: %v CU, want %v", c.name, c.got, c.want)
		}
	}
	if got, want := p.CUCost(217500), 217500*0.000020; !near(got, want, 1e-12) {
		t.Errorf("cost %v, want %v", got, want)
	}
}

func TestCUTiers(t *testing.T) {
	p := testPrices(t)
	for _, c := range []struct{ cu, want float64 }{
		{0, 0},
		{1e8, 1e8 * 0.000020},
		{3e8, 1e8*0.000020 + 2e8*0.000017},
		{6e8, 1e8*0.000020 + 4e8*0.000017 + 1e8*0.000014},
	} {
		if got := p.CUCost(c.cu); !near(got, c.want, 1e-12) {
			t.Errorf("CUCost(%g) = %v, want %v", c.cu, got, c.want)
		}
	}
}

func TestFreeTier(t *testing.T) {
	p := testPrices(t)
	if got := p.GBSecondCost(1e6, 4e5, true); got != 0 {
		t.Errorf("inside the free tier: %v, want 0", got)
	}
	want := 1e6*p.GBSecond.RequestUSD + 1e5*p.GBSecond.GBSecondUSD
	if got := p.GBSecondCost(2e6, 5e5, true); !near(got, want, 1e-12) {
		t.Errorf("above the free tier: %v, want %v", got, want)
	}
	if got := p.GBSecondCost(2e6, 5e5, false); got <= want {
		t.Errorf("without free tier %v should exceed %v", got, want)
	}
}

func TestRoundUp(t *testing.T) {
	for _, c := range []struct{ d, g, want time.Duration }{
		{0, time.Millisecond, 0},
		{1, time.Millisecond, time.Millisecond},
		{time.Millisecond, time.Millisecond, time.Millisecond},
		{1001 * time.Microsecond, time.Millisecond, 2 * time.Millisecond},
		{1500 * time.Microsecond, 100 * time.Millisecond, 100 * time.Millisecond},
		{5, 0, 5},
	} {
		if got := RoundUp(c.d, c.g); got != c.want {
			t.Errorf("RoundUp(%v, %v) = %v, want %v", c.d, c.g, got, c.want)
		}
	}
}

func TestIdleBilling(t *testing.T) {
	p := testPrices(t)
	cu := Biller{Prices: p, Model: ModelCU}.Idle(1<<30, 1, time.Hour)
	if want := 3600 * p.CU.MemoryGBSecond; !near(cu.CU, want, 1e-12) || cu.VCPUs != 0 {
		t.Errorf("idle CU %v (vCPU-s %v), want %v memory-only", cu.CU, cu.VCPUs, want)
	}
	gb := Biller{Prices: p, Model: ModelGBSecond}.Idle(1<<30, 1, time.Hour)
	if want := 3600 * p.GBSecond.GBSecondUSD; !near(gb.USD, want, 1e-12) {
		t.Errorf("idle GB-s USD %v, want %v", gb.USD, want)
	}
}

func TestParsePricesErrors(t *testing.T) {
	good := string(assets.Prices())
	for _, c := range []struct{ name, from, to, want string }{
		{"negative price", "gb_second_usd: 0.000016384", "gb_second_usd: -1", "gb_second.gb_second_usd"},
		{"zero granularity", "granularity: 1ms\n  # Monthly", "granularity: 0s\n  # Monthly", "gb_second.granularity"},
		{"unbounded middle tier", "up_to: 500000000", "up_to: 0", "cu.tiers[1].up_to"},
		{"descending tiers", "up_to: 500000000", "up_to: 5", "cu.tiers[1].up_to"},
		{"unknown field", "idle_vcpu_second: 0", "idle_vcpu_seconds: 0", "unknown field"},
		{"bad duration", "granularity: 1ms\n  # Monthly", "granularity: soon\n  # Monthly", "invalid duration"},
	} {
		src := strings.Replace(good, c.from, c.to, 1)
		if src == good {
			t.Fatalf("%s: replacement %q not found", c.name, c.from)
		}
		_, err := ParsePrices([]byte(src))
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: error %v, want it to mention %q", c.name, err, c.want)
		}
	}
}

func TestBillerWithoutPrices(t *testing.T) {
	c := Biller{}.Invocation(field.Bytes(1<<30), 1, 1500*time.Microsecond)
	if c.Billed != 2*time.Millisecond || c.GBs != 0.002 || c.USD != 0 {
		t.Errorf("%+v", c)
	}
}

func FuzzPrices(f *testing.F) {
	f.Add(assets.Prices())
	f.Add([]byte("cu: {tiers: [{up_to: 0, usd_per_cu: 1}], granularity: 1ms}\ngb_second: {granularity: 1s}"))
	f.Add([]byte("gb_second: [1, 2]"))
	f.Fuzz(func(t *testing.T, b []byte) {
		p, err := ParsePrices(b)
		if err != nil {
			return
		}
		if p.CUCost(1e9) < 0 || p.GBSecondCost(1e7, 1e7, true) < 0 {
			t.Fatalf("negative cost from valid prices %+v", p)
		}
		c := Biller{Prices: &p, Model: ModelCU}.Invocation(1<<30, 1, time.Second)
		if c.Billed < time.Second || c.CU < 0 {
			t.Fatalf("charge %+v", c)
		}
	})
}
