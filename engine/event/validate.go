package event

import (
	"errors"
	"fmt"
	"strconv"
	"unicode/utf8"
)

// Limits are the EventBridge rules Validate applies (facts sheet §3). A zero field means "no
// limit". DefaultLimits gives the documented values; callers may change any of them.
type Limits struct {
	// MaxEventBytes is the largest Size() accepted, in bytes. Default 262144 (256 KB).
	MaxEventBytes int
	// MaxIDLen is the longest id, in characters. Default 128.
	MaxIDLen int
	// MaxSourceLen is the longest source, in characters. Default 128.
	MaxSourceLen int
	// MaxSubjectLen is the longest subject, in characters. Default 512.
	MaxSubjectLen int
	// MaxTypeLen is the longest type, in characters. Default 0 (no limit): the documented
	// value is truncated in the source (facts sheet §3, UNVERIFIED).
	MaxTypeLen int
	// MaxExtensionNameLen is the longest extension name, in characters. Default 0 (no limit).
	// CloudEvents 1.0 says names SHOULD NOT exceed 20 characters, but EventBridge's own
	// aliyunoriginalaccountid has 23, so the recommendation is not enforced by default.
	MaxExtensionNameLen int
}

// DefaultLimits returns the limits documented for Alibaba EventBridge (facts sheet §3).
func DefaultLimits() Limits {
	return Limits{MaxEventBytes: 262144, MaxIDLen: 128, MaxSourceLen: 128, MaxSubjectLen: 512}
}

// Sentinel errors; every *AttrError wraps exactly one, and a *SizeError matches ErrTooLarge.
var (
	ErrRequired          = errors.New("required attribute is missing")
	ErrTooLong           = errors.New("attribute is too long")
	ErrBadStart          = errors.New("attribute starts with a character that is not allowed")
	ErrBadChar           = errors.New("attribute contains a character that is not allowed")
	ErrBadSpecVersion    = errors.New("unsupported specversion")
	ErrBadURI            = errors.New("attribute is not a valid URI")
	ErrBadContentType    = errors.New("datacontenttype is not a valid media type")
	ErrBadExtensionName  = errors.New("invalid extension attribute name")
	ErrReservedExtension = errors.New("extension name is a reserved attribute name")
	ErrBadData           = errors.New("data cannot be carried in structured JSON")
	ErrTooLarge          = errors.New("event is too large")
)

// AttrError is a broken attribute rule: which attribute, its value, and what would be valid.
type AttrError struct {
	Attr   string // attribute name: "id", "source", ..., an extension name, or "data"
	Value  string // the offending value (for extension names, the name itself)
	Reason string // what is valid, in EventBridge's terms
	Err    error  // the sentinel (ErrRequired, ErrTooLong, ...)
}

func (e *AttrError) Error() string {
	v := e.Value
	if utf8.RuneCountInString(v) > 48 {
		v = string([]rune(v)[:45]) + "..."
	}
	return fmt.Sprintf("event attribute %q (value %s): %s", e.Attr, strconv.Quote(v), e.Reason)
}

// Unwrap returns the sentinel error.
func (e *AttrError) Unwrap() error { return e.Err }

// SizeError reports an event larger than Limits.MaxEventBytes; it matches ErrTooLarge.
type SizeError struct {
	Size, Limit int // bytes, as Event.Size counts them
}

func (e *SizeError) Error() string {
	return fmt.Sprintf("event size %d bytes exceeds the limit of %d bytes (%s)", e.Size, e.Limit, kb(e.Limit))
}

// Is makes errors.Is(err, ErrTooLarge) true.
func (e *SizeError) Is(target error) bool { return target == ErrTooLarge }

func kb(n int) string {
	if n%1024 == 0 {
		return strconv.Itoa(n/1024) + " KB"
	}
	return strconv.Itoa(n) + " bytes"
}

// Validate checks e against the EventBridge rules and returns the first failure, in this order:
// specversion, id, source, type, subject, datacontenttype, dataschema, extensions (by name),
// data, size. Each failure is a *AttrError naming the attribute (or a *SizeError); nil means
// valid. Time is not checked (facts sheet §5.1: real events carry non-RFC 3339 times).
//
// The id rule is the documented one (≤128 characters, starting with an ASCII letter or digit,
// then letters, digits and '-'). The masked ids in the facts sheet samples ("69B1***...0A8")
// break it; they are masking artefacts, so the rule does not bend for them.
//
// An event that CatalogEntry.Build made is marked as valid with DefaultLimits: while nothing
// Validate reads has changed, Validate with those limits answers nil from the mark (mark.go)
// instead of checking again. The answer is the same.
func Validate(e Event, lim Limits) error {
	if e.validFor(lim) { // Build validated e with lim and nothing Validate reads has changed
		return nil
	}
	errs := check(&e, lim, true)
	if len(errs) == 0 {
		return nil
	}
	return errs[0]
}

// ValidateMarked is Validate(*e, lim) without copying e. When e is valid it also marks e's
// data as valid JSON (mark.go), so that encoding e (JSON, JSONIndexed) does not scan the data
// again while it holds the same bytes. The answer is Validate's.
func ValidateMarked(e *Event, lim Limits) error {
	if e.validFor(lim) {
		return nil
	}
	if errs := check(e, lim, true); len(errs) != 0 {
		return errs[0]
	}
	if len(e.Data) > 0 { // check found it valid JSON
		e.dataMark = dataSum(e.Data)
	}
	return nil
}

// ValidateAll is Validate returning every failure, in the same order.
func ValidateAll(e Event, lim Limits) []error { return check(&e, lim, false) }
