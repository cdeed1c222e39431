-- What the organisations did in the assessment year (@previous_as_of, @as_of], by kind,
-- against the year before.
WITH RECURSIVE area(id) AS (
    SELECT id FROM localities WHERE code = @locality
    UNION ALL
    SELECT l.id FROM localities l JOIN area a ON l.parent_id = a.id
),
kinds(kind, position) AS (
    VALUES ('consultation', 1), ('supervision', 2), ('social_criticism', 3), ('seminar', 4),
           ('dialogue', 5), ('charity', 6), ('emulation_model', 7), ('guiding_document', 8)
),
windowed AS (
    SELECT act.kind, act.value_vnd,
           CASE WHEN act.held_on > @previous_as_of AND act.held_on <= @as_of THEN 1 ELSE 0 END AS this_year,
           CASE WHEN act.held_on <= @previous_as_of THEN 1 ELSE 0 END AS last_year
    FROM activities act JOIN area a ON a.id = act.locality_id
    WHERE act.held_on <= @as_of
)
SELECT k.kind,
       COALESCE(SUM(w.this_year), 0) AS count,
       COALESCE(SUM(w.last_year), 0) AS count_before,
       -- Only charity is valued in money; the other kinds leave the column empty.
       CASE WHEN k.kind = 'charity' THEN COALESCE(SUM(CASE WHEN w.this_year = 1 THEN w.value_vnd END), 0) END AS value_vnd
FROM kinds k LEFT JOIN windowed w ON w.kind = k.kind
GROUP BY k.kind, k.position
ORDER BY k.position
