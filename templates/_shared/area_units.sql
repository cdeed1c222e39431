-- The units of the report's area on @as_of: @locality and every unit below it in unit_tree.
-- top_id is the unit directly under @locality a unit lies in (the report's "by unit" rows), or
-- @locality itself for @locality; depth is 0 for @locality.
SELECT t.unit_id, t.unit_id AS top_id, 0 AS depth
FROM unit_tree t
JOIN localities r ON r.id = t.unit_id
WHERE r.code = @locality
UNION ALL
SELECT t.unit_id, CASE WHEN a.depth = 0 THEN t.unit_id ELSE a.top_id END, a.depth + 1
FROM unit_tree t
JOIN area_units a ON t.parent_unit_id = a.unit_id
WHERE a.depth < 20 AND t.unit_id <> t.parent_unit_id
