package event

import "time"

// RAM credential events. The type names are illustrative (<product>:<Category>:<Action>, facts
// sheet §5.1); the data is the ActionTrail record of the underlying call, as in catalog_trail.go.
func init() {
	register(
		ramEntry("ram:AccessKey:CreateAccessKey", "Illustrative type name: an AccessKey pair was created for a RAM user (ActionTrail CreateAccessKey).", "CreateAccessKey", keyParams(), buildCreateKey),
		ramEntry("ram:AccessKey:DisableAccessKey", "Illustrative type name: a RAM user's AccessKey was disabled (ActionTrail UpdateAccessKey with Status Inactive).", "UpdateAccessKey", keyParams(), buildDisableKey),
		ramEntry("ram:Login:ConsoleSignin", "Illustrative type name: a RAM user signed in to the console (ActionTrail ConsoleSignin); user_name is who signed in.", "ConsoleSignin", signinParams(), buildSignin),
	)
}

func keyParams() []Param {
	return []Param{
		{Name: "target_user", Kind: KindString, Default: "etl-bot", Doc: "RAM user whose AccessKey is created or disabled; the subject ends with user/<target_user>"},
		{Name: "target_access_key_id", Kind: KindString, Default: "LTAI5tFanoutEtlBot0002", Doc: "the AccessKey id created or disabled"},
	}
}

func signinParams() []Param {
	return []Param{
		{Name: "mfa", Kind: KindBool, Default: false, Doc: "sign-in used multi-factor authentication: data.additionalEventData.MFAUsed"},
		{Name: "success", Kind: KindBool, Default: true, Doc: "sign-in succeeded: data.responseElements.LoginResult is Success, else Fail"},
	}
}

func ramEntry(typ, desc, eventName string, extra []Param, fill func(r *trailRecord, v values) string) CatalogEntry {
	params := append(trailParams(eventName, consoleAgent), extra...)
	return CatalogEntry{
		Type: typ, Source: "acs.ram", Service: "RAM", Description: desc, Params: params,
		build: func(v values, at time.Time, id string) (built, error) {
			r := trailRecordOf(v, at, id, "ApiCall", "Ram")
			r.EventSource = "ram.aliyuncs.com"
			user := fill(&r, v)
			return built{subject: "acs:ram::" + v.str("account") + ":user/" + user, data: r}, nil
		},
	}
}

func buildCreateKey(r *trailRecord, v values) string {
	u := v.str("target_user")
	r.RequestParameters = map[string]any{"UserName": u}
	r.ResponseElements = map[string]any{"AccessKey": map[string]any{
		"AccessKeyId": v.str("target_access_key_id"), "Status": "Active", "CreateDate": r.EventTime,
	}}
	return u
}

func buildDisableKey(r *trailRecord, v values) string {
	u := v.str("target_user")
	r.RequestParameters = map[string]any{
		"UserName": u, "UserAccessKeyId": v.str("target_access_key_id"), "Status": "Inactive",
	}
	return u
}

func buildSignin(r *trailRecord, v values) string {
	u, account := v.str("user_name"), v.str("account")
	r.EventType = "ConsoleSignin"
	r.UserIdentity.AccessKeyID = ""
	r.RequestParameters = map[string]any{}
	result := "Success"
	if !v.bool("success") {
		result = "Fail"
	}
	mfa := "false"
	if v.bool("mfa") {
		mfa = "true"
	}
	r.ResponseElements = map[string]any{"LoginResult": result}
	r.AdditionalEventData = map[string]any{
		"loginAccount": u + "@" + account + ".onaliyun.com", "MFAUsed": mfa,
	}
	return u
}
