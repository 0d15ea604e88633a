-- Indexes for the workbench's filters, built by Finish (and by OpenRun when missing) rather
-- than maintained row by row while the run writes: their keys arrive in no useful order, so
-- keeping them during the run would cost the writer more than building them once. Each index
-- on a column also orders by the row's event number, which keyset pagination follows. The
-- indexes on columns that rise with the insert order (events_at, events_rejected, fanouts_at)
-- are made with the schema (migrations/003_append_indexes.sql) and kept while the run writes.
-- Finish skips the indexes on bus, source, type and rule results that the run's values do not
-- need (storage/facets.go; table skipped_indexes). One statement per line: storage/store.go
-- reads each index's name from its line.
CREATE INDEX IF NOT EXISTS events_bus ON events (bus);
CREATE INDEX IF NOT EXISTS events_source ON events (source);
CREATE INDEX IF NOT EXISTS events_type ON events (type);
CREATE INDEX IF NOT EXISTS events_id ON events (id);
CREATE INDEX IF NOT EXISTS events_subject ON events (subject);
CREATE INDEX IF NOT EXISTS rule_evals_rule ON rule_evals (rule_id, matched, event);
CREATE INDEX IF NOT EXISTS attempts_failed ON attempts (event) WHERE outcome <> 'ok';
CREATE INDEX IF NOT EXISTS invocations_cold ON invocations (event) WHERE cold = 1;
CREATE INDEX IF NOT EXISTS invocations_failed ON invocations (event) WHERE outcome <> 'ok';
CREATE INDEX IF NOT EXISTS deliveries_outcome ON deliveries (outcome, event);
CREATE INDEX IF NOT EXISTS deliveries_failed ON deliveries (event) WHERE outcome <> 'delivered';
