-- One row per unit directly under the report's locality on @as_of (every one of them, with or
-- without organisations), counting the organisations registered in it or below it, active on
-- @as_of. What is registered at the report's locality itself is not in any row (summary.own_*).
SELECT top.code, top.name AS locality,
       COALESCE(SUM(o.active_now), 0)                                                AS organizations,
       COALESCE(SUM(CASE WHEN o.scope = 'district' THEN o.active_now ELSE 0 END), 0) AS district_scope,
       COALESCE(SUM(CASE WHEN o.scope = 'commune' THEN o.active_now ELSE 0 END), 0)  AS commune_scope,
       COALESCE(SUM(m.members), 0)                                                   AS members
FROM area_units u
JOIN localities top ON top.id = u.unit_id
LEFT JOIN area_organizations o ON o.top_id = u.unit_id
LEFT JOIN organization_members m ON m.organization_id = o.id
WHERE u.depth = 1
GROUP BY top.id, top.code, top.name
ORDER BY top.id
