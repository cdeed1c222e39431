-- The yearly counts the resolution asks for, measured over the assessment year: supervision and
-- social-criticism contents, thematic dialogues.
SELECT indicator, numerator AS actual, target, status
FROM judgements
WHERE group_code IS NULL AND denominator IS NULL
ORDER BY position
