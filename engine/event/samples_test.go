package event

// Facts-sheet sample events. Where the sheet elides text ("...," between members or
// "data":{...}), the elision is removed (",...," becomes ",") or emptied ("{...}" becomes "{}");
// everything else is verbatim.
const (
	// §1.3 example 5 (verbatim).
	sampleOSSPattern = `{"id":"7adc8c1a-...","source":"acs.oss","specversion":"1.0","type":"oss:ObjectCreated:PostObject","datacontenttype":"application/json","dataschema":"http://example.com/test.json","subject":"acs:oss:cn-hangzhou:1234567:xls-papk/game_apk/123.jpg","time":"2020-08-17T16:04:46.149Asia/Shanghai","data":{"name":"test","scope":100}}`

	// §2.2 transformation input (the ",...," elision removed).
	sampleTransform = `{"id":"7adc8c1a-...","source":"acs.oss","specversion":"1.0","type":"oss:ObjectCreated:PostObject","aliyuneventbusname":"demo-bus","aliyunregionid":"Shanghai","data":{"name":"test","scope":100}}`

	// §5.1 event-overview doc sample ("data":{...} emptied).
	sampleOverview = `{"specversion":"1.0","id":"45ef4dewdwe1-7c35-447a-bd93-fab****","source":"acs:aliyuncvc","type":"aliyuncvc:MeetingEvent:MemberOperate","subject":"acs.aliyuncvc:cn-hangzhou:{AccountId}:215672","time":"2020-11-19T21:04:41+08:00","data":{},"aliyunaccountid":"123456789098****","aliyunpublishtime":"2020-11-19T21:04:42.179PRC","aliyuneventbusname":"default","aliyunregionid":"cn-hangzhou","aliyunpublishaddr":"172.25.XX.XX"}`

	// §5.2 real OSS event via EventBridge (verbatim).
	sampleRealOSS = `{"datacontenttype":"application/json;charset=utf-8","aliyunaccountid":"1***********9",
 "data":{"eventVersion":"1.0","responseElements":{"requestId":"69B1***********C0A8"},
   "eventSource":"acs:oss","eventTime":"2026-03-11T05:40:45.000Z",
   "requestParameters":{"sourceIPAddress":"***********"},
   "eventName":"ObjectCreated:PostObject","userIdentity":{"principalId":"1***********9"},
   "region":"cn-hangzhou",
   "oss":{"bucket":{"name":"******","arn":"acs:oss:cn-hangzhou:1***********9:******","virtualBucket":"","ownerIdentity":"1***********9"},
          "ossSchemaVersion":"1.0",
          "object":{"size":59537,"objectMeta":{"mimeType":"text/csv"},"deltaSize":0,"eTag":"63***********D32","key":"input/***********.csv"}}},
 "subject":"acs:oss:cn-hangzhou:1***********9:dwoss1024/input/******.csv",
 "aliyunoriginalaccountid":"1***********9","source":"acs.oss","type":"oss:ObjectCreated:PostObject",
 "aliyunpublishtime":"2026-03-11T05:40:45.682Z","specversion":"1.0",
 "aliyuneventbusname":"DATAWORKS_TRIGGER_FOR_BUCKET_******","id":"69B1***********0A8",
 "time":"2026-03-11T05:40:45.000Z","aliyunregionid":"cn-hangzhou"}`
)
