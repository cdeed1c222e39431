-- 0011: the console's accounts (issue 12). A person logs in with a name and a password hashed by
-- ASP.NET Core Identity's PasswordHasher; a script presents an API key, of which only the SHA-256 is
-- kept (the key is shown once, when created). The audit log records who did what, from where.
-- Times are StoredTime text (UTC, ISO 8601, 'Z'); flags are 0/1 integers so one script serves SQLite
-- and PostgreSQL alike.
CREATE TABLE console_users (
    id                INTEGER PRIMARY KEY,
    name              TEXT    NOT NULL,
    normalized_name   TEXT    NOT NULL UNIQUE,
    role              TEXT    NOT NULL CHECK (role IN ('viewer', 'operator', 'admin')),
    password_hash     TEXT,
    security_stamp    TEXT    NOT NULL,
    concurrency_stamp TEXT    NOT NULL,
    failed_count      INTEGER NOT NULL DEFAULT 0,
    lockout_end       TEXT,
    disabled          INTEGER NOT NULL DEFAULT 0 CHECK (disabled IN (0, 1)),
    language          TEXT    NOT NULL DEFAULT 'vi' CHECK (language IN ('vi', 'en')),
    created_at        TEXT    NOT NULL
);

CREATE TABLE console_api_keys (
    id            INTEGER PRIMARY KEY,
    name          TEXT    NOT NULL UNIQUE,
    role          TEXT    NOT NULL CHECK (role IN ('viewer', 'operator', 'admin')),
    -- Lower-case hex SHA-256 of the key's bytes as presented; the key itself is never stored.
    key_hash      TEXT    NOT NULL UNIQUE,
    created_at    TEXT    NOT NULL,
    created_by    TEXT    NOT NULL,
    revoked_at    TEXT,
    last_used_at  TEXT
);

CREATE TABLE console_audit_log (
    id             INTEGER PRIMARY KEY,
    at             TEXT    NOT NULL,
    actor          TEXT    NOT NULL,
    action         TEXT    NOT NULL,
    target         TEXT,
    detail         TEXT,
    remote_address TEXT
);

-- The audit page pages newest first and filters by actor or action.
CREATE INDEX console_audit_log_at ON console_audit_log (id DESC);
CREATE INDEX console_audit_log_actor ON console_audit_log (actor, id DESC);
CREATE INDEX console_audit_log_action ON console_audit_log (action, id DESC);
