package report

import (
	"math"
	"sort"
	"strings"
)

// costFunctions is the bill per function from the summary.
func costFunctions(s summary) Table {
	t := Table{ID: "cost_functions", Caption: "Cost per function (the run's bill under the scenario's billing model)",
		Header:  []string{"function", "invocations", "billed GB-s", "CU", "cost", "per 1M invocations", "share"},
		Numeric: []bool{false, true, true, true, true, true, true},
		Empty:   "No function ran."}
	total := s.totalCost()
	for _, k := range sortedKeys(s.Functions) {
		f := s.Functions[k]
		per := "–"
		if f.Invocations > 0 {
			per = usd(f.CostUSD / float64(f.Invocations) * 1e6)
		}
		t.Rows = append(t.Rows, []string{k, count(f.Invocations), num(f.BilledGBSeconds, 2), num(f.CU, 2),
			usd(f.CostUSD), per, share(f.CostUSD, total)})
	}
	if len(t.Rows) > 0 {
		t.Rows = append(t.Rows, []string{"total", "", "", "", usd(total), "", share(total, total)})
	}
	return t
}

func share(v, total float64) string {
	if total <= 0 {
		return "–"
	}
	return pct(v / total)
}

// ruleShare is the cost attributed to one rule.
type ruleShare struct {
	name        string
	invocations int64
	usd         float64
}

// costRules attributes function cost to rules. With records, each invocation's cost goes to
// the rule whose delivery caused it (retries and duplicates included); invocations of queue
// consumers have no rule, and the rest of the functions' bill (idle provisioned instances) is
// shown as not attributable. Without records, each function's bill is split among the rules
// whose targets invoke it in proportion to their targets' attempts.
func costRules(s summary, a *agg) (Table, []ruleShare) {
	t := Table{ID: "cost_rules", Caption: "Cost per rule (function invocations its targets caused)",
		Header:  []string{"rule", "invocations", "cost", "share"},
		Numeric: []bool{false, true, true, true},
		Empty:   "No function cost to attribute."}
	var shares []ruleShare
	var attributed float64
	if a != nil {
		shares, attributed = recordShares(a)
	} else {
		shares, attributed = summaryShares(s)
	}
	total := math.Max(s.totalCost(), attributed)
	sort.SliceStable(shares, func(i, j int) bool {
		if shares[i].usd != shares[j].usd {
			return shares[i].usd > shares[j].usd
		}
		return shares[i].name < shares[j].name
	})
	for _, r := range shares {
		inv := "–"
		if r.invocations >= 0 {
			inv = count(r.invocations)
		}
		t.Rows = append(t.Rows, []string{r.name, inv, usd(r.usd), share(r.usd, total)})
	}
	if rest := total - attributed; len(t.Rows) > 0 && rest > 1e-12 {
		t.Rows = append(t.Rows, []string{notAttributable, "", usd(rest), share(rest, total)})
		shares = append(shares, ruleShare{name: notAttributable, invocations: -1, usd: rest})
	}
	return t, shares
}

const notAttributable = "(not attributed: idle provisioned capacity)"

// recordShares sums the invocation cost per rule from the records.
func recordShares(a *agg) ([]ruleShare, float64) {
	var out []ruleShare
	for _, r := range sortedKeys(a.rule) {
		name := r
		if r == "" {
			name = "(queue consumers, no rule)"
		}
		out = append(out, ruleShare{name: name, invocations: a.rule[r].invocations, usd: a.rule[r].usd})
	}
	return out, a.invCost
}

// summaryShares splits each function's bill among the function targets that invoke it, in
// proportion to their attempts; a function no target invokes keeps its cost unattributed.
func summaryShares(s summary) ([]ruleShare, float64) {
	attempts := map[string]uint64{} // function → attempts of its targets
	for _, k := range sortedKeys(s.Targets) {
		if t := s.Targets[k]; t.Type == "function" {
			attempts[t.Resource] += t.Attempts
		}
	}
	byRule := map[string]float64{}
	var attributed float64
	for _, k := range sortedKeys(s.Targets) {
		t := s.Targets[k]
		f, ok := s.Functions[t.Resource]
		if t.Type != "function" || !ok || attempts[t.Resource] == 0 {
			continue
		}
		c := f.CostUSD * float64(t.Attempts) / float64(attempts[t.Resource])
		rule := k // "rule/target", where the rule may be "bus/rule"
		if i := strings.LastIndex(k, "/"); i >= 0 {
			rule = k[:i]
		}
		byRule[rule] += c
		attributed += c
	}
	var out []ruleShare
	for _, r := range sortedKeys(byRule) {
		out = append(out, ruleShare{name: r, invocations: -1, usd: byRule[r]})
	}
	return out, attributed
}
