-- The units of the report's area on @as_of: @locality and every unit valid then below it.
-- top_id is the unit directly under @locality a unit lies in (the report's "by unit" rows), or
-- @locality itself for @locality; depth is 0 for @locality, 1 for the units directly under it.
SELECT a.unit_id, a.top_id, a.unit_depth AS depth
FROM report_area a
WHERE a.locality_id = a.unit_id
