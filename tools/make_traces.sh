#!/bin/sh
# Generates the shipped workload traces (traces/README.md). Deterministic: the
# committed ones come out byte-identical; the large measured-sparsity trace is
# written to traces/generated/ (not committed).
#   usage: tools/make_traces.sh [path/to/vgmsim]     (default: build/vgmsim)
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
vgmsim=${1:-${VGMSIM:-$root/build/vgmsim}}
[ -x "$vgmsim" ] || { echo "error: $vgmsim not built; run cmake --build build first" >&2; exit 2; }
t=$root/traces
log=$t/reference/fvgm_opensora12_sparsity.txt
gen() { out=$1; shift; "$vgmsim" trace "$@" -o "$out"; }

gen "$t/tiny/gemm_64x128x32_int8.vgmt" gemm --m 64 --k 128 --n 32 --precision int8
gen "$t/tiny/gemm_128x72x128_fp16.vgmt" gemm --m 128 --k 72 --n 128 --precision fp16
# Carried activations (3 frames x 256 tokens, d = 64): the SU detects online, so its threshold matters.
gen "$t/tiny/gemm_768x64x256_qkv_acts.vgmt" gemm --m 768 --k 64 --n 256 --precision int8 --role qkv \
    --activations random:1:0.81 --act-frames 3
gen "$t/tiny/dit-xl-2_256_2steps.vgmt" dit-xl-2 --resolution 256 --steps 2 --cfg off
gen "$t/tiny/stdit3-xl-2_240p_17f_2steps_stat.vgmt" stdit3-xl-2 --frames 17 --steps 2 \
    --sparsity "stat:$t/profiles/opensora12_240p_64f.json"
gen "$t/dit-xl-2_256.vgmt" dit-xl-2 --resolution 256
gen "$t/dit-xl-2_16x256.vgmt" dit-xl-2 --resolution 256 --frames 16
gen "$t/latte-xl-2_16x256.vgmt" latte-xl-2 --resolution 256 --frames 16
gen "$t/stdit3-xl-2_240p_64f_dense.vgmt" stdit3-xl-2 --resolution 240p --frames 64
gen "$t/stdit3-xl-2_240p_64f_stat.vgmt" stdit3-xl-2 --resolution 240p --frames 64 \
    --sparsity "stat:$t/profiles/opensora12_240p_64f.json"
gen "$t/generated/stdit3-xl-2_240p_64f_measured_p0.vgmt" stdit3-xl-2 --resolution 240p --frames 64 \
    --sparsity "measured:$log" --prompt 0 --seed 0
