-- The activities of the report's area in the assessment year (@previous_as_of, @as_of] and in the
-- previous one (@previous_window_start, @previous_as_of], where @previous_window_start is
-- @previous_as_of one year earlier (the engine provides it). An organisation's activity belongs
-- where the organisation is registered, whatever locality the row names; a guiding document of a
-- Party committee (no organisation) belongs to its own locality.
-- Columns: id, organization_id, kind, value_vnd, held_on, unit_id, top_id, is_own,
--          this_year (1 in the assessment year), previous_year (1 in the year before).
SELECT act.id, act.organization_id, act.kind, act.value_vnd, act.held_on, a.unit_id, a.top_id, a.is_own,
       CASE WHEN act.held_on > @previous_as_of THEN 1 ELSE 0 END AS this_year,
       CASE WHEN act.held_on <= @previous_as_of THEN 1 ELSE 0 END AS previous_year
FROM activities act
LEFT JOIN organizations o ON o.id = act.organization_id
JOIN report_area a ON a.locality_id = COALESCE(o.locality_id, act.locality_id)
WHERE act.held_on > @previous_window_start AND act.held_on <= @as_of
