-- Organisations and members by scope and kind on @as_of, against a year earlier.
WITH RECURSIVE area(id) AS (
    SELECT id FROM localities WHERE code = @locality
    UNION ALL
    SELECT l.id FROM localities l JOIN area a ON l.parent_id = a.id
),
member_counts AS (
    SELECT m.organization_id,
           SUM(CASE WHEN m.joined_on <= @as_of AND (m.left_on IS NULL OR m.left_on > @as_of) THEN 1 ELSE 0 END) AS now_count,
           SUM(CASE WHEN m.joined_on <= @previous_as_of AND (m.left_on IS NULL OR m.left_on > @previous_as_of) THEN 1 ELSE 0 END) AS before_count
    FROM members m
    GROUP BY m.organization_id
),
orgs AS (
    SELECT o.scope, o.kind,
           CASE WHEN o.founded_on <= @as_of AND (o.dissolved_on IS NULL OR o.dissolved_on > @as_of) THEN 1 ELSE 0 END AS active_now,
           CASE WHEN o.founded_on <= @previous_as_of AND (o.dissolved_on IS NULL OR o.dissolved_on > @previous_as_of) THEN 1 ELSE 0 END AS active_before,
           COALESCE(mc.now_count, 0) AS now_count,
           COALESCE(mc.before_count, 0) AS before_count
    FROM organizations o
    JOIN area a ON a.id = o.locality_id
    LEFT JOIN member_counts mc ON mc.organization_id = o.id
)
SELECT scope, kind,
       SUM(active_now)                                         AS organizations,
       SUM(active_before)                                      AS organizations_before,
       SUM(active_now) - SUM(active_before)                    AS organizations_change,
       SUM(CASE WHEN active_now = 1 THEN now_count ELSE 0 END)       AS members,
       SUM(CASE WHEN active_before = 1 THEN before_count ELSE 0 END) AS members_before,
       SUM(CASE WHEN active_now = 1 THEN now_count ELSE 0 END)
         - SUM(CASE WHEN active_before = 1 THEN before_count ELSE 0 END) AS members_change
FROM orgs
GROUP BY scope, kind
HAVING SUM(active_now) + SUM(active_before) > 0
ORDER BY CASE scope WHEN 'province' THEN 1 WHEN 'district' THEN 2 ELSE 3 END,
         CASE kind WHEN 'assigned' THEN 1 ELSE 2 END
