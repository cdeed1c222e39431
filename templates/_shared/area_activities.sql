-- The activities of the report's area in the assessment year (@previous_as_of, @as_of] and in the
-- previous one (@previous_window_start, @previous_as_of], where @previous_window_start is
-- @previous_as_of one year earlier (the engine provides it). An organisation's activity belongs
-- where the organisation is registered, whatever locality the row names; a guiding document of a
-- Party committee (no organisation) belongs to its own locality. Read from the area outwards
-- (CROSS JOIN keeps SQLite's order; indexes on activities(organization_id) and (locality_id, held_on)).
-- Columns: id, organization_id, kind, value_vnd, held_on, unit_id, top_id, is_own,
--          this_year (1 in the assessment year), previous_year (1 in the year before).
SELECT act.id, act.organization_id, act.kind, act.value_vnd, act.held_on, o.unit_id, o.top_id, o.is_own,
       CASE WHEN act.held_on > @previous_as_of THEN 1 ELSE 0 END AS this_year,
       CASE WHEN act.held_on <= @previous_as_of THEN 1 ELSE 0 END AS previous_year
FROM area_organizations o
CROSS JOIN activities act
WHERE act.organization_id = o.id AND act.held_on > @previous_window_start AND act.held_on <= @as_of
UNION ALL
SELECT act.id, act.organization_id, act.kind, act.value_vnd, act.held_on, a.unit_id, a.top_id, a.is_own,
       CASE WHEN act.held_on > @previous_as_of THEN 1 ELSE 0 END,
       CASE WHEN act.held_on <= @previous_as_of THEN 1 ELSE 0 END
FROM report_area a
CROSS JOIN activities act
WHERE act.locality_id = a.locality_id AND act.organization_id IS NULL
  AND act.held_on > @previous_window_start AND act.held_on <= @as_of
