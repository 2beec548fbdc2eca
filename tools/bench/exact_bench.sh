#!/bin/sh
# Memoized, sampled and exact DMA timing (`dma.mode`; exact: every byte of
# every DMA transfer over the TLM NoC/HBM) on the two traces small enough
# for exact, and the membench speed row (1M random 64-B reads over the
# V80's 32 PCs). Prints CPU time (user + sys, from /usr/bin/time: the box
# is shared, wall time says little) and the simulated cycles.
#
# usage: tools/bench/exact_bench.sh [BUILD_DIR]      (default: build)
set -eu
cd "$(dirname "$0")/../.."
BIN="$(pwd)/${1:-build}/vgmsim"
[ -x "$BIN" ] || { echo "error: $BIN not found; build first" >&2; exit 2; }
W="${BENCH_DIR:-/tmp/vgmsim-exact-bench}"
mkdir -p "$W"
"$BIN" trace dit-xl-2 --resolution 256 --steps 2 -o "$W/dit2.vgmt" >/dev/null
"$BIN" trace stdit3-xl-2 --resolution 240p --frames 17 --steps 1 \
    --sparsity stat:traces/profiles/opensora12_240p_64f.json -o "$W/stdit17_1.vgmt" >/dev/null

timed() {  # name command...
    name=$1
    shift
    /usr/bin/time -f "$name: %U s user + %S s sys, %e s wall, %M KB" "$@" >"$W/$name.log" 2>"$W/$name.time" ||
        { cat "$W/$name.time"; exit 1; }
    tail -1 "$W/$name.time"
}
for t in dit2 stdit17_1; do
    for m in memoized sampled exact; do  # sampled: dma.sample_every_blocks = 4 (default)
        timed "${m}_$t" "$BIN" run -q -c configs/flightvgm_v80.json -t "$W/$t.vgmt" --set dma.mode=$m \
            --out "$W/${m}_$t" --force
        python3 -c "import json,sys; r=json.load(open(sys.argv[1])); s=r['stats']['memory'].get('sampling'); \
print('  cycles', r['cycles']['total'], 'memory_stall', r['cycles']['memory_stall'], \
      '' if s is None else 'sampled %.1f %% in %d windows, reuse error %.3f %%' % (s['sampled_share'], s['windows'], s['reuse_error']))" \
            "$W/${m}_$t/report.json"
    done
done
timed membench_random_1m "$BIN" membench -c configs/membench_v80.json --pattern random --op read --bytes 64 \
    --requests 1000000 --initiators 8 --outstanding 32 --out "$W/membench"
