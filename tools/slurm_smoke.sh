#!/usr/bin/env bash
# Slurm smoke test: starts a one-node Slurm cluster on localhost (Debian's
# slurm-wlm + munge), submits the job-array recipe of src/dse/README.md for a
# small sweep, merges with a dependent job (twice: a re-run merge must work),
# and checks the merged files are byte-identical to an unsharded sweep.
# Prints PASS (exit 0), FAIL (exit 1) or SKIP (exit 0, when there is no Slurm
# or slurmctld/slurmd cannot start here, e.g. in a container without them).
#   usage: tools/slurm_smoke.sh [path/to/vgmsim]      (default: build/vgmsim)
# Needs root (the daemons and jobs run as root); `apt-get install slurm-wlm munge`.
set -uo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
bin=$(realpath "${1:-$root/build/vgmsim}")
work=${SLURM_SMOKE_DIR:-/tmp/vgmsim-slurm-smoke}
shards=3
skip() { echo "SKIP: slurm smoke: $*"; cleanup; exit 0; }
fail() { echo "FAIL: slurm smoke: $*"; cleanup; exit 1; }
started=()
cleanup() {  # stop only the daemons this script started, by pid
    for p in "${started[@]}"; do kill "$p" 2>/dev/null; done
    started=()
}
trap cleanup EXIT

[ -x "$bin" ] || { echo "error: $bin not built" >&2; exit 2; }
for t in munged slurmctld slurmd sbatch squeue sinfo sacct; do
    command -v "$t" >/dev/null || [ -x "/usr/sbin/$t" ] || skip "$t not installed (apt-get install slurm-wlm munge)"
done
[ "$(id -u)" -eq 0 ] || skip "needs root to start slurmctld/slurmd"
export PATH=$PATH:/usr/sbin

rm -rf "$work" && mkdir -p "$work"/{state,spool,out}
host=$(hostname -s)

# munge: reuse a running daemon, else start one as the munge user.
if ! munge -n 2>/dev/null | unmunge >/dev/null 2>&1; then
    mkdir -p /run/munge && chown munge:munge /run/munge 2>/dev/null
    runuser -u munge -- munged 2>"$work/munged.err" || skip "munged cannot start: $(head -1 "$work/munged.err")"
    started+=("$(cat /run/munge/munged.pid 2>/dev/null)")
    sleep 1
    munge -n | unmunge >/dev/null 2>&1 || skip "munge does not authenticate"
fi

export SLURM_CONF=$work/slurm.conf
cat >"$SLURM_CONF" <<EOF
ClusterName=vgmsim-smoke
SlurmctldHost=$host
SlurmUser=root
SlurmdUser=root
SlurmctldPort=16817
SlurmdPort=16818
AuthType=auth/munge
StateSaveLocation=$work/state
SlurmdSpoolDir=$work/spool
SlurmctldPidFile=$work/slurmctld.pid
SlurmdPidFile=$work/slurmd.pid
SlurmctldLogFile=$work/slurmctld.log
SlurmdLogFile=$work/slurmd.log
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
JobCompType=jobcomp/none
SelectType=select/cons_tres
SelectTypeParameters=CR_CPU
SchedulerType=sched/backfill
ReturnToService=2
MpiDefault=none
NodeName=$host NodeAddr=127.0.0.1 CPUs=$(nproc) State=UNKNOWN
PartitionName=smoke Nodes=ALL Default=YES MaxTime=INFINITE State=UP
EOF
slurmctld -f "$SLURM_CONF" 2>"$work/slurmctld.err" || skip "slurmctld cannot start: $(head -1 "$work/slurmctld.err")"
sleep 1
[ -s "$work/slurmctld.pid" ] && started+=("$(cat "$work/slurmctld.pid")")
slurmd -f "$SLURM_CONF" 2>"$work/slurmd.err" || skip "slurmd cannot start: $(head -1 "$work/slurmd.err")"
sleep 1
[ -s "$work/slurmd.pid" ] && started+=("$(cat "$work/slurmd.pid")")
for _ in $(seq 30); do
    sinfo -h -o %t 2>/dev/null | grep -qx idle && break
    sleep 1
done
sinfo -h -o %t 2>/dev/null | grep -qx idle ||
    skip "the node never became idle (slurmctld.log: $(tail -1 "$work/slurmctld.log" 2>/dev/null))"
echo "slurm smoke: one-node cluster up ($(sinfo -h -o '%P %D %c %t'))"

# A small sweep: 6 points of the tiny DiT trace, 3 shards.
spec=$work/spec.json
cat >"$spec" <<EOF
{
  "name": "slurm_smoke",
  "base_config": "$root/configs/flightvgm_v80.json",
  "traces": ["$root/traces/tiny/dit-xl-2_256_2steps.vgmt"],
  "axes": [
    {"path": "clock.fabric_mhz", "values": [200, 300]},
    {"path": "sparsity.su.lanes", "values": [16, 32, 64]}
  ]
}
EOF
# The recipe of src/dse/README.md, with this spec, binary and folders.
cat >"$work/sweep.sbatch" <<EOF
#!/bin/bash
#SBATCH --job-name=vgmsim-sweep
#SBATCH --array=1-$shards
#SBATCH --cpus-per-task=1
#SBATCH --time=00:10:00
#SBATCH --output=$work/slurm-%A_%a.out
cd "\$SLURM_SUBMIT_DIR"
$bin sweep --spec $spec \\
    --shard "\${SLURM_ARRAY_TASK_ID}/\${SLURM_ARRAY_TASK_COUNT}" \\
    --jobs "\$SLURM_CPUS_PER_TASK" --resume \\
    --out "out/shard-\${SLURM_ARRAY_TASK_ID}"
EOF
cd "$work"
array=$(sbatch --parsable "$work/sweep.sbatch") || fail "sbatch of the array was refused"
merge="$bin sweep-merge --out out/all out/shard-*"
m1=$(sbatch --parsable --dependency=afterok:"$array" --output="$work/merge1.out" --wrap "$merge") || fail "sbatch merge"
m2=$(sbatch --parsable --dependency=afterok:"$m1" --output="$work/merge2.out" --wrap "$merge") || fail "sbatch re-merge"
echo "slurm smoke: array job $array ($shards tasks), merge job $m1, re-run merge job $m2"
for _ in $(seq 600); do
    [ -z "$(squeue -h -j "$array,$m1,$m2" 2>/dev/null)" ] && break
    squeue -h -j "$m1" -o %r 2>/dev/null | grep -q DependencyNeverSatisfied &&
        fail "a sweep task failed: $(cat "$work"/slurm-*.out | head -3)"
    sleep 1
done
[ -z "$(squeue -h -j "$array,$m1,$m2" 2>/dev/null)" ] || fail "jobs still queued after 600 s"
for f in merge1 merge2; do
    grep -q "^sweep-merge out/all: $shards shards, 6 points, 6 point folders copied" "$work/$f.out" ||
        fail "$f: $(cat "$work/$f.out")"
done

"$bin" sweep --spec "$spec" --jobs 2 --out "$work/whole" >/dev/null || fail "unsharded sweep failed"
for f in sweep.json results.csv results.json pareto.csv; do
    cmp -s "$work/whole/$f" "$work/out/all/$f" || fail "$f differs between the merged and the unsharded sweep"
done
echo "PASS: slurm smoke: $shards-task array + merge + re-run merge on Slurm $(sinfo -V | cut -d' ' -f2);" \
     "sweep.json results.csv results.json pareto.csv byte-identical to the unsharded sweep"
