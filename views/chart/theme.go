package chart

import (
	"image/color"

	xfont "golang.org/x/image/font"
	"gonum.org/v1/plot/font"
	"gonum.org/v1/plot/vg"
)

// Theme is the look shared by every chart. The zero Theme means Light().
type Theme struct {
	Name       string      // "light" or "dark"
	Background color.Color // page and plot background
	Foreground color.Color // titles, axes, tick labels
	Muted      color.Color // secondary text, baselines, notes
	Grid       color.Color // horizontal grid lines
	Accent     color.Color // the one "needs attention" colour: dead letters, errors
	Series     []color.Color
	// HeatLowDark maps low heatmap counts to dark colours (for dark backgrounds).
	HeatLowDark bool
	FontSize    vg.Length // base text size in points (tick labels); default 9
}

func rgb(hex uint32) color.NRGBA {
	return color.NRGBA{R: uint8(hex >> 16), G: uint8(hex >> 8), B: uint8(hex), A: 0xff}
}

// Light is the default theme: dark text on white.
func Light() Theme {
	return Theme{
		Name:       "light",
		Background: rgb(0xffffff),
		Foreground: rgb(0x24292f),
		Muted:      rgb(0x6e7781),
		Grid:       rgb(0xe6e8eb),
		Accent:     rgb(0xd55e00), // Okabe–Ito vermillion
		// Okabe–Ito blue, bluish green, reddish purple, sky blue, orange, grey.
		Series:   []color.Color{rgb(0x0072b2), rgb(0x009e73), rgb(0xcc79a7), rgb(0x56b4e9), rgb(0xe69f00), rgb(0x57606a)},
		FontSize: 9,
	}
}

// Dark is the theme for dark backgrounds: the same hues, lightened.
func Dark() Theme {
	return Theme{
		Name:        "dark",
		Background:  rgb(0x1b1f24),
		Foreground:  rgb(0xe6edf3),
		Muted:       rgb(0x8b949e),
		Grid:        rgb(0x30363d),
		Accent:      rgb(0xff7b3a),
		Series:      []color.Color{rgb(0x4fa3e0), rgb(0x2fbf8f), rgb(0xe08fc2), rgb(0x9bd3f5), rgb(0xf0b429), rgb(0xc9d1d9)},
		HeatLowDark: true,
		FontSize:    9,
	}
}

// orDefault returns t, or Light() when t is the zero Theme; a missing FontSize becomes 9.
func (t Theme) orDefault() Theme {
	if t.Background == nil || len(t.Series) == 0 {
		t = Light()
	}
	if t.FontSize <= 0 {
		t.FontSize = 9
	}
	return t
}

// color returns the i-th series colour, cycling.
func (t Theme) color(i int) color.Color {
	return t.Series[i%len(t.Series)]
}

// fontOf returns the embedded Liberation Sans at size (bold if asked).
func fontOf(size vg.Length, bold bool) font.Font {
	f := font.Font{Typeface: "Liberation", Variant: "Sans", Size: size}
	if bold {
		f.Weight = xfont.WeightBold
	}
	return f
}

// withAlpha returns c with alpha a in [0,1].
func withAlpha(c color.Color, a float64) color.Color {
	n := color.NRGBAModel.Convert(c).(color.NRGBA)
	n.A = uint8(a * 255)
	return n
}
