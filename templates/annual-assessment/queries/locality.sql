-- The locality the report is about, and the province it belongs to.
SELECT l.code, l.name, l.level, l.unit_type,
       COALESCE(parent.name, l.name) AS parent_name
FROM localities l
LEFT JOIN localities parent ON parent.id = l.parent_id
WHERE l.code = @locality
