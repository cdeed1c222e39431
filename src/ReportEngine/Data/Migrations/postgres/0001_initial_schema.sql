-- 0001 for PostgreSQL: as 0001_initial_schema.sql, but money is BIGINT (PostgreSQL's INTEGER is 32-bit;
-- SQLite's is 64-bit, and charity support reaches billions of VND).
-- 0001: the organisations database. Dates are ISO-8601 text (yyyy-MM-dd), local to
-- Asia/Ho_Chi_Minh; an interval [valid_from, valid_to) is half-open, NULL meaning "still".
-- Names are stored in Unicode NFC.
-- SQLite dialect: INTEGER PRIMARY KEY is the rowid alias (a PostgreSQL script needs identity
-- columns); everything else here is portable.

-- Administrative units, followed through mergers: a unit abolished or merged keeps its row,
-- gets valid_to, and (when merged) points at the unit that absorbed it.
CREATE TABLE localities (
    id              INTEGER PRIMARY KEY,
    code            TEXT    NOT NULL UNIQUE,            -- stable ASCII code: binh-thuan, phan-thiet
    name            TEXT    NOT NULL,                   -- Vietnamese, NFC: Bình Thuận
    level           TEXT    NOT NULL CHECK (level IN ('province', 'district', 'commune')),
    unit_type       TEXT    NOT NULL,                   -- province, city, town, district, ward, township, commune, special-zone
    parent_id       INTEGER REFERENCES localities(id),
    valid_from      TEXT    NOT NULL,
    valid_to        TEXT,
    merged_into_id  INTEGER REFERENCES localities(id),
    CHECK (valid_to IS NULL OR valid_to > valid_from)
);
CREATE INDEX ix_localities_parent ON localities(parent_id);

-- Mass organisations ("hội quần chúng"). scope is the level the organisation works at;
-- kind: assigned = assigned tasks by the Party and State, voluntary = voluntary, self-managed.
CREATE TABLE organizations (
    id              INTEGER PRIMARY KEY,
    code            TEXT    NOT NULL UNIQUE,
    name            TEXT    NOT NULL,                   -- Vietnamese, NFC
    name_en         TEXT,
    scope           TEXT    NOT NULL CHECK (scope IN ('province', 'district', 'commune')),
    kind            TEXT    NOT NULL CHECK (kind IN ('assigned', 'voluntary')),
    field           TEXT    NOT NULL,                   -- science, social, charity, economic, professional, culture, health
    locality_id     INTEGER NOT NULL REFERENCES localities(id),
    founded_on      TEXT    NOT NULL,
    dissolved_on    TEXT,
    CHECK (dissolved_on IS NULL OR dissolved_on > founded_on)
);
CREATE INDEX ix_organizations_locality ON organizations(locality_id);

-- One row per member of a mass organisation.
CREATE TABLE members (
    id              INTEGER PRIMARY KEY,
    organization_id INTEGER NOT NULL REFERENCES organizations(id),
    gender          TEXT    NOT NULL CHECK (gender IN ('female', 'male')),
    birth_year      INTEGER NOT NULL,
    joined_on       TEXT    NOT NULL,
    left_on         TEXT,
    CHECK (left_on IS NULL OR left_on >= joined_on)
);
CREATE INDEX ix_members_organization ON members(organization_id);

-- What organisations (or, for guiding documents, a locality's Party committee) did.
-- value_vnd: charitable support in VND (no minor unit); NULL where no money is involved.
CREATE TABLE activities (
    id              INTEGER PRIMARY KEY,
    organization_id INTEGER REFERENCES organizations(id),
    locality_id     INTEGER NOT NULL REFERENCES localities(id),
    held_on         TEXT    NOT NULL,
    kind            TEXT    NOT NULL CHECK (kind IN ('consultation', 'supervision', 'social_criticism', 'seminar',
                                                     'charity', 'dialogue', 'emulation_model', 'guiding_document')),
    title           TEXT,
    value_vnd       BIGINT  CHECK (value_vnd IS NULL OR value_vnd >= 0)
);
CREATE INDEX ix_activities_organization ON activities(organization_id);
CREATE INDEX ix_activities_locality_date ON activities(locality_id, held_on);

-- Targets set by a resolution for a locality and a period of years (inclusive).
-- indicator: membership_rate:<group> (percent), supervision_contents_min, social_criticism_contents_min,
-- thematic_dialogues_min (count per year), guiding_documents_rate, recommendations_answered_rate (percent).
CREATE TABLE targets (
    id              INTEGER PRIMARY KEY,
    locality_id     INTEGER NOT NULL REFERENCES localities(id),
    indicator       TEXT    NOT NULL,
    period_from     INTEGER NOT NULL,
    period_to       INTEGER NOT NULL,
    target_value    REAL    NOT NULL,
    unit            TEXT    NOT NULL CHECK (unit IN ('percent', 'count')),
    resolution      TEXT    NOT NULL,                   -- e.g. Nghị quyết số 04-NQ/TU ngày 19/11/2021
    UNIQUE (locality_id, indicator, period_from)
);

-- Membership of the socio-political organisations against the population eligible to join,
-- for membership-rate targets. Held as totals: individual rows are kept only for mass organisations.
-- group_code: farmers, veterans, women, workers, youth.
CREATE TABLE eligible_populations (
    locality_id     INTEGER NOT NULL REFERENCES localities(id),
    group_code      TEXT    NOT NULL CHECK (group_code IN ('farmers', 'veterans', 'women', 'workers', 'youth')),
    year            INTEGER NOT NULL,
    eligible_count  INTEGER NOT NULL CHECK (eligible_count > 0),
    member_count    INTEGER NOT NULL CHECK (member_count >= 0),
    PRIMARY KEY (locality_id, group_code, year)
);

-- The Party Standing Committee of a locality, who reads its report in its language.
CREATE TABLE committees (
    id              INTEGER PRIMARY KEY,
    code            TEXT    NOT NULL UNIQUE,
    name            TEXT    NOT NULL,
    locality_id     INTEGER NOT NULL UNIQUE REFERENCES localities(id),
    language        TEXT    NOT NULL DEFAULT 'vi' CHECK (language IN ('vi', 'en', 'pl'))
);

CREATE TABLE committee_recipients (
    committee_id    INTEGER NOT NULL REFERENCES committees(id),
    address         TEXT    NOT NULL,
    role            TEXT    NOT NULL DEFAULT 'to' CHECK (role IN ('to', 'cc')),
    PRIMARY KEY (committee_id, address)
);
