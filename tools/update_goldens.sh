#!/bin/sh
# Regenerates the golden traces and reports under tests/golden/ on purpose,
# printing what moved. Commit the result together with the change that moved
# the numbers, and say why in the commit message.
#
# usage: tools/update_goldens.sh [BUILD_DIR]     (default: build)
set -eu
cd "$(dirname "$0")/.."
BIN="${1:-build}/vgmsim"
[ -x "$BIN" ] || { echo "error: $BIN not found; build first (cmake --build ${1:-build})" >&2; exit 2; }
G=tests/golden/traces
mkdir -p "$G"
# Small GEMMs, including ragged edges (sizes not multiples of 32).
"$BIN" trace gemm --m 64 --n 32 --k 128 --precision int8 -o "$G/gemm_64x32x128_int8.vgmt"
"$BIN" trace gemm --m 100 --n 60 --k 50 --precision fp16 -o "$G/gemm_100x60x50_fp16.vgmt"
"$BIN" trace gemm --m 256 --n 96 --k 72 --precision int8 -o "$G/gemm_256x96x72_int8.vgmt"
# A 2-step DiT-XL/2 256 trace: every operator kind, a few seconds at most.
"$BIN" trace dit-xl-2 --resolution 256 --steps 2 -o "$G/dit-xl-2_256_2steps.vgmt"
# One STDiT3 step with the shipped statistical sparsity: SU, RU, ZSS, look-ahead.
"$BIN" trace stdit3-xl-2 --resolution 240p --frames 17 --steps 1 \
    --sparsity stat:traces/profiles/opensora12_240p_64f.json -o "$G/stdit3-xl-2_240p_17f_1step_stat.vgmt"
"$BIN" check --golden tests/golden --update
