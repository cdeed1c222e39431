-- The area of the report for @locality on @as_of, found by walking down from @locality (so a report
-- reads only its own part of the localities, whatever the database holds): every locality, valid or
-- not, whose unit on @as_of is @locality or below it. The walk follows the same rule as
-- locality_units, from the other end: a locality is reached through its parent, unless it ended
-- (valid_to <= @as_of) by merging into another, when it is reached through what it merged into. A
-- reached locality valid on @as_of is a unit of its own; one that ended answers to the unit it was
-- reached from. One that starts after @as_of stands for nothing and is not reached.
-- The same area is used for earlier dates (year-on-year is like for like).
-- Columns: locality_id, unit_id (its unit on @as_of), top_id (the unit directly under @locality it
--          lies in, @locality itself for @locality), is_own (1 when it stands for @locality itself:
--          @locality, or an abolished unit that now answers to it), unit_depth (0 for @locality),
--          steps (how far the walk went; bounded against a cycle in bad data).
SELECT l.id AS locality_id, l.id AS unit_id, l.id AS top_id, 1 AS is_own, 0 AS unit_depth, 0 AS steps
FROM localities l
WHERE l.code = @locality
UNION ALL
SELECT l.id,
       CASE WHEN l.valid_to IS NULL OR l.valid_to > @as_of THEN l.id ELSE a.unit_id END,
       CASE WHEN (l.valid_to IS NULL OR l.valid_to > @as_of) AND a.unit_depth = 0 THEN l.id ELSE a.top_id END,
       CASE WHEN l.valid_to IS NULL OR l.valid_to > @as_of THEN 0 ELSE a.is_own END,
       CASE WHEN l.valid_to IS NULL OR l.valid_to > @as_of THEN a.unit_depth + 1 ELSE a.unit_depth END,
       a.steps + 1
FROM report_area a
JOIN localities l ON l.parent_id = a.locality_id OR l.merged_into_id = a.locality_id
WHERE l.valid_from <= @as_of AND a.steps < 30
  AND ((l.parent_id = a.locality_id AND (l.merged_into_id IS NULL OR l.valid_to IS NULL OR l.valid_to > @as_of))
       OR (l.merged_into_id = a.locality_id AND l.valid_to <= @as_of))
