-- Every organisation active on @as_of in the locality and below, for the appendix.
WITH RECURSIVE area(id) AS (
    SELECT id FROM localities WHERE code = @locality
    UNION ALL
    SELECT l.id FROM localities l JOIN area a ON l.parent_id = a.id
),
member_counts AS (
    SELECT m.organization_id, COUNT(*) AS members
    FROM members m
    WHERE m.joined_on <= @as_of AND (m.left_on IS NULL OR m.left_on > @as_of)
    GROUP BY m.organization_id
)
SELECT ROW_NUMBER() OVER (ORDER BY CASE o.scope WHEN 'province' THEN 1 WHEN 'district' THEN 2 ELSE 3 END, l.id, o.name) AS number,
       o.name, o.scope, o.kind, l.name AS locality,
       COALESCE(mc.members, 0) AS members
FROM organizations o
JOIN area a ON a.id = o.locality_id
JOIN localities l ON l.id = o.locality_id
LEFT JOIN member_counts mc ON mc.organization_id = o.id
WHERE o.founded_on <= @as_of AND (o.dissolved_on IS NULL OR o.dissolved_on > @as_of)
ORDER BY number
