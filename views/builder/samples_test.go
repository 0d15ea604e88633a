package builder

import (
	"errors"
	"reflect"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
	"github.com/fanout/fanout/engine/pattern"
)

// fakeRun is a stored run with fixed events.
type fakeRun struct {
	events [][]byte
	err    error
}

func (f fakeRun) SampleEvents(n int) ([][]byte, error) {
	if len(f.events) > n {
		return f.events[:n], f.err
	}
	return f.events, f.err
}

func TestSampleSources(t *testing.T) {
	newTestApp(t)
	env := testEnv(t)
	env.Run = fakeRun{events: [][]byte{[]byte(`{"specversion":"1.0","type":"oss:ObjectCreated:PutObject","data":{"oss":{"object":{"key":"uploads/x.csv","size":5}}}}`)}}
	b := NewRuleBuilder(env, openDefault(t), 0)
	b.Wait()
	// The scenario has loads: the builder opens on their first event.
	if b.picker.source.Selected != SourceLoads || !strings.HasPrefix(b.picker.choice.Selected, "oss-uploads #1 ") {
		t.Errorf("opened on %q / %q", b.picker.source.Selected, b.picker.choice.Selected)
	}
	if got := b.picker.source.Options; !reflect.DeepEqual(got, []string{SourceCatalog, SourceLoads, SourceRun, SourcePaste}) {
		t.Errorf("sources %v", got)
	}

	// A stored run's event: the verdict follows (size 5 < 1 MB: no match).
	b.picker.source.SetSelected(SourceRun)
	b.Wait()
	if b.picker.choice.Selected != "#1 oss:ObjectCreated:PutObject" || !strings.HasPrefix(b.verdict.head.Text, "✗") {
		t.Errorf("run sample %q, verdict %q", b.picker.choice.Selected, b.verdict.head.Text)
	}
	if !strings.Contains(b.verdict.notes.Text, "✗ data.oss.object.size: needs numeric >= 1048576, event has 5") {
		t.Errorf("notes:\n%s", b.verdict.notes.Text)
	}

	// Pasted JSON: invalid text is refused with its place, valid text becomes the sample.
	b.picker.source.SetSelected(SourcePaste)
	b.picker.paste.SetText(`{"type": }`)
	test.Tap(b.picker.usePast)
	if !b.picker.errLbl.Visible() || !strings.Contains(b.picker.errLbl.Text, "line 1, column") {
		t.Errorf("paste error %q", b.picker.errLbl.Text)
	}
	b.picker.paste.SetText(`{"type":"oss:ObjectCreated:PutObject","subject":"a/b.csv","data":{"oss":{"object":{"key":"uploads/b.csv","size":2097152}}}}`)
	test.Tap(b.picker.usePast)
	b.Wait()
	if b.picker.errLbl.Visible() || !strings.HasPrefix(b.verdict.head.Text, "✓") {
		t.Errorf("pasted sample: error %q, verdict %q", b.picker.errLbl.Text, b.verdict.head.Text)
	}
	// Its fields are in the tree and can be clicked.
	if b.picker.TreeID("data.oss.object.key") == "" {
		t.Errorf("pasted fields not in the tree")
	}
}

func TestStoredRunError(t *testing.T) {
	newTestApp(t)
	env := testEnv(t)
	env.Run = fakeRun{err: errors.New("database is locked")}
	b := NewRuleBuilder(env, openDefault(t), 0)
	b.picker.source.SetSelected(SourceRun)
	b.Wait()
	if !strings.Contains(b.picker.errLbl.Text, "stored run: database is locked") {
		t.Errorf("error %q", b.picker.errLbl.Text)
	}
}

func TestOpsFor(t *testing.T) {
	for _, tc := range []struct {
		kind, sample string
		d            pattern.Dialect
		has, hasNot  []Op
	}{
		{kindString, "acs.oss", pattern.Alibaba, []Op{OpExact, OpPrefix, OpSuffix, OpContains, OpAnythingButPrefix, OpExists},
			[]Op{OpNumeric, OpCIDR, OpEqualsIgnoreCase, OpWildcard}},
		{kindString, "acs.oss", pattern.AWS, []Op{OpEqualsIgnoreCase, OpWildcard}, []Op{OpNumeric}},
		{kindString, "192.0.2.10", pattern.Alibaba, []Op{OpCIDR}, nil},
		{kindNumber, "5", pattern.Alibaba, []Op{OpNumeric, OpExact, OpAnythingBut, OpExists}, []Op{OpPrefix, OpCIDR}},
		{kindBool, "true", pattern.Alibaba, []Op{OpExact, OpExists}, []Op{OpNumeric, OpPrefix}},
		{kindObject, "", pattern.Alibaba, []Op{OpExists}, []Op{OpExact}},
		{"", "", pattern.Alibaba, []Op{OpExact, OpNumeric, OpCIDR, OpExists}, []Op{OpWildcard}},
	} {
		ops := OpsFor(tc.kind, tc.sample, tc.d)
		for _, op := range tc.has {
			if !containsOp(ops, op) {
				t.Errorf("%s %q %s: %v lacks %s", tc.kind, tc.sample, tc.d, ops, op)
			}
		}
		for _, op := range tc.hasNot {
			if containsOp(ops, op) {
				t.Errorf("%s %q %s: %v offers %s", tc.kind, tc.sample, tc.d, ops, op)
			}
		}
	}
}
