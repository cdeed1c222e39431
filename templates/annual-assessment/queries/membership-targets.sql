-- Membership rate of each socio-political organisation (members / eligible population) in @year
-- against the rate its resolution sets for the period covering @year.
SELECT e.group_code,
       e.member_count AS members,
       e.eligible_count AS eligible,
       ROUND(100.0 * e.member_count / e.eligible_count, 1) AS rate,
       t.target_value AS target,
       CASE WHEN 100.0 * e.member_count / e.eligible_count >= t.target_value THEN 'achieved' ELSE 'not_achieved' END AS status
FROM eligible_populations e
JOIN localities l ON l.id = e.locality_id
JOIN targets t ON t.locality_id = e.locality_id
              AND t.indicator = 'membership_rate:' || e.group_code
              AND @year BETWEEN t.period_from AND t.period_to
WHERE l.code = @locality AND e.year = @year
ORDER BY CASE e.group_code WHEN 'farmers' THEN 1 WHEN 'veterans' THEN 2 WHEN 'women' THEN 3 WHEN 'workers' THEN 4 ELSE 5 END
