package load

import (
	"bytes"
	"encoding/json"
	"errors"
	"os"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/goccy/go-yaml"

	"github.com/fanout/fanout/engine/event"
	"github.com/fanout/fanout/engine/field"
	"github.com/fanout/fanout/engine/sim"
)

var wall = time.Date(2026, 3, 1, 8, 0, 0, 0, time.UTC)

// collector is a Publisher that keeps everything.
type collector struct {
	times  []sim.Time
	buses  []string
	events []event.Event
}

func (c *collector) Publish(now sim.Time, bus string, e event.Event) {
	c.times = append(c.times, now)
	c.buses = append(c.buses, bus)
	c.events = append(c.events, e)
}

func mustBuild(t testing.TB, s Spec, env Env) *Load {
	t.Helper()
	if env.Streams == nil {
		env.Streams = sim.NewStreams(42)
	}
	if env.Start.IsZero() {
		env.Start = wall
	}
	l, err := Build(s, env)
	if err != nil {
		t.Fatalf("build: %v", err)
	}
	return l
}

// run runs loads on one scheduler until horizon and returns what was published.
func run(t testing.TB, horizon sim.Time, loads ...*Load) *collector {
	t.Helper()
	s := sim.NewScheduler()
	c := &collector{}
	for _, l := range loads {
		l.Start(s, c)
	}
	for s.Step() {
		if s.Pending() > len(loads) {
			t.Fatalf("%d actions pending for %d loads: arrivals are generated ahead", s.Pending(), len(loads))
		}
		if s.Now() > horizon {
			t.Fatalf("arrival at %s after the horizon %s", s.Now(), horizon)
		}
	}
	return c
}

const uploadsSpec = `
name: uploads
arrival: {process: poisson, rate: 20/s}
events:
  - catalog: oss:ObjectCreated:PutObject
    params:
      bucket: media-prod
      key: {expr: '(ext == "csv" ? "uploads/" : "tmp/") + seq + "." + ext'}
      size: {dist: {kind: lognormal, median: 409600, p99: 20971520}, as: int}
vars:
  ext: {choice: {csv: 0.3, json: 0.5, png: 0.2}}
  seq: {seq: {start: 1}}
`

type ossData struct {
	OSS struct {
		Bucket struct{ Name string }
		Object struct {
			Key  string
			Size int64
		}
	}
}

// The example: keys under uploads/ ending .csv 30% of the time, sizes log-normal with
// median 400 KB and p99 20 MB.
func TestUploadsExample(t *testing.T) {
	l := mustBuild(t, decodeSpec(t, uploadsSpec), Env{})
	const n = 20000
	evs, err := l.Sample(n)
	if err != nil || len(evs) != n {
		t.Fatalf("sample: %d events, %v", len(evs), err)
	}
	csv, belowMedian, belowP99 := 0, 0, 0
	for i, e := range evs {
		var d ossData
		if err := json.Unmarshal(e.Data, &d); err != nil {
			t.Fatal(err)
		}
		k := d.OSS.Object.Key
		if strings.HasPrefix(k, "uploads/") && strings.HasSuffix(k, ".csv") {
			csv++
		} else if !strings.HasPrefix(k, "tmp/") || strings.HasSuffix(k, ".csv") {
			t.Fatalf("unexpected key %q", k)
		}
		if !strings.Contains(k, "/"+itoa(i+1)+".") {
			t.Fatalf("event %d: key %q does not carry the sequence number", i, k)
		}
		if d.OSS.Bucket.Name != "media-prod" || !strings.HasSuffix(e.Subject, "media-prod/"+k) {
			t.Fatalf("bucket/subject: %q %q", d.OSS.Bucket.Name, e.Subject)
		}
		if d.OSS.Object.Size <= 409600 {
			belowMedian++
		}
		if d.OSS.Object.Size <= 20971520 {
			belowP99++
		}
	}
	binomialWithin(t, "uploads/*.csv", csv, n, 0.3)
	binomialWithin(t, "size <= 400 KB", belowMedian, n, 0.5)
	binomialWithin(t, "size <= 20 MB", belowP99, n, 0.99)
}

func itoa(i int) string { return text(i) }

func TestCustomEventFields(t *testing.T) {
	s := decodeSpec(t, `
name: orders
arrival: {process: constant, rate: 2/s}
events:
  - event:
      source: app.orders
      type: order:Created
      extensions: {tenant: acme}
      data: {order: {id: "", amount: 0}, meta: {v: 1}}
    fields:
      data.order.id: {seq: {start: 1, format: "ord-%06d"}}
      data.order.amount: {dist: {kind: lognormal, median: 40, p99: 900}, round: 2}
      data.order.big: {expr: 'data.order.amount > 40'}
      subject: {expr: '"orders/" + data.order.id'}
      region: {choice: {eu: 1}}
`)
	l := mustBuild(t, s, Env{})
	evs, err := l.Sample(3)
	if err != nil {
		t.Fatal(err)
	}
	for i, e := range evs {
		id := "ord-00000" + itoa(i+1)
		if !bytes.HasPrefix(e.Data, []byte(`{"order":{"id":"`+id+`","amount":`)) ||
			!bytes.Contains(e.Data, []byte(`,"big":`)) || !bytes.HasSuffix(e.Data, []byte(`},"meta":{"v":1}}`)) {
			t.Errorf("data %s: want declared key order with the fields set", e.Data)
		}
		if e.Subject != "orders/"+id || e.Extensions["region"] != "eu" || e.Extensions["tenant"] != "acme" {
			t.Errorf("attributes: %+v", e)
		}
		if want := event.FormatTime(wall.Add(time.Duration(i) * 500 * time.Millisecond)); e.Time != want {
			t.Errorf("time %s, want %s", e.Time, want)
		}
		if !uuid7RE.MatchString(e.ID) || e.DataContentType != "application/json" || e.SpecVersion != "1.0" {
			t.Errorf("id/content type: %+v", e)
		}
		// The id is a version-7 UUID of the event's time: its first 48 bits are the Unix ms.
		ms, err := strconv.ParseUint(strings.ReplaceAll(e.ID[:13], "-", ""), 16, 64)
		if want := wall.Add(time.Duration(i) * 500 * time.Millisecond).UnixMilli(); err != nil || int64(ms) != want {
			t.Errorf("id %s: time %d ms, want %d", e.ID, ms, want)
		}
		if i > 0 && e.ID <= evs[i-1].ID {
			t.Errorf("ids do not rise with time: %s after %s", e.ID, evs[i-1].ID)
		}
		if err := event.Validate(e, event.DefaultLimits()); err != nil {
			t.Errorf("generated event is invalid: %v", err)
		}
	}
}

