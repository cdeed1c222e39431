-- The district or commune the report is for (a unit valid on @as_of).
SELECT l.code, l.name, l.level
FROM localities l
JOIN area_units a ON a.unit_id = l.id AND a.depth = 0
WHERE l.code = @locality
