package pattern

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math"
	"slices"
	"strings"
)

// Severity classifies a lint finding.
type Severity string

const (
	// NotPortable: legal in Fanout, but the named cloud does not document it.
	NotPortable Severity = "not-portable"
	// Suspicious: legal, but probably not what the author meant.
	Suspicious Severity = "suspicious"
)

// Finding is one lint result.
type Finding struct {
	Path     string // where in the pattern, e.g. "data.size[0]"; "" for the whole pattern
	Severity Severity
	Message  string
}

// String renders "path: severity: message".
func (f Finding) String() string {
	p := f.Path
	if p == "" {
		p = "(pattern)"
	}
	return p + ": " + string(f.Severity) + ": " + f.Message
}

// Fields is a set of field paths ("data.oss.object.size"), e.g. those seen in sample events.
type Fields map[string]bool

// FieldsOf collects every field path (leaves and objects) of the given JSON events.
func FieldsOf(events ...[]byte) (Fields, error) {
	fs := Fields{}
	for i, ev := range events {
		var v any
		dec := json.NewDecoder(bytes.NewReader(ev))
		dec.UseNumber()
		if err := dec.Decode(&v); err != nil {
			return nil, fmt.Errorf("sample event %d: %w", i+1, err)
		}
		collectFields(v, "", fs)
	}
	return fs, nil
}

func collectFields(v any, path string, fs Fields) {
	switch x := v.(type) {
	case map[string]any:
		for k, c := range x {
			p := join(path, k)
			fs[p] = true
			collectFields(c, p, fs)
		}
	case []any:
		for _, c := range x {
			collectFields(c, path, fs)
		}
	}
}

// cloudEventsKeys are the top-level keys Alibaba Cloud accepts besides "aliyun…" extensions.
var cloudEventsKeys = map[string]bool{"id": true, "source": true, "specversion": true, "type": true,
	"datacontenttype": true, "dataschema": true, "subject": true, "time": true, "data": true}

// Lint lists what in p is not portable to Alibaba Cloud (or, in the aws dialect, to AWS) and
// what is legal but probably a mistake. known, if not nil, is the set of field paths the
// scenario's events have; a field outside it is reported. Findings are sorted by path.
func Lint(p *Pattern, d Dialect, known Fields) []Finding {
	l := &linter{d: d, known: known, seen: map[string]bool{}}
	if len(p.alts) == 1 && len(p.alts[0]) == 0 {
		l.add("", Suspicious, "the pattern {} matches every event")
	}
	l.node(p.root)
	slices.SortStableFunc(l.out, func(a, b Finding) int {
		return strings.Compare(a.Path+"\x00"+string(a.Severity)+a.Message, b.Path+"\x00"+string(b.Severity)+b.Message)
	})
	return l.out
}

type linter struct {
	d     Dialect
	known Fields
	out   []Finding
	seen  map[string]bool
}

func (l *linter) add(path string, s Severity, format string, args ...any) {
	f := Finding{Path: path, Severity: s, Message: fmt.Sprintf(format, args...)}
	if !l.seen[f.String()] {
		l.seen[f.String()] = true
		l.out = append(l.out, f)
	}
}

func (l *linter) node(n *node) {
	for _, loc := range n.orLocs {
		l.add(loc, NotPortable, "$or is not documented by Alibaba Cloud")
	}
	for _, f := range n.fields {
		l.field(f)
	}
	for _, g := range n.ors {
		for _, sub := range g {
			l.node(sub)
		}
	}
}

func (l *linter) field(f *Field) {
	top := strings.SplitN(f.Path, ".", 2)[0]
	if l.d == Alibaba && !cloudEventsKeys[top] && !strings.HasPrefix(top, "aliyun") {
		l.add(f.Loc, NotPortable, "top-level key %s is not a CloudEvents attribute; Alibaba Cloud rejects it (payload fields go under \"data\")", quote(top))
	}
	if l.d == Alibaba && f.Path == "data" {
		l.add(f.Loc, NotPortable, "Alibaba Cloud requires \"data\" to be an object of fields, not a value array")
	}
	if l.known != nil && !l.known[f.Path] && !onlyExistsFalse(f) {
		l.add(f.Loc, Suspicious, "no sample event has the field %s", f.Path)
	}
	srcs := map[string]bool{}
	for i := range f.Conds {
		c := &f.Conds[i]
		loc := fmt.Sprintf("%s[%d]", f.Loc, i)
		if srcs[c.Src] {
			l.add(loc, Suspicious, "%s is repeated in the same field", c.Src)
		}
		srcs[c.Src] = true
		l.cond(c, loc)
	}
}

func onlyExistsFalse(f *Field) bool {
	for _, c := range f.Conds {
		if c.Op != OpExists || c.Exists {
			return false
		}
	}
	return true
}

func (l *linter) cond(c *Cond, loc string) {
	notAli := func(what string) { l.add(loc, NotPortable, "%s is not documented by Alibaba Cloud", what) }
	switch c.Op {
	case OpWildcard:
		notAli("wildcard")
		if c.Str == "*" {
			l.add(loc, Suspicious, `wildcard "*" matches any string`)
		}
	case OpEqualsIgnoreCase, OpPrefixIgnoreCase, OpSuffixIgnoreCase, OpAnythingButIC:
		notAli("equals-ignore-case")
	case OpAnythingButWildcard:
		notAli("anything-but with wildcard")
	case OpAnythingButSuffix:
		notAli("anything-but with suffix")
	case OpCIDR:
		if c.Prefix.Addr().Is6() {
			notAli("IPv6 cidr")
		}
	case OpContains:
		if l.d == AWS {
			l.add(loc, NotPortable, "contains is not supported by AWS EventBridge (use wildcard)")
		}
	case OpNumeric:
		l.numeric(&c.Num, loc, notAli)
	}
	if (c.Op == OpPrefix || c.Op == OpSuffix || c.Op == OpContains) && c.Str == "" {
		l.add(loc, Suspicious, "%s matches any string", c.String())
	}
}

func (l *linter) numeric(n *NumCond, loc string, notAli func(string)) {
	if n.Ne {
		notAli("numeric !=")
	}
	if n.HasLo && n.LoIncl {
		notAli("numeric >=")
	}
	for _, b := range []struct {
		on   bool
		v    float64
		text string
	}{{n.HasLo || n.Eq || n.Ne, n.Lo, n.LoText}, {n.HasHi, n.Hi, n.HiText}} {
		if b.on && math.Abs(b.v) > 1e9 {
			l.add(loc, Suspicious, "numeric bound %s is outside ±1e9, the range Alibaba Cloud accepts", b.text)
		}
	}
}
