-- The catalog of runs kept in catalog.db in the runs folder.
CREATE TABLE runs (
    id         INTEGER PRIMARY KEY,
    file       TEXT    NOT NULL UNIQUE,   -- absolute path of the run's database
    scenario   TEXT    NOT NULL,
    seed       INTEGER NOT NULL,          -- uint64 stored as its int64 bit pattern
    started    TEXT    NOT NULL,          -- wall-clock start, RFC 3339 UTC
    sim_ns     INTEGER NOT NULL DEFAULT 0,
    events     INTEGER NOT NULL DEFAULT 0,
    complete   INTEGER NOT NULL DEFAULT 0,
    summary    TEXT
);
CREATE INDEX runs_started ON runs (started);
