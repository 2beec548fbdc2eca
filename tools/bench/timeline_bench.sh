#!/bin/sh
# Timeline of the full default video at the default level: wall time, file
# size (must stay under 100 MB so Perfetto opens it) and the Chrome trace
# event format check (tools/check_timeline.py, which also enforces the size).
# A bench, not a CI test: the full video is too slow for CI (the format
# itself is checked in CI on a tiny video, tests/cli/run_outputs_test.cpp).
# Usage: sh tools/bench/timeline_bench.sh [build/vgmsim]
set -eu
BIN=${1:-build/vgmsim}
T=traces/generated/stdit3-xl-2_240p_64f_measured_p0.vgmt
[ -f "$T" ] || { echo "error: $T missing; run sh tools/make_traces.sh $BIN" >&2; exit 2; }
out=/tmp/vgmsim-bench-timeline
mkdir -p "$out"
/usr/bin/time -f "run with --timeline: %e s wall, %M KB peak RSS" \
    "$BIN" run -q --no-layers --force -c configs/flightvgm_v80.json -t "$T" --out "$out" --timeline "$out/timeline.json"
ls -l "$out/timeline.json" | awk '{printf "timeline.json: %.1f MB\n", $5 / 1e6}'
/usr/bin/python3 "$(dirname "$0")/../check_timeline.py" "$out/timeline.json" --max-mb 100
