-- The tree of units valid on @as_of: each valid unit with its parent on @as_of, which is the unit its
-- parent_id stands for (see locality_units). After the 2025 reform a commune whose district was
-- abolished sits directly under the province, and a merged province's units under its successor.
-- Columns: unit_id, parent_unit_id (NULL at the top).
SELECT u.id AS unit_id, p.unit_id AS parent_unit_id
FROM locality_units u
JOIN localities l ON l.id = u.id
LEFT JOIN locality_units p ON p.id = l.parent_id
WHERE u.unit_id = u.id
