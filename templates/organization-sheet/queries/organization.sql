-- One organisation with its figures on @as_of and a year earlier, and its activities in the
-- assessment year. The shared rules apply to it alone: area_organizations is narrowed here to the
-- organisation (a query may define a shared name itself), and organization_members counts it.
WITH area_organizations AS (
    SELECT o.id, o.code, o.name, o.scope, o.kind, o.field, o.founded_on, o.locality_id,
           CASE WHEN o.founded_on <= @as_of AND (o.dissolved_on IS NULL OR o.dissolved_on > @as_of) THEN 1 ELSE 0 END AS active_now,
           CASE WHEN o.founded_on <= @previous_as_of AND (o.dissolved_on IS NULL OR o.dissolved_on > @previous_as_of) THEN 1 ELSE 0 END AS active_before
    FROM organizations o
    WHERE o.code = @organization
)
SELECT o.code, o.name, o.scope, o.kind, o.field, o.founded_on, l.name AS locality,
       m.members, m.members_before,
       (SELECT ROUND(100.0 * SUM(CASE WHEN x.gender = 'female' THEN 1 ELSE 0 END) / NULLIF(COUNT(*), 0), 1)
          FROM members x WHERE x.organization_id = o.id
          AND x.joined_on <= @as_of AND (x.left_on IS NULL OR x.left_on > @as_of)) AS women_percent,
       (SELECT COUNT(*) FROM activities a WHERE a.organization_id = o.id
          AND a.held_on > @previous_as_of AND a.held_on <= @as_of) AS activities,
       (SELECT COALESCE(SUM(a.value_vnd), 0) FROM activities a WHERE a.organization_id = o.id
          AND a.held_on > @previous_as_of AND a.held_on <= @as_of) AS support_vnd
FROM area_organizations o
JOIN organization_members m ON m.organization_id = o.id
JOIN localities l ON l.id = o.locality_id
