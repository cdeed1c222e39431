-- 0005: reports walk localities through mergers from both ends (what merged into a unit, what a
-- merged unit became): merged_into_id needs an index as parent_id has one.
CREATE INDEX ix_localities_merged_into ON localities(merged_into_id);

-- ix_members_organization_dates (organization_id, joined_on, left_on) serves every lookup by
-- organisation: the single-column index only cost time on every insert and import.
DROP INDEX ix_members_organization;
