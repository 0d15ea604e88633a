package pattern

import (
	"fmt"
	"math"
	"math/rand/v2"
	"strconv"
	"strings"
)

// Deterministic benchmark corpora: OSS events shaped like the real one in the facts sheet §5.2,
// and citylots-shaped GeoJSON features (~900 bytes), plus mixed rule sets over their fields.

var (
	ossNames   = []string{"PutObject", "PostObject", "CopyObject", "AppendObject", "CompleteMultipartUpload", "UploadPart", "DeleteObject"}
	ossRegions = []string{"cn-hangzhou", "cn-shanghai", "cn-beijing", "cn-shenzhen", "ap-southeast-1", "eu-central-1"}
	ossExts    = []string{".csv", ".jpg", ".png", ".txt", ".json", ".parquet", ".mp4", ".log"}
	ossMimes   = []string{"text/csv", "image/jpeg", "image/png", "text/plain", "application/json", "application/octet-stream", "video/mp4"}
	streets    = []string{"UNKNOWN", "MARKET ST", "MISSION ST", "VALENCIA ST", "GEARY BLVD", "CASTRO ST", "HAIGHT ST",
		"LOMBARD ST", "FOLSOM ST", "HOWARD ST", "BRYANT ST", "HARRISON ST", "POLK ST", "LARKIN ST", "HYDE ST"}
)

func ossEvent(r *rand.Rand, i int) []byte {
	region := ossRegions[r.IntN(len(ossRegions))]
	bucket := fmt.Sprintf("bucket-%02d", r.IntN(50))
	name := ossNames[r.IntN(len(ossNames))]
	ext := ossExts[r.IntN(len(ossExts))]
	key := fmt.Sprintf("dir%02d/sub%d/file-%06d%s", r.IntN(100), r.IntN(10), i, ext)
	size := int64(math.Exp(r.NormFloat64()*2 + 11))
	ip := fmt.Sprintf("%d.%d.%d.%d", []int{10, 172, 192, 47}[r.IntN(4)], r.IntN(256), r.IntN(256), r.IntN(256))
	acct := fmt.Sprintf("1%015d", r.Int64N(1e15))
	id := fmt.Sprintf("%016X", r.Uint64())
	t := fmt.Sprintf("2026-03-11T05:%02d:%02d.000Z", r.IntN(60), r.IntN(60))
	return []byte(`{"datacontenttype":"application/json;charset=utf-8","aliyunaccountid":"` + acct + `",` +
		`"data":{"eventVersion":"1.0","responseElements":{"requestId":"` + id + `"},"eventSource":"acs:oss",` +
		`"eventTime":"` + t + `","requestParameters":{"sourceIPAddress":"` + ip + `"},"eventName":"ObjectCreated:` + name + `",` +
		`"userIdentity":{"principalId":"` + acct + `"},"region":"` + region + `","oss":{"bucket":{"name":"` + bucket +
		`","arn":"acs:oss:` + region + `:` + acct + `:` + bucket + `","virtualBucket":"","ownerIdentity":"` + acct + `"},` +
		`"ossSchemaVersion":"1.0","object":{"size":` + strconv.FormatInt(size, 10) + `,"objectMeta":{"mimeType":"` +
		ossMimes[r.IntN(len(ossMimes))] + `"},"deltaSize":0,"eTag":"` + id + `","key":"` + key + `"}}},` +
		`"subject":"acs:oss:` + region + `:` + acct + `:` + bucket + `/` + key + `","aliyunoriginalaccountid":"` + acct +
		`","source":"acs.oss","type":"oss:ObjectCreated:` + name + `","aliyunpublishtime":"` + t + `","specversion":"1.0",` +
		`"aliyuneventbusname":"default","id":"` + id + `","time":"` + t + `","aliyunregionid":"` + region + `"}`)
}

func cityEvent(r *rand.Rand, _ int) []byte {
	blk, lot := r.IntN(10000), r.IntN(1000)
	var b strings.Builder
	fmt.Fprintf(&b, `{"type":"Feature","properties":{"MAPBLKLOT":"%04d%03d","BLKLOT":"%04d%03d","BLOCK_NUM":"%04d",`+
		`"LOT_NUM":"%03d","FROM_ST":"%d","TO_ST":"%d","STREET":"%s","ODD_EVEN":"%s"},`+
		`"geometry":{"type":"Polygon","coordinates":[[`, blk, lot, blk, lot, blk, lot, r.IntN(3000), r.IntN(3000),
		streets[r.IntN(len(streets))], []string{"E", "O"}[r.IntN(2)])
	x, y := -122.52+r.Float64()*0.15, 37.70+r.Float64()*0.11
	for p := 0; p < 17; p++ {
		if p > 0 {
			b.WriteByte(',')
		}
		fmt.Fprintf(&b, "[%.12f,%.12f,0.0]", x+r.Float64()*0.001, y+r.Float64()*0.001)
	}
	b.WriteString("]]}}")
	return []byte(b.String())
}

