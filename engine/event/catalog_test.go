package event

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

var goldenAt = time.Date(2026, 3, 11, 5, 40, 45, 682_000_000, time.UTC)

const goldenID = "69b1c0a8-0001-4f00-8000-000000000001"

// TestCatalogGolden builds every entry with its defaults and compares the indented JSON with
// testdata/catalog/<type with ':' as '_'>.json. Run with -update to rewrite them.
func TestCatalogGolden(t *testing.T) {
	dir := filepath.Join("testdata", "catalog")
	want := map[string]bool{}
	for _, c := range Catalog() {
		name := strings.ReplaceAll(c.Type, ":", "_") + ".json"
		want[name] = true
		e, err := c.Build(goldenID, goldenAt, nil)
		if err != nil {
			t.Fatalf("%s: %v", c.Type, err)
		}
		var got bytes.Buffer
		if err := json.Indent(&got, e.JSON(), "", "  "); err != nil {
			t.Fatalf("%s: %v", c.Type, err)
		}
		got.WriteByte('\n')
		path := filepath.Join(dir, name)
		if *update {
			if err := os.MkdirAll(dir, 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(path, got.Bytes(), 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		golden, err := os.ReadFile(path)
		if err != nil {
			t.Fatalf("%s: %v (run go test -update)", c.Type, err)
		}
		if !bytes.Equal(got.Bytes(), golden) {
			t.Errorf("%s differs from %s:\n%s", c.Type, path, got.Bytes())
		}
	}
	files, _ := filepath.Glob(filepath.Join(dir, "*.json"))
	for _, f := range files {
		if !want[filepath.Base(f)] {
			t.Errorf("stale golden file %s", f)
		}
	}
}

func TestCatalogEntries(t *testing.T) {
	cat := Catalog()
	if len(cat) < 15 {
		t.Fatalf("catalog has %d entries", len(cat))
	}
	if !slices.IsSortedFunc(cat, func(a, b CatalogEntry) int { return strings.Compare(a.Type, b.Type) }) {
		t.Fatal("Catalog not sorted by Type")
	}
	for _, c := range cat {
		if got, ok := Lookup(c.Type); !ok || got.Type != c.Type || got.Source != c.Source {
			t.Fatalf("Lookup(%q) = %v, %v", c.Type, got.Type, ok)
		}
		if c.Source == "" || c.Service == "" || c.Description == "" {
			t.Errorf("%s: source, service and description are required", c.Type)
		}
		if !strings.HasPrefix(c.Source, "acs.") || strings.Count(c.Type, ":") != 2 {
			t.Errorf("%s: source %q or type not in the system-event form", c.Type, c.Source)
		}
		seen := map[string]bool{}
		for _, p := range c.Params {
			if seen[p.Name] || p.Doc == "" || !defaultHasKind(p) {
				t.Errorf("%s: param %+v duplicate, undocumented or default not of its kind", c.Type, p)
			}
			seen[p.Name] = true
		}
		e, err := c.Build("a1", goldenAt, nil)
		if err != nil {
			t.Fatalf("%s: %v", c.Type, err)
		}
		if e.Type != c.Type || e.Source != c.Source || e.Time != "2026-03-11T05:40:45.682Z" || e.ID != "a1" ||
			e.Extensions[ExtEventBusName] != "default" || e.Extensions[ExtRegionID] != "cn-hangzhou" ||
			e.Extensions[ExtAccountID] != defAccount || e.Extensions[ExtPublishTime] != "2026-03-11T05:40:45.682Z" {
			t.Errorf("%s: envelope %+v", c.Type, e)
		}
		checkReparse(t, e)
	}
	if _, ok := Lookup("oss:Nope:Nope"); ok {
		t.Fatal("Lookup of an unknown type succeeded")
	}
}

func defaultHasKind(p Param) bool {
	switch p.Kind {
	case KindString:
		_, ok := p.Default.(string)
		return ok
	case KindInt:
		_, ok := p.Default.(int64)
		return ok
	case KindBool:
		_, ok := p.Default.(bool)
		return ok
	}
	return false
}

// ossView is the part of an OSS event that rules in the default scenario look at.
type ossView struct {
	EventName string `json:"eventName"`
	Region    string `json:"region"`
	OSS       struct {
		Bucket struct {
			Name string `json:"name"`
		} `json:"bucket"`
		Object struct {
			Size       any    `json:"size"`
			Key        string `json:"key"`
			ETag       string `json:"eTag"`
			ObjectMeta struct {
				MimeType string `json:"mimeType"`
			} `json:"objectMeta"`
		} `json:"object"`
	} `json:"oss"`
	RequestParameters struct {
		SourceIPAddress string `json:"sourceIPAddress"`
	} `json:"requestParameters"`
}

// TestOSSFieldsWherePatternsLook: the default scenario's rule matches type PutObject, key prefix
// uploads/, subject suffix .csv and a numeric size >= 1 MB; the fields must sit there.
func TestOSSFieldsWherePatternsLook(t *testing.T) {
	c, _ := Lookup("oss:ObjectCreated:PutObject")
	e, err := c.Build("a1", goldenAt, map[string]any{
		"bucket": "media", "key": "uploads/2026/big.csv", "size": 1048576, "region": "cn-shanghai",
		"account": "1111222233334444", "source_ip": "10.0.0.9", "mime": "text/x-csv",
	})
	if err != nil {
		t.Fatal(err)
	}
	var d ossView
	if err := json.Unmarshal(e.Data, &d); err != nil {
		t.Fatal(err)
	}
	size, isNum := d.OSS.Object.Size.(float64)
	if !isNum || size != 1048576 || d.OSS.Object.Key != "uploads/2026/big.csv" || d.OSS.Bucket.Name != "media" ||
		d.EventName != "ObjectCreated:PutObject" || d.Region != "cn-shanghai" ||
		d.RequestParameters.SourceIPAddress != "10.0.0.9" || d.OSS.Object.ObjectMeta.MimeType != "text/x-csv" {
		t.Fatalf("data: %+v", d)
	}
	if e.Subject != "acs:oss:cn-shanghai:1111222233334444:media/uploads/2026/big.csv" || !strings.HasSuffix(e.Subject, ".csv") {
		t.Fatalf("subject %q", e.Subject)
	}
	if e.Extensions[ExtRegionID] != "cn-shanghai" || e.Extensions[ExtAccountID] != "1111222233334444" ||
		e.Extensions[ExtOriginalAccountID] != "1111222233334444" {
		t.Fatalf("extensions %v", e.Extensions)
	}
	if len(d.OSS.Object.ETag) != 32 || strings.ToUpper(d.OSS.Object.ETag) != d.OSS.Object.ETag {
		t.Fatalf("derived etag %q", d.OSS.Object.ETag)
	}
}

func TestBuildDerivedDefaults(t *testing.T) {
	c, _ := Lookup("oss:ObjectRemoved:DeleteObject")
	for key, mime := range map[string]string{"a/b.JPG": "image/jpeg", "x.json": "application/json", "noext": "application/octet-stream"} {
		e, err := c.Build("a1", goldenAt, map[string]any{"key": key})
		if err != nil {
			t.Fatal(err)
		}
		var d ossView
		_ = json.Unmarshal(e.Data, &d)
		if d.OSS.Object.ObjectMeta.MimeType != mime {
			t.Errorf("key %q: mime %q, want %q", key, d.OSS.Object.ObjectMeta.MimeType, mime)
		}
	}
	a, _ := c.Build("a1", goldenAt, map[string]any{"size": 1})
	b, _ := c.Build("a1", goldenAt, map[string]any{"size": 2})
	var da, db ossView
	_ = json.Unmarshal(a.Data, &da)
	_ = json.Unmarshal(b.Data, &db)
	if da.OSS.Object.ETag == db.OSS.Object.ETag {
		t.Error("derived etag ignores size")
	}
}

func TestBuildParamErrors(t *testing.T) {
	c, _ := Lookup("oss:ObjectCreated:PutObject")
	tests := []struct {
		name string
		p    map[string]any
		want string
	}{
		{"unknown", map[string]any{"buckett": "x"}, `unknown param "buckett" (valid: bucket, key,`},
		{"string for int", map[string]any{"size": "10"}, `param "size": want int, got string 10`},
		{"fractional float", map[string]any{"size": 1.5}, `param "size": want int, got float64 1.5`},
		{"int for string", map[string]any{"key": 7}, `param "key": want string, got int 7`},
		{"huge uint", map[string]any{"size": uint64(1 << 63)}, `param "size": want int`},
		{"negative size", map[string]any{"size": -1}, `param "size": must be >= 0, not -1`},
		{"bad id", map[string]any{}, `event attribute "id"`},
	}
	for _, tt := range tests {
		id := "a1"
		if tt.name == "bad id" {
			id = "bad id"
		}
		_, err := c.Build(id, goldenAt, tt.p)
		if err == nil || !strings.Contains(err.Error(), tt.want) || !strings.Contains(err.Error(), c.Type) {
			t.Errorf("%s: err = %v, want containing %q", tt.name, err, tt.want)
		}
	}
	r, _ := Lookup("ram:Login:ConsoleSignin")
	if _, err := r.Build("a1", goldenAt, map[string]any{"mfa": "yes"}); err == nil || !strings.Contains(err.Error(), `param "mfa": want bool`) {
		t.Errorf("bool param: %v", err)
	}
	if _, err := (CatalogEntry{Type: "x"}).Build("a1", goldenAt, nil); err == nil {
		t.Error("zero entry builds")
	}
}

func TestBuildKindsAndDeterminism(t *testing.T) {
	c, _ := Lookup("oss:ObjectCreated:PutObject")
	var first []byte
	for _, size := range []any{2048, int16(2048), int64(2048), uint32(2048), float64(2048), float32(2048)} {
		e, err := c.Build("a1", goldenAt.In(time.FixedZone("CST", 8*3600)), map[string]any{"size": size})
		if err != nil {
			t.Fatalf("size %T: %v", size, err)
		}
		if first == nil {
			first = e.JSON()
		} else if !bytes.Equal(first, e.JSON()) {
			t.Fatalf("size %T gives different JSON", size)
		}
	}
	r, _ := Lookup("ram:Login:ConsoleSignin")
	e, err := r.Build("a1", goldenAt, map[string]any{"mfa": true, "success": false, "user_name": "bob"})
	if err != nil {
		t.Fatal(err)
	}
	var d struct {
		ResponseElements    map[string]string `json:"responseElements"`
		AdditionalEventData map[string]string `json:"additionalEventData"`
	}
	_ = json.Unmarshal(e.Data, &d)
	if d.ResponseElements["LoginResult"] != "Fail" || d.AdditionalEventData["MFAUsed"] != "true" ||
		e.Subject != "acs:ram::"+defAccount+":user/bob" {
		t.Fatalf("signin: %+v %s", d, e.Subject)
	}
}
