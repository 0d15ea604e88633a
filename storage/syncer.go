package storage

import (
	"os"
	"sync"
)

// syncer writes a run's database file to disk in the background while the run goes. The
// writer commits without fsync (writerPragmas); its checkpoints copy the committed pages into
// the database file, and every few commits it kicks the syncer, which fsyncs that file on its
// own goroutine (the WAL, rewritten in place after each checkpoint, is left alone). The fsync
// that makes a finished run durable (Store.complete) then has little left to wait for. Errors
// are ignored here: the final checkpoint's fsync reports them.
type syncer struct {
	path  string
	kickc chan struct{}
	n     int
	wg    sync.WaitGroup
}

// syncEvery is how many commits pass between two kicks (~16,000 records each).
const syncEvery = 4

func startSyncer(path string) *syncer {
	s := &syncer{path: path, kickc: make(chan struct{}, 1)}
	s.wg.Add(1)
	go s.run()
	return s
}

// kick counts a commit and asks for a pass every syncEvery; it never blocks.
func (s *syncer) kick() {
	if s.n++; s.n%syncEvery != 0 {
		return
	}
	select {
	case s.kickc <- struct{}{}:
	default:
	}
}

func (s *syncer) run() {
	defer s.wg.Done()
	var f *os.File
	for range s.kickc {
		if f == nil {
			f, _ = os.Open(s.path)
		}
		if f != nil {
			_ = f.Sync()
		}
	}
	if f != nil {
		f.Close()
	}
}

// stop ends the syncer after the pass under way.
func (s *syncer) stop() {
	close(s.kickc)
	s.wg.Wait()
}
