#!/bin/sh
# Memory benchmark: the issue-5 speed target (1M random 64-B reads over the
# V80's 32 pseudo-channels in under 5 s wall) plus sequential vs random on the
# V80 and the DRAMSys HBM2 configs. Prints each summary line and its wall time.
#
# usage: tools/bench/membench.sh [BUILD_DIR]      (default: build)
#   N=1000000      requests per run
#   INIT=16 OUT=64 initiators (NoC masters) and outstanding requests per initiator
set -eu
cd "$(dirname "$0")/../.."
BIN="$(pwd)/${1:-build}/vgmsim"
N="${N:-1000000}"
INIT="${INIT:-16}"
OUT="${OUT:-64}"
[ -x "$BIN" ] || { echo "error: $BIN not found; build first" >&2; exit 2; }
W="${BENCH_DIR:-out/bench/membench}"
mkdir -p "$W"

run() {  # name config pattern [extra args...]
    name=$1 cfg=$2 pat=$3
    shift 3
    start=$(date +%s.%N)
    "$BIN" membench --config "$cfg" --pattern "$pat" --op read --requests "$N" --bytes 64 \
        --outstanding "$OUT" --initiators "$INIT" --out "$W/$name" "$@"
    end=$(date +%s.%N)
    echo "  wall $(echo "$end - $start" | bc) s"
}

run v80_random configs/membench_v80.json random
run v80_seq configs/membench_v80.json seq
run dramsys_random configs/dramsys_hbm2.json random
run dramsys_seq configs/dramsys_hbm2.json seq
