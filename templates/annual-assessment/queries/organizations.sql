-- Every organisation of the area active on @as_of, for the appendix.
SELECT ROW_NUMBER() OVER (ORDER BY CASE o.scope WHEN 'province' THEN 1 WHEN 'district' THEN 2 ELSE 3 END, o.locality_id, o.name) AS number,
       o.name, o.scope, o.kind, l.name AS locality, m.members
FROM area_organizations o
JOIN organization_members m ON m.organization_id = o.id
JOIN localities l ON l.id = o.locality_id
WHERE o.active_now = 1
ORDER BY number
