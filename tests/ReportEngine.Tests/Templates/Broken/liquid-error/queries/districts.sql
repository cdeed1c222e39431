SELECT l.code, l.name FROM localities l JOIN localities p ON p.id = l.parent_id WHERE p.code = @locality
