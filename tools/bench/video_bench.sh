#!/bin/sh
# Wall time and peak memory of whole-video runs on the concurrent machine
# (best of N runs; this VM's timings vary by +-15% from run to run).
# Usage: sh tools/bench/video_bench.sh [build/vgmsim] [runs]
set -eu
BIN=${1:-build/vgmsim}
N=${2:-3}
bench() {
    name=$1; cfg=$2; trace=$3
    best=""; mem=""
    for i in $(seq "$N"); do
        out=$( { /usr/bin/time -f "%e %M" "$BIN" run -q -c "$cfg" -t "$trace" --out "/tmp/vgmsim-bench-$name" >/dev/null; } 2>&1 | tail -1)
        t=${out% *}; m=${out#* }
        if [ -z "$best" ] || awk -v a="$t" -v b="$best" "BEGIN{exit !(a < b)}"; then best=$t; mem=$m; fi
    done
    ev=$(/usr/bin/python3 -c "import json; m=json.load(open('/tmp/vgmsim-bench-$name/report.json'))['stats']['machine']; print(m['commands'], m['zss_wakeups'])")
    echo "$name: best of $N ${best} s, ${mem} KB peak RSS, commands/wake-ups $ev"
}
bench stdit3_video configs/flightvgm_v80.json traces/generated/stdit3-xl-2_240p_64f_measured_p0.vgmt
if [ ! -f /tmp/vgmsim-bench-dit50.vgmt ]; then
    "$BIN" trace dit-xl-2 --resolution 256 --steps 50 -o /tmp/vgmsim-bench-dit50.vgmt >/dev/null
fi
bench dit_xl2_256_50steps configs/flightvgm_v80.json /tmp/vgmsim-bench-dit50.vgmt
