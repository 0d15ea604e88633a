package load

import (
	"fmt"
	"math"
	"math/rand/v2"
	"regexp"
	"sort"
	"time"

	"github.com/expr-lang/expr/vm"

	"github.com/fanout/fanout/engine/field"
	"github.com/fanout/fanout/engine/sim"
)

// cgen is a compiled generator. It holds per-load state (the sequence counter), so each
// built Load compiles its own.
type cgen struct {
	kind   string
	konst  any       // const
	values []any     // choice outcomes
	cum    []float64 // choice cumulative weights, last = 1
	dist   sim.Dist
	asInt  bool
	scale  float64 // 10^round, 0 = no rounding
	min    *float64
	max    *float64
	seq    int64 // next sequence value
	step   int64
	format string
	prog   *vm.Program
	vm     vm.VM    // reused across runs of prog
	fast   *strExpr // prog's value without the VM when its shape allows, or nil
	typ    any      // zero value of the static result type; nil = unknown
}

// compileGen checks g and compiles it against env (name → zero value of its static type).
// Errors are field errors with paths relative to the generator ("choice", "dist.p99").
func compileGen(g Gen, env map[string]any) (*cgen, error) {
	if g.bad != nil {
		return nil, g.bad
	}
	c := &cgen{kind: g.Kind()}
	var err error
	switch c.kind {
	case KindConst:
		if g.Const != nil {
			c.konst = normalize(g.Const.V)
		}
		c.typ = zeroOf(c.konst)
	case KindChoice:
		err = c.compileChoice(g.Choice)
	case KindDist:
		err = c.compileDist(g)
	case KindSeq:
		err = c.compileSeq(*g.Seq)
	case KindUUID:
		c.typ = ""
	case KindExpr:
		c.prog, err = compileExpr(g.Expr, env)
		if err == nil {
			c.typ = zeroOfType(c.prog.Node().Type())
			c.fast = compileStrExpr(c.prog.Node(), env)
		} else {
			err = field.Prefix(KindExpr, err)
		}
	}
	if err != nil {
		return nil, err
	}
	return c, nil
}

func (c *cgen) compileChoice(cs []Choice) error {
	var errs field.List
	if len(cs) == 0 {
		errs.Addf(KindChoice, "at least one value is required")
		return errs
	}
	sum := 0.0
	for i, ch := range cs {
		if !(ch.Weight >= 0) || math.IsInf(ch.Weight, 0) {
			errs.Addf(field.Join(KindChoice, fmt.Sprint(ch.Value.V)), "weight must be a finite number >= 0, got %g (choice %d)", ch.Weight, i)
			continue
		}
		sum += ch.Weight
		c.values = append(c.values, normalize(ch.Value.V))
		c.cum = append(c.cum, sum)
	}
	if len(errs) == 0 && sum <= 0 {
		errs.Addf(KindChoice, "at least one weight must be > 0")
	}
	if len(errs) > 0 {
		return errs
	}
	for i := range c.cum {
		c.cum[i] /= sum
	}
	c.cum[len(c.cum)-1] = 1
	c.typ = zeroOf(c.values[0])
	for _, v := range c.values[1:] {
		if fmt.Sprintf("%T", zeroOf(v)) != fmt.Sprintf("%T", c.typ) {
			c.typ = nil
		}
	}
	return nil
}

func (c *cgen) compileDist(g Gen) error {
	var errs field.List
	d, err := g.Dist.Build()
	if err != nil {
		errs.Add(KindDist, err)
	}
	c.dist = d
	switch g.As {
	case "", "float":
		c.typ = 0.0
	case "int":
		c.asInt, c.typ = true, 0
	default:
		errs.Addf("as", "unknown type %q: want int or float", g.As)
	}
	if g.Round < 0 || g.Round > 15 {
		errs.Addf("round", "must be in [0, 15] decimal places, got %d", g.Round)
	} else if g.Round > 0 {
		c.scale = math.Pow10(g.Round)
	}
	c.min, c.max = g.Min, g.Max
	if c.min != nil && c.max != nil && *c.max < *c.min {
		errs.Addf("max", "must be >= min (%g), got %g", *c.min, *c.max)
	}
	return errs.Err()
}

