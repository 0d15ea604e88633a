package storage

import (
	"bufio"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/fanout/fanout/engine/obs"
)

// TestKilledRun kills a process half-way through writing a run (SIGKILL: no Finish, no Close,
// no deferred cleanup) and reopens its database: it must open, be readable, and say the run
// is incomplete.
func TestKilledRun(t *testing.T) {
	if testing.Short() {
		t.Skip("starts a process")
	}
	dir := t.TempDir()
	path := filepath.Join(dir, "killed.db")
	cmd := exec.Command(os.Args[0], "-test.run=^TestKillHelper$")
	cmd.Env = append(os.Environ(), "FANOUT_KILL_DB="+path, "FANOUT_KILL_CATALOG="+CatalogPath(dir))
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	ready := make(chan bool)
	go func() {
		sc := bufio.NewScanner(out)
		for sc.Scan() {
			if strings.HasPrefix(sc.Text(), "flushed") {
				ready <- true
				return
			}
		}
		close(ready)
	}()
	select {
	case ok := <-ready:
		if !ok {
			t.Fatal("helper ended before flushing")
		}
	case <-time.After(60 * time.Second):
		t.Fatal("helper did not flush within 60 s")
	}
	time.Sleep(50 * time.Millisecond) // let it be mid-write
	if err := cmd.Process.Kill(); err != nil {
		t.Fatal(err)
	}
	_ = cmd.Wait()
	checkKilled(t, dir, path)
}

func checkKilled(t *testing.T, dir, path string) {
	st, err := OpenRun(path)
	if err != nil {
		t.Fatalf("reopen: %v", err)
	}
	defer st.Close()
	ri, err := st.Info()
	if err != nil {
		t.Fatal(err)
	}
	if ri.Complete || ri.Events < 2000 || ri.Scenario != "killed" {
		t.Errorf("info = %+v, want incomplete with at least 2000 events", ri)
	}
	page, err := st.Events(obs.EventFilter{}, obs.PageRequest{Limit: 10})
	if err != nil || len(page.Rows) != 10 {
		t.Errorf("events page: %d rows, %v", len(page.Rows), err)
	}
	if _, err := st.Trace(1); err != nil {
		t.Errorf("trace of event 1: %v", err)
	}
	runs, err := ListRuns(dir)
	if err != nil || len(runs) != 1 || runs[0].Complete || runs[0].Events != ri.Events {
		t.Errorf("catalog lists %+v (%v), want one incomplete run with %d events", runs, err, ri.Events)
	}
}

// TestKillHelper is the process TestKilledRun kills; it does nothing in a normal test run.
func TestKillHelper(t *testing.T) {
	path := os.Getenv("FANOUT_KILL_DB")
	if path == "" {
		t.Skip("helper process of TestKilledRun")
	}
	st, err := Create(path, Meta{Scenario: "killed", Seed: 1, Catalog: os.Getenv("FANOUT_KILL_CATALOG")})
	if err != nil {
		t.Fatal(err)
	}
	synth(&flushAt{Sink: st.Sink(), st: st, at: 2000}, 100_000_000, 3)
}

// flushAt flushes the store once event number at has been received, then says so.
type flushAt struct {
	obs.Sink
	st *Store
	at obs.EventRef
}

func (f *flushAt) Received(r obs.Received) {
	f.Sink.Received(r)
	if r.Event == f.at {
		if err := f.st.Flush(); err != nil {
			panic(err)
		}
		fmt.Println("flushed")
	}
}
