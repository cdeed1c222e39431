-- Organisations the committee is asked to "promptly correct": active on both dates, with no
-- activity in the assessment year or a membership that fell by more than @decline_threshold percent.
-- district: the unit directly under the report's locality the organisation belongs to (the
-- report's locality itself for its own registrations, listed first), for grouping.
WITH activity AS (
    SELECT organization_id, COUNT(*) AS count
    FROM area_activities
    WHERE this_year = 1 AND organization_id IS NOT NULL
    GROUP BY organization_id
)
SELECT top.name AS district, o.name, o.scope, l.name AS locality,
       m.members_before, m.members,
       COALESCE(a.count, 0) AS activities,
       CASE WHEN COALESCE(a.count, 0) = 0 THEN 'no_activity' ELSE 'membership_decline' END AS reason
FROM area_organizations o
JOIN organization_members m ON m.organization_id = o.id
JOIN localities top ON top.id = o.top_id
JOIN localities l ON l.id = o.locality_id
LEFT JOIN activity a ON a.organization_id = o.id
WHERE o.active_now = 1 AND o.active_before = 1
  AND (COALESCE(a.count, 0) = 0
       OR (m.members_before > 0 AND 100.0 * (m.members_before - m.members) / m.members_before > @decline_threshold))
ORDER BY o.is_own DESC, top.name, CASE o.scope WHEN 'province' THEN 1 WHEN 'district' THEN 2 ELSE 3 END, l.name, o.name
