// Package report builds the exported report of a run (DESIGN.md §1, the analyst's job): one
// self-contained HTML file (inline CSS, charts as inline SVG, no scripts, no network; a print
// style sheet), the same report as PDF, and the data beside it as CSV and JSON.
//
// The package imports no Fyne and no storage: the caller fills an Input with the scenario,
// the run's description and summary JSON, and a Records source (a run's store satisfies most
// of it; package app adapts the rest), then calls Build once and writes the result with
// WriteHTML, WritePDF and WriteData. The same Input gives the same bytes: nothing reads the
// wall clock, and every list built from a map is sorted. docs/report.md describes the contents
// and how costs are attributed to rules.
package report
