-- The organisations registered in the locality's area, active on @as_of, with members now and a
-- year earlier and their activities in the assessment year. Nothing outside the area.
WITH activity AS (
    SELECT organization_id, COUNT(*) AS count
    FROM area_activities
    WHERE this_year = 1 AND organization_id IS NOT NULL
    GROUP BY organization_id
)
SELECT o.name, l.name AS locality,
       m.members,
       m.members - m.members_before AS members_change,
       COALESCE(a.count, 0) AS activities
FROM area_organizations o
JOIN organization_members m ON m.organization_id = o.id
JOIN localities l ON l.id = o.locality_id
LEFT JOIN activity a ON a.organization_id = o.id
WHERE o.active_now = 1
ORDER BY CASE o.scope WHEN 'district' THEN 1 ELSE 2 END, l.name, o.name
