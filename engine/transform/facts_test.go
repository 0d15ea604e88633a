package transform

import (
	"encoding/json"
	"strings"
	"testing"
)

// factsEvent is the input event of facts sheet §2.2, with the attributes the
// sheet elides ("7adc8c1a-...", "...") filled in; the listed ones are verbatim.
const factsEvent = `{"id":"7adc8c1a-645d-4b51-9d62-5f3b0a6c1e7a","source":"acs.oss","specversion":"1.0","type":"oss:ObjectCreated:PostObject","datacontenttype":"application/json;charset=utf-8","subject":"acs:oss:cn-hangzhou:1234567:xls-papk/game_apk/123.jpg","time":"2020-08-17T16:04:46.149Asia/Shanghai","aliyunaccountid":"1234567","aliyunpublishtime":"2020-08-17T16:04:46.154PRC","aliyuneventbusname":"demo-bus","aliyunregionid":"Shanghai","data":{"name":"test","scope":100}}`

// withData wraps a data payload in a minimal CloudEvent.
func withData(data string) string {
	return `{"id":"1","source":"acs.demo","specversion":"1.0","type":"demo:x:y","data":` + data + `}`
}

// factsExamples are the documented examples of facts sheet §2.2, verbatim.
var factsExamples = []struct {
	name  string
	event string
	spec  Spec
	want  string
}{
	{"complete event", factsEvent, Spec{Form: FormOriginal}, factsEvent},
	{"partial $.data.name", factsEvent, Spec{Form: FormJSONPath, Value: Text("$.data.name")}, `test`},
	{"partial $.data", factsEvent, Spec{Form: FormJSONPath, Value: Text("$.data")}, `{"name":"test","scope":100}`},
	{"constant", factsEvent, Spec{Form: FormConstant, Value: Text("test1")}, `test1`},
	{"template", factsEvent, Spec{Form: FormTemplate,
		Value:    Vars(map[string]string{"name": "$.data.name", "constant": "Please deal with it timely."}),
		Template: `The instance is broken, which name is ${name}, ${constant}`},
		`The instance is broken, which name is test, Please deal with it timely.`},
	{"format string", withData(`{"name":"test","state":"RUNNING"}`), Spec{Form: FormTemplate,
		Value: nameState, Template: `"name ${name} is in ${state}"`}, `"name test is in RUNNING"`},
	{"format json", withData(`{"name":"test","state":"RUNNING"}`), Spec{Form: FormTemplate,
		Value: nameState, Template: `{"name":"${name}","state":"${state}"}`}, `{"name":"test","state":"RUNNING"}`},
	{"format mixed", withData(`{"name":"test","state":"RUNNING"}`), Spec{Form: FormTemplate,
		Value: nameState, Template: `{"name":"${name}","state":[9,"${state}",true],"Transformed":"Yes"}`},
		`{"name":"test","state":[9,"RUNNING",true],"Transformed":"Yes"}`},
	{"format nested", withData(`{"ProjectName":"p","Files":[{"name":"a.csv"},{"name":"b.csv"}]}`), Spec{Form: FormTemplate,
		Value:    Vars(map[string]string{"ProjectName": "$.data.ProjectName", "Files": "$.data.Files"}),
		Template: `{"ProjectName":"${ProjectName}","Files":${Files}}`},
		`{"ProjectName":"p","Files":[{"name":"a.csv"},{"name":"b.csv"}]}`},
	{"jsonEscape", withData(`{"quote":"\"abc\""}`), Spec{Form: FormTemplate,
		Value: Vars(map[string]string{"quote": "$.data.quote"}), Template: `${jsonEscape(quote)}`}, `\"abc\"`},
	{"htmlEscape", withData(`{"html":"<script>"}`), Spec{Form: FormTemplate,
		Value: Vars(map[string]string{"html": "$.data.html"}), Template: `${htmlEscape(html)}`}, `&lt;script&gt;`},
}

var nameState = Vars(map[string]string{"name": "$.data.name", "state": "$.data.state"})

func TestFactsExamples(t *testing.T) {
	for _, ex := range factsExamples {
		t.Run(ex.name, func(t *testing.T) {
			tr, err := Compile(ex.spec)
			if err != nil {
				t.Fatal(err)
			}
			res, err := tr.Apply([]byte(ex.event))
			if err != nil {
				t.Fatal(err)
			}
			if string(res.Payload) != ex.want {
				t.Errorf("got  %s\nwant %s", res.Payload, ex.want)
			}
			if len(res.Warnings) != 0 {
				t.Errorf("unexpected warnings %v", res.Warnings)
			}
		})
	}
}

// TestDocHasFactsExamples checks that docs/transformers.md shows every facts
// sheet example: a JSON example with the same spec.
func TestDocHasFactsExamples(t *testing.T) {
	var docSpecs []string
	for _, ex := range readDocExamples(t) {
		var s Spec
		if ex.lang == "json" && json.Unmarshal([]byte(ex.spec), &s) == nil {
			docSpecs = append(docSpecs, specKey(s))
		}
	}
	for _, ex := range factsExamples {
		key := specKey(ex.spec)
		found := false
		for _, d := range docSpecs {
			found = found || d == key
		}
		if !found {
			t.Errorf("facts example %q (%s) is not in docs/transformers.md", ex.name, key)
		}
	}
}

func specKey(s Spec) string {
	return strings.Join([]string{s.Form, s.Value.String(), s.Template}, "\x00")
}
