-- The organisations registered in the locality or below it, active on @as_of, with members now
-- and a year earlier and their activities in the assessment year. Nothing outside the locality.
WITH RECURSIVE area(id) AS (
    SELECT id FROM localities WHERE code = @locality
    UNION ALL
    SELECT l.id FROM localities l JOIN area a ON l.parent_id = a.id
),
membership AS (
    SELECT m.organization_id,
           SUM(CASE WHEN m.joined_on <= @as_of AND (m.left_on IS NULL OR m.left_on > @as_of) THEN 1 ELSE 0 END) AS now_count,
           SUM(CASE WHEN m.joined_on <= @previous_as_of AND (m.left_on IS NULL OR m.left_on > @previous_as_of) THEN 1 ELSE 0 END) AS before_count
    FROM members m
    JOIN organizations o ON o.id = m.organization_id
    JOIN area a ON a.id = o.locality_id
    GROUP BY m.organization_id
),
activity AS (
    SELECT act.organization_id, COUNT(*) AS count
    FROM activities act JOIN area a ON a.id = act.locality_id
    WHERE act.held_on > @previous_as_of AND act.held_on <= @as_of
    GROUP BY act.organization_id
)
SELECT o.name, l.name AS locality,
       COALESCE(m.now_count, 0) AS members,
       COALESCE(m.now_count, 0) - COALESCE(m.before_count, 0) AS members_change,
       COALESCE(act.count, 0) AS activities
FROM organizations o
JOIN area a ON a.id = o.locality_id
JOIN localities l ON l.id = o.locality_id
LEFT JOIN membership m ON m.organization_id = o.id
LEFT JOIN activity act ON act.organization_id = o.id
WHERE o.founded_on <= @as_of AND (o.dissolved_on IS NULL OR o.dissolved_on > @as_of)
ORDER BY CASE o.scope WHEN 'district' THEN 1 ELSE 2 END, l.name, o.name
