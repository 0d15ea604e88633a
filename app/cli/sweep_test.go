package cli

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

const sweepScenario = "testdata/sweep/resize.yaml"

func execSweep(args ...string) (int, string, string) {
	var out, errb bytes.Buffer
	code := Execute(append([]string{"sweep"}, args...), nil, &out, &errb)
	return code, out.String(), errb.String()
}

// TestSweepGolden pins the printed table of a small sweep: the 128 MB size fails out of
// memory (working set 200 MB), the baseline is the function's 512 MB.
func TestSweepGolden(t *testing.T) {
	code, out, errs := execSweep(sweepScenario, "--function", "resize", "--memory", "128,256,1GB,2GB,3GB")
	got := "exit " + strconv.Itoa(code) + "\n" + out + errs
	golden := "testdata/sweep/resize.golden"
	if *update {
		if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run with -update to create it)", err)
	}
	if got != string(want) {
		t.Errorf("output differs from %s:\n--- got\n%s--- want\n%s", golden, got, want)
	}
}

// TestSweepJSONDeterministic: the same inputs give byte-identical JSON, whatever the
// parallelism; the report names the optimum of the chosen strategy.
func TestSweepJSONDeterministic(t *testing.T) {
	dir := t.TempDir()
	var files [2][]byte
	for i, p := range []string{"1", "4"} {
		path := filepath.Join(dir, "sweep"+p+".json")
		code, _, errs := execSweep(sweepScenario, "--function", "media/resize", "--memory", "256,512,1024",
			"--strategy", "cost", "--invocations", "300", "--parallel", p, "--quiet", "--out", path)
		if code != 0 {
			t.Fatalf("exit %d: %s", code, errs)
		}
		b, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		files[i] = b
	}
	if !bytes.Equal(files[0], files[1]) {
		t.Fatalf("JSON differs between --parallel 1 and 4:\n%s\n---\n%s", files[0], files[1])
	}
	var rep struct {
		OptimumMB int `json:"optimum_mb"`
		Sizes     []struct {
			MemoryMB    int     `json:"memory_mb"`
			Invocations int64   `json:"invocations"`
			CostPer1M   float64 `json:"cost_per_1m"`
			Stopped     bool    `json:"stopped"`
		} `json:"sizes"`
		Objective struct{ Strategy string } `json:"objective"`
		Wall      *float64                  `json:"wall_seconds"`
	}
	if err := json.Unmarshal(files[0], &rep); err != nil {
		t.Fatal(err)
	}
	cheapest := rep.Sizes[0]
	for _, s := range rep.Sizes {
		if s.CostPer1M < cheapest.CostPer1M {
			cheapest = s
		}
		if s.Invocations != 300 || !s.Stopped {
			t.Errorf("%d MB: %d invocations, stopped %v; want stopped at 300", s.MemoryMB, s.Invocations, s.Stopped)
		}
	}
	if rep.OptimumMB != cheapest.MemoryMB || rep.Objective.Strategy != "cost" || rep.Wall != nil {
		t.Errorf("optimum %d MB, cheapest %d MB, strategy %q, wall %v", rep.OptimumMB, cheapest.MemoryMB,
			rep.Objective.Strategy, rep.Wall)
	}
}

func TestSweepBadInput(t *testing.T) {
	for _, tc := range []struct {
		args []string
		code int
		want string
	}{
		{[]string{sweepScenario}, 2, "--function is required"},
		{[]string{sweepScenario, "--function", "nope"}, 2, `function "nope" not found; the scenario's functions are media/resize`},
		{[]string{sweepScenario, "--function", "resize", "--memory", "128,100"}, 2, "--memory: memory 100 MB is not valid: a function's memory must be 128 MB to 32 GB"},
		{[]string{sweepScenario, "--function", "resize", "--memory", "64GB"}, 2, "memory 65536 MB is not valid"},
		{[]string{sweepScenario, "--function", "resize", "--baseline", "1000"}, 2, "--baseline: memory 1000 MB is not valid"},
		{[]string{sweepScenario, "--function", "resize", "--strategy", "fast"}, 2, `strategy "fast" is not one of cost, speed, balanced`},
		{[]string{sweepScenario, "--function", "resize", "--weight", "2"}, 2, "weight 2 is out of range"},
		{[]string{sweepScenario, "--function", "resize", "--invocations", "-1"}, 2, "--invocations -1: must be >= 0"},
		{[]string{"testdata/validate/five-mistakes.yaml", "--function", "resize"}, 2, "five-mistakes.yaml:4:1"},
		{[]string{"testdata/sweep/missing.yaml", "--function", "resize"}, 2, "missing.yaml"},
		// every size fails out of memory: no optimum
		{[]string{sweepScenario, "--function", "resize", "--memory", "128", "--baseline", "128", "--quiet"}, 1, "no size ran without errors"},
	} {
		code, out, errs := execSweep(tc.args...)
		if code != tc.code || !strings.Contains(errs, tc.want) {
			t.Errorf("sweep %v: exit %d, stderr %q; want exit %d and %q", tc.args, code, errs, tc.code, tc.want)
		}
		if tc.code == 2 && out != "" {
			t.Errorf("sweep %v printed %q before failing", tc.args, out)
		}
	}
}

// TestSweepDocExample keeps the example in docs/sweep.md in step with the golden output.
func TestSweepDocExample(t *testing.T) {
	doc, err := os.ReadFile("../../docs/sweep.md")
	if err != nil {
		t.Fatal(err)
	}
	golden, err := os.ReadFile("testdata/sweep/resize.golden")
	if err != nil {
		t.Fatal(err)
	}
	body := strings.TrimPrefix(string(golden), "exit 0\n")
	if !strings.Contains(string(doc), body) {
		t.Errorf("docs/sweep.md's example differs from testdata/sweep/resize.golden; copy it over:\n%s", body)
	}
}
