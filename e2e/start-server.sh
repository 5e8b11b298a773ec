#!/bin/sh
# Starts Cabildo for the browser tests on a fresh temporary data directory (so the demo federation
# is seeded anew) and deletes that directory once the server has stopped. Playwright ends the run
# by sending SIGTERM to the whole process group: the server closes its database, then we clean up.
set -u
data_dir=$(mktemp -d "${TMPDIR:-/tmp}/cabildo-e2e-XXXXXX")
server=""
cleanup() {
  [ -n "$server" ] && wait "$server"
  rm -rf "$data_dir"
  exit 0
}
trap cleanup TERM INT
CABILDO_DATA_DIR="$data_dir" npm start &
server=$!
wait "$server"
status=$?
rm -rf "$data_dir"
exit "$status"
