-- Members of each organisation of area_organizations on @as_of (members) and @previous_as_of
-- (members_before). An organisation with any member rows counts its rows active on the date
-- (joined_on <= D AND (left_on IS NULL OR left_on > D)); one without counts the latest
-- member_counts row on or before the date (0 if none). An organisation not active on a date has
-- no members on it. Reads only the area's organisations' rows (index on members(organization_id, ...));
-- aggregated joins rather than correlated subqueries, so PostgreSQL computes each once; CROSS JOIN
-- keeps SQLite's order (the area's organisations first, members through their index).
-- Columns: organization_id, members, members_before.
SELECT o.id AS organization_id,
       CASE WHEN o.active_now = 0 THEN 0
            WHEN r.organization_id IS NOT NULL THEN r.now_count
            ELSE COALESCE(cn.members, 0)
       END AS members,
       CASE WHEN o.active_before = 0 THEN 0
            WHEN r.organization_id IS NOT NULL THEN r.before_count
            ELSE COALESCE(cb.members, 0)
       END AS members_before
FROM area_organizations o
LEFT JOIN (
    SELECT m.organization_id,
           SUM(CASE WHEN m.joined_on <= @as_of AND (m.left_on IS NULL OR m.left_on > @as_of) THEN 1 ELSE 0 END) AS now_count,
           SUM(CASE WHEN m.joined_on <= @previous_as_of AND (m.left_on IS NULL OR m.left_on > @previous_as_of) THEN 1 ELSE 0 END) AS before_count
    FROM area_organizations a
    CROSS JOIN members m
    WHERE m.organization_id = a.id
    GROUP BY m.organization_id
) r ON r.organization_id = o.id
LEFT JOIN (
    SELECT c.organization_id,
           MAX(CASE WHEN c.counted_on <= @as_of THEN c.counted_on END) AS now_on,
           MAX(CASE WHEN c.counted_on <= @previous_as_of THEN c.counted_on END) AS before_on
    FROM area_organizations a
    CROSS JOIN member_counts c
    WHERE c.organization_id = a.id
    GROUP BY c.organization_id
) latest ON latest.organization_id = o.id
LEFT JOIN member_counts cn ON cn.organization_id = o.id AND cn.counted_on = latest.now_on
LEFT JOIN member_counts cb ON cb.organization_id = o.id AND cb.counted_on = latest.before_on
