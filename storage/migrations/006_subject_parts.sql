-- Event subjects, sorted commit by commit (storage/subjects.go). Each commit of the writer adds
-- its events' subjects as one part sorted by subject, so every row goes in at the right-hand
-- end of the table (cheap while the run writes), and a subject prefix is found with one index
-- range per part instead of an index on events(subject) built when the run finishes.
-- subject_part_list has a row per part. Runs written before this migration, and runs killed
-- half-way, use the index events_subject instead (built when first opened).
CREATE TABLE IF NOT EXISTS subject_parts (
    part    INTEGER NOT NULL,
    subject TEXT    NOT NULL,
    event   INTEGER NOT NULL,
    PRIMARY KEY (part, subject, event)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS subject_part_list (
    part  INTEGER PRIMARY KEY,
    first INTEGER NOT NULL,   -- the part's lowest event number
    last  INTEGER NOT NULL    -- and its highest
);
