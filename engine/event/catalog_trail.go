package event

import (
	"strings"
	"time"
)

// ActionTrail API call records. oss:ActionTrail:ApiCall and oss:ActionTrail:ConsoleOperation are
// documented OSS types [AB-OSS]; ecs:ActionTrail:ApiCall is illustrative, following the same
// <product>:ActionTrail:<eventType> form. The data is an ActionTrail event record.
func init() {
	register(
		trailEntry("oss:ActionTrail:ApiCall", "acs.oss", "OSS", "ApiCall", "An OSS API call recorded by ActionTrail.", "PutBucketAcl", "fanout-demo", "aliyun-sdk-java/3.17.4"),
		trailEntry("oss:ActionTrail:ConsoleOperation", "acs.oss", "OSS", "ConsoleOperation", "An OSS operation done in the console, recorded by ActionTrail.", "PutBucketLifecycle", "fanout-demo", consoleAgent),
		trailEntry("ecs:ActionTrail:ApiCall", "acs.ecs", "ECS", "ApiCall", "Illustrative type name: an ECS API call recorded by ActionTrail.", "StopInstance", "i-bp1fanout0demo01", "aliyun-sdk-python/2.0.0"),
	)
}

const consoleAgent = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Safari/537.36"

// trailParams are the params of every ActionTrail-shaped entry (RAM's too).
func trailParams(eventName, agent string) []Param {
	return []Param{
		{Name: "event_name", Kind: KindString, Default: eventName, Doc: "API name: data.eventName"},
		{Name: "user_type", Kind: KindString, Default: "ram-user", Doc: "caller identity type: ram-user, root-account or assumed-role"},
		{Name: "user_name", Kind: KindString, Default: "alice", Doc: "caller's user name: data.userIdentity.userName"},
		{Name: "principal_id", Kind: KindString, Default: "203456789012345678", Doc: "caller's principal id"},
		{Name: "access_key_id", Kind: KindString, Default: "LTAI5tFanoutDemoKey0001", Doc: "AccessKey id the caller signed with"},
		{Name: "user_agent", Kind: KindString, Default: agent, Doc: "client user agent"},
		{Name: "error_code", Kind: KindString, Default: "", Doc: "data.errorCode when the call failed; empty (left out) when it succeeded"},
		{Name: "request_id", Kind: KindString, Default: "", Doc: "data.requestId; empty means the event id"},
		sourceIPParam(), regionParam(), accountParam(),
	}
}

func trailEntry(typ, source, service, eventType, desc, eventName, resource, agent string) CatalogEntry {
	params := append(trailParams(eventName, agent), Param{
		Name: "resource", Kind: KindString, Default: resource,
		Doc: "bucket name (OSS) or instance id (ECS) the call acted on: data.requestParameters",
	})
	return CatalogEntry{
		Type: typ, Source: source, Service: service, Description: desc, Params: params,
		build: func(v values, at time.Time, id string) (built, error) {
			r := trailRecordOf(v, at, id, eventType, serviceName(service))
			region, account, res := v.str("region"), v.str("account"), v.str("resource")
			var subject string
			if service == "OSS" {
				r.EventSource = res + ".oss-" + region + ".aliyuncs.com"
				r.RequestParameters = map[string]any{"BucketName": res, "HostId": r.EventSource}
				subject = "acs:oss:" + region + ":" + account + ":" + res
			} else {
				r.EventSource = "ecs." + region + ".aliyuncs.com"
				r.RequestParameters = map[string]any{"InstanceId": res, "RegionId": region}
				subject = "acs:ecs:" + region + ":" + account + ":instance/" + res
			}
			return built{subject: subject, data: r}, nil
		},
	}
}

// serviceName is how ActionTrail records name a service: "Oss", "Ecs", "Ram".
func serviceName(service string) string {
	if len(service) < 2 {
		return service
	}
	return service[:1] + strings.ToLower(service[1:])
}

// trailRecord is an ActionTrail event record, the data of ActionTrail and RAM events.
type trailRecord struct {
	EventID             string         `json:"eventId"`
	EventVersion        string         `json:"eventVersion"`
	EventType           string         `json:"eventType"`
	EventSource         string         `json:"eventSource"`
	EventName           string         `json:"eventName"`
	EventTime           string         `json:"eventTime"`
	AcsRegion           string         `json:"acsRegion"`
	ServiceName         string         `json:"serviceName"`
	SourceIPAddress     string         `json:"sourceIpAddress"`
	UserAgent           string         `json:"userAgent"`
	RequestID           string         `json:"requestId"`
	RequestParameters   map[string]any `json:"requestParameters"`
	ResponseElements    map[string]any `json:"responseElements,omitempty"`
	AdditionalEventData map[string]any `json:"additionalEventData,omitempty"`
	UserIdentity        trailIdentity  `json:"userIdentity"`
	ErrorCode           string         `json:"errorCode,omitempty"`
}

type trailIdentity struct {
	Type        string `json:"type"`
	PrincipalID string `json:"principalId"`
	AccountID   string `json:"accountId"`
	AccessKeyID string `json:"accessKeyId,omitempty"`
	UserName    string `json:"userName"`
}

// trailRecordOf fills the fields every ActionTrail record has from the trailParams.
func trailRecordOf(v values, at time.Time, id, eventType, service string) trailRecord {
	return trailRecord{
		EventID: id, EventVersion: "1", EventType: eventType, EventName: v.str("event_name"),
		EventTime: FormatTime(at.Truncate(time.Second)), AcsRegion: v.str("region"),
		ServiceName: service, SourceIPAddress: v.str("source_ip"), UserAgent: v.str("user_agent"),
		RequestID: orDefault(v.str("request_id"), id),
		UserIdentity: trailIdentity{
			Type: v.str("user_type"), PrincipalID: v.str("principal_id"), AccountID: v.str("account"),
			AccessKeyID: v.str("access_key_id"), UserName: v.str("user_name"),
		},
		ErrorCode: v.str("error_code"),
	}
}
