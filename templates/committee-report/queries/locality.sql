-- The district or commune the report is for.
SELECT code, name, level FROM localities WHERE code = @locality
