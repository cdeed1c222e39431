-- One row per unit directly under the report's locality (districts of a province, communes of a
-- district), counting the organisations registered there or below, active on @as_of.
WITH RECURSIVE area(id, top_id) AS (
    SELECT l.id, l.id FROM localities l
    JOIN localities parent ON parent.id = l.parent_id
    WHERE parent.code = @locality
      AND l.valid_from <= @as_of AND (l.valid_to IS NULL OR l.valid_to > @as_of)
    UNION ALL
    SELECT l.id, a.top_id FROM localities l JOIN area a ON l.parent_id = a.id
),
member_counts AS (
    SELECT m.organization_id, COUNT(*) AS members
    FROM members m
    WHERE m.joined_on <= @as_of AND (m.left_on IS NULL OR m.left_on > @as_of)
    GROUP BY m.organization_id
)
SELECT top.code, top.name AS locality,
       COUNT(o.id) AS organizations,
       SUM(CASE WHEN o.scope = 'district' THEN 1 ELSE 0 END) AS district_scope,
       SUM(CASE WHEN o.scope = 'commune' THEN 1 ELSE 0 END) AS commune_scope,
       COALESCE(SUM(mc.members), 0) AS members
FROM area a
JOIN localities top ON top.id = a.top_id
LEFT JOIN organizations o ON o.locality_id = a.id
     AND o.founded_on <= @as_of AND (o.dissolved_on IS NULL OR o.dissolved_on > @as_of)
LEFT JOIN member_counts mc ON mc.organization_id = o.id
GROUP BY top.id, top.code, top.name
ORDER BY top.id
