-- What the report measures against targets: a rate as numerator / denominator, a count as the
-- numerator alone (denominator NULL). Membership rates of the socio-political organisations (members
-- over the eligible population of @locality in @year); supervision and social-criticism contents and
-- thematic dialogues in the assessment year; the communes of the area whose Party committee issued a
-- guiding document in the assessment year, over the area's communes on @as_of.
-- Columns: indicator, group_code (membership rates only), position, numerator, denominator.
SELECT 'membership_rate:' || e.group_code AS indicator, e.group_code,
       CASE e.group_code WHEN 'farmers' THEN 1 WHEN 'veterans' THEN 2 WHEN 'women' THEN 3 WHEN 'workers' THEN 4 ELSE 5 END AS position,
       e.member_count AS numerator, e.eligible_count AS denominator
FROM eligible_populations e
JOIN localities l ON l.id = e.locality_id
WHERE l.code = @locality AND e.year = @year
UNION ALL
SELECT 'supervision_contents_min', NULL, 11,
       (SELECT COUNT(*) FROM area_activities WHERE this_year = 1 AND kind = 'supervision'), NULL
UNION ALL
SELECT 'social_criticism_contents_min', NULL, 12,
       (SELECT COUNT(*) FROM area_activities WHERE this_year = 1 AND kind = 'social_criticism'), NULL
UNION ALL
SELECT 'thematic_dialogues_min', NULL, 13,
       (SELECT COUNT(*) FROM area_activities WHERE this_year = 1 AND kind = 'dialogue'), NULL
UNION ALL
SELECT 'guiding_documents_rate', NULL, 14,
       (SELECT COUNT(DISTINCT y.unit_id) FROM area_activities y JOIN localities u ON u.id = y.unit_id
        WHERE y.this_year = 1 AND y.kind = 'guiding_document' AND u.level = 'commune'),
       (SELECT COUNT(*) FROM area_units a JOIN localities u ON u.id = a.unit_id WHERE u.level = 'commune')
