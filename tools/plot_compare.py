#!/usr/bin/python3
"""Bar chart of `vgmsim compare`: each headline figure of several runs as a
ratio to the first run (left), and each operator kind's busy cycles per run
(right, log scale: attention and linear layers dwarf the rest).

usage: tools/plot_compare.py RUN_DIR RUN_DIR... [-o compare.png] [--label NAME]...
       tools/plot_compare.py --from-json compare.json [-o compare.png]

Runs `vgmsim compare --json` (the binary from $VGMSIM, else build/vgmsim),
or reads its saved output with --from-json.
"""
import argparse
import json
import os
import subprocess
import sys

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402

# Readable names with units for the default metrics of `vgmsim compare`.
LABELS = {
    "cycles.total": "cycles",
    "latency_s": "latency",
    "average_power_w": "average power",
    "energy_j": "energy",
    "utilization.dsp": "DSP utilisation",
    "utilization.hbm": "HBM utilisation",
    "macs.executed": "MACs executed",
    "macs.skipped": "MACs skipped",
    "bandwidth_gbs": "DMA bandwidth",
}


def label(m):
    name = m["name"]
    if name.startswith("busy."):
        return "%s busy share" % name[5:]
    return LABELS.get(name, name)


def load(a):
    if a.from_json:
        with open(a.from_json) as f:
            return json.load(f)
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    exe = os.environ.get("VGMSIM") or os.path.join(root, "build", "vgmsim")
    cmd = [exe, "compare", "--json"] + a.runs
    for m in a.metric or []:
        cmd += ["--metric", m]
    p = subprocess.run(cmd, capture_output=True, text=True)
    if p.returncode != 0:
        sys.exit(p.stderr.strip() or "error: %s failed" % " ".join(cmd))
    return json.loads(p.stdout)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("runs", nargs="*", help="run folders (the first is the baseline)")
    ap.add_argument("--from-json", help="saved output of vgmsim compare --json")
    ap.add_argument("--metric", action="append", help="passed to vgmsim compare (repeatable)")
    ap.add_argument("--label", action="append", help="legend name per run (default: folder name)")
    ap.add_argument("-o", "--out", default="compare.png", help="PNG to write (default compare.png)")
    a = ap.parse_args()
    if not a.from_json and len(a.runs) < 2:
        ap.error("give two or more RUN_DIRs, or --from-json FILE")
    c = load(a)
    runs = c["runs"]
    names = a.label or [os.path.basename(os.path.normpath(r["dir"])) for r in runs]
    if len(names) != len(runs):
        sys.exit("error: %d --label for %d runs; allowed: one per run" % (len(names), len(runs)))
    metrics = [m for m in c["metrics"] if m["ratios"][0] is not None]  # no baseline value: no ratio
    kinds = [k for k in c["kinds"] if any(k["busy_cycles"])]
    ncol = 2 if kinds else 1
    fig, axes = plt.subplots(1, ncol, figsize=(6.5 * ncol, 0.32 * max(len(metrics), len(kinds)) * len(runs) + 1.8),
                             squeeze=False)
    colors = plt.get_cmap("tab10" if len(runs) <= 10 else "tab20").colors
    h = 0.8 / len(runs)

    ax = axes[0][0]
    for i, name in enumerate(names):
        ys = [j + i * h for j in range(len(metrics))]
        vals = [m["ratios"][i] if m["ratios"][i] is not None else 0 for m in metrics]
        ax.barh(ys, vals, height=h, color=colors[i % len(colors)], label=name)
    ax.axvline(1.0, color="k", lw=0.8)
    ax.set_yticks([j + 0.4 - h / 2 for j in range(len(metrics))])
    ax.set_yticklabels([label(m) for m in metrics], fontsize=8)
    ax.invert_yaxis()
    ax.set_xlabel("ratio to %s (1 = same)" % names[0])
    ax.grid(axis="x", alpha=0.3)
    ax.legend(fontsize=8, loc="best")
    ax.set_title("headline figures", fontsize=10)

    if kinds:
        ax = axes[0][1]
        for i, name in enumerate(names):
            ys = [j + i * h for j in range(len(kinds))]
            ax.barh(ys, [max(k["busy_cycles"][i], 1) for k in kinds], height=h, color=colors[i % len(colors)],
                    label=name)
        ax.set_xscale("log")
        ax.set_yticks([j + 0.4 - h / 2 for j in range(len(kinds))])
        ax.set_yticklabels([k["kind"] for k in kinds], fontsize=8)
        ax.invert_yaxis()
        ax.set_xlabel("busy cycles of all units (log scale)")
        ax.grid(axis="x", alpha=0.3)
        ax.set_title("per operator kind", fontsize=10)
    fig.tight_layout()
    fig.savefig(a.out, dpi=130)
    print("wrote %s" % a.out)


if __name__ == "__main__":
    main()
