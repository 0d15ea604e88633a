package sim_test

import (
	"fmt"
	"time"

	"github.com/fanout/fanout/engine/sim"
)

// ticker is a model process: it fires every 300ms of simulated time.
type ticker struct {
	s     *sim.Scheduler
	fired int
}

func (t *ticker) Fire(uint64) {
	t.fired++
	t.s.After(300*time.Millisecond, t, 0)
}

// Paced mode: the GUI owns the wall clock. On each of its timer ticks it
// advances simulated time by a slice (wall tick × speed factor) with
// RunUntil; pausing is simply not calling it, and stepping is Step. The
// kernel never reads the wall clock, so a paced run and a headless run with
// the same seed execute exactly the same actions.
func Example_pacedMode() {
	s := sim.NewScheduler()
	tk := &ticker{s: s}
	s.Schedule(0, tk, 0)

	const speed = 10                  // 10× wall-clock speed
	wallTick := 50 * time.Millisecond // the GUI's timer period
	slice := time.Duration(speed) * wallTick

	for tick := 1; tick <= 4; tick++ { // in the GUI: one iteration per timer tick
		ran := s.RunUntil(s.Now().Add(slice))
		fmt.Printf("tick %d: now=%v ran=%d\n", tick, s.Now(), ran)
	}
	s.Step() // paused, then stepped by one action
	fmt.Printf("step: now=%v total=%d\n", s.Now(), tk.fired)
	// Output:
	// tick 1: now=0.500s ran=2
	// tick 2: now=1.000s ran=2
	// tick 3: now=1.500s ran=2
	// tick 4: now=2.000s ran=1
	// step: now=2.100s total=8
}

// Seeded streams and a distribution from a scenario Spec.
func ExampleSpec_Build() {
	d, err := sim.Spec{Kind: "lognormal", Median: 400, P99: 20000}.Build()
	if err != nil {
		fmt.Println(err)
		return
	}
	r := sim.NewStreams(42).Stream("uploads/size")
	fmt.Println(d, d.Sample(r) > 0)

	_, err = sim.Spec{Kind: "lognormal", Median: 20, P99: 10}.Build()
	fmt.Println(err)
	// Output:
	// lognormal(median=400, p99=20000) true
	// lognormal: p99 (10) must exceed median (20)
}
