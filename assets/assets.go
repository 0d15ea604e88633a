// Package assets holds the files Fanout embeds: prices, and later icons, fonts and sample events.
package assets

import _ "embed"

//go:embed prices.yaml
var prices []byte

// Prices returns the Function Compute price list (YAML, parsed by engine/fc.ParsePrices).
// The slice is a copy: callers may keep or modify it.
func Prices() []byte { return append([]byte(nil), prices...) }
