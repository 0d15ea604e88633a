package event

import (
	"strings"
	"time"
)

// OSS events copy the shape of the real OSS event in facts sheet §5.2 field for field, in the
// same order. Types are from [AB-OSS].
func init() {
	register(
		ossEntry("oss:ObjectCreated:PutObject", "An object was uploaded with PutObject.", "uploads/report-0001.csv", 2<<20),
		ossEntry("oss:ObjectCreated:PostObject", "An object was uploaded with an HTML form (PostObject).", "uploads/form-0001.csv", 59537),
		ossEntry("oss:ObjectCreated:CompleteMultipartUpload", "A multipart upload was completed; size is the whole object's. Note that oss:ObjectCreated:* also fires for InitiateMultipartUpload and each UploadPart (facts sheet §5.2).", "uploads/archive-0001.csv", 12<<20),
		ossEntry("oss:ObjectCreated:InitiateMultipartUpload", "A multipart upload was started; the object has no data yet (size 0).", "uploads/archive-0001.csv", 0),
		ossEntry("oss:ObjectCreated:UploadPart", "One part of a multipart upload was uploaded; size is the part's.", "uploads/archive-0001.csv", 5<<20),
		ossEntry("oss:ObjectRemoved:DeleteObject", "An object was deleted; size is 0 as the object is gone.", "uploads/report-0001.csv", 0),
	)
}

// Defaults shared by every catalog entry.
const (
	defRegion   = "cn-hangzhou"
	defAccount  = "1234567890123456"
	defSourceIP = "192.0.2.10" // TEST-NET-1 (RFC 5737)
)

func regionParam() Param {
	return Param{Name: "region", Kind: KindString, Default: defRegion, Doc: "region id; also the aliyunregionid extension"}
}

func accountParam() Param {
	return Param{Name: "account", Kind: KindString, Default: defAccount, Doc: "Alibaba Cloud account id (UID) that owns the resource; also the aliyunaccountid extension"}
}

func sourceIPParam() Param {
	return Param{Name: "source_ip", Kind: KindString, Default: defSourceIP, Doc: "IP address the request came from"}
}

func ossEntry(typ, desc, key string, size int64) CatalogEntry {
	return CatalogEntry{
		Type: typ, Source: "acs.oss", Service: "OSS", Description: desc,
		Params: []Param{
			{Name: "bucket", Kind: KindString, Default: "fanout-demo", Doc: "bucket name: data.oss.bucket.name"},
			{Name: "key", Kind: KindString, Default: key, Doc: "object key: data.oss.object.key; the subject ends with it"},
			{Name: "size", Kind: KindInt, Default: size, Doc: "object size in bytes (>= 0): data.oss.object.size"},
			{Name: "delta_size", Kind: KindInt, Default: int64(0), Doc: "change in the bucket's stored bytes: data.oss.object.deltaSize (0 in the real sample)"},
			{Name: "etag", Kind: KindString, Default: "", Doc: "data.oss.object.eTag; empty derives 32 upper-case hex digits from bucket, key and size"},
			{Name: "mime", Kind: KindString, Default: "", Doc: "data.oss.object.objectMeta.mimeType; empty derives it from the key's extension"},
			regionParam(), accountParam(), sourceIPParam(),
			{Name: "principal", Kind: KindString, Default: "", Doc: "data.userIdentity.principalId; empty means the account"},
			{Name: "request_id", Kind: KindString, Default: "", Doc: "data.responseElements.requestId; empty means the event id"},
		},
		build: func(v values, at time.Time, id string) (built, error) {
			return buildOSS(typ, v, at, id)
		},
	}
}

func buildOSS(typ string, v values, at time.Time, id string) (built, error) {
	if err := v.nonNegative("size"); err != nil {
		return built{}, err
	}
	region, account, bucket, key := v.str("region"), v.str("account"), v.str("bucket"), v.str("key")
	// One allocation for the subject and both time forms.
	var sb [256]byte
	txt := append(sb[:0], "acs:oss:"...)
	txt = append(append(append(append(txt, region...), ':'), account...), ':')
	txt = append(txt, bucket...)
	nARN := len(txt)
	txt = append(append(txt, '/'), key...)
	nSubject := len(txt)
	txt = appendMillis(txt, at)
	nMillis := len(txt)
	all := string(appendRFC3339Nano(txt, at))
	d := ossFields{
		requestID: orDefault(v.str("request_id"), id),
		eventTime: all[nSubject:nMillis],
		sourceIP:  v.str("source_ip"),
		eventName: strings.TrimPrefix(typ, "oss:"),
		principal: orDefault(v.str("principal"), account),
		region:    region,
		bucket:    bucket,
		arn:       all[:nARN],
		account:   account,
		mime:      v.str("mime"),
		etag:      v.str("etag"),
		key:       key,
		size:      v.int("size"),
		deltaSize: v.int("delta_size"),
	}
	if d.mime == "" {
		d.mime = mimeOf(key)
	}
	return built{
		subject:     all[:nSubject],
		raw:         appendOSSData(make([]byte, 0, ossJSONSize(&d)), &d),
		origAccount: account,
		publish:     d.eventTime,
		time:        all[nMillis:],
	}, nil
}

func orDefault(s, def string) string {
	if s == "" {
		return def
	}
	return s
}

// mimeTypes is a small fixed table (mime.TypeByExtension would read system files).
var mimeTypes = map[string]string{
	".csv": "text/csv", ".txt": "text/plain", ".log": "text/plain", ".json": "application/json",
	".xml": "application/xml", ".html": "text/html", ".jpg": "image/jpeg", ".jpeg": "image/jpeg",
	".png": "image/png", ".gif": "image/gif", ".pdf": "application/pdf", ".zip": "application/zip",
	".gz": "application/gzip", ".mp4": "video/mp4", ".apk": "application/vnd.android.package-archive",
}
