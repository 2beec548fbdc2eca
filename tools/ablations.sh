#!/bin/sh
# Fusion switches and scheduling policies on the default video, one run each:
# prints name, total cycles and the busiest unit's busy share (models/README.md).
# Usage: sh tools/ablations.sh [build/vgmsim] [trace]
set -eu
BIN=${1:-build/vgmsim}
T=${2:-traces/generated/stdit3-xl-2_240p_64f_measured_p0.vgmt}
C=configs/flightvgm_v80.json
OUT=${OUT:-out/ablations}
mkdir -p "$OUT"
run() {
    name=$1; shift
    "$BIN" run -q -c "$C" -t "$T" --out "$OUT/$name" "$@" >/dev/null
    /usr/bin/python3 -c "import json,sys; r=json.load(open(sys.argv[1])); \
print(sys.argv[2], r['cycles']['total'], r['bound_unit'], round(r['stats']['machine']['bound_busy_share'], 3))" \
        "$OUT/$name/report.json" "$name"
}
F=scheduler.fusion
run default
run no_prologue --set $F.prologue=false
run no_epilogue --set $F.epilogue=false
run no_online_softmax --set $F.online_softmax=false
run no_qk_norm --set $F.qk_norm=false
run no_fusion --set $F.prologue=false --set $F.epilogue=false --set $F.online_softmax=false --set $F.qk_norm=false
run static --set scheduler.policy=static
run dynamic --set scheduler.policy=dynamic
run no_lookahead --set scheduler.lookahead=false
run queue_depth_0 --set scheduler.queue_depth=0
run sfu_64_lanes --set sfu.elements_per_cycle=64
