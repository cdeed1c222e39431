-- 0014: several workers on one database (PostgreSQL). Two workers may both decide to redo the same
-- run (a worker declared dead while it was only slow, a Quartz recovery and a sweep at the same moment):
-- these indexes let only one of them record it, whichever commits first; the other's INSERT fails and it
-- leaves the run to the winner. (A schedule's burst is already one row per firing: UNIQUE (schedule_id,
-- scheduled_for) on bursts since 0003, and one run per committee: burst_runs' key (burst_id, committee_id).)

-- An interrupted run is done again at most once: by one recovery run pointing back at it.
CREATE UNIQUE INDEX ux_runs_recovers_run_id ON runs(recovers_run_id) WHERE recovers_run_id IS NOT NULL;

-- A single scheduled report's firing has one first run; its recoveries are told apart by the index above.
CREATE UNIQUE INDEX ux_runs_schedule_firing ON runs(schedule_id, scheduled_for) WHERE schedule_id IS NOT NULL AND recovers_run_id IS NULL;
