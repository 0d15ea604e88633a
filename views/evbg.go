package views

import "fyne.io/fyne/v2"

// background runs fetch off the Fyne thread, then the func it returns on the Fyne thread. The
// screens of the event browser take it as a field so tests can run the same code inline.
type background func(fetch func() (apply func()))

// goBackground is the production background: a goroutine, then fyne.Do.
func goBackground(fetch func() func()) {
	go func() {
		apply := fetch()
		if apply != nil {
			fyne.Do(apply)
		}
	}()
}

// inlineBackground runs fetch and apply in the caller (tests, benchmarks).
func inlineBackground(fetch func() func()) {
	if apply := fetch(); apply != nil {
		apply()
	}
}

// windowOf finds the window showing obj, or the first window, or nil.
func windowOf(obj fyne.CanvasObject) fyne.Window {
	app := fyne.CurrentApp()
	if app == nil {
		return nil
	}
	c := app.Driver().CanvasForObject(obj)
	wins := app.Driver().AllWindows()
	for _, w := range wins {
		if c != nil && w.Canvas() == c {
			return w
		}
	}
	if len(wins) > 0 {
		return wins[0]
	}
	return nil
}
