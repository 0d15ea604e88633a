package edit

import (
	"os"
	"path/filepath"
	"testing"
	"time"
)

func TestRecoveryRoundTrip(t *testing.T) {
	dir := t.TempDir()
	clock := time.Date(2026, 3, 1, 10, 0, 0, 0, time.UTC)
	now = func() time.Time { return clock }
	defer func() { now = time.Now }()

	a := openShipped(t, "csv-upload-fanout")
	b := openShipped(t, "retries-and-dlq")
	a.OnChange(func() { _ = a.WriteRecovery(dir) })
	b.OnChange(func() { _ = b.WriteRecovery(dir) })
	if err := a.Set("seed", 1); err != nil {
		t.Fatal(err)
	}
	clock = clock.Add(time.Minute)
	if err := b.Set("seed", 2); err != nil {
		t.Fatal(err)
	}
	if err := a.Set("seed", 3); err != nil { // overwrites a's copy, does not add one
		t.Fatal(err)
	}
	want := map[string]string{a.Name(): string(a.Text()), b.Name(): string(b.Text())}
	a, b = nil, nil // the crash: the documents are gone, only the files remain

	rs, err := Recoveries(dir)
	if err != nil || len(rs) != 2 {
		t.Fatalf("recoveries %v, %v", rs, err)
	}
	if !rs[0].Saved.Equal(clock) || rs[0].Saved.Before(rs[1].Saved) {
		t.Errorf("not newest first: %v", rs)
	}
	for _, r := range rs {
		d, err := r.Open(nil)
		if err != nil {
			t.Fatal(err)
		}
		if string(d.Text()) != want[r.Name] || d.Name() != r.Name || !d.Dirty() {
			t.Errorf("%s: restored text differs or not dirty", r.Name)
		}
	}
	if err := rs[0].Discard(); err != nil {
		t.Fatal(err)
	}
	if rs, _ := Recoveries(dir); len(rs) != 1 {
		t.Fatalf("after discard: %v", rs)
	}
}

func TestRecoveryRemoveAndJunk(t *testing.T) {
	dir := t.TempDir()
	d := New("fresh")
	if err := d.WriteRecovery(dir); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "junk"+RecoveryExt), []byte("not a recovery"), 0o644); err != nil {
		t.Fatal(err)
	}
	if rs, err := Recoveries(dir); err != nil || len(rs) != 1 || rs[0].Name != "fresh.yaml" {
		t.Fatalf("recoveries %v, %v", rs, err)
	}
	if err := d.RemoveRecovery(dir); err != nil {
		t.Fatal(err)
	}
	if err := d.RemoveRecovery(dir); err != nil {
		t.Fatal("removing a missing copy is not an error")
	}
	if rs, _ := Recoveries(filepath.Join(dir, "missing")); len(rs) != 0 {
		t.Fatal("a missing dir has no recoveries")
	}
	other := New("dir/fresh")
	if other.RecoveryPath(dir) == d.RecoveryPath(dir) {
		t.Error("two documents share a recovery file")
	}
}
