-- 0006: a committee's run records the locality its queries are confined to, so whoever executes it
-- (the burst, a serving worker, a recovered firing) reads only that area; its template_version is
-- set when it is queued, and a run whose template changed since is refused.
ALTER TABLE runs ADD COLUMN confined_to TEXT;
