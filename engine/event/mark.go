package event

import (
	"encoding/binary"
	"hash/maphash"
)

// Marks let the checks of an event built by this package run once per event instead of at
// every stage (Build, the bus's ingress Validate, structured-JSON encoding). They are private
// fields holding 64-bit hashes of exactly what the check read, so a mark only vouches for
// those values: an event whose checked attributes, extension names or data bytes were replaced
// or changed in place after marking no longer matches its mark and is checked in full. Copies
// of an event carry its marks, which stay true of them.
//
//   - dataMark says Data is valid JSON (ValidJSON): a hash of the data bytes.
//   - validMark says the event passed Validate with some Limits: a hash of the limits and of
//     everything Validate reads.

// markSeed keys the hashes. It is random per process, but the hashes never leave the process
// and never affect output: they only decide whether a check can be skipped.
var markSeed = maphash.MakeSeed()

// dataSum is the data mark of b; never 0, which means "not marked".
func dataSum(b []byte) uint64 { return maphash.Bytes(markSeed, b) | 1 }

// markBuilt marks an event that Build made and validated with DefaultLimits: its data is valid
// JSON (Build encoded it) and it passes Validate with DefaultLimits.
func (e *Event) markBuilt() {
	d := dataSum(e.Data)
	if len(e.Data) > 0 {
		e.dataMark = d
	}
	e.validMark = validSumData(e, DefaultLimits(), d)
}

// dataValidJSON is ValidJSON(e.Data), answered by the mark when e.Data holds the bytes marked.
func (e *Event) dataValidJSON() bool {
	if e.dataMark != 0 && len(e.Data) > 0 && e.dataMark == dataSum(e.Data) {
		return true
	}
	return ValidJSON(e.Data)
}

// validFor reports whether e is marked as passing Validate with lim and still holds what was
// marked. False means "check", not "invalid".
func (e *Event) validFor(lim Limits) bool {
	return e.validMark != 0 && e.validMark == validSumData(e, lim, dataSum(e.Data))
}

// validSumData hashes lim and everything check reads of e: the attributes (time too, though only
// its presence counts), the extension names (not their values, which Validate ignores), the
// data bytes (given as their hash, dataSum(e.Data)) and DataBase64. Each field is hashed on its
// own and the hashes hashed together.
func validSumData(e *Event, lim Limits, data uint64) uint64 {
	var names uint64 // a sum: independent of the map's order; names in a map are distinct
	for k := range e.Extensions {
		names += maphash.String(markSeed, k)
	}
	var buf [24 * 8]byte
	b := buf[:0]
	for _, n := range [...]int{lim.MaxEventBytes, lim.MaxIDLen, lim.MaxSourceLen, lim.MaxSubjectLen,
		lim.MaxTypeLen, lim.MaxExtensionNameLen, len(e.Extensions), btoi(e.Data == nil), btoi(e.DataBase64)} {
		b = binary.LittleEndian.AppendUint64(b, uint64(n))
	}
	for _, s := range [...]string{e.SpecVersion, e.ID, e.Source, e.Type, e.Subject, e.DataContentType, e.DataSchema, e.Time} {
		b = binary.LittleEndian.AppendUint64(b, maphash.String(markSeed, s))
	}
	b = binary.LittleEndian.AppendUint64(b, names)
	b = binary.LittleEndian.AppendUint64(b, data)
	return maphash.Bytes(markSeed, b) | 1
}
