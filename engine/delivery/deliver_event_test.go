package delivery

import (
	"reflect"
	"testing"
	"time"

	"github.com/fanout/fanout/engine/sim"
)

// startsRecorder is a recorder that declines the KindAttemptStarted records.
type startsRecorder struct{ recorder }

func (*startsRecorder) ObservesAttemptStarted() bool { return false }

// runDeliveries delivers three events (the second fails twice) through a target built with
// obs, by Deliver or by DeliverEvent, and returns the target's counts.
func runDeliveries(t *testing.T, obs Observer, byEvent bool) TargetCounts {
	t.Helper()
	s := sim.NewScheduler()
	inv := newFake(s, time.Millisecond, func(m *Message) Result {
		if m.ID() == "b" && m.Attempt <= 2 {
			return failed
		}
		return ok
	})
	tg, err := NewTarget(s, TargetConfig{Rule: "r", Name: "t", Invoker: inv, Observer: obs, Rand: seeded(1),
		Policy: Fixed{Interval: time.Second, Count: 3}})
	if err != nil {
		t.Fatal(err)
	}
	for i, id := range []string{"a", "b", "c"} {
		if byEvent {
			tg.DeliverEvent(ev(id), []byte(id), uint64(i))
		} else {
			tg.Deliver(Message{Event: ev(id), Payload: []byte(id), Ref: uint64(i)})
		}
	}
	s.Run()
	return tg.Counts()
}

// TestDeliverEventIsDeliver: DeliverEvent gives the records and counts Deliver gives.
func TestDeliverEventIsDeliver(t *testing.T) {
	var viaMsg, viaEvent recorder
	cm, ce := runDeliveries(t, &viaMsg, false), runDeliveries(t, &viaEvent, true)
	if cm != ce || !reflect.DeepEqual(viaMsg.recs, viaEvent.recs) {
		t.Fatalf("Deliver: %+v %v\nDeliverEvent: %+v %v", cm, viaMsg.recs, ce, viaEvent.recs)
	}
	if len(viaMsg.kinds(KindDelivered)) != 3 || len(viaMsg.kinds(KindRetryScheduled)) != 2 {
		t.Fatalf("records %v", viaMsg.recs)
	}
}

// TestStartsObserverSkipsOnlyStarts: an observer declining KindAttemptStarted gets every
// other record, in the same order, and the counts do not change.
func TestStartsObserverSkipsOnlyStarts(t *testing.T) {
	var all recorder
	var some startsRecorder
	ca, cs := runDeliveries(t, &all, true), runDeliveries(t, &some, true)
	var want []Record
	for _, r := range all.recs {
		if r.Kind != KindAttemptStarted {
			want = append(want, r)
		}
	}
	if len(all.kinds(KindAttemptStarted)) != 5 || len(want) == 0 {
		t.Fatalf("records %v", all.recs)
	}
	if ca != cs || !reflect.DeepEqual(some.recs, want) {
		t.Fatalf("got %+v %v\nwant %+v %v", cs, some.recs, ca, want)
	}
}
