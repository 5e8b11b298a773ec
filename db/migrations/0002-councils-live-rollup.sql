-- Rolled-up counts (rollUp, treeWithRollUps) read live councils only. A covering index of just those
-- rows, without dissolved_at, stays small enough that the planner keeps the national roll-up on one
-- serial index-only scan; with councils_path alone, once council rows have been rewritten by
-- membership counts (every such update is non-HOT: direct_members is indexed), it chooses a parallel
-- sequential scan of the whole table, several times slower on a busy two-core server
-- (docs/benchmarks.md, "## federation").
create index councils_live_rollup on councils (path) include (direct_members) where dissolved_at is null;
