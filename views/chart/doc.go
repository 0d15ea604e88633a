// Package chart draws the workbench's charts with gonum/plot: latency over time, a latency
// heatmap, cold/warm latency histograms, cold starts, instances by state, queue and dead-letter
// depth, throughput and match rate, cumulative cost, and the memory sweep.
//
// The package imports no Fyne and no engine or storage package: callers fill the plain input
// types declared here (Series, Percentiles, Histogram, Heatmap, Stacked, Sweep) and get back a
// *Chart, which renders to PNG, SVG or an image.Image of any size. Every chart has a title,
// axis labels with units, a legend when it shows more than one series, and draws an empty frame
// with a "no data yet" note when it has nothing to show; no input makes a chart function panic.
//
// All charts share a calm theme (Light or Dark): a colour-blind-safe series palette (Okabe–Ito
// hues) and one accent colour reserved for what needs attention (dead letters, errors). Text uses
// the Liberation fonts embedded in gonum/plot, so rendering does not depend on system fonts.
package chart
