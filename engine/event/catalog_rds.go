package event

import "time"

// ApsaraDB RDS instance lifecycle events. The type names are illustrative: they follow the
// system-event form <product>:<Category>:<Action> (facts sheet §5.1), but the facts sheet does
// not document RDS's own names.
func init() {
	register(
		rdsEntry("rds:Instance:Created", "Illustrative type name: an ApsaraDB RDS instance finished creating and is Running.", "Running", "UserCreate"),
		rdsEntry("rds:Instance:Restarted", "Illustrative type name: an ApsaraDB RDS instance was restarted and is Running again.", "Running", "UserRestart"),
		rdsEntry("rds:Instance:FailoverCompleted", "Illustrative type name: a high-availability failover switched the primary of an ApsaraDB RDS instance to its secondary zone.", "Running", "HostFailure"),
	)
}

func rdsEntry(typ, desc, status, reason string) CatalogEntry {
	return CatalogEntry{
		Type: typ, Source: "acs.rds", Service: "ApsaraDB RDS", Description: desc,
		Params: []Param{
			{Name: "instance_id", Kind: KindString, Default: "rm-bp1fanout0demo01", Doc: "DB instance id: data.instanceId; the subject ends with dbinstance/<id>"},
			{Name: "instance_name", Kind: KindString, Default: "orders-db", Doc: "instance description: data.instanceName"},
			{Name: "engine", Kind: KindString, Default: "MySQL", Doc: "database engine: MySQL, PostgreSQL, SQLServer or MariaDB"},
			{Name: "engine_version", Kind: KindString, Default: "8.0", Doc: "engine version"},
			{Name: "instance_class", Kind: KindString, Default: "mysql.n2.medium.1", Doc: "instance type (class)"},
			{Name: "zone", Kind: KindString, Default: "cn-hangzhou-h", Doc: "zone of the primary node after the event"},
			{Name: "secondary_zone", Kind: KindString, Default: "cn-hangzhou-i", Doc: "zone of the secondary node after the event"},
			{Name: "status", Kind: KindString, Default: status, Doc: "instance status after the event"},
			{Name: "reason", Kind: KindString, Default: reason, Doc: "why it happened: data.reason"},
			regionParam(), accountParam(),
		},
		build: buildRDS,
	}
}

type rdsData struct {
	InstanceID    string `json:"instanceId"`
	InstanceName  string `json:"instanceName"`
	Engine        string `json:"engine"`
	EngineVersion string `json:"engineVersion"`
	InstanceClass string `json:"instanceClass"`
	RegionID      string `json:"regionId"`
	ZoneID        string `json:"zoneId"`
	SecondaryZone string `json:"secondaryZoneId"`
	Status        string `json:"status"`
	Reason        string `json:"reason"`
	EventTime     string `json:"eventTime"`
}

func buildRDS(v values, at time.Time, _ string) (built, error) {
	region, account, id := v.str("region"), v.str("account"), v.str("instance_id")
	return built{
		subject: "acs:rds:" + region + ":" + account + ":dbinstance/" + id,
		data: rdsData{
			InstanceID: id, InstanceName: v.str("instance_name"), Engine: v.str("engine"),
			EngineVersion: v.str("engine_version"), InstanceClass: v.str("instance_class"),
			RegionID: region, ZoneID: v.str("zone"), SecondaryZone: v.str("secondary_zone"),
			Status: v.str("status"), Reason: v.str("reason"), EventTime: formatMillis(at),
		},
	}, nil
}
