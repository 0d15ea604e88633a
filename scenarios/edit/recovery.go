package edit

import (
	"bytes"
	"errors"
	"fmt"
	"hash/fnv"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"time"
)

// RecoveryExt is the extension of recovery files.
const RecoveryExt = ".fanout-recovery"

// recoveryMagic starts the header line of a recovery file; the scenario text follows it.
const recoveryMagic = "# fanout-recovery v1 "

// now is the clock of recovery time stamps (a variable for tests).
var now = time.Now

// Recovery is a recovery copy found in a recovery directory.
type Recovery struct {
	Path  string    // the recovery file
	Name  string    // the document's name (the file it was opened from)
	Saved time.Time // when the copy was written
}

// RecoveryPath is the file WriteRecovery writes for this document in dir: one per document
// name, so each change overwrites the previous copy.
func (d *Doc) RecoveryPath(dir string) string {
	h := fnv.New32a()
	h.Write([]byte(d.name))
	base := strings.TrimSuffix(filepath.Base(d.name), filepath.Ext(d.name))
	base = strings.Map(func(r rune) rune {
		if r == '-' || r == '_' || r == '.' || ('a' <= r && r <= 'z') || ('A' <= r && r <= 'Z') || ('0' <= r && r <= '9') {
			return r
		}
		return '_'
	}, base)
	return filepath.Join(dir, fmt.Sprintf("%s-%08x%s", base, h.Sum32(), RecoveryExt))
}

// WriteRecovery writes the current text to the document's recovery file in dir (created if
// missing), atomically. The app calls it from OnChange.
func (d *Doc) WriteRecovery(dir string) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return fmt.Errorf("write recovery of %s: %w", d.name, err)
	}
	var b bytes.Buffer
	fmt.Fprintf(&b, "%sname=%s saved=%s\n", recoveryMagic, strconv.Quote(d.name), now().UTC().Format(time.RFC3339Nano))
	b.Write(d.text)
	if err := writeAtomic(d.RecoveryPath(dir), b.Bytes()); err != nil {
		return fmt.Errorf("write recovery of %s: %w", d.name, err)
	}
	return nil
}

// RemoveRecovery deletes the document's recovery file in dir (after a save or a clean close);
// a missing file is not an error.
func (d *Doc) RemoveRecovery(dir string) error {
	err := os.Remove(d.RecoveryPath(dir))
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		return fmt.Errorf("remove recovery of %s: %w", d.name, err)
	}
	return nil
}

// Recoveries lists the recovery files in dir, newest first (a missing dir has none). Files
// that are not readable recovery copies are skipped.
func Recoveries(dir string) ([]Recovery, error) {
	paths, err := filepath.Glob(filepath.Join(dir, "*"+RecoveryExt))
	if err != nil {
		return nil, fmt.Errorf("list recoveries in %s: %w", dir, err)
	}
	var out []Recovery
	for _, p := range paths {
		if r, _, err := readRecovery(p); err == nil {
			out = append(out, r)
		}
	}
	sort.SliceStable(out, func(i, j int) bool {
		if !out[i].Saved.Equal(out[j].Saved) {
			return out[i].Saved.After(out[j].Saved)
		}
		return out[i].Path < out[j].Path
	})
	return out, nil
}

// Open restores the recovered document. It is dirty: the user still has to save it.
func (r Recovery) Open(readFile func(string) ([]byte, error)) (*Doc, error) {
	_, src, err := readRecovery(r.Path)
	if err != nil {
		return nil, err
	}
	d, err := Open(r.Name, src, readFile)
	if err != nil {
		return nil, fmt.Errorf("restore %s: %w", r.Path, err)
	}
	d.saved = nil
	return d, nil
}

// Discard deletes the recovery file.
func (r Recovery) Discard() error {
	if err := os.Remove(r.Path); err != nil && !errors.Is(err, fs.ErrNotExist) {
		return fmt.Errorf("discard recovery %s: %w", r.Path, err)
	}
	return nil
}

// readRecovery reads a recovery file's header and scenario text.
func readRecovery(path string) (Recovery, []byte, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return Recovery{}, nil, fmt.Errorf("read recovery %s: %w", path, err)
	}
	line, rest, ok := bytes.Cut(b, []byte("\n"))
	if !ok || !bytes.HasPrefix(line, []byte(recoveryMagic)) {
		return Recovery{}, nil, fmt.Errorf("read recovery %s: not a recovery file", path)
	}
	r := Recovery{Path: path}
	hdr := string(line[len(recoveryMagic):])
	nameQ, savedS, ok := strings.Cut(strings.TrimPrefix(hdr, "name="), " saved=")
	if !ok {
		return Recovery{}, nil, fmt.Errorf("read recovery %s: bad header %q", path, hdr)
	}
	if r.Name, err = strconv.Unquote(nameQ); err != nil {
		return Recovery{}, nil, fmt.Errorf("read recovery %s: bad name %s", path, nameQ)
	}
	if r.Saved, err = time.Parse(time.RFC3339Nano, savedS); err != nil {
		return Recovery{}, nil, fmt.Errorf("read recovery %s: bad time %q", path, savedS)
	}
	return r, rest, nil
}
