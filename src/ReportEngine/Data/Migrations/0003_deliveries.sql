-- 0003: distribution. A committee's optional file-drop folder, the bursts that render one report
-- per committee, and the outbox: one delivery per (run, channel, address), recorded before
-- anything is sent. Times are UTC text as in 0002.

-- A mounted share the committee's PDFs are copied into, besides e-mail; NULL when none.
ALTER TABLE committees ADD COLUMN drop_folder TEXT;

-- One request to render a template for several committees (`run --committees`, or a schedule with
-- committees:): one run per
-- committee, each archived and hashed like any other run; the delivery summary is stored here.
CREATE TABLE bursts (
    id                  INTEGER PRIMARY KEY AUTOINCREMENT,
    template            TEXT    NOT NULL,
    parameters          TEXT    NOT NULL,                   -- JSON: as requested, without the locality
    committees          TEXT    NOT NULL,                   -- the selector: a level or a list of codes
    requested_by        TEXT    NOT NULL,                   -- user name, or schedule:<id>
    schedule_id         TEXT,                               -- a schedule's burst: the schedule and its fire time,
    scheduled_for       TEXT,                               -- so a recovered firing finds the burst it had started
    created_at          TEXT    NOT NULL,
    summarized_at       TEXT,
    committee_count     INTEGER NOT NULL DEFAULT 0,
    sent                INTEGER NOT NULL DEFAULT 0,
    pending             INTEGER NOT NULL DEFAULT 0,
    failed              INTEGER NOT NULL DEFAULT 0,
    dead                INTEGER NOT NULL DEFAULT 0,
    UNIQUE (schedule_id, scheduled_for)
);

CREATE TABLE burst_runs (
    burst_id            INTEGER NOT NULL REFERENCES bursts(id),
    committee_id        INTEGER NOT NULL REFERENCES committees(id),
    run_id              INTEGER NOT NULL UNIQUE REFERENCES runs(id),
    PRIMARY KEY (burst_id, committee_id)
);

-- The outbox. status: pending (to try, at next_attempt_at) -> sent | failed (refused for good:
-- the server's reply is in last_error) | dead (transient failures up to the attempt limit).
-- claimed_by/claimed_at: the sender (host:pid) trying it right now; a claim by a dead process is
-- taken over, so a crash never strands a delivery.
CREATE TABLE deliveries (
    id                  INTEGER PRIMARY KEY AUTOINCREMENT,
    run_id              INTEGER NOT NULL REFERENCES runs(id),
    committee_id        INTEGER NOT NULL REFERENCES committees(id),
    channel             TEXT    NOT NULL CHECK (channel IN ('email', 'file')),
    address             TEXT    NOT NULL,                   -- e-mail address, or the drop folder
    role                TEXT    NOT NULL DEFAULT 'to' CHECK (role IN ('to', 'cc')),
    message_id          TEXT    NOT NULL UNIQUE,            -- the e-mail's Message-ID, stable across attempts
    subject             TEXT    NOT NULL,                   -- rendered once, in the committee's language
    body                TEXT    NOT NULL,
    file_name           TEXT    NOT NULL,                   -- the attachment's (or dropped file's) name
    status              TEXT    NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sent', 'failed', 'dead')),
    attempts            INTEGER NOT NULL DEFAULT 0,
    last_error          TEXT,
    created_at          TEXT    NOT NULL,
    next_attempt_at     TEXT    NOT NULL,
    last_attempt_at     TEXT,
    sent_at             TEXT,
    claimed_by          TEXT,
    claimed_at          TEXT,
    UNIQUE (run_id, channel, address)
);
CREATE INDEX ix_deliveries_due ON deliveries(status, next_attempt_at);
CREATE INDEX ix_deliveries_run ON deliveries(run_id);
