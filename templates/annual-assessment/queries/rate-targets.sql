-- The rates the resolution asks for besides membership: the share of the area's communes whose
-- Party committee issued a guiding document in the assessment year (see judgements).
SELECT indicator, numerator AS units_with, denominator AS units, actual AS rate, target, status
FROM judgements
WHERE group_code IS NULL AND denominator IS NOT NULL
ORDER BY position
