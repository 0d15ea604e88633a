package event

// Member locates one top-level member of an event's structured JSON: its name, quotes included,
// is at [KeyStart, KeyEnd) and its value, without the whitespace data may carry around it, at
// [ValueStart, ValueEnd). Escaped is false only when the text between the name's quotes is the
// name itself, byte for byte (no escape sequence, no replaced byte).
type Member struct {
	KeyStart, KeyEnd, ValueStart, ValueEnd int
	Escaped                                bool
}

// JSONIndexed is JSON that also appends to members the location of every top-level member it
// writes, in document order, so that readers of the bytes need not scan for them. The bytes
// are JSON()'s exactly, and they are always one valid JSON object.
func (e Event) JSONIndexed(members []Member) ([]byte, []Member) {
	var buf [8]extPair
	ext := e.appendExtPairs(buf[:0])
	b := e.appendJSON(make([]byte, 0, e.jsonSizeHint(ext)), ext, &members)
	return b, members
}

// ExtCache remembers how the last set of extension attributes it saw was encoded, so that a run
// of events carrying the same ones (a bus stamps the same attributes on every event it accepts
// at one instant) sorts and quotes them once. The zero value is ready to use. Not safe for
// concurrent use.
type ExtCache struct {
	pairs []extPair // the set, sorted by name
	enc   []byte    // its members as appendJSON writes them, each after a comma
	at    []Member  // their locations in enc
	ok    bool      // pairs, enc and at are filled
}

// JSONIndexedCached is JSONIndexed using c; the bytes and members are JSONIndexed's exactly.
// It only reads *e (a pointer so that the routing hot path does not copy the event).
func (e *Event) JSONIndexedCached(members []Member, c *ExtCache) ([]byte, []Member) {
	if !c.holds(e.Extensions) {
		c.encode(e)
	}
	b := e.appendHead(make([]byte, 0, e.baseSizeHint()+len(c.enc)), &members)
	off := len(b)
	b = append(b, c.enc...)
	for _, m := range c.at {
		m.KeyStart, m.KeyEnd, m.ValueStart, m.ValueEnd = m.KeyStart+off, m.KeyEnd+off, m.ValueStart+off, m.ValueEnd+off
		members = append(members, m)
	}
	return e.appendData(b, &members), members
}

// holds reports whether c encodes exactly the attributes of ext.
func (c *ExtCache) holds(ext map[string]string) bool {
	if !c.ok || len(ext) != len(c.pairs) {
		return false
	}
	for _, p := range c.pairs {
		if v, ok := ext[p.name]; !ok || v != p.value {
			return false
		}
	}
	return true
}

// encode fills c with e's extensions.
func (c *ExtCache) encode(e *Event) {
	c.pairs = e.appendExtPairs(c.pairs[:0])
	c.enc, c.at = c.enc[:0], c.at[:0]
	for _, kv := range c.pairs {
		c.enc = appendMember(c.enc, kv.name, kv.value, true, &c.at)
	}
	c.ok = true
}
