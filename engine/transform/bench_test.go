package transform

import "testing"

// ossEvent is the real OSS event of facts sheet §5.2 (about 1 KB).
const ossEvent = `{"datacontenttype":"application/json;charset=utf-8","aliyunaccountid":"1***********9","data":{"eventVersion":"1.0","responseElements":{"requestId":"69B1***********C0A8"},"eventSource":"acs:oss","eventTime":"2026-03-11T05:40:45.000Z","requestParameters":{"sourceIPAddress":"***********"},"eventName":"ObjectCreated:PostObject","userIdentity":{"principalId":"1***********9"},"region":"cn-hangzhou","oss":{"bucket":{"name":"******","arn":"acs:oss:cn-hangzhou:1***********9:******","virtualBucket":"","ownerIdentity":"1***********9"},"ossSchemaVersion":"1.0","object":{"size":59537,"objectMeta":{"mimeType":"text/csv"},"deltaSize":0,"eTag":"63***********D32","key":"input/***********.csv"}}},"subject":"acs:oss:cn-hangzhou:1***********9:dwoss1024/input/******.csv","aliyunoriginalaccountid":"1***********9","source":"acs.oss","type":"oss:ObjectCreated:PostObject","aliyunpublishtime":"2026-03-11T05:40:45.682Z","specversion":"1.0","aliyuneventbusname":"DATAWORKS_TRIGGER_FOR_BUCKET_******","id":"69B1***********0A8","time":"2026-03-11T05:40:45.000Z","aliyunregionid":"cn-hangzhou"}`

func BenchmarkApply(b *testing.B) {
	for _, bc := range []struct {
		name string
		spec Spec
	}{
		{"original", Spec{Form: FormOriginal}},
		{"constant", Spec{Form: FormConstant, Value: Text("test1")}},
		{"jsonpath-string", jp("$.data.oss.object.key")},
		{"jsonpath-object", jp("$.data.oss")},
		{"jsonpath-wildcard", jp("$.data.oss.*")},
		{"template-text", tmpl(map[string]string{"key": "$.data.oss.object.key", "c": "Please deal with it timely."},
			"object ${key} uploaded, ${c}")},
		{"template-json", tmpl(map[string]string{"bucket": "$.data.oss.bucket.name", "key": "$.data.oss.object.key",
			"size": "$.data.oss.object.size", "etag": "$.data.oss.object.eTag"},
			`{"bucket":"${bucket}","key":"${jsonEscape(key)}","size":${size},"etag":"${etag}"}`)},
		{"template-nested", tmpl(map[string]string{"object": "$.data.oss.object", "id": "$.id"},
			`{"id":"${id}","object":${object}}`)},
	} {
		tr := mustCompile(b, bc.spec)
		ev := []byte(ossEvent)
		b.Run(bc.name, func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(int64(len(ev)))
			for b.Loop() {
				if _, err := tr.Apply(ev); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

func BenchmarkCompileTemplate(b *testing.B) {
	spec := tmpl(map[string]string{"bucket": "$.data.oss.bucket.name", "key": "$.data.oss.object.key"},
		`{"bucket":"${bucket}","key":"${jsonEscape(key)}"}`)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Compile(spec); err != nil {
			b.Fatal(err)
		}
	}
}
