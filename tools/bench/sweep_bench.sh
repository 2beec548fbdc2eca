#!/bin/sh
# Sweep throughput: a 64-point sweep (4 clocks x 4 SU lane counts x 4 ZSS
# tile heights) of DiT-XL/2 256 on the FlightVGM V80 config, both cores.
# Prints wall time and points per minute; nothing here is asserted.
#
# usage: tools/bench/sweep_bench.sh [BUILD_DIR]      (default: build)
#   STEPS=50  denoising steps of the DiT-XL/2 256 trace (smaller for a quick look)
#   JOBS=2    points at a time
#   CONFIG=configs/flightvgm_v80.json
set -eu
cd "$(dirname "$0")/../.."
BIN="$(pwd)/${1:-build}/vgmsim"
STEPS="${STEPS:-50}"
JOBS="${JOBS:-2}"
CONFIG="$(pwd)/${CONFIG:-configs/flightvgm_v80.json}"
[ -x "$BIN" ] || { echo "error: $BIN not found; build first" >&2; exit 2; }
W="${BENCH_DIR:-out/bench/sweep}"
rm -rf "$W"
mkdir -p "$W"
W="$(cd "$W" && pwd)"
TRACE="$W/dit-xl-2_256_${STEPS}steps.vgmt"
"$BIN" trace dit-xl-2 --resolution 256 --steps "$STEPS" -o "$TRACE" >/dev/null
cat >"$W/spec.json" <<JSON
{
  "name": "bench64",
  "base_config": "$CONFIG",
  "traces": ["$TRACE"],
  "axes": [
    {"path": "clock.fabric_mhz", "values": [200, 250, 300, 350]},
    {"path": "sparsity.su.lanes", "values": [16, 32, 64, 128]},
    {"path": "scheduler.tile_rows", "values": [32, 64, 128, 256]}
  ]
}
JSON
start=$(date +%s.%N)
"$BIN" sweep --spec "$W/spec.json" --jobs "$JOBS" --out "$W/out"
end=$(date +%s.%N)
python3 - "$start" "$end" "$W/out/results.json" "$STEPS" "$JOBS" <<'PY'
import json, sys
start, end, path, steps, jobs = float(sys.argv[1]), float(sys.argv[2]), sys.argv[3], sys.argv[4], sys.argv[5]
r = json.load(open(path))
n = len(r["points"])
wall = end - start
print("sweep bench: %d points (%s ok), DiT-XL/2 256 %s steps, %s jobs: %.1f s wall, %.2f points/min"
      % (n, r["counts"]["ok"], steps, jobs, wall, n / wall * 60))
PY
