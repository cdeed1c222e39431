-- Each measured indicator (indicator_values) against its target (report_targets), judged on exactly
-- the value printed: a rate is rounded once, to tenths of a percent, as a whole number of tenths
-- (actual_tenths), and compared with the target in tenths; a value on the target line is achieved.
-- A count is compared as it is. A rate over nothing (denominator 0) is not judged.
-- Columns: indicator, group_code, position, unit, numerator, denominator, actual (printed value), target, status.
SELECT x.indicator, x.group_code, x.position, t.unit, x.numerator, x.denominator,
       x.actual_tenths / 10.0 AS actual,
       t.target_value AS target,
       CASE WHEN x.actual_tenths >= CAST(ROUND(CAST(t.target_value AS NUMERIC) * 10) AS INTEGER) THEN 'achieved' ELSE 'not_achieved' END AS status
FROM (
    SELECT v.indicator, v.group_code, v.position, v.numerator, v.denominator,
           CASE WHEN v.denominator IS NULL THEN v.numerator * 10
                WHEN v.denominator = 0 THEN NULL
                ELSE CAST(ROUND(1000.0 * v.numerator / v.denominator) AS INTEGER)
           END AS actual_tenths
    FROM indicator_values v
) x
JOIN report_targets t ON t.indicator = x.indicator
WHERE x.actual_tenths IS NOT NULL
