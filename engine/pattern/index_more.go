package pattern

import (
	"net/netip"
	"slices"
	"strings"
)

// cidrIndex indexes prefixes by their masked value, per distinct prefix length and family, so
// that an address is checked against all of them with one map lookup per length.
type cidrIndex struct {
	m            map[netip.Prefix][]int32
	lens4, lens6 []int
}

func (c *cidrIndex) add(p netip.Prefix, f int32) {
	if c.m == nil {
		c.m = map[netip.Prefix][]int32{}
	}
	lens := &c.lens6
	if p.Addr().Is4() {
		lens = &c.lens4
	}
	if i, found := slices.BinarySearch(*lens, p.Bits()); !found {
		*lens = slices.Insert(*lens, i, p.Bits())
	}
	c.m[p] = append(c.m[p], f)
}

// parseIP parses s like netip.ParseAddr, but rejects without allocating strings that cannot be
// an address (netip allocates an error for each).
func parseIP(s string) (netip.Addr, bool) {
	if len(s) < 2 || len(s) > 64 {
		return netip.Addr{}, false
	}
	if !strings.Contains(s, ":") {
		if len(s) < 7 || len(s) > 15 {
			return netip.Addr{}, false
		}
		for i := 0; i < len(s); i++ {
			if (s[i] < '0' || s[i] > '9') && s[i] != '.' {
				return netip.Addr{}, false
			}
		}
	}
	a, err := netip.ParseAddr(s)
	return a, err == nil
}

// rangeIndex answers "which two-sided numeric ranges contain x" with one binary search: the
// distinct endpoints cut the line into elementary pieces (open gaps and single points), and each
// piece lists the ranges covering it (compressed: offsets into one array).
type rangeIndex struct {
	pts  []float64
	off  []int32 // piece i lists ents[off[i]:off[i+1]]
	ents []int32
}

// maxRangeEntries bounds the index size; beyond it ranges are scanned one by one instead.
const maxRangeEntries = 1 << 20

func buildRanges(rs []numEnt) (rangeIndex, bool) {
	var ri rangeIndex
	for _, e := range rs {
		ri.pts = append(ri.pts, e.c.Lo, e.c.Hi)
	}
	slices.Sort(ri.pts)
	ri.pts = slices.Compact(ri.pts)
	pieces := 2*len(ri.pts) + 1
	lists := make([][]int32, pieces)
	total := 0
	for _, e := range rs {
		a, _ := slices.BinarySearch(ri.pts, e.c.Lo)
		b, _ := slices.BinarySearch(ri.pts, e.c.Hi)
		from, to := 2*a+2, 2*b
		if e.c.LoIncl {
			from = 2*a + 1
		}
		if e.c.HiIncl {
			to = 2*b + 1
		}
		for p := from; p <= to; p++ {
			lists[p] = append(lists[p], e.f)
		}
		if total += to - from + 1; total > maxRangeEntries {
			return ri, false
		}
	}
	ri.off = make([]int32, pieces+1)
	for i, l := range lists {
		ri.ents = append(ri.ents, l...)
		ri.off[i+1] = int32(len(ri.ents))
	}
	return ri, true
}

// lookup returns the fields whose range contains x.
func (ri *rangeIndex) lookup(x float64) []int32 {
	if x < ri.pts[0] || x > ri.pts[len(ri.pts)-1] {
		return nil // outside every range
	}
	i, found := slices.BinarySearch(ri.pts, x)
	p := 2 * i
	if found {
		p++
	}
	return ri.ents[ri.off[p]:ri.off[p+1]]
}
