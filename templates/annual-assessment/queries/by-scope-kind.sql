-- Organisations and members by scope and kind on @as_of, against a year earlier (same area).
SELECT o.scope, o.kind,
       SUM(o.active_now)                                  AS organizations,
       SUM(o.active_before)                               AS organizations_before,
       SUM(o.active_now) - SUM(o.active_before)           AS organizations_change,
       SUM(m.members)                                     AS members,
       SUM(m.members_before)                              AS members_before,
       SUM(m.members) - SUM(m.members_before)             AS members_change
FROM area_organizations o
JOIN organization_members m ON m.organization_id = o.id
GROUP BY o.scope, o.kind
HAVING SUM(o.active_now) + SUM(o.active_before) > 0
ORDER BY CASE o.scope WHEN 'province' THEN 1 WHEN 'district' THEN 2 ELSE 3 END,
         CASE o.kind WHEN 'assigned' THEN 1 ELSE 2 END
