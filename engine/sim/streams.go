package sim

import "math/rand/v2"

// Streams hands out independent, reproducible random generators, one per
// named source. A stream's state depends only on the seed and its name, so
// adding, removing or changing the use of one source never changes the draws
// of another.
type Streams struct{ seed uint64 }

// NewStreams returns the stream family for a scenario seed.
func NewStreams(seed uint64) *Streams { return &Streams{seed: seed} }

// Seed returns the seed the family was made from.
func (s *Streams) Seed() uint64 { return s.seed }

// Stream returns a new PCG generator determined only by (seed, name): two
// calls with the same inputs return generators that produce the same draws.
// Each call returns a fresh generator; callers keep the one they use.
func (s *Streams) Stream(name string) *rand.Rand {
	a, b := s.state(name)
	return rand.New(rand.NewPCG(a, b))
}

// Child returns a family whose seed is derived from (seed, name), for a
// component that names its own sub-sources (for example a load with one
// stream per template field).
func (s *Streams) Child(name string) *Streams {
	a, b := s.state("\x00child\x00" + name)
	return &Streams{seed: a ^ mix64(b)}
}

// state derives the two PCG words from the seed and the name: FNV-1a over
// the name, then SplitMix64 finalisers to spread every input bit.
func (s *Streams) state(name string) (uint64, uint64) {
	h := fnv1a(name)
	a := mix64(s.seed ^ mix64(h))
	b := mix64(a + 0x9e3779b97f4a7c15 ^ h)
	return a, b
}

// fnv1a is the 64-bit FNV-1a hash of name.
func fnv1a(name string) uint64 {
	h := uint64(14695981039346656037)
	for i := 0; i < len(name); i++ {
		h ^= uint64(name[i])
		h *= 1099511628211
	}
	return h
}

// mix64 is the SplitMix64 finaliser: a bijection with good avalanche.
func mix64(z uint64) uint64 {
	z += 0x9e3779b97f4a7c15
	z = (z ^ z>>30) * 0xbf58476d1ce4e5b9
	z = (z ^ z>>27) * 0x94d049bb133111eb
	return z ^ z>>31
}
