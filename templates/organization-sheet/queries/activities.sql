-- The organisation's activities in the assessment year, oldest first.
SELECT a.held_on, a.kind, COALESCE(a.title, '') AS title, a.value_vnd
FROM activities a
JOIN organizations o ON o.id = a.organization_id
WHERE o.code = @organization AND a.held_on > @previous_as_of AND a.held_on <= @as_of
ORDER BY a.held_on, a.id
