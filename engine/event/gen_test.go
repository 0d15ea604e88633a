package event

import (
	"encoding/base64"
	"encoding/json"
	"math/rand/v2"
	"strings"
	"time"
)

// gen draws random valid events for property tests.
type gen struct{ r *rand.Rand }

func newGen(seed uint64) gen { return gen{rand.New(rand.NewPCG(seed, 0x5eed))} }

const lower = "abcdefghijklmnopqrstuvwxyz"

func (g gen) pick(s string) byte { return s[g.r.IntN(len(s))] }

func (g gen) word(min, max int) string {
	n := min + g.r.IntN(max-min+1)
	b := make([]byte, n)
	for i := range b {
		b[i] = g.pick(lower + "0123456789")
	}
	if n > 0 {
		b[0] = g.pick(lower)
	}
	return string(b)
}

// text is any string, including characters JSON must escape and multi-byte ones.
func (g gen) text(max int) string {
	pieces := []string{"a", "Z", "7", " ", `"`, `\`, "\n", "\t", "\x01", "<", ">", "&", "é", "日", "🙂", "\u2028", "/", ":", "*"}
	var sb strings.Builder
	for n := g.r.IntN(max + 1); n > 0; n-- {
		sb.WriteString(pieces[g.r.IntN(len(pieces))])
	}
	return sb.String()
}

func (g gen) id() string {
	const alnum = "abcdefABCDEF0123456789"
	b := []byte{g.pick(alnum)}
	for n := g.r.IntN(40); n > 0; n-- {
		b = append(b, g.pick(alnum+"-"))
	}
	return string(b)
}

func (g gen) source() string {
	switch g.r.IntN(4) {
	case 0:
		return "acs." + g.word(2, 10)
	case 1:
		return "acs:" + g.word(2, 10)
	case 2:
		return "https://" + g.word(1, 8) + ".example.com/" + g.word(0, 8)
	}
	return g.word(1, 12)
}

func (g gen) time() string {
	if g.r.IntN(4) == 0 {
		return ""
	}
	t := time.Unix(g.r.Int64N(4e9), g.r.Int64N(1e9)*int64(g.r.IntN(2)))
	return FormatTime(t)
}

func (g gen) jsonValue(depth int) any {
	k := g.r.IntN(7)
	if depth > 2 {
		k = g.r.IntN(4)
	}
	switch k {
	case 0:
		return g.text(8)
	case 1:
		return g.r.IntN(1<<30) - 1<<29
	case 2:
		return g.r.IntN(2) == 0
	case 3:
		return nil
	case 4, 5:
		m := map[string]any{}
		for n := g.r.IntN(4); n > 0; n-- {
			m[g.text(6)] = g.jsonValue(depth + 1)
		}
		return m
	}
	a := []any{}
	for n := g.r.IntN(4); n > 0; n-- {
		a = append(a, g.jsonValue(depth+1))
	}
	return a
}

func (g gen) event() Event {
	e := Event{
		ID: g.id(), Source: g.source(), SpecVersion: SpecVersion10, Type: g.text(20) + "t",
		Time: g.time(),
	}
	if g.r.IntN(2) == 0 {
		e.Subject = g.text(30) + "s"
	}
	if g.r.IntN(3) == 0 {
		e.DataSchema = "http://example.com/" + g.word(1, 8) + ".json"
	}
	for n := g.r.IntN(5); n > 0; n-- {
		if e.Extensions == nil {
			e.Extensions = map[string]string{}
		}
		e.Extensions["aliyun"+g.word(0, 17)] = g.text(12)
	}
	g.data(&e)
	return e
}

func (g gen) data(e *Event) {
	switch g.r.IntN(6) {
	case 0: // no data
	case 1:
		e.DataContentType = "text/plain"
		e.Data = appendQuoted(nil, g.text(20))
	case 2:
		e.DataContentType = "application/octet-stream"
		b := make([]byte, g.r.IntN(20))
		for i := range b {
			b[i] = byte(g.r.IntN(256))
		}
		e.DataBase64, e.Data = true, appendQuoted(nil, base64.StdEncoding.EncodeToString(b))
	default:
		e.DataContentType = []string{"", "application/json", "application/json;charset=utf-8", "application/json; charset=utf-8"}[g.r.IntN(4)]
		d, _ := json.Marshal(g.jsonValue(0))
		e.Data = d
	}
}
