-- The area of the report for @locality on @as_of: every locality, valid or not, whose unit on
-- @as_of is @locality or below it. Organisations and guiding documents registered at any of them
-- count in the report. The same area is used for earlier dates (year-on-year is like for like).
-- Columns: locality_id, unit_id (its unit on @as_of), top_id (see area_units),
--          is_own (1 when it stands for @locality itself: @locality, or an abolished unit that now answers to it).
SELECT u.id AS locality_id, a.unit_id, a.top_id, CASE WHEN a.depth = 0 THEN 1 ELSE 0 END AS is_own
FROM area_units a
JOIN locality_units u ON u.unit_id = a.unit_id
