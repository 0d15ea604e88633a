package report

import (
	"bytes"
	"compress/zlib"
	"fmt"
	"io"
	"regexp"
	"strconv"
)

// pdfcpu (named in go.mod) cannot be built in this module: go.sum lacks its dependencies
// (hhrutter/tiff, x/crypto/ocsp, go-runewidth). parsePDF is a small structural reader in its
// place: it follows startxref to the cross-reference table, checks that every object offset
// points at its object, walks the trailer's /Root to the page tree and its /Count, counts the
// page objects, and inflates the content streams so a test can search their text.

// parsedPDF is what parsePDF learns of a document.
type parsedPDF struct {
	Pages   int    // the page tree's /Count
	PageObj int    // objects of /Type /Page
	Content []byte // every content stream, inflated and concatenated
	Objects int    // objects in the cross-reference table
}

var (
	reStartXref = regexp.MustCompile(`startxref\s+(\d+)\s+%%EOF\s*$`)
	reXrefHead  = regexp.MustCompile(`^xref\s+0 (\d+)\s+`)
	reXrefEntry = regexp.MustCompile(`^(\d{10}) (\d{5}) ([nf])\s{1,2}`)
	reTrailer   = regexp.MustCompile(`^trailer\s*<<([^>]*)>>`)
	reRef       = func(key string) *regexp.Regexp { return regexp.MustCompile(`/` + key + ` (\d+) 0 R`) }
	reObj       = regexp.MustCompile(`(?s)^(\d+) 0 obj\s*(.*?)endobj`)
	reStream    = regexp.MustCompile(`(?s)<<([^>]*?)>>\s*stream\r?\n`)
	reCount     = regexp.MustCompile(`/Count (\d+)`)
	rePage      = regexp.MustCompile(`/Type /Page[^s]`)
)

func parsePDF(b []byte) (parsedPDF, error) {
	var p parsedPDF
	if !bytes.HasPrefix(b, []byte("%PDF-1.")) {
		return p, fmt.Errorf("no %%PDF header")
	}
	m := reStartXref.FindSubmatch(b)
	if m == nil {
		return p, fmt.Errorf("no startxref / %%%%EOF at the end")
	}
	off, _ := strconv.Atoi(string(m[1]))
	if off <= 0 || off >= len(b) {
		return p, fmt.Errorf("startxref %d outside the file", off)
	}
	rest := b[off:]
	h := reXrefHead.FindSubmatch(rest)
	if h == nil {
		return p, fmt.Errorf("startxref %d does not point at an xref table", off)
	}
	p.Objects, _ = strconv.Atoi(string(h[1]))
	rest = rest[len(h[0]):]
	objs := map[int][]byte{}
	for i := 0; i < p.Objects; i++ {
		e := reXrefEntry.FindSubmatch(rest)
		if e == nil {
			return p, fmt.Errorf("xref entry %d malformed", i)
		}
		rest = rest[len(e[0]):]
		if string(e[3]) == "f" {
			continue
		}
		o, _ := strconv.Atoi(string(e[1]))
		om := reObj.FindSubmatch(b[o:])
		if om == nil || string(om[1]) != strconv.Itoa(i) {
			return p, fmt.Errorf("xref entry %d: offset %d is not object %d", i, o, i)
		}
		objs[i] = om[2]
	}
	tr := reTrailer.FindSubmatch(rest)
	if tr == nil {
		return p, fmt.Errorf("no trailer after the xref table")
	}
	return p, p.walk(tr[1], objs)
}

// walk follows /Root to /Pages, counts pages and inflates the streams.
func (p *parsedPDF) walk(trailer []byte, objs map[int][]byte) error {
	root := reRef("Root").FindSubmatch(trailer)
	if root == nil {
		return fmt.Errorf("trailer has no /Root")
	}
	n, _ := strconv.Atoi(string(root[1]))
	pages := reRef("Pages").FindSubmatch(objs[n])
	if pages == nil {
		return fmt.Errorf("catalog %d has no /Pages", n)
	}
	n, _ = strconv.Atoi(string(pages[1]))
	c := reCount.FindSubmatch(objs[n])
	if c == nil {
		return fmt.Errorf("page tree %d has no /Count", n)
	}
	p.Pages, _ = strconv.Atoi(string(c[1]))
	for _, o := range objs {
		if rePage.Match(o) {
			p.PageObj++
		}
		s := reStream.FindSubmatchIndex(o)
		if s == nil || !bytes.Contains(o[s[2]:s[3]], []byte("/FlateDecode")) || bytes.Contains(o[s[2]:s[3]], []byte("/Subtype /Image")) {
			continue
		}
		body := o[s[1]:]
		if e := bytes.LastIndex(body, []byte("endstream")); e >= 0 {
			body = body[:e]
		}
		zr, err := zlib.NewReader(bytes.NewReader(body))
		if err != nil {
			return fmt.Errorf("stream: %w", err)
		}
		text, err := io.ReadAll(zr)
		if err != nil {
			return fmt.Errorf("stream: %w", err)
		}
		p.Content = append(p.Content, text...)
	}
	return nil
}
