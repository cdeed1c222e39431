-- One organisation with its figures on @as_of and a year earlier, and its activities in the
-- assessment year (@previous_as_of, @as_of].
SELECT o.code, o.name, o.scope, o.kind, o.field, o.founded_on, l.name AS locality,
       (SELECT COUNT(*) FROM members m WHERE m.organization_id = o.id
          AND m.joined_on <= @as_of AND (m.left_on IS NULL OR m.left_on > @as_of)) AS members,
       (SELECT COUNT(*) FROM members m WHERE m.organization_id = o.id
          AND m.joined_on <= @previous_as_of AND (m.left_on IS NULL OR m.left_on > @previous_as_of)) AS members_before,
       (SELECT ROUND(100.0 * SUM(CASE WHEN m.gender = 'female' THEN 1 ELSE 0 END) / NULLIF(COUNT(*), 0), 1)
          FROM members m WHERE m.organization_id = o.id
          AND m.joined_on <= @as_of AND (m.left_on IS NULL OR m.left_on > @as_of)) AS women_percent,
       (SELECT COUNT(*) FROM activities a WHERE a.organization_id = o.id
          AND a.held_on > @previous_as_of AND a.held_on <= @as_of) AS activities,
       (SELECT COALESCE(SUM(a.value_vnd), 0) FROM activities a WHERE a.organization_id = o.id
          AND a.held_on > @previous_as_of AND a.held_on <= @as_of) AS support_vnd
FROM organizations o
JOIN localities l ON l.id = o.locality_id
WHERE o.code = @organization
