package cli

import (
	"io"
	"time"

	"github.com/fanout/fanout/storage"
	"github.com/fanout/fanout/views/chart"
	"github.com/fanout/fanout/views/report"
)

// ReportOf builds the report of the run in st with the scenario the run recorded: the
// workbench's Export gives the same report as `fanout report RUN.db`.
func ReportOf(st *storage.Store) (report.Report, error) {
	sc, err := reportScenario(io.Discard, st, "")
	if err != nil {
		return report.Report{}, err
	}
	return BuildReport(st, sc, nil, report.Options{}, time.Time{})
}

// RunCharts aggregates the stored run in st into its charts (the report's, in the order of the
// workbench's Charts screen), drawn in theme th.
func RunCharts(st *storage.Store, th chart.Theme) ([]report.RunChart, error) {
	ri, err := st.Info()
	if err != nil {
		return nil, err
	}
	horizon := ri.SimDuration
	if horizon <= 0 {
		horizon = ri.Horizon
	}
	return report.RunCharts(storeRecords{st}, horizon, report.Options{}, th)
}
