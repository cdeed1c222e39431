-- Every organisation registered in the report's area, with whether it is active on @as_of and on
-- @previous_as_of. Active on D: founded_on <= D AND (dissolved_on IS NULL OR dissolved_on > D).
-- Columns: id, code, name, scope, kind, locality_id, unit_id, top_id, is_own, active_now, active_before.
SELECT o.id, o.code, o.name, o.scope, o.kind, o.locality_id, a.unit_id, a.top_id, a.is_own,
       CASE WHEN o.founded_on <= @as_of AND (o.dissolved_on IS NULL OR o.dissolved_on > @as_of) THEN 1 ELSE 0 END AS active_now,
       CASE WHEN o.founded_on <= @previous_as_of AND (o.dissolved_on IS NULL OR o.dissolved_on > @previous_as_of) THEN 1 ELSE 0 END AS active_before
FROM organizations o
JOIN report_area a ON a.locality_id = o.locality_id
