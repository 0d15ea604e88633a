package chart

// Options adjusts a chart; the zero value gives the default look.
type Options struct {
	Theme Theme  // zero value: Light()
	Title string // replaces the chart's default title when not empty
	LogX  bool   // LatencyHistogram: log-scaled latency axis
	Lines bool   // Sweep charts: connect the tested sizes with lines
}

// title returns o.Title or def.
func (o Options) title(def string) string {
	if o.Title != "" {
		return o.Title
	}
	return def
}
