-- The yearly work targets of the resolution, measured over the assessment year
-- (@previous_as_of, @as_of]: supervision and social-criticism contents, thematic dialogues,
-- and the share of communes whose Party committee issued a guiding document.
WITH RECURSIVE area(id, level) AS (
    SELECT id, level FROM localities WHERE code = @locality
    UNION ALL
    SELECT l.id, l.level FROM localities l JOIN area a ON l.parent_id = a.id
),
year_activities AS (
    SELECT act.kind, act.locality_id
    FROM activities act JOIN area a ON a.id = act.locality_id
    WHERE act.held_on > @previous_as_of AND act.held_on <= @as_of
),
communes AS (
    SELECT a.id FROM area a
    JOIN localities l ON l.id = a.id
    WHERE a.level = 'commune' AND l.valid_from <= @as_of AND (l.valid_to IS NULL OR l.valid_to > @as_of)
),
measured AS (
    SELECT 'supervision_contents_min' AS indicator, 1 AS position,
           (SELECT COUNT(*) FROM year_activities WHERE kind = 'supervision') AS actual
    UNION ALL
    SELECT 'social_criticism_contents_min', 2, (SELECT COUNT(*) FROM year_activities WHERE kind = 'social_criticism')
    UNION ALL
    SELECT 'thematic_dialogues_min', 3, (SELECT COUNT(*) FROM year_activities WHERE kind = 'dialogue')
    UNION ALL
    SELECT 'guiding_documents_rate', 4,
           (SELECT ROUND(100.0 * COUNT(DISTINCT y.locality_id) / NULLIF((SELECT COUNT(*) FROM communes), 0), 1)
            FROM year_activities y JOIN communes c ON c.id = y.locality_id WHERE y.kind = 'guiding_document')
)
SELECT m.indicator, m.actual, t.target_value AS target, t.unit,
       CASE WHEN m.actual >= t.target_value THEN 'achieved' ELSE 'not_achieved' END AS status
FROM measured m
JOIN localities l ON l.code = @locality
JOIN targets t ON t.locality_id = l.id AND t.indicator = m.indicator AND @year BETWEEN t.period_from AND t.period_to
WHERE m.actual IS NOT NULL
ORDER BY m.position
