-- 0002: the record of every report run, and the workers that execute them.
-- Times are UTC, ISO-8601 text with 'Z' (yyyy-MM-ddTHH:mm:ss.fffZ), so they sort as text.
-- The scheduler's own tables (QRTZ_*) are created by Quartz itself when the worker starts.

CREATE TABLE runs (
    id                  INTEGER PRIMARY KEY AUTOINCREMENT,   -- never reused: it names archived files
    template            TEXT    NOT NULL,
    template_version    TEXT,                               -- SHA-256 of the template's files, known once started
    language            TEXT    NOT NULL,
    parameters          TEXT    NOT NULL,                   -- JSON: as requested, then as resolved once started
    trigger             TEXT    NOT NULL CHECK (trigger IN ('schedule', 'command-line', 'recovery')),
    requested_by        TEXT    NOT NULL,                   -- user name, or schedule:<id>
    schedule_id         TEXT,
    scheduled_for       TEXT,                               -- the schedule's fire time this run belongs to
    recovers_run_id     INTEGER REFERENCES runs(id),        -- the interrupted run this one does again
    status              TEXT    NOT NULL CHECK (status IN ('queued', 'running', 'succeeded', 'failed', 'interrupted')),
    queued_at           TEXT    NOT NULL,
    started_at          TEXT,
    finished_at         TEXT,
    executed_by         TEXT,                               -- host:process id, to tell a dead process's run from a live one
    error               TEXT,                               -- the error and its causes, one per line
    pages               INTEGER,
    bytes               INTEGER,
    data_as_of          TEXT,                               -- the as_of parameter: the date the figures are taken on
    archive_path        TEXT,                               -- relative to the archive root (Archive:Path)
    sha256              TEXT
);
CREATE INDEX ix_runs_status ON runs(status);
CREATE INDEX ix_runs_schedule ON runs(schedule_id, scheduled_for);

-- A serving worker says so every few seconds: `run` hands its request to a live worker.
CREATE TABLE workers (
    name                TEXT    PRIMARY KEY,                -- host:process id
    started_at          TEXT    NOT NULL,
    heartbeat_at        TEXT    NOT NULL
);
