-- 0006: what a process killed at any moment must leave behind for the next start to settle.

-- How many times in a row this firing or request was started: 1, then +1 for each run that does an
-- interrupted one again. At Worker:MaxInterruptions the run is failed instead of done again.
ALTER TABLE runs ADD COLUMN attempt INTEGER NOT NULL DEFAULT 1;

-- Written before the PDF is renamed into the archive: the name it is given (relative to the archive
-- root) and its SHA-256. A run killed between the rename and `succeeded` is completed at the next
-- start when the file at that name has that hash.
ALTER TABLE runs ADD COLUMN archiving_to TEXT;
ALTER TABLE runs ADD COLUMN archiving_sha256 TEXT;
ALTER TABLE runs ADD COLUMN archiving_pages INTEGER;
ALTER TABLE runs ADD COLUMN archiving_bytes INTEGER;

-- The one worker serving this database. Taken by one statement (an insert, or an update guarded by
-- the holder it replaces), so two workers starting at once cannot both hold it.
CREATE TABLE serving_worker (
    slot                TEXT    PRIMARY KEY CHECK (slot = 'serve'),
    name                TEXT    NOT NULL,                   -- host:process id
    claimed_at          TEXT    NOT NULL,
    heartbeat_at        TEXT    NOT NULL
);
