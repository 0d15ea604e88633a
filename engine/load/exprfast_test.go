package load

import (
	"fmt"
	"math/rand/v2"
	"testing"
	"time"

	"github.com/fanout/fanout/engine/sim"
)

// defaultLoadSpec is the load of the shipped default scenario (scenarios/csv-upload-fanout.yaml).
const defaultLoadSpec = `
name: oss-uploads
arrival: {process: poisson, rate: 5/s}
vars:
  ext: {choice: {csv: 0.3, json: 0.4, png: 0.3}}
  dir: {choice: {"uploads/": 0.7, "exports/": 0.2, "tmp/": 0.1}}
  seq: {seq: {start: 1}}
events:
  - weight: 8
    catalog: oss:ObjectCreated:PutObject
    params: &object
      bucket: media-prod
      key: {expr: 'dir + "obj-" + string(seq) + "." + ext'}
      size: {dist: {kind: lognormal, median: 409600, p99: 20971520}, as: int}
  - weight: 1
    catalog: oss:ObjectCreated:PostObject
    params: *object
  - weight: 1
    catalog: oss:ObjectRemoved:DeleteObject
    params:
      bucket: media-prod
      key: {expr: 'dir + "obj-" + string(seq) + "." + ext'}
`

// BenchmarkDefaultLoad measures the shipped default scenario's load through the scheduler.
func BenchmarkDefaultLoad(b *testing.B) {
	l := mustBuild(b, decodeSpec(b, defaultLoadSpec), Env{Start: time.Date(2026, 1, 1, 9, 0, 0, 0, time.UTC)})
	sch := sim.NewScheduler()
	d := &discard{}
	l.Start(sch, d)
	b.ReportAllocs()
	b.ResetTimer()
	for range b.N {
		sch.Step()
	}
	b.ReportMetric(float64(d.n)/b.Elapsed().Seconds(), "events/s")
}

// TestStrExprMatchesVM evaluates expressions with and without the fast path over values of
// every type (including ones the fast path must hand back to the VM) and wants the same
// value or the same error.
func TestStrExprMatchesVM(t *testing.T) {
	srcs := []string{
		`dir + "obj-" + string(seq) + "." + ext`,
		`(ext == "csv" ? "uploads/" : "tmp/") + seq + "." + ext`,
		`ext != "png" ? dir + ext : "p" + f`,
		`f + "-" + (ext == dir ? "same" : string(ext))`,
		`"k/" + u`, `string(u) + "x"`, `u + v`, `ext`, `"lit"`, `"a" + "b" + ext`,
	}
	vals := []any{"csv", "", "ü\x00\"", 0, 7, -123456789, 2.5, 1e21, 0.1, true, nil, []any{1}}
	r := rand.New(rand.NewPCG(3, 4))
	fast := 0
	for _, src := range srcs {
		types := map[string]any{"dir": "", "ext": "", "seq": 0, "f": 0.0, "u": nil, "v": nil}
		g, err := compileGen(Gen{Expr: src}, types)
		if err != nil {
			t.Logf("%s: %v", src, err) // shapes the checker rejects need no fast path
			continue
		}
		if g.fast != nil {
			fast++
		}
		for range 300 {
			env := map[string]any{}
			for k := range types {
				if r.IntN(8) > 0 {
					env[k] = vals[r.IntN(len(vals))]
				}
			}
			got, gotErr := g.next(nil, env)
			slow := *g
			slow.fast = nil
			want, wantErr := slow.next(nil, env)
			if fmt.Sprintf("%#v %v", got, gotErr) != fmt.Sprintf("%#v %v", want, wantErr) {
				t.Fatalf("%s with %v: fast %#v, %v; vm %#v, %v", src, env, got, gotErr, want, wantErr)
			}
		}
	}
	if fast < 6 {
		t.Errorf("only %d expressions took the fast path", fast)
	}
}

// TestUUID4Format checks the hand-written UUID text against fmt's.
func TestUUID4Format(t *testing.T) {
	a, b := rand.New(rand.NewPCG(5, 6)), rand.New(rand.NewPCG(5, 6))
	for range 1000 {
		var x [16]byte
		hi, lo := b.Uint64(), b.Uint64()
		for i := 0; i < 8; i++ {
			x[i], x[8+i] = byte(hi>>(56-8*i)), byte(lo>>(56-8*i))
		}
		x[6], x[8] = x[6]&0x0f|0x40, x[8]&0x3f|0x80
		want := fmt.Sprintf("%x-%x-%x-%x-%x", x[0:4], x[4:6], x[6:8], x[8:10], x[10:16])
		if got := uuid4(a); got != want {
			t.Fatalf("uuid4 %q, want %q", got, want)
		}
	}
}
