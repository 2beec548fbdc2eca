#!/usr/bin/env bash
# Builds the libFuzzer harnesses (tests/fuzz) with clang into build-fuzz/ and
# runs each on a seed corpus made from the shipped files plus the kept
# crashers in tests/fuzz/regressions/<harness>/.
#   tools/fuzz.sh [SECONDS]        fuzz each harness SECONDS (default 60), one after another
#   tools/fuzz.sh --runs N         CI: replay the regressions, then N runs of each harness
#   FUZZERS="fuzz_trace fuzz_json" tools/fuzz.sh 600      only some harnesses
# A finding is written to build-fuzz/findings/<harness>/; copy it into
# tests/fuzz/regressions/<harness>/ once fixed. Exit status 1 on any finding.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
mode=time seconds=60 runs=0
if [ "${1:-}" = "--runs" ]; then mode=runs runs=${2:?--runs N}; elif [ -n "${1:-}" ]; then seconds=$1; fi
cxx=${FUZZ_CXX:-$(command -v clang++-14 || command -v clang++ || true)}
[ -n "$cxx" ] || { echo "error: clang++ not found; apt-get install clang-14 libfuzzer-14-dev" >&2; exit 2; }
bd=$root/build-fuzz
if [ ! -f "$bd/CMakeCache.txt" ]; then
    CXX=$cxx cmake -S . -B "$bd" -DCMAKE_BUILD_TYPE=Release -DCMAKE_CXX_FLAGS_RELEASE="-O1 -g1" \
        -DVGMSIM_FUZZ=ON -DVGMSIM_TESTS=OFF >/dev/null
fi
cmake --build "$bd" -j"${JOBS:-2}" --target fuzzers >/dev/null

# Seed corpora from the shipped files (rebuilt every time: cheap, always current).
corpus=$bd/corpus
rm -rf "$corpus"
python3 - "$root" "$corpus" <<'PY'
import glob, os, sys
root, out = sys.argv[1], sys.argv[2]
SEP = b"\n@@@\n"
def put(h, name, data):
    os.makedirs(os.path.join(out, h), exist_ok=True)
    open(os.path.join(out, h, name), "wb").write(data)
def rd(p): return open(p, "rb").read()
def files(*pats): return sorted(f for p in pats for f in glob.glob(os.path.join(root, p), recursive=True))
jsons = files("configs/*.json", "configs/*/*.json", "configs/sweeps/*.json", "tests/golden/manifest.json",
              "traces/profiles/*.json", "tests/unit/data/config/*.json", "tests/unit/data/config/sub/*.json")
for f in jsons: put("fuzz_json", os.path.basename(f), rd(f))
for f in files("configs/*.json", "tests/unit/data/config/*.json"):
    put("fuzz_config", os.path.basename(f), rd(f) + SEP + b"{}" + SEP + b"clock.fabric_mhz=250\ndsp.groups.0.rows=64")
put("fuzz_config", "with_sub", b'{"clock": "sub.json"}' + SEP + b'{"fabric_mhz": 250}' + SEP + b"name=x")
# Small traces only: a full video takes seconds to expand under ASan (a legit slow input, not a finding).
for f in files("traces/tiny/*.vgmt", "tests/golden/traces/*.vgmt", "tests/fuzz/seeds/*.vgmt"):
    b = rd(f); nl = b.index(b"\n"); head = b[:nl].decode().split()
    sizes = {k: int(v) for k, v in (t.split("=", 1) for t in head[2:] if "=" in t and not t.startswith("hash="))}
    j = b[nl + 1: nl + 1 + sizes["json"]]; s = b[nl + 1 + sizes["json"]: nl + 1 + sizes["json"] + sizes["skip"]]
    a = b[nl + 1 + sizes["json"] + sizes["skip"]:]
    n = os.path.basename(f)
    put("fuzz_trace", n + ".raw", b"\x00" + b)
    put("fuzz_trace", n + ".sealed", b"\x01" + j + SEP + s + (SEP + a if a else b""))
for f in files("traces/reference/*.txt"):
    for sel in (0, 3): put("fuzz_sparsity", "measured%d" % sel, bytes([sel]) + rd(f))
for f in files("traces/profiles/*.json"):
    for sel in (1, 4): put("fuzz_sparsity", "stat%d" % sel, bytes([sel]) + rd(f))
for f in files("tests/fuzz/seeds/*.masks.json"):
    for sel in (2, 5): put("fuzz_sparsity", os.path.basename(f) + str(sel), bytes([sel]) + rd(f))
for f in files("tests/fuzz/seeds/*.stl", "tools/bench/*.stl"):
    put("fuzz_stl", os.path.basename(f), b"\x00" + rd(f))
put("fuzz_stl", "tiny", b"\x00" + b"# comment\n0: read 0x0\n10: write 0x40 [64]\n20:\tread\t0x1000\n")
for f in files("configs/sweeps/*.json", "tests/fuzz/seeds/*.sweep.json"):
    put("fuzz_sweep", os.path.basename(f), b"\x00" + rd(f))
for i, e in enumerate(["fits", "buffers.weight.uram + buffers.activation.uram <= 1400",
                       "array.rows * array.cols <= 4096 && clock.fabric_mhz >= 200", "!(a.b == 2) || -x % 3 != 1"]):
    put("fuzz_sweep", "expr%d" % i, b"\x01" + e.encode())
for f in files("tests/golden/manifest.json"): put("fuzz_golden", "manifest.json", rd(f))
for f in files("tests/fuzz/seeds/*.merge"): put("fuzz_merge", os.path.basename(f), rd(f))
PY

fuzzers=${FUZZERS:-$(cd "$bd/fuzz" && ls fuzz_*)}
status=0
for f in $fuzzers; do
    reg=$root/tests/fuzz/regressions/$f
    mkdir -p "$corpus/$f" "$bd/findings/$f"
    dirs=("$corpus/$f")
    [ -d "$reg" ] && dirs+=("$reg")
    opts=(-artifact_prefix="$bd/findings/$f/" -timeout=30 -rss_limit_mb=2048 -max_len=1048576 -print_final_stats=1)
    if [ "$mode" = runs ]; then
        # Replay every seed and kept crasher, then a fixed number of new inputs.
        "$bd/fuzz/$f" "${opts[@]}" -runs=0 "${dirs[@]}" >"$bd/$f.log" 2>&1 || { status=1; tail -30 "$bd/$f.log"; }
        "$bd/fuzz/$f" "${opts[@]}" -seed=1 -runs="$runs" "${dirs[@]}" >>"$bd/$f.log" 2>&1 || { status=1; tail -30 "$bd/$f.log"; }
    else
        "$bd/fuzz/$f" "${opts[@]}" -max_total_time="$seconds" "${dirs[@]}" >"$bd/$f.log" 2>&1 || { status=1; tail -30 "$bd/$f.log"; }
    fi
    echo "$f: $(grep -o 'stat::number_of_executed_units: *[0-9]*' "$bd/$f.log" | tail -1 | grep -o '[0-9]*$') executions"
done
exit $status
