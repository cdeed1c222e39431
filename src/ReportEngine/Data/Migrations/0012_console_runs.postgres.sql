-- 0012 for PostgreSQL: the same as 0012_console_runs.sql, except that the trigger CHECK is swapped
-- as a constraint (SQLite edits its text; see there).
ALTER TABLE runs DROP CONSTRAINT runs_trigger_check;
ALTER TABLE runs ADD CONSTRAINT runs_trigger_check CHECK (trigger IN ('schedule', 'command-line', 'recovery', 'console', 'api'));

-- A POST retried with the same Idempotency-Key answers with the run (or burst) the first one made,
-- never a second run; the request's hash tells a retry from a different request reusing the key.
CREATE TABLE idempotency_keys (
    requested_by        TEXT    NOT NULL,                   -- the key is the requester's own
    idempotency_key     TEXT    NOT NULL,
    request_sha256      TEXT    NOT NULL,                   -- of the request's canonical JSON
    run_id              INTEGER REFERENCES runs(id),
    burst_id            INTEGER REFERENCES bursts(id),
    created_at          TEXT    NOT NULL,
    PRIMARY KEY (requested_by, idempotency_key)
);

-- A burst asked for in the console or the API is queued for the worker, like a run: NULL status for
-- bursts rendered where they were asked (the command line, a schedule's firing).
ALTER TABLE bursts ADD COLUMN trigger TEXT;
ALTER TABLE bursts ADD COLUMN status TEXT CHECK (status IS NULL OR status IN ('queued', 'running', 'finished'));
ALTER TABLE bursts ADD COLUMN started_at TEXT;
ALTER TABLE bursts ADD COLUMN finished_at TEXT;
ALTER TABLE bursts ADD COLUMN executed_by TEXT;
CREATE INDEX ix_bursts_status ON bursts(status);

-- The runs page lists newest first (id descending) under any filter: each filter's index ends in id,
-- so a page is one index range however many runs there are.
DROP INDEX ix_runs_status;
CREATE INDEX ix_runs_status_id ON runs(status, id);
CREATE INDEX ix_runs_template_id ON runs(template, id);
CREATE INDEX ix_runs_requested_by_id ON runs(requested_by, id);
CREATE INDEX ix_runs_queued_at ON runs(queued_at);
