#!/usr/bin/python3
"""Sparsity studies for vgmsim.

  sparsity_study.py persistence LOG
      Step-to-step persistence the measured log allows, per block kind and
      operator and overall (the default of `vgmsim trace --persistence`):
      sum(min(k_s, k_s+1)) / sum(k_s), token-weighted. The log has counts, not
      token ids, so this is an upper bound.

  sparsity_study.py sweep --out DIR [--vgmsim build/vgmsim] [--config C]
        [--thresholds 0.85,0.9,...] [--gk 3x4,2x4,3x8] [--similarity 0.81]
        [--frames 6] [--tokens 256] [--dim 1152]
      Online detection on carried activations: for each linear role (qkv,
      out_proj, fc1 shapes of a DiT-XL/2 block, d = --dim) a gemm trace with
      synthetic activations (`--activations random:SEED:SIM`: frames of tokens
      that share a per-position base vector) is simulated with the SU detecting
      at each threshold and each G x K. Writes results.csv, skipped_share.png
      (skipped MAC share vs threshold per operator kind, one panel per G x K)
      and speedup.png (dense cycles / sparse cycles vs threshold). Carried
      activations exist for single-operator traces only, so there is no step
      axis here: the step dependence of the measured log is in
      `persistence` and in traces/profiles/.
"""
import argparse
import csv
import json
import os
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
# (role, n as a multiple of d): DiT-XL/2 block linear layers.
ROLES = [("qkv", 3), ("out_proj", 1), ("fc1", 4)]


def persistence(log_path):
    vals = [float(x) for x in open(log_path).read().split()[2:]]
    per = 30 * 56 * 5
    if not vals or len(vals) % per:
        sys.exit("error: %s: %d values, expected a multiple of %d" % (log_path, len(vals), per))
    prompts = len(vals) // per
    names = ["self_qkv", "self_out", "cross_q", "cross_out", "mlp"]
    num, den = {}, {}
    for p in range(prompts):
        for b in range(56):
            kind = "spatial" if b % 2 == 0 else "temporal"
            for o in range(5):
                unit, units = 7695, 1
                if o < 2:
                    unit, units = (405, 19) if kind == "spatial" else (19, 405)
                k = []
                for s in range(30):
                    v = vals[((p * 30 + s) * 56 + b) * 5 + o]
                    k.append(unit - min(unit, round((1 - v) * 7695)))
                key = kind + "." + names[o]
                for s in range(29):
                    num[key] = num.get(key, 0) + min(k[s], k[s + 1]) * units
                    den[key] = den.get(key, 0) + k[s] * units
    for key in sorted(num):
        print("%-20s %.3f" % (key, num[key] / den[key] if den[key] else float("nan")))
    print("%-20s %.3f" % ("all", sum(num.values()) / sum(den.values())))


def run(cmd):
    r = subprocess.run(cmd, capture_output=True, text=True)
    if r.returncode:
        sys.exit("error: %s: %s" % (" ".join(cmd), r.stderr.strip()))
    return r


def sweep(args):
    import matplotlib
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    os.makedirs(args.out, exist_ok=True)
    thresholds = [float(t) for t in args.thresholds.split(",")]
    gks = [tuple(int(v) for v in gk.split("x")) for gk in args.gk.split(",")]
    rows = []
    m = args.frames * args.tokens
    total = len(ROLES) * (1 + len(thresholds) * len(gks))
    done = 0
    for role, mult in ROLES:
        trace = os.path.join(args.out, "gemm_%s.vgmt" % role)
        run([args.vgmsim, "trace", "gemm", "--m", str(m), "--k", str(args.dim), "--n", str(mult * args.dim),
             "--role", role, "--activations", "random:1:%g" % args.similarity, "--act-frames", str(args.frames),
             "-o", trace])

        def simulate(sets):
            nonlocal done
            out = os.path.join(args.out, "run")
            # One scratch folder reused by every point: --force lets each run replace the last.
            cmd = [args.vgmsim, "run", "--config", args.config, "--trace", trace, "--out", out, "--force", "--quiet"]
            for s in sets:
                cmd += ["--set", s]
            run(cmd)
            done += 1
            sys.stderr.write("\rsparsity_study: %d/%d runs" % (done, total))
            rep = json.load(open(os.path.join(out, "report.json")))
            return rep["cycles"]["total"], rep["macs"]["skipped"], rep["macs"]["dense"]

        dense_cycles, _, _ = simulate(["sparsity.enabled=false"])
        for g, k in gks:
            for t in thresholds:
                cyc, skipped, dense = simulate(["sparsity.enabled=true", "sparsity.group_frames=%d" % g,
                                                "sparsity.block_tokens=%d" % k, "sparsity.threshold.%s=%g" % (role, t)])
                rows.append({"role": role, "G": g, "K": k, "threshold": t, "cycles": cyc,
                             "dense_cycles": dense_cycles, "skipped_share": skipped / dense,
                             "speedup": dense_cycles / cyc})
    sys.stderr.write("\n")
    with open(os.path.join(args.out, "results.csv"), "w", newline="") as f:
        w = csv.DictWriter(f, fieldnames=list(rows[0]))
        w.writeheader()
        w.writerows(rows)
    for metric, name, label in (("skipped_share", "skipped_share.png", "skipped MAC share"),
                                ("speedup", "speedup.png", "speedup (dense cycles / cycles)")):
        fig, axes = plt.subplots(1, len(gks), figsize=(4.5 * len(gks), 3.6), squeeze=False)
        for ax, (g, k) in zip(axes[0], gks):
            for role, _ in ROLES:
                pts = [(r["threshold"], r[metric]) for r in rows if r["role"] == role and (r["G"], r["K"]) == (g, k)]
                ax.plot([p[0] for p in pts], [p[1] for p in pts], marker="o", label=role)
            ax.set_title("G = %d, K = %d" % (g, k))
            ax.set_xlabel("similarity threshold")
            ax.set_ylabel(label)
            ax.grid(alpha=0.3)
            ax.legend()
        fig.tight_layout()
        fig.savefig(os.path.join(args.out, name), dpi=110)
    print("wrote %s/results.csv, skipped_share.png, speedup.png (%d runs)" % (args.out, done))


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = ap.add_subparsers(dest="cmd", required=True)
    p = sub.add_parser("persistence", help="step persistence the measured log allows")
    p.add_argument("log")
    s = sub.add_parser("sweep", help="threshold x G/K on carried activations")
    s.add_argument("--out", required=True)
    s.add_argument("--vgmsim", default=os.path.join(ROOT, "build", "vgmsim"))
    s.add_argument("--config", default=os.path.join(ROOT, "configs", "flightvgm_v80.json"))
    s.add_argument("--thresholds", default="0.85,0.9,0.92,0.94,0.95,0.96,0.98")
    s.add_argument("--gk", default="3x4,2x4,3x8", help="G x K pairs")
    s.add_argument("--similarity", type=float, default=0.81)
    s.add_argument("--frames", type=int, default=6)
    s.add_argument("--tokens", type=int, default=256)
    s.add_argument("--dim", type=int, default=1152)
    args = ap.parse_args(argv)
    if args.cmd == "persistence":
        persistence(args.log)
    else:
        if not os.path.exists(args.vgmsim):
            sys.exit("error: %s not built; run cmake --build build first" % args.vgmsim)
        sweep(args)


if __name__ == "__main__":
    main()
