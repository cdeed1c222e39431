-- Organisations the committee is asked to "promptly correct": active on @as_of but with no
-- activity in the assessment year, or whose membership fell by more than @decline_threshold percent.
-- district: the unit directly under the report's locality that the organisation belongs to
-- (the report's locality itself for its own organisations), for grouping.
WITH RECURSIVE area(id, top_id) AS (
    SELECT id, id FROM localities WHERE code = @locality
    UNION ALL
    SELECT l.id, CASE WHEN a.id = a.top_id AND l.parent_id = (SELECT id FROM localities WHERE code = @locality) THEN l.id ELSE a.top_id END
    FROM localities l JOIN area a ON l.parent_id = a.id
),
active AS (
    SELECT o.id, o.name, o.scope, l.name AS locality, top.name AS district,
           CASE WHEN top.code = @locality THEN 0 ELSE 1 END AS district_order
    FROM organizations o
    JOIN area a ON a.id = o.locality_id
    JOIN localities top ON top.id = a.top_id
    JOIN localities l ON l.id = o.locality_id
    WHERE o.founded_on <= @previous_as_of AND (o.dissolved_on IS NULL OR o.dissolved_on > @as_of)
),
membership AS (
    SELECT m.organization_id,
           SUM(CASE WHEN m.joined_on <= @as_of AND (m.left_on IS NULL OR m.left_on > @as_of) THEN 1 ELSE 0 END) AS now_count,
           SUM(CASE WHEN m.joined_on <= @previous_as_of AND (m.left_on IS NULL OR m.left_on > @previous_as_of) THEN 1 ELSE 0 END) AS before_count
    FROM members m JOIN active o ON o.id = m.organization_id
    GROUP BY m.organization_id
),
activity AS (
    SELECT act.organization_id, COUNT(*) AS count
    FROM activities act JOIN active o ON o.id = act.organization_id
    WHERE act.held_on > @previous_as_of AND act.held_on <= @as_of
    GROUP BY act.organization_id
)
SELECT o.district, o.name, o.scope, o.locality,
       COALESCE(m.before_count, 0) AS members_before,
       COALESCE(m.now_count, 0) AS members,
       ROUND(100.0 * (COALESCE(m.now_count, 0) - m.before_count) / NULLIF(m.before_count, 0), 1) AS change_percent,
       COALESCE(a.count, 0) AS activities,
       CASE WHEN COALESCE(a.count, 0) = 0 THEN 'no_activity' ELSE 'membership_decline' END AS reason
FROM active o
LEFT JOIN membership m ON m.organization_id = o.id
LEFT JOIN activity a ON a.organization_id = o.id
WHERE COALESCE(a.count, 0) = 0
   OR (m.before_count > 0 AND 100.0 * (m.before_count - COALESCE(m.now_count, 0)) / m.before_count > @decline_threshold)
ORDER BY o.district_order, o.district, CASE o.scope WHEN 'province' THEN 1 WHEN 'district' THEN 2 ELSE 3 END, o.locality, o.name
