package editors

import (
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
)

// show puts e in a test window so typing reaches its entries.
func show(t *testing.T, e *Editor) fyne.Window {
	t.Helper()
	w := test.NewWindow(e.Content())
	w.Resize(fyne.NewSize(700, 900))
	t.Cleanup(w.Close)
	return w
}

// field returns the input of key.
func (e *Editor) field(t *testing.T, key string) *input {
	t.Helper()
	for _, f := range e.fields {
		if f.key == key {
			return f
		}
	}
	t.Fatalf("no field %s", key)
	return nil
}

// typeInto replaces the entry's text by typing text into it.
func typeInto(e *Editor, f *input, text string) {
	f.entry.SetText("")
	test.Type(f.entry, text)
}

func visibleMsg(f *input) string {
	if !f.msg.Visible() {
		return ""
	}
	return f.msg.Text
}

func TestBusEditor(t *testing.T) {
	test.NewTempApp(t)
	doc := openShipped(t, "retries-and-dlq")
	orig := string(doc.Text())
	e := NewBusEditor(doc, "payments")
	show(t, e)
	limit := e.field(t, "throughput_limit")

	typeInto(e, limit, "lots")
	if !strings.Contains(visibleMsg(limit), "not a rate") || string(doc.Text()) != orig {
		t.Fatalf("invalid rate: message %q, doc changed %v", visibleMsg(limit), string(doc.Text()) != orig)
	}
	typeInto(e, limit, "3000/s")
	if v, _ := doc.Get("buses[0].throughput_limit"); v != "3000/s" || visibleMsg(limit) != "" {
		t.Fatalf("valid rate: doc has %v, message %q", v, visibleMsg(limit))
	}
	if !doc.Undo() || string(doc.Text()) != orig || limit.entry.Text != "" {
		t.Fatalf("one undo must restore the text and the field (field %q)", limit.entry.Text)
	}

	entries := e.field(t, "put_events_max_entries")
	typeInto(e, limit, "fast")
	typeInto(e, entries, "12")
	if limit.entry.Text != "fast" || visibleMsg(limit) == "" {
		t.Fatal("text that does not parse must survive an edit of another field")
	}
	doc.Undo()
	if limit.entry.Text != "fast" {
		t.Fatal("undoing another field's edit must not wipe text that does not parse")
	}
	typeInto(e, entries, "20")
	if v, _ := doc.Get("buses[0].put_events_max_entries"); v != uint64(20) {
		t.Fatalf("entries: doc has %#v", v)
	}
	if msg := visibleMsg(entries); !strings.Contains(msg, "16") || len(doc.Diagnostics()) == 0 {
		t.Fatalf("20 entries: want the limit's diagnostic under the field, got %q", msg)
	}
	typeInto(e, entries, "")
	if _, ok := doc.Get("buses[0].put_events_max_entries"); ok || len(doc.Diagnostics()) != 0 {
		t.Fatal("clearing the field must remove the key")
	}

	name := e.field(t, "name")
	typeInto(e, name, "money")
	if !strings.Contains(visibleMsg(name), "Enter") || doc.Scenario().Buses[0].Name != "payments" {
		t.Fatal("a name is applied on Enter only")
	}
	name.entry.OnSubmitted(name.entry.Text)
	sc := doc.Scenario()
	if sc.Buses[0].Name != "money" || sc.Rules[0].Bus != "money" || sc.Loads[0].Bus != "money" || e.Name() != "money" {
		t.Fatalf("rename on Enter: buses %q rules %q loads %q editor %q", sc.Buses[0].Name, sc.Rules[0].Bus, sc.Loads[0].Bus, e.Name())
	}
	doc.Undo()
	if e.gone.Visible() == false {
		t.Error("after undoing the rename the editor's bus is gone: want a notice")
	}
}

func TestQueueEditor(t *testing.T) {
	test.NewTempApp(t)
	doc := openShipped(t, "retries-and-dlq")
	e := NewQueueEditor(doc, "payments-dlq")
	show(t, e)
	batch := e.field(t, "consumer.batch")
	if batch.entry.Text == "" {
		t.Fatal("the batch field does not show the file's value")
	}
	typeInto(e, batch, "32")
	if msg := visibleMsg(batch); !strings.Contains(msg, "16") {
		t.Fatalf("batch 32: message %q", msg)
	}
	typeInto(e, batch, "8")
	if v, _ := doc.Get("queues[0].consumer.batch"); v != uint64(8) || visibleMsg(batch) != "" {
		t.Fatalf("batch 8: doc %v, message %q", v, visibleMsg(batch))
	}
	fifo := e.field(t, "fifo")
	test.Tap(fifo.check)
	if msg := visibleMsg(fifo); !strings.Contains(msg, "rocketmq") {
		t.Fatalf("FIFO on an mns queue: message %q", msg)
	}
	e.field(t, "type").sel.SetSelected("rocketmq")
	if doc.Scenario().Queues[0].Type != "rocketmq" || visibleMsg(fifo) != "" {
		t.Fatalf("type rocketmq: %q, fifo message %q", doc.Scenario().Queues[0].Type, visibleMsg(fifo))
	}
	e.Close()
	_ = doc.Set("queues[0].consumer.batch", 4)
	if batch.entry.Text != "8" {
		t.Error("a closed editor still follows the document")
	}
	e = NewQueueEditor(doc, "payments-dlq")
	show(t, e)
	fn := e.field(t, "consumer.function")
	if len(fn.opts) == 0 {
		t.Error("the consumer field offers no functions")
	}
	typeInto(e, fn, "payments/nope")
	if visibleMsg(fn) == "" {
		t.Error("a consumer that does not exist: want a message under the field")
	}
}

