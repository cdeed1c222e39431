-- The locality the report is about and the unit above it on @as_of (itself at the top).
SELECT l.code, l.name, l.level, l.unit_type, COALESCE(parent.name, l.name) AS parent_name
FROM localities l
JOIN unit_tree t ON t.unit_id = l.id
LEFT JOIN localities parent ON parent.id = t.parent_unit_id
WHERE l.code = @locality
