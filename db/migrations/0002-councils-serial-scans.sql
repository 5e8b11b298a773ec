-- Measured on the federation benchmark (docs/benchmarks.md, "## federation"): once council rows have
-- been rewritten by membership counts (non-HOT updates: direct_members is carried in councils_path),
-- the planner chose a parallel sequential scan for the national roll-up, and waiting for two workers
-- to start made it 2-4 times slower than one serial scan on a busy two-core server. Every query on
-- councils is a short lookup or one path range, so scans of this table stay serial.
alter table councils set (parallel_workers = 0);
