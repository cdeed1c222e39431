-- 0004: data from any province. Stable codes on every imported row (so an import matches rows by
-- code and a second import of the same file changes nothing), membership held as counts by date
-- for offices that keep only totals, the resolution's number and date beside its name, and the
-- record of every import with the date its figures are as of.

-- A member's card number (or any code unique in the database); NULL only for rows written before 0004.
ALTER TABLE members ADD COLUMN code TEXT;
CREATE UNIQUE INDEX ux_members_code ON members(code);
-- Covers "members of these organisations active on a date" without reading the table itself.
CREATE INDEX ix_members_organization_dates ON members(organization_id, joined_on, left_on);

ALTER TABLE activities ADD COLUMN code TEXT;
CREATE UNIQUE INDEX ux_activities_code ON activities(code);

-- Membership of an organisation as a total on a date, for offices that keep no list of members.
-- A count stands until the next one: the figure on a date D is the latest count on or before D.
-- Reports use an organisation's member rows when it has any, otherwise these counts.
CREATE TABLE member_counts (
    organization_id INTEGER NOT NULL REFERENCES organizations(id),
    counted_on      TEXT    NOT NULL,
    members         INTEGER NOT NULL CHECK (members >= 0),
    PRIMARY KEY (organization_id, counted_on)
);

-- "04-NQ/TU" and 2021-11-19: the report cites the resolution in every language from these.
ALTER TABLE targets ADD COLUMN resolution_number TEXT;
ALTER TABLE targets ADD COLUMN resolution_date TEXT;

-- Every import (and the demo): who, when, which files, the date its figures are as of and what it
-- changed. A report dated after the latest data_as_of is refused unless partial figures are asked for.
CREATE TABLE imports (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    imported_at     TEXT    NOT NULL,                   -- UTC, as in 0002
    imported_by     TEXT    NOT NULL,
    source          TEXT    NOT NULL CHECK (source IN ('import', 'demo')),
    files           TEXT    NOT NULL,                   -- JSON: [{ "name", "sheet", "sha256" }]
    data_as_of      TEXT    NOT NULL,                   -- yyyy-MM-dd
    summary         TEXT    NOT NULL                    -- JSON: per table, added / changed / unchanged / closed
);