func corpus(n int, mk func(*rand.Rand, int) []byte) [][]byte {
	r := rand.New(rand.NewPCG(42, 7))
	out := make([][]byte, n)
	for i := range out {
		out[i] = mk(r, i)
	}
	return out
}

// ossRule returns mixed rule k (exact, prefix, suffix, anything-but, numeric, exists, cidr in
// turn), with values drawn so that rules overlap and differ.
func ossRule(r *rand.Rand, k int) string {
	switch k % 7 {
	case 0:
		return fmt.Sprintf(`{"type":["oss:ObjectCreated:%s"],"data":{"oss":{"bucket":{"name":["bucket-%02d"]}}}}`, ossNames[r.IntN(len(ossNames))], r.IntN(50))
	case 1:
		return fmt.Sprintf(`{"subject":[{"prefix":"acs:oss:%s:"}],"data":{"oss":{"object":{"key":[{"prefix":"dir%02d/"}]}}}}`, ossRegions[r.IntN(len(ossRegions))], r.IntN(100))
	case 2:
		return fmt.Sprintf(`{"source":["acs.oss"],"data":{"oss":{"object":{"key":[{"suffix":"%s"}]}}}}`, ossExts[r.IntN(len(ossExts))])
	case 3:
		return fmt.Sprintf(`{"data":{"eventName":[{"anything-but":["ObjectCreated:%s","ObjectCreated:%s"]}],"region":["%s"]}}`,
			ossNames[r.IntN(len(ossNames))], ossNames[r.IntN(len(ossNames))], ossRegions[r.IntN(len(ossRegions))])
	case 4:
		lo := r.IntN(1 << 20)
		return fmt.Sprintf(`{"data":{"oss":{"object":{"size":[{"numeric":[">=",%d,"<",%d]}]}}},"aliyunregionid":["%s"]}`, lo, lo*(2+r.IntN(8)), ossRegions[r.IntN(len(ossRegions))])
	case 5:
		return fmt.Sprintf(`{"data":{"oss":{"object":{"eTag":[{"exists":true}],"objectMeta":{"mimeType":["%s"]}}},"userIdentity":{"nope":[{"exists":false}]}}}`, ossMimes[r.IntN(len(ossMimes))])
	}
	return fmt.Sprintf(`{"data":{"requestParameters":{"sourceIPAddress":[{"cidr":"%d.%d.0.0/16"}]}}}`, []int{10, 172, 192, 47}[r.IntN(4)], r.IntN(256))
}

func cityRule(r *rand.Rand, k int) string {
	st := streets[r.IntN(len(streets))]
	switch k % 7 {
	case 0:
		return fmt.Sprintf(`{"properties":{"STREET":["%s"],"ODD_EVEN":["%s"]}}`, st, []string{"E", "O"}[r.IntN(2)])
	case 1:
		return fmt.Sprintf(`{"properties":{"MAPBLKLOT":[{"prefix":"%03d"}]}}`, r.IntN(1000))
	case 2:
		return fmt.Sprintf(`{"properties":{"LOT_NUM":[{"suffix":"%d"}],"STREET":[{"suffix":"%s"}]}}`, r.IntN(10), st[len(st)-2:])
	case 3:
		return fmt.Sprintf(`{"properties":{"STREET":[{"anything-but":["%s","UNKNOWN"]}],"BLOCK_NUM":[{"prefix":"%d"}]}}`, st, r.IntN(10))
	case 4:
		lo := -122.52 + r.Float64()*0.15
		return fmt.Sprintf(`{"geometry":{"type":["Polygon"],"coordinates":[{"numeric":[">",%.4f,"<",%.4f]}]},"properties":{"BLKLOT":[{"prefix":"%d"}]}}`, lo, lo+0.01, r.IntN(10))
	case 5:
		return fmt.Sprintf(`{"properties":{"BLKLOT":[{"exists":true}],"NOPE":[{"exists":false}],"STREET":["%s"]}}`, st)
	}
	return fmt.Sprintf(`{"properties":{"FROM_ST":[{"cidr":"10.%d.0.0/16"}]}}`, r.IntN(256))
}

func rules(n int, mk func(*rand.Rand, int) string) []string {
	r := rand.New(rand.NewPCG(9, uint64(n)))
	out := make([]string, n)
	for i := range out {
		out[i] = mk(r, i)
	}
	return out
}
