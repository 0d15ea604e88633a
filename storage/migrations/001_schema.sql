-- One run per database file. Times are integers: nanoseconds of simulated time since the run
-- start. Names of rules, targets and functions are stored once in the dimension tables and
-- referred to by id; the *_v views join them back for the sqlite3 shell.

CREATE TABLE run (
    id         INTEGER PRIMARY KEY CHECK (id = 1),
    scenario   TEXT    NOT NULL,
    seed       INTEGER NOT NULL,          -- uint64 stored as its int64 bit pattern
    started    TEXT    NOT NULL,          -- wall-clock start, RFC 3339 UTC
    horizon_ns INTEGER NOT NULL,          -- the simulated time the run was asked to cover
    complete   INTEGER NOT NULL DEFAULT 0,-- 1 once Finish ran; 0 for a run killed half-way
    finished   TEXT,                      -- wall-clock end, RFC 3339 UTC
    sim_ns     INTEGER,                   -- simulated time covered (summary sim_seconds)
    events     INTEGER,                   -- events received
    summary    TEXT                       -- the run summary JSON (docs/summary.md)
);

CREATE TABLE rules (
    id   INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE,
    bus  TEXT NOT NULL
);

CREATE TABLE targets (
    id   INTEGER PRIMARY KEY,
    rule TEXT NOT NULL,
    name TEXT NOT NULL,
    UNIQUE (rule, name)
);

CREATE TABLE functions (
    id      INTEGER PRIMARY KEY,
    service TEXT NOT NULL,
    name    TEXT NOT NULL,
    UNIQUE (service, name)
);

CREATE TABLE events (
    seq          INTEGER PRIMARY KEY,     -- EventRef: receipt order, 1-based
    id           TEXT    NOT NULL,        -- CloudEvents id
    at           INTEGER NOT NULL,
    bus          TEXT    NOT NULL,
    source       TEXT    NOT NULL,
    type         TEXT    NOT NULL,
    subject      TEXT    NOT NULL,
    size         INTEGER NOT NULL,
    accepted     INTEGER NOT NULL,
    reason       TEXT    NOT NULL,        -- rejection reason, '' when accepted
    time         TEXT    NOT NULL,
    publish_time TEXT    NOT NULL,
    specversion  TEXT    NOT NULL,
    content_type TEXT    NOT NULL,
    data         TEXT                     -- JSON data, NULL when absent
);

