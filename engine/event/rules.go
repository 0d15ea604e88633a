package event

import (
	"encoding/base64"
	"encoding/json"
	"fmt"
	"unicode/utf8"

	"github.com/cloudevents/sdk-go/v2/types"
)

// reservedNames are the context attribute names (and payload members) that an extension may
// not take.
var reservedNames = map[string]bool{
	"specversion": true, "id": true, "source": true, "type": true, "subject": true, "time": true,
	"datacontenttype": true, "dataschema": true, "data": true, "data_base64": true,
}

// check collects the failures of e, stopping at the first when first is set.
func check(e *Event, lim Limits, first bool) []error {
	var errs []error
	add := func(err error) bool {
		if err != nil {
			errs = append(errs, err)
		}
		return first && len(errs) > 0
	}
	if add(checkSpecVersion(e.SpecVersion)) || add(checkID(e.ID, lim.MaxIDLen)) ||
		add(checkSource(e.Source, lim.MaxSourceLen)) ||
		add(checkText("type", e.Type, true, lim.MaxTypeLen)) ||
		add(checkText("subject", e.Subject, false, lim.MaxSubjectLen)) ||
		add(checkContentType(e.DataContentType)) || add(checkDataSchema(e.DataSchema)) {
		return errs
	}
	if len(e.Extensions) > 0 {
		var nameBuf [8]string
		for _, name := range e.appendExtensionNames(nameBuf[:0]) {
			if add(checkExtensionName(name, lim.MaxExtensionNameLen)) {
				return errs
			}
		}
	}
	if add(checkData(e)) {
		return errs
	}
	if lim.MaxEventBytes > 0 {
		if n := e.size(); n > lim.MaxEventBytes {
			add(&SizeError{Size: n, Limit: lim.MaxEventBytes})
		}
	}
	return errs
}

func attrErr(attr, val, reason string, sentinel error) *AttrError {
	return &AttrError{Attr: attr, Value: val, Reason: reason, Err: sentinel}
}

func checkSpecVersion(v string) error {
	if v == "" {
		return attrErr("specversion", v, `is required and must be "1.0"`, ErrRequired)
	}
	if v != SpecVersion10 {
		return attrErr("specversion", v, `must be "1.0"`, ErrBadSpecVersion)
	}
	return nil
}

func isAlnum(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
}

func checkID(id string, maxLen int) error {
	const rule = "at most 128 characters, starting with a letter or digit, containing only letters, digits and '-'"
	switch {
	case id == "":
		return attrErr("id", id, "is required: "+rule, ErrRequired)
	case maxLen > 0 && len(id) > maxLen && utf8.RuneCountInString(id) > maxLen: // runes <= bytes
		return attrErr("id", id, fmt.Sprintf("must be at most %d characters long, not %d", maxLen, utf8.RuneCountInString(id)), ErrTooLong)
	case !isAlnum(id[0]):
		return attrErr("id", id, "must start with a letter or digit: "+rule, ErrBadStart)
	}
	for i := 1; i < len(id); i++ {
		if !isAlnum(id[i]) && id[i] != '-' {
			r, _ := utf8.DecodeRuneInString(id[i:])
			return attrErr("id", id, fmt.Sprintf("contains %q at byte %d; only letters, digits and '-' are allowed", r, i), ErrBadChar)
		}
	}
	return nil
}

// checkText applies the required and length rules to a plain string attribute.
func checkText(attr, v string, required bool, maxLen int) error {
	if v == "" {
		if required {
			return attrErr(attr, v, "is required and must be a non-empty string", ErrRequired)
		}
		return nil
	}
	if maxLen <= 0 || len(v) <= maxLen { // a string has at most as many characters as bytes
		return nil
	}
	if n := utf8.RuneCountInString(v); n > maxLen {
		return attrErr(attr, v, fmt.Sprintf("must be at most %d characters long, not %d", maxLen, n), ErrTooLong)
	}
	return nil
}

func checkSource(v string, maxLen int) error {
	if err := checkText("source", v, true, maxLen); err != nil {
		return err
	}
	if !isURIRef(v) {
		return attrErr("source", v, "must be a URI-reference (RFC 3986), e.g. \"acs.oss\"", ErrBadURI)
	}
	return nil
}

func checkContentType(v string) error {
	if v == "" {
		return nil
	}
	if !isMediaType(v) {
		return attrErr("datacontenttype", v, "must be an RFC 2046 media type, e.g. \"application/json;charset=utf-8\"", ErrBadContentType)
	}
	return nil
}

func checkDataSchema(v string) error {
	if v == "" {
		return nil
	}
	if u := types.ParseURI(v); u == nil || !u.Validate() {
		return attrErr("dataschema", v, "must be an absolute URI (RFC 3986), e.g. \"http://example.com/test.json\"", ErrBadURI)
	}
	return nil
}

func checkExtensionName(name string, maxLen int) error {
	if name == "" {
		return attrErr(name, name, "extension names must not be empty", ErrBadExtensionName)
	}
	for i := 0; i < len(name); i++ {
		if c := name[i]; !(c >= 'a' && c <= 'z' || c >= '0' && c <= '9') {
			return attrErr(name, name, "extension names may contain only lower-case letters 'a'-'z' and digits '0'-'9' (CloudEvents 1.0)", ErrBadExtensionName)
		}
	}
	if reservedNames[name] {
		return attrErr(name, name, "is a CloudEvents context attribute and cannot be an extension", ErrReservedExtension)
	}
	if maxLen > 0 && len(name) > maxLen {
		return attrErr(name, name, fmt.Sprintf("extension names must be at most %d characters long, not %d", maxLen, len(name)), ErrTooLong)
	}
	return nil
}

func checkData(e *Event) error {
	if e.Data == nil {
		return nil
	}
	if !e.dataValidJSON() {
		return attrErr("data", string(e.Data), "must be a valid JSON value", ErrBadData)
	}
	if !e.DataBase64 && IsJSONMediaType(e.DataContentType) {
		return nil
	}
	val := string(e.Data)
	var s string
	if err := json.Unmarshal(e.Data, &s); err != nil {
		if e.DataBase64 {
			return attrErr("data_base64", val, "must be a JSON string of base64 text", ErrBadData)
		}
		return attrErr("data", val, fmt.Sprintf("must be a JSON string for the non-JSON datacontenttype %q", e.DataContentType), ErrBadData)
	}
	if e.DataBase64 {
		if _, err := base64.StdEncoding.DecodeString(s); err != nil {
			return attrErr("data_base64", val, "must be standard base64 (RFC 4648) with padding", ErrBadData)
		}
	}
	return nil
}
