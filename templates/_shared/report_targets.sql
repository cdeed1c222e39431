-- The targets set for @locality for a period covering @year, each with the resolution that set it
-- (its own full name, number and date) and the period.
-- Columns: indicator, target_value, unit, resolution, resolution_number, resolution_date, period_from, period_to.
SELECT t.indicator, t.target_value, t.unit, t.resolution, t.resolution_number, t.resolution_date, t.period_from, t.period_to
FROM targets t
JOIN localities l ON l.id = t.locality_id
WHERE l.code = @locality AND @year BETWEEN t.period_from AND t.period_to
