package obs

// keys numbers the rules, functions, targets and queues the metrics have seen, in order of
// appearance, so that buckets hold slices instead of maps.
type keys struct {
	rules     map[string]int
	functions map[[2]string]int
	targets   map[[2]string]int
	queues    map[string]int
	ruleNames []string
	fnNames   []string // "service/function"
	tgtNames  []string // "rule/target"
	qNames    []string
}

func newKeys() keys {
	return keys{rules: map[string]int{}, functions: map[[2]string]int{}, targets: map[[2]string]int{}, queues: map[string]int{}}
}

func (k *keys) rule(name string) int {
	i, ok := k.rules[name]
	if !ok {
		i = len(k.ruleNames)
		k.rules[name] = i
		k.ruleNames = append(k.ruleNames, name)
	}
	return i
}

func (k *keys) function(service, name string, m *Metrics) int {
	key := [2]string{service, name}
	i, ok := k.functions[key]
	if !ok {
		i = len(k.fnNames)
		k.functions[key] = i
		k.fnNames = append(k.fnNames, service+"/"+name)
		m.fnHist = append(m.fnHist, newHist())
		m.instances = append(m.instances, [numInstanceStates]int64{})
	}
	return i
}

func (k *keys) target(rule, name string, m *Metrics) int {
	key := [2]string{rule, name}
	i, ok := k.targets[key]
	if !ok {
		i = len(k.tgtNames)
		k.targets[key] = i
		k.tgtNames = append(k.tgtNames, rule+"/"+name)
		m.tgtHist = append(m.tgtHist, newHist())
	}
	return i
}

func (k *keys) queue(name string, m *Metrics) int {
	i, ok := k.queues[name]
	if !ok {
		i = len(k.qNames)
		k.queues[name] = i
		k.qNames = append(k.qNames, name)
		m.queues = append(m.queues, queueGauge{})
	}
	return i
}
