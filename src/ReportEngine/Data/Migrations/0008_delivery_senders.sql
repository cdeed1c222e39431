-- 0006: sender liveness by heartbeat. Each sender (the worker's, a `deliveries send`, a burst's) draws a
-- random id when it starts and writes its heartbeat here while it lives; deliveries.claimed_by holds
-- that id. A claim is taken over only when its sender's heartbeat is older than Delivery:ClaimTimeout,
-- never because of a process id or a host name (both repeat across containers and restarts).
CREATE TABLE delivery_senders (
    id                  TEXT    PRIMARY KEY,                -- random, one per sender start
    host                TEXT    NOT NULL,                   -- for people reading the table: machine name
    process_id          INTEGER NOT NULL,                   -- and process id, never used to judge liveness
    started_at          TEXT    NOT NULL,
    heartbeat_at        TEXT    NOT NULL
);