CREATE TABLE rule_evals (
    seq INTEGER NOT NULL,                 -- insertion order (the writer's counter)
    event   INTEGER NOT NULL,
    rule_id INTEGER NOT NULL,
    at      INTEGER NOT NULL,
    matched INTEGER NOT NULL,
    PRIMARY KEY (event, seq)
) WITHOUT ROWID;

CREATE TABLE transforms (
    seq INTEGER NOT NULL,                 -- insertion order (the writer's counter)
    event        INTEGER NOT NULL,
    target_id    INTEGER NOT NULL,
    at           INTEGER NOT NULL,
    payload_size INTEGER NOT NULL,
    PRIMARY KEY (event, seq)
) WITHOUT ROWID;

CREATE TABLE attempts (
    seq INTEGER NOT NULL,                 -- insertion order (the writer's counter)
    event     INTEGER NOT NULL,
    target_id INTEGER NOT NULL,
    number    INTEGER NOT NULL,
    scheduled INTEGER NOT NULL,
    start     INTEGER NOT NULL,
    "end"     INTEGER NOT NULL,
    outcome   TEXT    NOT NULL,           -- ok, error, timeout, throttled, oom
    error     TEXT    NOT NULL,
    PRIMARY KEY (event, seq)
) WITHOUT ROWID;

CREATE TABLE invocations (
    seq INTEGER NOT NULL,                 -- insertion order (the writer's counter)
    event       INTEGER NOT NULL,
    target_id   INTEGER NOT NULL,
    attempt     INTEGER NOT NULL,
    function_id INTEGER NOT NULL,
    instance    INTEGER NOT NULL,
    cold        INTEGER NOT NULL,
    provisioned INTEGER NOT NULL,
    enqueued    INTEGER NOT NULL,
    start       INTEGER NOT NULL,
    "end"       INTEGER NOT NULL,
    queue_wait  INTEGER NOT NULL,         -- nanoseconds
    cold_start  INTEGER NOT NULL,         -- nanoseconds
    init        INTEGER NOT NULL,         -- nanoseconds
    billed      INTEGER NOT NULL,         -- nanoseconds
    memory_mb   INTEGER NOT NULL,
    vcpu        REAL    NOT NULL,
    cost_usd    REAL    NOT NULL,
    outcome     TEXT    NOT NULL,
    error_kind  TEXT    NOT NULL,
    stack       TEXT    NOT NULL,
    PRIMARY KEY (event, seq)
) WITHOUT ROWID;

CREATE TABLE retries (
    seq INTEGER NOT NULL,                 -- insertion order (the writer's counter)
    event     INTEGER NOT NULL,
    target_id INTEGER NOT NULL,
    at        INTEGER NOT NULL,
    next      INTEGER NOT NULL,
    attempt   INTEGER NOT NULL,
    why       TEXT    NOT NULL,
    PRIMARY KEY (event, seq)
) WITHOUT ROWID;

CREATE TABLE deliveries (
    seq INTEGER NOT NULL,                 -- insertion order (the writer's counter)
    event      INTEGER NOT NULL,
    target_id  INTEGER NOT NULL,
    created    INTEGER NOT NULL,          -- when the delivery began (its transform)
    at         INTEGER NOT NULL,          -- when it reached its final state
    outcome    TEXT    NOT NULL,          -- delivered, dead_lettered, discarded, expired
    attempts   INTEGER NOT NULL,
    reason     TEXT    NOT NULL,
    queue      TEXT    NOT NULL,          -- the dead-letter queue, '' otherwise
    last_error TEXT    NOT NULL,
    PRIMARY KEY (event, seq)
) WITHOUT ROWID;

CREATE TABLE instances (
    at          INTEGER NOT NULL,
    function_id INTEGER NOT NULL,
    instance    INTEGER NOT NULL,
    from_state  TEXT    NOT NULL,         -- none, starting, busy, idle, reclaimed
    to_state    TEXT    NOT NULL,
    provisioned INTEGER NOT NULL
);

CREATE TABLE queue_depths (
    at    INTEGER NOT NULL,
    queue TEXT    NOT NULL,
    depth INTEGER NOT NULL,
    dlq   INTEGER NOT NULL
);

CREATE TABLE fanouts (
    event     INTEGER PRIMARY KEY,
    received  INTEGER NOT NULL,
    at        INTEGER NOT NULL,
    targets   INTEGER NOT NULL,
    succeeded INTEGER NOT NULL
);

CREATE VIEW rule_evals_v AS
    SELECT e.event, r.name AS rule, r.bus, e.at, e.matched FROM rule_evals e JOIN rules r ON r.id = e.rule_id;
CREATE VIEW attempts_v AS
    SELECT a.event, t.rule, t.name AS target, a.number, a.scheduled, a.start, a."end", a.outcome, a.error
    FROM attempts a JOIN targets t ON t.id = a.target_id;
CREATE VIEW deliveries_v AS
    SELECT d.event, t.rule, t.name AS target, d.created, d.at, d.outcome, d.attempts, d.reason, d.queue, d.last_error
    FROM deliveries d JOIN targets t ON t.id = d.target_id;
CREATE VIEW invocations_v AS
    SELECT i.event, t.rule, t.name AS target, i.attempt, f.service, f.name AS function, i.instance, i.cold,
        i.provisioned, i.enqueued, i.start, i."end", i.queue_wait, i.cold_start, i.init, i.billed,
        i.memory_mb, i.vcpu, i.cost_usd, i.outcome, i.error_kind, i.stack
    FROM invocations i JOIN targets t ON t.id = i.target_id JOIN functions f ON f.id = i.function_id;
