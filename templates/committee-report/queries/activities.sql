-- Activities in the locality in the assessment year, by kind (label is the kind; strings translate it).
WITH RECURSIVE area(id) AS (
    SELECT id FROM localities WHERE code = @locality
    UNION ALL
    SELECT l.id FROM localities l JOIN area a ON l.parent_id = a.id
)
SELECT act.kind AS label, COUNT(*) AS count
FROM activities act JOIN area a ON a.id = act.locality_id
WHERE act.held_on > @previous_as_of AND act.held_on <= @as_of AND act.organization_id IS NOT NULL
GROUP BY act.kind
ORDER BY count DESC, label
