-- What the area's organisations and Party committees did in the assessment year, by kind, against
-- the previous assessment year (see area_activities for both windows).
WITH kinds(kind, position) AS (
    VALUES ('consultation', 1), ('supervision', 2), ('social_criticism', 3), ('seminar', 4),
           ('dialogue', 5), ('charity', 6), ('emulation_model', 7), ('guiding_document', 8)
)
SELECT k.kind,
       COALESCE(SUM(a.this_year), 0) AS count,
       COALESCE(SUM(a.previous_year), 0) AS count_before,
       -- Only charity is valued in money; the other kinds leave the column empty.
       CASE WHEN k.kind = 'charity' THEN COALESCE(SUM(CASE WHEN a.this_year = 1 THEN a.value_vnd END), 0) END AS value_vnd
FROM kinds k
LEFT JOIN area_activities a ON a.kind = k.kind
GROUP BY k.kind, k.position
ORDER BY k.position
