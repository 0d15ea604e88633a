package event

import (
	"crypto/md5"
	"encoding/hex"
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"
	"time"
)

// The reference encoding of OSS data: the struct the hand-written appender replaces, encoded
// by encoding/json through marshalData.

type ossData struct {
	EventVersion      string       `json:"eventVersion"`
	ResponseElements  ossResponse  `json:"responseElements"`
	EventSource       string       `json:"eventSource"`
	EventTime         string       `json:"eventTime"`
	RequestParameters ossRequest   `json:"requestParameters"`
	EventName         string       `json:"eventName"`
	UserIdentity      ossPrincipal `json:"userIdentity"`
	Region            string       `json:"region"`
	OSS               ossBody      `json:"oss"`
}

type ossResponse struct {
	RequestID string `json:"requestId"`
}

type ossRequest struct {
	SourceIPAddress string `json:"sourceIPAddress"`
}

type ossPrincipal struct {
	PrincipalID string `json:"principalId"`
}

type ossBody struct {
	Bucket           ossBucket `json:"bucket"`
	OSSSchemaVersion string    `json:"ossSchemaVersion"`
	Object           ossObject `json:"object"`
}

type ossBucket struct {
	Name          string `json:"name"`
	ARN           string `json:"arn"`
	VirtualBucket string `json:"virtualBucket"`
	OwnerIdentity string `json:"ownerIdentity"`
}

type ossObject struct {
	Size       int64   `json:"size"`
	ObjectMeta ossMeta `json:"objectMeta"`
	DeltaSize  int64   `json:"deltaSize"`
	ETag       string  `json:"eTag"`
	Key        string  `json:"key"`
}

type ossMeta struct {
	MimeType string `json:"mimeType"`
}

// etagOf is a stand-in for OSS's content MD5: deterministic in bucket, key and size.
func etagOf(bucket, key string, size int64) string {
	sum := md5.Sum(fmt.Appendf(nil, "%s/%s:%d", bucket, key, size))
	return strings.ToUpper(hex.EncodeToString(sum[:]))
}

// refOSSData is the data buildOSS produced before the appender, for the same params.
func refOSSData(t *testing.T, typ string, p map[string]any, at time.Time, id string) []byte {
	t.Helper()
	c, _ := Lookup(typ)
	v, err := c.resolve(p)
	if err != nil {
		t.Fatal(err)
	}
	defer release(v)
	region, account, bucket, key := v.str("region"), v.str("account"), v.str("bucket"), v.str("key")
	size := v.int("size")
	arn := "acs:oss:" + region + ":" + account + ":" + bucket
	d := ossData{
		EventVersion: "1.0", ResponseElements: ossResponse{RequestID: orDefault(v.str("request_id"), id)},
		EventSource: "acs:oss", EventTime: formatMillis(at),
		RequestParameters: ossRequest{SourceIPAddress: v.str("source_ip")},
		EventName:         strings.TrimPrefix(typ, "oss:"),
		UserIdentity:      ossPrincipal{PrincipalID: orDefault(v.str("principal"), account)},
		Region:            region,
		OSS: ossBody{
			Bucket: ossBucket{Name: bucket, ARN: arn, OwnerIdentity: account}, OSSSchemaVersion: "1.0",
			Object: ossObject{
				Size: size, ObjectMeta: ossMeta{MimeType: orDefault(v.str("mime"), mimeOf(key))},
				DeltaSize: v.int("delta_size"), ETag: orDefault(v.str("etag"), etagOf(bucket, key, size)), Key: key,
			},
		},
	}
	b, err := marshalData(d)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// ossCases mix plain values with every character class encoding/json escapes specially.
var ossCases = []map[string]any{
	nil,
	{"key": "a/b/C.CSV", "size": 0, "delta_size": -5},
	{"key": "x<y>&z.PnG", "bucket": "b\"q\\", "etag": "e\tt\n\r\b\f\x01\x1f\x7f"},
	{"key": "ü/日本.json", "principal": "p\u2028q\u2029", "mime": "m\xffx", "request_id": "r"},
	{"key": "", "source_ip": "::1", "region": "", "account": "", "size": int64(1 << 60)},
	{"key": strings.Repeat("k", 300) + ".gz", "bucket": strings.Repeat("b", 63)},
}

// TestOSSAppenderMatchesEncodingJSON checks the hand-written data bytes against encoding/json
// for every OSS type and tricky values, at several times (zero millis, far years, a zone).
func TestOSSAppenderMatchesEncodingJSON(t *testing.T) {
	times := []time.Time{
		goldenAt, time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC),
		time.Date(1999, 12, 31, 23, 59, 59, 999_999_999, time.FixedZone("X", -7*3600)),
		time.Date(12345, 1, 1, 0, 0, 0, 1, time.UTC),
	}
	for _, c := range Catalog() {
		if c.Source != "acs.oss" || !strings.HasPrefix(c.Type, "oss:Object") {
			continue
		}
		for i, p := range ossCases {
			for _, at := range times {
				e, err := c.Build("id-1", at, p)
				if err != nil {
					t.Fatalf("%s case %d: %v", c.Type, i, err)
				}
				if want := refOSSData(t, c.Type, p, at, "id-1"); string(e.Data) != string(want) {
					t.Errorf("%s case %d at %v:\n got %s\nwant %s", c.Type, i, at, e.Data, want)
				}
				if got, want := e.Time, FormatTime(at); got != want {
					t.Errorf("time %q, want %q", got, want)
				}
				if got, want := e.Extensions[ExtPublishTime], formatMillis(at); got != want {
					t.Errorf("publish time %q, want %q", got, want)
				}
			}
		}
	}
}

