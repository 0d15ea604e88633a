package main

// pins.go keeps core libraries of DESIGN.md pinned in go.mod until the packages that use them
// land (storage: go-sqlite3; charts: gonum/plot; live metrics: hdrhistogram). Remove an import
// here once a real package imports it.
import (
	_ "github.com/HdrHistogram/hdrhistogram-go"
	_ "github.com/mattn/go-sqlite3"
	_ "gonum.org/v1/plot"
)