func TestCatalogDataField(t *testing.T) {
	s := decodeSpec(t, "name: a\narrival: {process: constant, rate: 1/s}\n"+
		"events: [{catalog: 'oss:ObjectCreated:PutObject', fields: {data.oss.object.key: overridden, data.extra: [1]}}]\n")
	evs, err := mustBuild(t, s, Env{}).Sample(1)
	if err != nil {
		t.Fatal(err)
	}
	var d ossData
	if err := json.Unmarshal(evs[0].Data, &d); err != nil || d.OSS.Object.Key != "overridden" {
		t.Fatalf("data field on a catalog event: %s (%v)", evs[0].Data, err)
	}
	if !bytes.HasPrefix(evs[0].Data, []byte(`{"eventVersion":`)) || !bytes.HasSuffix(evs[0].Data, []byte(`,"extra":[1]}`)) {
		t.Errorf("catalog data order not kept: %s", evs[0].Data)
	}
}

func TestRunMatchesSampleAndWindow(t *testing.T) {
	s := decodeSpec(t, uploadsSpec)
	s.Start, s.Stop = field.Duration(10*time.Second), field.Duration(70*time.Second)
	s.Bus = "media"
	c := run(t, sim.Time(100*time.Second), mustBuild(t, s, Env{}))
	want, err := mustBuild(t, s, Env{}).Sample(1 << 20)
	if err != nil {
		t.Fatal(err)
	}
	if len(c.events) != len(want) {
		t.Fatalf("run published %d events, Sample made %d", len(c.events), len(want))
	}
	within(t, "events in the 60 s window", len(want), 20*60)
	for i := range want {
		if !bytes.Equal(c.events[i].JSON(), want[i].JSON()) {
			t.Fatalf("event %d differs between run and Sample", i)
		}
		if c.buses[i] != "media" || c.times[i] < sim.Time(10*time.Second) || c.times[i] >= sim.Time(70*time.Second) {
			t.Fatalf("event %d on bus %s at %s", i, c.buses[i], c.times[i])
		}
		if wantT := event.FormatTime(wall.Add(time.Duration(c.times[i]))); c.events[i].Time != wantT {
			t.Fatalf("event %d time %s, want %s", i, c.events[i].Time, wantT)
		}
	}
}

func TestHorizonIsDefaultStop(t *testing.T) {
	s := decodeSpec(t, "name: a\narrival: {process: constant, rate: 10/s}\n"+okEvent)
	c := run(t, sim.Time(5*time.Second), mustBuild(t, s, Env{Horizon: sim.Time(5 * time.Second)}))
	if len(c.events) != 50 {
		t.Fatalf("got %d events in 5 s at 10/s, want 50", len(c.events))
	}
}

func TestBuildErrors(t *testing.T) {
	replay := decodeSpec(t, "name: r\narrival: {process: replay, file: day1.txt}\n"+okEvent)
	cases := []struct {
		name string
		s    Spec
		env  Env
		want string
	}{
		{"invalid", decodeSpec(t, "name: a\n"+okArrival), Env{}, "events"},
		{"no reader", replay, Env{}, "arrival.file"},
		{"read error", replay, Env{ReadFile: func(string) ([]byte, error) { return nil, os.ErrNotExist }}, "arrival.file"},
		{"parse error", replay, Env{ReadFile: func(string) ([]byte, error) { return []byte("1\nbad\n"), nil }}, "arrival.file"},
	}
	for _, c := range cases {
		_, err := Build(c.s, Env{Streams: sim.NewStreams(1), ReadFile: c.env.ReadFile})
		var l field.List
		if !errors.As(err, &l) || l[0].Path != c.want {
			t.Errorf("%s: want an error at %s, got %v", c.name, c.want, err)
		}
	}
	if _, err := Build(decodeSpec(t, "name: a\n"+okArrival+okEvent), Env{}); err == nil {
		t.Error("no streams: want an error")
	}
}

func TestSpecsFileBuilds(t *testing.T) {
	b, err := os.ReadFile("testdata/uploads.yaml")
	if err != nil {
		t.Fatal(err)
	}
	var specs []Spec
	if err := yaml.Unmarshal(b, &specs); err != nil {
		t.Fatal(err)
	}
	for _, s := range specs {
		if _, err := mustBuild(t, s, Env{}).Sample(100); err != nil {
			t.Errorf("%s: %v", s.Name, err)
		}
	}
}
