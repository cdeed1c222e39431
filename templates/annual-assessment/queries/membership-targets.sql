-- Membership rate of each socio-political organisation in @year against its target (see judgements:
-- rounded once, judged on the printed value).
SELECT group_code, numerator AS members, denominator AS eligible, actual AS rate, target, status
FROM judgements
WHERE group_code IS NOT NULL
ORDER BY position
