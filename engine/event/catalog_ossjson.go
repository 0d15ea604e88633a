package event

import (
	"bytes"
	"crypto/md5"
	"encoding/json"
	"path"
	"strconv"
	"strings"
	"time"
)

// The OSS builder is on the hot path of every upload scenario, so it writes its data with
// these appenders instead of encoding/json. Each produces exactly the bytes that marshalData
// gives for the same value (encoding/json, compact, no HTML escaping); the tests compare them.

// appendOSSData appends the data of an OSS event: ossData's fields in order.
func appendOSSData(b []byte, d *ossFields) []byte {
	b = append(b, `{"eventVersion":"1.0","responseElements":{"requestId":`...)
	b = appendJSONString(b, d.requestID)
	b = append(b, `},"eventSource":"acs:oss","eventTime":`...)
	b = appendJSONString(b, d.eventTime)
	b = append(b, `,"requestParameters":{"sourceIPAddress":`...)
	b = appendJSONString(b, d.sourceIP)
	b = append(b, `},"eventName":`...)
	b = appendJSONString(b, d.eventName)
	b = append(b, `,"userIdentity":{"principalId":`...)
	b = appendJSONString(b, d.principal)
	b = append(b, `},"region":`...)
	b = appendJSONString(b, d.region)
	b = append(b, `,"oss":{"bucket":{"name":`...)
	b = appendJSONString(b, d.bucket)
	b = append(b, `,"arn":`...)
	b = appendJSONString(b, d.arn)
	b = append(b, `,"virtualBucket":"","ownerIdentity":`...)
	b = appendJSONString(b, d.account)
	b = append(b, `},"ossSchemaVersion":"1.0","object":{"size":`...)
	b = strconv.AppendInt(b, d.size, 10)
	b = append(b, `,"objectMeta":{"mimeType":`...)
	b = appendJSONString(b, d.mime)
	b = append(b, `},"deltaSize":`...)
	b = strconv.AppendInt(b, d.deltaSize, 10)
	b = append(b, `,"eTag":`...)
	if d.etag == "" {
		b = append(b, '"')
		b = appendETag(b, d.bucket, d.key, d.size)
		b = append(b, '"')
	} else {
		b = appendJSONString(b, d.etag)
	}
	b = append(b, `,"key":`...)
	b = appendJSONString(b, d.key)
	return append(b, "}}}"...)
}

// ossFields are the inputs of appendOSSData; an empty etag is derived by appendETag.
type ossFields struct {
	requestID, eventTime, sourceIP, eventName, principal, region string
	bucket, arn, account, mime, etag, key                        string
	size, deltaSize                                              int64
}

// ossJSONSize bounds the encoded size of d (384 bytes of fixed text, a derived eTag, two ints)
// unless strings need escaping, to allocate the data once.
func ossJSONSize(d *ossFields) int {
	return 460 + len(d.requestID) + len(d.eventTime) + len(d.sourceIP) + len(d.eventName) +
		len(d.principal) + len(d.region) + len(d.bucket) + len(d.arn) + len(d.account) +
		len(d.mime) + len(d.etag) + len(d.key)
}

// appendJSONString appends s exactly as encoding/json (with HTML escaping off) encodes it.
// ASCII without control characters, '"' and '\\' is copied as is; anything else goes to
// encoding/json.
func appendJSONString(b []byte, s string) []byte {
	if plainPrefix(s) < len(s) {
		return appendJSONStringSlow(b, s)
	}
	b = append(b, '"')
	b = append(b, s...)
	return append(b, '"')
}

func appendJSONStringSlow(b []byte, s string) []byte {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	_ = enc.Encode(s) // a string always encodes
	return append(b, bytes.TrimSuffix(buf.Bytes(), []byte("\n"))...)
}

// appendETag appends etagOf(bucket, key, size) without allocating.
func appendETag(b []byte, bucket, key string, size int64) []byte {
	var in [256]byte
	msg := append(in[:0], bucket...)
	msg = append(msg, '/')
	msg = append(msg, key...)
	msg = append(msg, ':')
	msg = strconv.AppendInt(msg, size, 10)
	sum := md5.Sum(msg)
	const upperHex = "0123456789ABCDEF"
	for _, c := range sum {
		b = append(b, upperHex[c>>4], upperHex[c&0xf])
	}
	return b
}

// appendMillis appends formatMillis(t): "2026-03-11T05:40:45.682Z".
func appendMillis(b []byte, t time.Time) []byte {
	t = t.UTC()
	if t.Year() < 0 || t.Year() > 9999 {
		return t.AppendFormat(b, "2006-01-02T15:04:05.000Z07:00")
	}
	b = appendSeconds(b, t)
	ms := t.Nanosecond() / 1e6
	return append(b, '.', byte('0'+ms/100), byte('0'+ms/10%10), byte('0'+ms%10), 'Z')
}

// appendRFC3339Nano appends FormatTime(t): RFC 3339 in UTC with the nanoseconds' trailing
// zeros dropped (and no fraction when they are all zero).
func appendRFC3339Nano(b []byte, t time.Time) []byte {
	t = t.UTC()
	if t.Year() < 0 || t.Year() > 9999 {
		return t.AppendFormat(b, time.RFC3339Nano)
	}
	b = appendSeconds(b, t)
	if ns := t.Nanosecond(); ns != 0 {
		var f [10]byte
		f[0] = '.'
		for i := 9; i >= 1; i-- {
			f[i] = byte('0' + ns%10)
			ns /= 10
		}
		n := 10
		for f[n-1] == '0' {
			n--
		}
		b = append(b, f[:n]...)
	}
	return append(b, 'Z')
}

// appendSeconds appends "2006-01-02T15:04:05" for a time with a four-digit year.
func appendSeconds(b []byte, t time.Time) []byte {
	y, mo, d := t.Date()
	h, mi, s := t.Clock()
	b = append(b, byte('0'+y/1000), byte('0'+y/100%10), byte('0'+y/10%10), byte('0'+y%10), '-')
	b = append(append2(b, int(mo)), '-')
	b = append(append2(b, d), 'T')
	b = append(append2(b, h), ':')
	b = append(append2(b, mi), ':')
	return append2(b, s)
}

// append2 appends n (0..99) as two digits.
func append2(b []byte, n int) []byte {
	return append(b, byte('0'+n/10), byte('0'+n%10))
}

// mimeOf guesses the mime type OSS records from the key's extension.
func mimeOf(key string) string {
	ext := path.Ext(key)
	if m, ok := mimeTypes[ext]; ok {
		return m
	}
	if m, ok := mimeTypes[strings.ToLower(ext)]; ok {
		return m
	}
	return "application/octet-stream"
}
