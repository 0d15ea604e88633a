-- What Finish learned about a run's filterable values (storage/facets.go). A run killed
-- before Finish has neither table filled, and OpenRun then builds every filter index.
CREATE TABLE IF NOT EXISTS facets (
    col      TEXT    NOT NULL,  -- bus, source, type, rule_matched, rule_unmatched
    value    TEXT    NOT NULL,  -- the value; a rule's name for rule_matched and rule_unmatched
    events   INTEGER NOT NULL,  -- events with the value
    max_walk INTEGER NOT NULL,  -- the most events a page query for it walks in event order
    PRIMARY KEY (col, value)
) WITHOUT ROWID;

-- The filter indexes Finish did not build because no value needs them (facets.max_walk
-- stays under the walk budget for every value of their column); OpenRun does not build them.
CREATE TABLE IF NOT EXISTS skipped_indexes (name TEXT PRIMARY KEY) WITHOUT ROWID;
