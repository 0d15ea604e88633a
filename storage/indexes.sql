-- Indexes for the workbench's filters, built by Finish (and by OpenRun when missing) rather
-- than maintained row by row while the run writes. Each index on a column also orders by
-- the row's event number, which keyset pagination follows.
CREATE INDEX IF NOT EXISTS events_at ON events (at);
CREATE INDEX IF NOT EXISTS events_bus ON events (bus);
CREATE INDEX IF NOT EXISTS events_source ON events (source);
CREATE INDEX IF NOT EXISTS events_type ON events (type);
CREATE INDEX IF NOT EXISTS events_id ON events (id);
CREATE INDEX IF NOT EXISTS events_subject ON events (subject);
CREATE INDEX IF NOT EXISTS events_rejected ON events (seq) WHERE accepted = 0;
CREATE INDEX IF NOT EXISTS rule_evals_rule ON rule_evals (rule_id, matched, event);
CREATE INDEX IF NOT EXISTS attempts_failed ON attempts (event) WHERE outcome <> 'ok';
CREATE INDEX IF NOT EXISTS invocations_cold ON invocations (event) WHERE cold = 1;
CREATE INDEX IF NOT EXISTS invocations_failed ON invocations (event) WHERE outcome <> 'ok';
CREATE INDEX IF NOT EXISTS deliveries_outcome ON deliveries (outcome, event);
CREATE INDEX IF NOT EXISTS deliveries_failed ON deliveries (event) WHERE outcome <> 'delivered';
CREATE INDEX IF NOT EXISTS fanouts_at ON fanouts (at);
