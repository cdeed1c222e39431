-- Members of each organisation of area_organizations on @as_of (members) and @previous_as_of
-- (members_before). An organisation with any member rows counts its rows active on the date
-- (joined_on <= D AND (left_on IS NULL OR left_on > D)); one without counts the latest
-- member_counts row on or before the date (0 if none). An organisation not active on a date has
-- no members on it. Reads only the area's organisations (index on members(organization_id, ...)).
-- Columns: organization_id, members, members_before.
SELECT o.id AS organization_id,
       CASE WHEN o.active_now = 0 THEN 0
            WHEN EXISTS (SELECT 1 FROM members m WHERE m.organization_id = o.id)
            THEN (SELECT COUNT(*) FROM members m
                  WHERE m.organization_id = o.id AND m.joined_on <= @as_of AND (m.left_on IS NULL OR m.left_on > @as_of))
            ELSE COALESCE((SELECT c.members FROM member_counts c
                           WHERE c.organization_id = o.id AND c.counted_on <= @as_of
                           ORDER BY c.counted_on DESC LIMIT 1), 0)
       END AS members,
       CASE WHEN o.active_before = 0 THEN 0
            WHEN EXISTS (SELECT 1 FROM members m WHERE m.organization_id = o.id)
            THEN (SELECT COUNT(*) FROM members m
                  WHERE m.organization_id = o.id AND m.joined_on <= @previous_as_of AND (m.left_on IS NULL OR m.left_on > @previous_as_of))
            ELSE COALESCE((SELECT c.members FROM member_counts c
                           WHERE c.organization_id = o.id AND c.counted_on <= @previous_as_of
                           ORDER BY c.counted_on DESC LIMIT 1), 0)
       END AS members_before
FROM area_organizations o
