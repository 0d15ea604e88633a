package fc

import (
	"strings"
	"testing"
	"time"

	"github.com/goccy/go-yaml"
)

const exampleYAML = `
services:
  - name: media
    role: acs:ram::123:role/fc-media
    vpc: vpc-1
    log_project: media-logs
    functions:
      - name: index-fn
        runtime: python3.10
        memory: 512MB
        vcpu: 0.35
        timeout: 60s
        concurrency: 1
        max_instances: 100
        provisioned: 0
        keep_alive: 5m
        instance_selection: newest
        handler:
          cpu: 120ms
          threads: 1
          io: 30ms
          variability: 0.3
          init: 200ms
          working_set: 180MB
          failure_rate: 0.01
          failure: 'data.oss.object.size > 50e6 ? "timeout" : ""'
          duration_extra: 'data.oss.object.size / 1e6 * 8'
        async:
          max_retries: 3
          max_event_age: 6h
          on_failure: dlq
      - name: thumbs
        runtime: custom-container
        memory: 2GB
        image: {size: 800MB, cached_ttl: 30m, pull_bandwidth: 100MB}
        handler:
          cpu: 1s
          variability: {kind: exponential, mean: 1}
`

func decodeServices(t testing.TB, src string) []ServiceSpec {
	t.Helper()
	var doc struct {
		Services []ServiceSpec `yaml:"services"`
	}
	if err := yaml.UnmarshalWithOptions([]byte(src), &doc, yaml.Strict()); err != nil {
		t.Fatalf("decode: %v", err)
	}
	return doc.Services
}

func TestSpecDecodesExample(t *testing.T) {
	svcs := decodeServices(t, exampleYAML)
	if err := ValidateServices(svcs); err != nil {
		t.Fatalf("validate: %v", err)
	}
	f := svcs[0].Functions[0]
	if f.Memory != 512<<20 || f.VCPU != 0.35 || f.Timeout.D() != time.Minute || f.KeepAlive.D() != 5*time.Minute {
		t.Errorf("decoded %+v", f)
	}
	if v := f.Handler.Variability; v == nil || v.Sigma != 0.3 || v.Dist != nil {
		t.Errorf("variability sigma: %+v", v)
	}
	g := svcs[0].Functions[1]
	if v := g.Handler.Variability; v == nil || v.Dist == nil || v.Dist.Kind != "exponential" {
		t.Errorf("variability dist: %+v", v)
	}
	if g.Image == nil || g.Image.Size != 800<<20 || g.Image.CachedTTL.D() != 30*time.Minute {
		t.Errorf("image: %+v", g.Image)
	}
}

func TestSpecUnknownFieldRejected(t *testing.T) {
	var doc struct {
		Services []ServiceSpec `yaml:"services"`
	}
	src := strings.Replace(exampleYAML, "threads: 1", "thread: 1", 1)
	if err := yaml.UnmarshalWithOptions([]byte(src), &doc, yaml.Strict()); err == nil {
		t.Fatal("unknown field accepted")
	}
}
