package report

import (
	_ "embed"
	"fmt"
	"html/template"
	"io"
)

var (
	//go:embed report.html.tmpl
	htmlTemplate string
	//go:embed report.css
	css string
)

var page = template.Must(template.New("report").Funcs(template.FuncMap{
	"css":     func() template.CSS { return template.CSS(css) },
	"numeric": func(cols []bool, i int) bool { return i < len(cols) && cols[i] },
	"failed":  func(rows []bool, i int) bool { return i < len(rows) && rows[i] },
}).Parse(htmlTemplate))

// WriteHTML writes the report as one self-contained HTML file: the style sheet inline, the
// charts and the topology as inline SVG, no scripts and no references to other resources.
func (r Report) WriteHTML(w io.Writer) error {
	if err := page.Execute(w, r); err != nil {
		return fmt.Errorf("write html report: %w", err)
	}
	return nil
}
