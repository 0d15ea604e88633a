package transform

// This file walks indefinite (wildcard) paths one step at a time; definite
// paths go through pathSet.

// span is the byte range [s, e) of one JSON value inside an event.
type span struct{ s, e int }

// member returns the value of the member named key of the object at doc[i].
// When the key occurs more than once, the last occurrence wins (as
// encoding/json and most JSON libraries do). A non-object is "not found".
func member(doc []byte, i int, key string) (v span, found bool, err error) {
	if doc[i] != '{' {
		return span{}, false, nil
	}
	err = eachMember(doc, i, func(ks, ke int, esc bool, val span) {
		if keyEquals(doc, ks, ke, esc, key) {
			v, found = val, true
		}
	})
	return v, found, err
}

// eachMember calls fn for each member of the object at doc[i] with the span
// of its raw key (quotes included) and of its value.
func eachMember(doc []byte, i int, fn func(ks, ke int, esc bool, val span)) error {
	j := skipWS(doc, i+1)
	if j < len(doc) && doc[j] == '}' {
		return nil
	}
	for {
		if j >= len(doc) || doc[j] != '"' {
			return badEvent(j, "expected a member name")
		}
		ke, esc, err := skipString(doc, j)
		if err != nil {
			return err
		}
		c := skipWS(doc, ke)
		if c >= len(doc) || doc[c] != ':' {
			return badEvent(c, "expected \":\" after a member name")
		}
		vs := skipWS(doc, c+1)
		ve, err := skipValue(doc, vs)
		if err != nil {
			return err
		}
		fn(j, ke, esc, span{vs, ve})
		j = skipWS(doc, ve)
		if j < len(doc) && doc[j] == '}' {
			return nil
		}
		if j >= len(doc) || doc[j] != ',' {
			return badEvent(j, "expected \",\" or \"}\" in object")
		}
		j = skipWS(doc, j+1)
	}
}

// element returns element n of the array at doc[i]. A non-array or a short
// array is "not found".
func element(doc []byte, i int, n int) (v span, found bool, err error) {
	if doc[i] != '[' {
		return span{}, false, nil
	}
	k := 0
	err = eachElement(doc, i, func(val span) bool {
		if k == n {
			v, found = val, true
			return false
		}
		k++
		return true
	})
	return v, found, err
}

// eachElement calls fn for each element of the array at doc[i] until fn
// returns false.
func eachElement(doc []byte, i int, fn func(val span) bool) error {
	j := skipWS(doc, i+1)
	if j < len(doc) && doc[j] == ']' {
		return nil
	}
	for {
		ve, err := skipValue(doc, j)
		if err != nil {
			return err
		}
		if !fn(span{j, ve}) {
			return nil
		}
		j = skipWS(doc, ve)
		if j < len(doc) && doc[j] == ']' {
			return nil
		}
		if j >= len(doc) || doc[j] != ',' {
			return badEvent(j, "expected \",\" or \"]\" in array")
		}
		j = skipWS(doc, j+1)
	}
}

// collect appends to dst the spans of every value an indefinite path names,
// in document order. Members missing under a wildcard are skipped.
func collect(doc []byte, i int, steps []step, dst []span) ([]span, error) {
	for n, st := range steps {
		var v span
		var ok bool
		var err error
		switch st.kind {
		case stepKey:
			v, ok, err = member(doc, i, st.key)
		case stepIndex:
			v, ok, err = element(doc, i, st.index)
		case stepWildcard:
			return fanOut(doc, i, steps[n+1:], dst)
		}
		if err != nil || !ok {
			return dst, err
		}
		i = v.s
	}
	end, err := skipValue(doc, i)
	if err != nil {
		return dst, err
	}
	return append(dst, span{i, end}), nil
}

// fanOut applies rest to every element of the array, or every member value of
// the object, at doc[i]. Scalars have no children. A key repeated in an
// object contributes once, with its last value.
func fanOut(doc []byte, i int, rest []step, dst []span) ([]span, error) {
	var err error
	visit := func(val span) bool {
		dst, err = collect(doc, val.s, rest, dst)
		return err == nil
	}
	switch doc[i] {
	case '[':
		if e := eachElement(doc, i, visit); e != nil {
			return dst, e
		}
	case '{':
		members, e := lastMembers(doc, i)
		if e != nil {
			return dst, e
		}
		for _, m := range members {
			if !visit(m) {
				break
			}
		}
	}
	return dst, err
}

// lastMembers returns the value spans of the object at doc[i] in document
// order, dropping every member whose key occurs again later.
func lastMembers(doc []byte, i int) ([]span, error) {
	type kv struct {
		k, v     span
		esc, dup bool
	}
	var ms []kv
	err := eachMember(doc, i, func(ks, ke int, esc bool, val span) {
		ms = append(ms, kv{k: span{ks, ke}, esc: esc, v: val})
	})
	if err != nil {
		return nil, err
	}
	last := make(map[string]int, len(ms))
	for a := range ms {
		key := decodeKey(doc, ms[a].k, ms[a].esc)
		if b, ok := last[key]; ok {
			ms[b].dup = true
		}
		last[key] = a
	}
	out := make([]span, 0, len(ms))
	for _, m := range ms {
		if !m.dup {
			out = append(out, m.v)
		}
	}
	return out, nil
}