func (c *cgen) compileSeq(s Seq) error {
	c.seq, c.step, c.format = s.Start, s.Step, s.Format
	if c.step == 0 {
		c.step = 1
	}
	c.typ = 0
	if s.Format == "" {
		return nil
	}
	c.typ = ""
	if len(s.Format) > 200 || !seqFormatRE.MatchString(s.Format) {
		return field.Errorf("seq.format", "invalid format %q: want text with one integer verb (%%d, %%x, %%X, %%o, %%b, with flags and a width up to 99) such as %%06d; write %%%% for a literal %%", s.Format)
	}
	return nil
}

// seqFormatRE accepts text with exactly one integer verb of bounded width.
var seqFormatRE = regexp.MustCompile(`^(?:[^%]|%%)*%[-+ 0#]*[0-9]{0,2}[dxXob](?:[^%]|%%)*$`)

// next draws the generator's next value. r is the generator's own stream; env holds the
// values generated so far for this event.
func (c *cgen) next(r *rand.Rand, env map[string]any) (any, error) {
	switch c.kind {
	case KindChoice:
		return c.values[pick(c.cum, r.Float64())], nil
	case KindDist:
		return c.sampleDist(r), nil
	case KindSeq:
		v := c.seq
		c.seq += c.step
		if c.format != "" {
			return fmt.Sprintf(c.format, v), nil
		}
		return int(v), nil
	case KindUUID:
		return uuid4(r), nil
	case KindExpr:
		if c.fast != nil {
			if s, ok := c.fast.eval(env); ok {
				return s, nil
			}
		}
		v, err := c.vm.Run(c.prog, env)
		if err != nil {
			return nil, err
		}
		return normalize(v), nil
	}
	return c.konst, nil
}

func (c *cgen) sampleDist(r *rand.Rand) any {
	x := c.dist.Sample(r)
	if c.min != nil && x < *c.min {
		x = *c.min
	}
	if c.max != nil && x > *c.max {
		x = *c.max
	}
	if c.asInt {
		return int(math.Round(x))
	}
	if c.scale > 0 {
		x = math.Round(x*c.scale) / c.scale
	}
	return x
}

// pick returns the index of the first cumulative weight above u (u in [0, 1)).
func pick(cum []float64, u float64) int {
	i := sort.SearchFloat64s(cum, u)
	for i < len(cum)-1 && cum[i] <= u {
		i++
	}
	return i
}

// uuid4 formats 128 random bits from r as an RFC 4122 version-4 UUID (lower-case hex, 8-4-4-4-12).
func uuid4(r *rand.Rand) string {
	hi, lo := r.Uint64(), r.Uint64()
	return uuidText(hi&^0xf000|0x4000, lo&^(3<<62)|2<<62)
}

// uuid7 formats an RFC 9562 version-7 UUID: the 48-bit Unix time of at in milliseconds, then
// 74 random bits from r (it draws what uuid4 draws). Such ids sort by the time they were made,
// which lets a run's store keep its index on event ids by appending (storage/).
func uuid7(at time.Time, r *rand.Rand) string {
	hi, lo := r.Uint64(), r.Uint64()
	ms := uint64(at.UnixMilli()) & (1<<48 - 1)
	return uuidText(ms<<16|0x7000|hi&0x0fff, lo&^(3<<62)|2<<62)
}

// uuidText writes the 128 bits hi, lo as lower-case hex in groups 8-4-4-4-12.
func uuidText(hi, lo uint64) string {
	const hexDigits = "0123456789abcdef"
	var out [36]byte
	j := 0
	for i := range 16 {
		if i == 4 || i == 6 || i == 8 || i == 10 {
			out[j] = '-'
			j++
		}
		w := hi
		if i >= 8 {
			w = lo
		}
		c := byte(w >> (56 - 8*(i%8)))
		out[j], out[j+1] = hexDigits[c>>4], hexDigits[c&0xf]
		j += 2
	}
	return string(out[:])
}
