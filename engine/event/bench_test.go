package event

import "testing"

func benchEvent(b *testing.B) Event {
	c, _ := Lookup("oss:ObjectCreated:PutObject")
	e, err := c.Build("69b1c0a8-0001", goldenAt, nil)
	if err != nil {
		b.Fatal(err)
	}
	return e
}

func BenchmarkParse(b *testing.B) {
	in := benchEvent(b).JSON()
	b.SetBytes(int64(len(in)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Parse(in); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkParseAlibabaTime takes the slow path: a non-RFC 3339 time spliced out for sdk-go.
func BenchmarkParseAlibabaTime(b *testing.B) {
	in := []byte(sampleOSSPattern)
	b.SetBytes(int64(len(in)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Parse(in); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkJSON(b *testing.B) {
	e := benchEvent(b)
	b.SetBytes(int64(len(e.JSON())))
	b.ReportAllocs()
	buf := make([]byte, 0, 2048)
	for b.Loop() {
		buf = e.AppendJSON(buf[:0])
	}
}

func BenchmarkValidate(b *testing.B) {
	e := benchEvent(b)
	lim := DefaultLimits()
	b.ReportAllocs()
	for b.Loop() {
		if err := Validate(e, lim); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkBuild(b *testing.B) {
	c, _ := Lookup("oss:ObjectCreated:PutObject")
	p := map[string]any{"key": "uploads/x.csv", "size": 4 << 20}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := c.Build("69b1c0a8-0001", goldenAt, p); err != nil {
			b.Fatal(err)
		}
	}
}
