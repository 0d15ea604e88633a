package pattern

import (
	"errors"
	"testing"
)

func TestCompileErrors(t *testing.T) {
	cases := []struct{ pat, want string }{
		{`{"data":{"oss":{"object":{"size":[{"numeric":[">",0,1000]}]}}}}`, `data.oss.object.size[0]: numeric: expected an operator string at position 2, got 1000`},
		{`[1]`, `a pattern must be a JSON object, got an array`},
		{`{"a":`, `invalid JSON: unexpected end of JSON input`},
		{`{"a":[1]} x`, `invalid JSON: unexpected data after the JSON value`},
		{`{"a":[]}`, `a: an empty array matches nothing: give at least one value`},
		{`{"a":"x"}`, `a: expected an array of values or an object, got "x"`},
		{`{"a":5}`, `a: expected an array of values or an object, got 5`},
		{`{"data":{}}`, `data: an empty object matches nothing useful: give at least one field`},
		{`{"a":[[1]]}`, `a[0]: nested arrays are not allowed in a value array, got [1]`},
		{`{"a":["x",{"foo":1}]}`, `a[1]: unknown operator "foo"`},
		{`{"a":[{"prefix":"a","suffix":"b"}]}`, `a[0]: a condition object needs exactly one operator, got 2 in {"prefix":"a","suffix":"b"}`},
		{`{"a":[{}]}`, `a[0]: a condition object needs exactly one operator, got 0 in {}`},
		{`{"a":[{"prefix":5}]}`, `a[0]: prefix: expected a string or {"equals-ignore-case": string}, got 5`},
		{`{"a":[{"suffix":{"equals-ignore-case":1}}]}`, `a[0]: suffix: expected a string or {"equals-ignore-case": string}, got {"equals-ignore-case":1}`},
		{`{"a":[{"contains":null}]}`, `a[0]: contains: expected a string, got null`},
		{`{"a":[{"equals-ignore-case":["x"]}]}`, `a[0]: equals-ignore-case: expected a string, got ["x"]`},
		{`{"a":[{"wildcard":"a**b"}]}`, `a[0]: wildcard: consecutive "**" is not allowed in "a**b"`},
		{`{"a":[{"wildcard":"a\\b"}]}`, `a[0]: wildcard: "\" must be followed by "*" or "\" in "a\\b"`},
		{`{"a":[{"anything-but":[]}]}`, `a[0]: anything-but: the list is empty`},
		{`{"a":[{"anything-but":[[1]]}]}`, `a[0]: anything-but: element 0: expected a string, number, boolean or null, got [1]`},
		{`{"a":[{"anything-but":{"foo":"x"}}]}`, `a[0]: anything-but: unknown operator "foo": expected prefix, suffix, equals-ignore-case or wildcard`},
		{`{"a":[{"anything-but":{"prefix":5}}]}`, `a[0]: anything-but: prefix: expected a string or a non-empty list of strings, got 5`},
		{`{"a":[{"anything-but":{"prefix":[5]}}]}`, `a[0]: anything-but: prefix: expected a string, got 5`},
		{`{"a":[{"anything-but":{"wildcard":"**"}}]}`, `a[0]: anything-but: wildcard: consecutive "**" is not allowed in "**"`},
		{`{"a":[{"anything-but":{"prefix":"a","suffix":"b"}}]}`, `a[0]: anything-but: expected one of prefix, suffix, equals-ignore-case or wildcard, got {"prefix":"a","suffix":"b"}`},
		{`{"a":[{"numeric":5}]}`, `a[0]: numeric: expected an array like [">", 0, "<=", 5], got 5`},
		{`{"a":[{"numeric":[]}]}`, `a[0]: numeric: expected 2 or 4 elements, got 0`},
		{`{"a":[{"numeric":[">",1,"<",5,"=",3]}]}`, `a[0]: numeric: expected 2 or 4 elements, got 6`},
		{`{"a":[{"numeric":[">"]}]}`, `a[0]: numeric: expected a number at position 1 after ">"`},
		{`{"a":[{"numeric":[">","5"]}]}`, `a[0]: numeric: expected a number at position 1, got "5"`},
		{`{"a":[{"numeric":["=>",5]}]}`, `a[0]: numeric: unknown operator "=>" at position 0: expected one of = > >= < <= !=`},
		{`{"a":[{"numeric":[">",5,">",6]}]}`, `a[0]: numeric: two lower bounds; a range needs one of > >= and one of < <=`},
		{`{"a":[{"numeric":["<",5,"<=",6]}]}`, `a[0]: numeric: two upper bounds; a range needs one of > >= and one of < <=`},
		{`{"a":[{"numeric":["=",5,"<",6]}]}`, `a[0]: numeric: "<" cannot be combined with another operator`},
		{`{"a":[{"numeric":[">",10,"<",5]}]}`, `a[0]: numeric: the range > 10 and < 5 is empty`},
		{`{"a":[{"numeric":[">=",5,"<",5]}]}`, `a[0]: numeric: the range >= 5 and < 5 is empty`},
		{`{"a":[{"numeric":[">",1e999]}]}`, `a[0]: numeric: number 1e999 is out of range`},
		{`{"a":[1e999]}`, `a[0]: number 1e999 is out of range`},
		{`{"a":[{"cidr":"10.0.0.0/33"}]}`, `a[0]: cidr: invalid CIDR "10.0.0.0/33"`},
		{`{"a":[{"cidr":"10.0.0"}]}`, `a[0]: cidr: invalid CIDR or IP address "10.0.0"`},
		{`{"a":[{"cidr":"fe80::1%eth0"}]}`, `a[0]: cidr: invalid CIDR or IP address "fe80::1%eth0"`},
		{`{"a":[{"cidr":10}]}`, `a[0]: cidr: expected a string, got 10`},
		{`{"a":[{"exists":"yes"}]}`, `a[0]: exists: expected true or false, got "yes"`},
		{`{"$or":[{"a":["1"]}]}`, `$or[0]: unknown operator "a"`},
		{`{"$or":[{"a":["1"]},{}]}`, `$or[1]: an empty object matches nothing useful: give at least one field`},
		{`{"x":{"$or":[{"a":["1"]},{"b":[{"exists":1}]}]}}`, `x.$or[1].b[0]: exists: expected true or false, got 1`},
		{`{"a.b":{"c":[{"prefix":1}]}}`, `a.b.c[0]: prefix: expected a string or {"equals-ignore-case": string}, got 1`},
	}
	for _, c := range cases {
		_, err := Compile([]byte(c.pat), Alibaba)
		var ce *CompileError
		if !errors.As(err, &ce) {
			t.Errorf("%s: want *CompileError, got %v", c.pat, err)
			continue
		}
		if err.Error() != c.want {
			t.Errorf("%s:\n got  %s\n want %s", c.pat, err, c.want)
		}
	}
}

func TestCompileOrExpansionLimit(t *testing.T) {
	src := `{`
	for i := 0; i < 11; i++ {
		if i > 0 {
			src += ","
		}
		src += `"k` + string(rune('a'+i)) + `":{"$or":[{"a":[1]},{"b":[2]}]}`
	}
	src += `}`
	if _, err := Compile([]byte(src), AWS); err == nil {
		t.Fatal("2^11 alternatives compiled")
	}
}

func TestParseDialect(t *testing.T) {
	for s, want := range map[string]Dialect{"": Alibaba, "alibaba": Alibaba, "aws": AWS} {
		if d, err := ParseDialect(s); err != nil || d != want {
			t.Errorf("%q: %v %v", s, d, err)
		}
	}
	if _, err := ParseDialect("gcp"); err == nil || err.Error() != `unknown dialect "gcp": want alibaba or aws` {
		t.Errorf("gcp: %v", err)
	}
}
