-- The resolutions that set the targets for @locality covering @year, cited in the report's words.
SELECT DISTINCT resolution, resolution_number, resolution_date, period_from, period_to
FROM report_targets
ORDER BY period_from, resolution
