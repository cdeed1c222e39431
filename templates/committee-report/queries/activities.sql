-- The organisations' activities in the area in the assessment year, by kind (label is the kind; strings translate it).
SELECT kind AS label, COUNT(*) AS count
FROM area_activities
WHERE this_year = 1 AND organization_id IS NOT NULL
GROUP BY kind
ORDER BY count DESC, label
