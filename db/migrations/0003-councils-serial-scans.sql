-- Replaces 0002. Measured on the federation benchmark (docs/benchmarks.md, "## federation"): once
-- council rows have been rewritten by membership counts (non-HOT updates, direct_members being
-- indexed) the partial index is nearly as large as councils_path, and the planner still chose a
-- parallel sequential scan for the national roll-up; waiting for two workers to start made it 2-4
-- times slower than one serial scan on a busy two-core server. Every query on councils is a short
-- lookup or one path range, so scans of this table stay serial, and the extra index only cost writes.
drop index councils_live_rollup;
alter table councils set (parallel_workers = 0);