// TestOSSETag checks the allocation-free eTag against the fmt/hex form.
func TestOSSETag(t *testing.T) {
	for _, k := range []string{"", "a", strings.Repeat("x", 400), "ü\xff"} {
		if got, want := string(appendETag(nil, "bkt", k, -42)), etagOf("bkt", k, -42); got != want {
			t.Errorf("etag %q, want %q", got, want)
		}
	}
}

// TestTimeAppenders checks the hand-written time forms against time.Format over edge and
// random instants, in and out of the four-digit years, in several zones.
func TestTimeAppenders(t *testing.T) {
	ts := []time.Time{
		{}, goldenAt, time.Date(0, 1, 1, 0, 0, 0, 0, time.UTC),
		time.Date(9999, 12, 31, 23, 59, 59, 999_999_999, time.UTC),
		time.Date(10000, 1, 1, 0, 0, 0, 0, time.UTC), time.Date(-1, 6, 1, 0, 0, 0, 5, time.UTC),
		time.Date(2026, 1, 1, 0, 0, 0, 100, time.FixedZone("A", 5*3600+1800)),
		time.Date(2026, 2, 28, 23, 0, 0, 120_000_000, time.FixedZone("B", -3600)),
	}
	r := rand.New(rand.NewPCG(1, 2))
	for range 2000 {
		ts = append(ts, time.Unix(r.Int64N(1<<36)-1<<35, r.Int64N(1e9)).In(time.FixedZone("Z", r.IntN(50000)-25000)))
	}
	for _, at := range ts {
		if got, want := string(appendMillis(nil, at)), formatMillis(at); got != want {
			t.Errorf("millis %q, want %q", got, want)
		}
		if got, want := string(appendRFC3339Nano(nil, at)), FormatTime(at); got != want {
			t.Errorf("rfc3339nano %q, want %q", got, want)
		}
	}
}

// FuzzOSSData compares the hand-written OSS data with encoding/json's for arbitrary params.
func FuzzOSSData(f *testing.F) {
	f.Add("uploads/a.csv", "bkt", "", "", int64(5), int64(0), int64(1))
	f.Add("x\u2028<\x7f>\xff.PNG", "b\"", "e\\", "m\x00", int64(-1), int64(-9), int64(1e18))
	f.Fuzz(func(t *testing.T, key, bucket, etag, mime string, size, delta, at int64) {
		p := map[string]any{"key": key, "bucket": bucket, "etag": etag, "mime": mime, "size": size, "delta_size": delta}
		when := time.Unix(0, at)
		c, _ := Lookup("oss:ObjectCreated:PutObject")
		e, err := c.Build("id-1", when, p)
		if err != nil {
			return // invalid params or event: the reference path below needs a valid one
		}
		if want := refOSSData(t, c.Type, p, when, "id-1"); string(e.Data) != string(want) {
			t.Fatalf("got %s\nwant %s", e.Data, want)
		}
	})
}
