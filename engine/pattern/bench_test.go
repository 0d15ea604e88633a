package pattern

import (
	"fmt"
	"testing"
)

// BenchmarkMatch measures events per second on one core, parsing each event from bytes, for
// OSS-shaped and citylots-shaped events with 1 exact rule and 100 / 1,000 mixed rules.
func BenchmarkMatch(b *testing.B) {
	sets := []struct {
		name  string
		evs   [][]byte
		exact string
		mixed func(int) []string
	}{
		{"oss", corpus(1000, ossEvent), `{"data":{"oss":{"bucket":{"name":["bucket-07"]}}}}`, func(n int) []string { return rules(n, ossRule) }},
		{"citylots", corpus(1000, cityEvent), `{"properties":{"STREET":["MARKET ST"]}}`, func(n int) []string { return rules(n, cityRule) }},
	}
	for _, set := range sets {
		for _, n := range []int{1, 100, 1000} {
			rs := []string{set.exact}
			name := "1exact"
			if n > 1 {
				rs, name = set.mixed(n), fmt.Sprintf("%dmixed", n)
			}
			b.Run(set.name+"/"+name, func(b *testing.B) { benchMatch(b, set.evs, rs) })
		}
	}
}

func benchMatch(b *testing.B, evs [][]byte, rs []string) {
	m := NewMatcher(Alibaba)
	for i, r := range rs {
		if err := m.AddPattern(i, []byte(r)); err != nil {
			b.Fatal(err)
		}
	}
	total, matched := 0, 0
	var ids []int
	for _, ev := range evs {
		total += len(ev)
		var err error
		if ids, err = m.Match(ev, ids); err != nil {
			b.Fatal(err)
		}
		if len(ids) > 0 {
			matched++
		}
	}
	b.SetBytes(int64(total / len(evs)))
	b.ReportAllocs()
	cpu0 := cpuTime()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		ids, _ = m.Match(evs[i%len(evs)], ids)
	}
	b.StopTimer()
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "events/s")
	// The machine is shared: CPU time used by this process is steadier than wall time.
	if cpu := cpuTime() - cpu0; cpu > 0 {
		b.ReportMetric(float64(b.N)/cpu, "events/cpu-s")
	}
	b.ReportMetric(float64(matched)/float64(len(evs)), "match-rate")
}
