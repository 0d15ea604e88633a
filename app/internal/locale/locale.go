// Package locale gives Fyne a locale it can parse when the environment has the POSIX "C"
// locale (containers, CI), which Fyne would otherwise report as an error on every start.
//
// It works from init because Fyne reads the locale while its own packages initialise: package
// main imports this package, which depends on nothing but os and so initialises before Fyne's
// widget package (Go initialises packages in dependency order).
package locale

import "os"

func init() { Fix() }

// Fix sets LANG to en_US.UTF-8 when the effective locale is empty, C or POSIX.
func Fix() {
	for _, v := range []string{"LC_ALL", "LC_MESSAGES", "LANG"} {
		switch os.Getenv(v) {
		case "":
			continue
		case "C", "POSIX", "C.UTF-8", "C.utf8":
			os.Setenv(v, "en_US.UTF-8")
		}
		return
	}
	os.Setenv("LANG", "en_US.UTF-8")
}
