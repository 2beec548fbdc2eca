#!/bin/sh
# Compute benchmark: wall time of `vgmsim run` for one GEMM on the SCALE-Sim
# 32x32 configs (ideal memory). Usage: tools/bench/gemm_bench.sh [BUILD_DIR] [M N K]
set -e
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
BUILD=${1:-$ROOT/build}
M=${2:-1024}; N=${3:-1024}; K=${4:-1024}
VGMSIM=$BUILD/vgmsim
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
"$VGMSIM" trace gemm --m "$M" --n "$N" --k "$K" -o "$TMP/g.json" > /dev/null
for df in os ws is; do
  start=$(date +%s.%N)
  "$VGMSIM" run -q --config "$ROOT/configs/scalesim/${df}_32x32.json" --trace "$TMP/g.json" -o "$TMP/out-$df"
  end=$(date +%s.%N)
  cycles=$(python3 -c "import json,sys; print(json.load(open(sys.argv[1]))['cycles']['total'])" "$TMP/out-$df/report.json")
  printf '%s %sx%sx%s: cycles.total %s, wall %.3f s\n' "$df" "$M" "$N" "$K" "$cycles" "$(echo "$end - $start" | bc)"
done
