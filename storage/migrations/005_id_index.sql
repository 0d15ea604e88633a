-- The index on event ids is kept while the run writes: generated ids are version-7 UUIDs of
-- the event's time (engine/load), so each new entry goes at the right-hand end of the index,
-- which costs the writer little. A run whose ids arrive in no useful order (ids set by the
-- scenario) has it dropped by the writer and built by Finish instead (storage/idorder.go).
CREATE INDEX IF NOT EXISTS events_id ON events (id);