func TestMetadataEditor(t *testing.T) {
	test.NewTempApp(t)
	doc := openShipped(t, "csv-upload-fanout")
	orig := string(doc.Text())
	e := NewMetadataEditor(doc)
	show(t, e)
	seed := e.field(t, "seed")
	if seed.entry.Text != "20260101" {
		t.Fatalf("seed shows %q", seed.entry.Text)
	}
	typeInto(e, seed, "-1")
	if visibleMsg(seed) == "" || string(doc.Text()) == orig && doc.CanUndo() {
		t.Fatal("a negative seed: want a message")
	}
	typeInto(e, seed, "42")
	if v, _ := doc.Get("seed"); v != uint64(42) {
		t.Fatalf("seed: doc %v", v)
	}
	start := e.field(t, "start")
	typeInto(e, start, "tomorrow")
	if !strings.Contains(visibleMsg(start), "not a time") {
		t.Fatalf("start: message %q", visibleMsg(start))
	}
	typeInto(e, start, "2026-02-01T10:00:00Z")
	if got := doc.Scenario().Start.Format(time.RFC3339); got != "2026-02-01T10:00:00Z" || visibleMsg(start) != "" {
		t.Fatalf("start: doc %s, message %q", got, visibleMsg(start))
	}
	dur := e.field(t, "duration")
	typeInto(e, dur, "-5m")
	if visibleMsg(dur) == "" {
		t.Error("a negative duration: want the scenario's diagnostic under the field")
	}
	typeInto(e, dur, "30m")
	e.field(t, "dialect").sel.SetSelected("aws")
	test.Tap(e.field(t, "settings.billing.free_tier").check)
	sc := doc.Scenario()
	if sc.Duration.D().Minutes() != 30 || sc.Dialect != "aws" || !sc.Settings.Billing.FreeTier {
		t.Fatalf("metadata not applied: %v %v %v", sc.Duration, sc.Dialect, sc.Settings.Billing.FreeTier)
	}
	if !strings.Contains(string(doc.Text()), "dialect: aws            # patterns follow") {
		t.Error("the dialect's comment was not kept")
	}
	for doc.CanUndo() {
		doc.Undo()
	}
	if string(doc.Text()) != orig || seed.entry.Text != "20260101" {
		t.Fatalf("undoing everything: text restored %v, seed field %q", string(doc.Text()) == orig, seed.entry.Text)
	}
}

func TestEditorsGolden(t *testing.T) {
	test.NewTempApp(t)
	doc := openShipped(t, "retries-and-dlq")
	for name, e := range map[string]*Editor{
		"bus.png":      NewBusEditor(doc, "payments"),
		"queue.png":    NewQueueEditor(doc, "payments-dlq"),
		"metadata.png": NewMetadataEditor(doc),
	} {
		renderGolden(t, e.Content(), fyne.NewSize(640, 820), "editor-"+name)
	}
	e := NewBusEditor(doc, "payments")
	typeInto(e, e.field(t, "throughput_limit"), "fast")
	typeInto(e, e.field(t, "put_events_max_entries"), "20")
	renderGolden(t, e.Content(), fyne.NewSize(640, 480), "editor-bus-problems.png")
}

func TestBusEditorDeclaresTheDefaultBus(t *testing.T) {
	test.NewTempApp(t)
	doc := openShipped(t, "csv-upload-fanout")
	if err := doc.Delete("buses"); err != nil {
		t.Fatal(err)
	}
	e := NewBusEditor(doc, "default")
	show(t, e)
	if !e.declareRow.Visible() || e.form.Visible() {
		t.Fatal("an undeclared default bus: want the offer to write it, no form")
	}
	test.Tap(e.declare)
	if len(doc.Scenario().Buses) != 1 || !e.form.Visible() || e.declareRow.Visible() {
		t.Fatal("the default bus was not written into the file")
	}
	if ds := doc.Diagnostics(); len(ds) > 0 {
		t.Fatal(ds)
	}
}
