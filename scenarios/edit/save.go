package edit

import (
	"fmt"
	"os"
	"path/filepath"
)

// Save writes the current text to path atomically (a temporary file in the same directory,
// synced, then renamed over path) and marks the document clean.
func (d *Doc) Save(path string) error {
	if err := writeAtomic(path, d.text); err != nil {
		return fmt.Errorf("save scenario %s: %w", path, err)
	}
	d.saved = clone(d.text)
	return nil
}

// writeAtomic writes b to path through a temporary file and a rename, so path always holds
// either its old or its new content.
func writeAtomic(path string, b []byte) error {
	dir := filepath.Dir(path)
	f, err := os.CreateTemp(dir, "."+filepath.Base(path)+".tmp-*")
	if err != nil {
		return err
	}
	tmp := f.Name()
	defer os.Remove(tmp) // no-op after a successful rename
	if _, err := f.Write(b); err != nil {
		f.Close()
		return err
	}
	if err := f.Sync(); err != nil {
		f.Close()
		return err
	}
	if err := f.Close(); err != nil {
		return err
	}
	if fi, err := os.Stat(path); err == nil {
		_ = os.Chmod(tmp, fi.Mode().Perm()) // keep the saved file's permissions
	}
	return os.Rename(tmp, path)
}
