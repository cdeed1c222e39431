-- The unit that stands for each locality on @as_of. A locality valid on @as_of
-- (valid_from <= @as_of < valid_to) stands for itself; one that ended on or before @as_of stands for
-- what its merged_into stands for, or, when it was not merged, what its parent stands for (a
-- district abolished in the 2025 reform hands its communes to the province). A locality that
-- starts after @as_of stands for nothing: it has no row.
-- Columns: id (any locality), unit_id (the unit valid on @as_of that stands for it).
SELECT l.id, l.id AS unit_id
FROM localities l
WHERE l.valid_from <= @as_of AND (l.valid_to IS NULL OR l.valid_to > @as_of)
UNION ALL
SELECT l.id, u.unit_id
FROM localities l
JOIN locality_units u ON l.merged_into_id = u.id OR (l.merged_into_id IS NULL AND l.parent_id = u.id)
WHERE l.valid_to IS NOT NULL AND l.valid_to <= @as_of
