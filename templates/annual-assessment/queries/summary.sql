-- The overview: organisations of the area active on @as_of and their members, cut by scope and
-- kind, the same a year earlier (@previous_as_of, same area), what is registered at @locality
-- itself (left out of the by-unit table), and how many activities the two years hold.
SELECT
    COALESCE(SUM(o.active_now), 0)                                                   AS organizations,
    COALESCE(SUM(o.active_before), 0)                                                AS organizations_before,
    COALESCE(SUM(m.members), 0)                                                      AS members,
    COALESCE(SUM(m.members_before), 0)                                               AS members_before,
    COALESCE(SUM(CASE WHEN o.scope = 'province' THEN o.active_now ELSE 0 END), 0)    AS province_scope,
    COALESCE(SUM(CASE WHEN o.scope = 'province' AND o.kind = 'assigned' THEN o.active_now ELSE 0 END), 0)  AS province_assigned,
    COALESCE(SUM(CASE WHEN o.scope = 'province' AND o.kind = 'voluntary' THEN o.active_now ELSE 0 END), 0) AS province_voluntary,
    COALESCE(SUM(CASE WHEN o.scope = 'district' THEN o.active_now ELSE 0 END), 0)    AS district_scope,
    COALESCE(SUM(CASE WHEN o.scope = 'commune' THEN o.active_now ELSE 0 END), 0)     AS commune_scope,
    COALESCE(SUM(CASE WHEN o.kind = 'assigned' THEN o.active_now ELSE 0 END), 0)     AS assigned,
    COALESCE(SUM(CASE WHEN o.kind = 'voluntary' THEN o.active_now ELSE 0 END), 0)    AS voluntary,
    COALESCE(SUM(CASE WHEN o.is_own = 1 THEN o.active_now ELSE 0 END), 0)            AS own_organizations,
    COALESCE(SUM(CASE WHEN o.is_own = 1 THEN m.members ELSE 0 END), 0)               AS own_members,
    (SELECT COUNT(*) FROM area_units WHERE depth = 1)                                AS units,
    (SELECT COUNT(*) FROM area_activities WHERE this_year = 1)                       AS activities,
    (SELECT COUNT(*) FROM area_activities WHERE previous_year = 1)                   AS activities_before
FROM area_organizations o
JOIN organization_members m ON m.organization_id = o.id
