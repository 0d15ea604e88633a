package sweep

import (
	"slices"
	"strings"
	"testing"
)

func TestCheckSize(t *testing.T) {
	for _, tc := range []struct {
		mb int
		ok bool
	}{{128, true}, {192, true}, {32768, true}, {3072, true}, {64, false}, {0, false}, {-128, false},
		{100, false}, {130, false}, {32832, false}} {
		if err := CheckSize(tc.mb); (err == nil) != tc.ok {
			t.Errorf("CheckSize(%d) = %v, want ok %v", tc.mb, err, tc.ok)
		}
	}
}

func TestParseSizes(t *testing.T) {
	for _, tc := range []struct {
		in      string
		want    []int
		wantErr string
	}{
		{"128,256,512", []int{128, 256, 512}, ""},
		{" 512, 128 ,256,128", []int{128, 256, 512}, ""},
		{"1GB,1.5GB,2gb,512MB", []int{512, 1024, 1536, 2048}, ""},
		{"32GB", []int{32768}, ""},
		{"100", nil, `memory 100 MB is not valid`},
		{"64", nil, `memory 64 MB is not valid`},
		{"33GB", nil, `memory 33792 MB is not valid`},
		{"abc", nil, `memory size "abc" is not a number`},
		{"1.3GB", nil, `memory size "1.3GB" is not a whole number of MB`},
		{"-128", nil, `memory size "-128" is not a number`},
		{"+Inf", nil, `memory size "+Inf" is out of range`},
		{"1e300", nil, `memory size "1e300" is out of range`},
		{"", nil, `no memory sizes in ""`},
		{" , ", nil, `no memory sizes`},
	} {
		got, err := ParseSizes(tc.in)
		if tc.wantErr != "" {
			if err == nil || !strings.Contains(err.Error(), tc.wantErr) {
				t.Errorf("ParseSizes(%q) error = %v, want %q", tc.in, err, tc.wantErr)
			}
			continue
		}
		if err != nil || !slices.Equal(got, tc.want) {
			t.Errorf("ParseSizes(%q) = %v, %v; want %v", tc.in, got, err, tc.want)
		}
	}
}

func TestScaleVCPU(t *testing.T) {
	for _, tc := range []struct {
		v, oldGB, newGB, want float64
	}{
		{0.5, 1, 2, 1},         // ratio kept
		{1, 1, 0.125, 0.1},     // clamped to 1:1 at 128 MB (0.125 → 0.1 on the 0.05 grid)
		{0.25, 1, 0.125, 0.05}, // clamped to the 0.05 minimum
		{1, 1, 32, 16},         // capped at 16
		{0.3, 0.5, 0.75, 0.45}, // 0.3 × 1.5 = 0.45
		{0.25, 1, 3, 0.75},     // 1:4 kept
	} {
		if got := scaleVCPU(tc.v, tc.oldGB, tc.newGB); got < tc.want-1e-9 || got > tc.want+1e-9 {
			t.Errorf("scaleVCPU(%g, %g GB → %g GB) = %g, want %g", tc.v, tc.oldGB, tc.newGB, got, tc.want)
		}
	}
}

// FuzzParseSizes: any input either fails with an error or gives valid sizes, sorted and unique.
func FuzzParseSizes(f *testing.F) {
	for _, s := range []string{"128,256", "1GB,1.5GB", "64", "abc", "", "32GB,128MB", "1e3", "0x80", "NaN", "+Inf"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got, err := ParseSizes(s)
		if err != nil {
			return
		}
		if len(got) == 0 || !slices.IsSorted(got) || len(slices.Compact(slices.Clone(got))) != len(got) {
			t.Fatalf("ParseSizes(%q) = %v: want sorted, unique and not empty", s, got)
		}
		for _, mb := range got {
			if CheckSize(mb) != nil {
				t.Fatalf("ParseSizes(%q) gave invalid size %d", s, mb)
			}
		}
	})
}
