-- Indexes on columns that rise with the insert order: each new row's entry goes at the
-- right-hand end of the index, so SQLite keeps them while the run writes for almost nothing
-- (measured: no change in the writer's CPU per event), and Finish need not build them.
-- An event's receipt time rises with its number; a fan-out's row is written when it
-- completes, in time order; the rejected events' index is on seq itself. IF NOT EXISTS: a
-- run file finished before this migration already has them (built by its Finish).
CREATE INDEX IF NOT EXISTS events_at ON events (at);
CREATE INDEX IF NOT EXISTS events_rejected ON events (seq) WHERE accepted = 0;
CREATE INDEX IF NOT EXISTS fanouts_at ON fanouts (at);
