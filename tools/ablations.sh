#!/bin/sh
# Fusion switches and scheduling policies on the default video, one run each,
# then one `vgmsim compare --markdown` table of all of them against the default
# (models/README.md). Runs are kept (without per-layer rows in report.json) in
# $OUT/<name>; `tools/plot_compare.py $OUT/default $OUT/...` charts them.
# Usage: sh tools/ablations.sh [build/vgmsim] [trace]
set -eu
BIN=${1:-build/vgmsim}
T=${2:-traces/generated/stdit3-xl-2_240p_64f_measured_p0.vgmt}
C=configs/flightvgm_v80.json
OUT=${OUT:-out/ablations}
mkdir -p "$OUT"
dirs=""
run() {
    name=$1; shift
    "$BIN" run -q --no-layers --force -c "$C" -t "$T" --out "$OUT/$name" "$@"
    dirs="$dirs $OUT/$name"
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
run count_balance --set scheduler.work_balance=false
run dynamic_count_balance --set scheduler.policy=dynamic --set scheduler.work_balance=false
run no_lookahead --set scheduler.lookahead=false
run queue_depth_0 --set scheduler.queue_depth=0
run sfu_64_lanes --set sfu.elements_per_cycle=64
run sfu_64_lanes_count_balance --set sfu.elements_per_cycle=64 --set scheduler.work_balance=false
# shellcheck disable=SC2086  # word splitting of the folder list is intended
"$BIN" compare --markdown $dirs --metric cycles.total --metric latency_s --metric energy_j --metric average_power_w \
    --metric stats.machine.bound_busy_share --metric busy.sfu --metric busy.dspe0 --metric macs.skipped
