package load

import (
	"encoding/json"
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"

	"github.com/goccy/go-yaml"
)

// appendJSON appends v as JSON: yaml.MapSlice objects keep their key order, map[string]any
// objects are written with sorted keys, so the output is deterministic.
func appendJSON(b []byte, v any) ([]byte, error) {
	switch x := v.(type) {
	case nil:
		return append(b, "null"...), nil
	case bool:
		return strconv.AppendBool(b, x), nil
	case int:
		return strconv.AppendInt(b, int64(x), 10), nil
	case int64:
		return strconv.AppendInt(b, x, 10), nil
	case uint64:
		return strconv.AppendUint(b, x, 10), nil
	case float64:
		if math.IsNaN(x) || math.IsInf(x, 0) {
			return b, fmt.Errorf("cannot encode %v as JSON", x)
		}
		return appendFloat(b, x), nil
	case string:
		return appendString(b, x), nil
	case []any:
		return appendList(b, x)
	case yaml.MapSlice:
		return appendObject(b, len(x), func(i int) (string, any) { return fmt.Sprint(x[i].Key), x[i].Value })
	case map[string]any:
		keys := slices.Sorted(func(yield func(string) bool) {
			for k := range x {
				if !yield(k) {
					return
				}
			}
		})
		return appendObject(b, len(keys), func(i int) (string, any) { return keys[i], x[keys[i]] })
	}
	j, err := json.Marshal(v)
	if err != nil {
		return b, err
	}
	return append(b, j...), nil
}

// appendFloat writes integral floats without an exponent up to 1e21 (as encoding/json does)
// and others in the shortest form.
func appendFloat(b []byte, x float64) []byte {
	abs := math.Abs(x)
	if abs != 0 && (abs < 1e-6 || abs >= 1e21) {
		return strconv.AppendFloat(b, x, 'e', -1, 64)
	}
	return strconv.AppendFloat(b, x, 'f', -1, 64)
}

func appendString(b []byte, s string) []byte {
	if safeASCII(s) {
		b = append(b, '"')
		b = append(b, s...)
		return append(b, '"')
	}
	j, _ := json.Marshal(s) // strings always encode
	return append(b, j...)
}

// safeASCII reports whether s needs no escaping in JSON (and no HTML escaping as
// encoding/json applies).
func safeASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < 0x20 || c >= 0x7f || c == '"' || c == '\\' || c == '<' || c == '>' || c == '&' {
			return false
		}
	}
	return true
}

func appendList(b []byte, x []any) ([]byte, error) {
	b = append(b, '[')
	var err error
	for i, e := range x {
		if i > 0 {
			b = append(b, ',')
		}
		if b, err = appendJSON(b, e); err != nil {
			return b, err
		}
	}
	return append(b, ']'), nil
}

func appendObject(b []byte, n int, item func(i int) (string, any)) ([]byte, error) {
	b = append(b, '{')
	var err error
	for i := 0; i < n; i++ {
		if i > 0 {
			b = append(b, ',')
		}
		k, v := item(i)
		b = appendString(b, k)
		b = append(b, ':')
		if b, err = appendJSON(b, v); err != nil {
			return b, fmt.Errorf("%s: %w", strings.TrimSpace(k), err)
		}
	}
	return append(b, '}'), nil
}
