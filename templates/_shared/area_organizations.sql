-- Every organisation registered in the report's area, with whether it is active on @as_of and on
-- @previous_as_of. Active on D: founded_on <= D AND (dissolved_on IS NULL OR dissolved_on > D).
-- CROSS JOIN keeps SQLite's join order (the area first, then organisations by locality through
-- their index); PostgreSQL plans it as any join.
-- Columns: id, code, name, scope, kind, locality_id, unit_id, top_id, is_own, active_now, active_before.
SELECT o.id, o.code, o.name, o.scope, o.kind, o.locality_id, a.unit_id, a.top_id, a.is_own,
       CASE WHEN o.founded_on <= @as_of AND (o.dissolved_on IS NULL OR o.dissolved_on > @as_of) THEN 1 ELSE 0 END AS active_now,
       CASE WHEN o.founded_on <= @previous_as_of AND (o.dissolved_on IS NULL OR o.dissolved_on > @previous_as_of) THEN 1 ELSE 0 END AS active_before
FROM report_area a
CROSS JOIN organizations o
WHERE o.locality_id = a.locality_id
