-- 0012: runs asked for in the console and through the HTTP API.
--
-- Two new triggers, 'console' and 'api'. SQLite cannot alter a CHECK, and rebuilding runs is refused
-- by the foreign keys that point at it (deliveries, burst_runs, document_numbers), so the CHECK's text
-- is edited in place: SQLite's documented way for a change that leaves the stored rows valid. The
-- CREATE INDEX statements below bump the schema cookie, so every connection re-reads it.
-- (PostgreSQL runs 0012_console_runs.postgres.sql instead, which swaps the constraint.)
PRAGMA writable_schema = ON;
UPDATE sqlite_schema
SET sql = replace(sql, 'CHECK (trigger IN (''schedule'', ''command-line'', ''recovery''))',
                       'CHECK (trigger IN (''schedule'', ''command-line'', ''recovery'', ''console'', ''api''))')
WHERE type = 'table' AND name = 'runs';
PRAGMA writable_schema = RESET;

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
