#!/usr/bin/python3
"""Design points and Pareto fronts of a `vgmsim sweep`, as PNG files.

usage: tools/plot_sweep.py SWEEP_DIR [--out-dir DIR]

Reads SWEEP_DIR/results.csv and pareto.csv and writes one PNG per front
(objective set), e.g. front_latency_s-energy_j.png: every ok point in grey,
the front in red, one panel per trace. Fronts over more than two objectives
are drawn on their first two. Log axes when the data spans > 2 decades.
"""
import argparse
import csv
import os
import re
import sys
from collections import OrderedDict

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402


def read_csv(path):
    try:
        with open(path, newline="") as f:
            return list(csv.DictReader(f))
    except OSError as e:
        sys.exit("error: %s: %s" % (path, e))


def number(s):
    try:
        return float(s)
    except (TypeError, ValueError):
        return None


def spread(vals):
    pos = [v for v in vals if v and v > 0]
    return len(pos) == len(vals) and pos and max(pos) / min(pos) > 100


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("sweep_dir")
    ap.add_argument("--out-dir", help="where PNGs go (default SWEEP_DIR)")
    a = ap.parse_args()
    out_dir = a.out_dir or a.sweep_dir
    results = read_csv(os.path.join(a.sweep_dir, "results.csv"))
    pareto = read_csv(os.path.join(a.sweep_dir, "pareto.csv"))
    fronts = OrderedDict()
    for row in pareto:
        fronts.setdefault(row["front"], []).append(row)
    if not fronts:
        print("no Pareto front (no ok points?); nothing to plot")
        return
    traces = list(OrderedDict.fromkeys(r["trace"] for r in results))
    for front, rows in fronts.items():
        objs = [o[4:] if o.startswith("max:") else o for o in front.split("|")][:2]
        fig, axes = plt.subplots(1, len(traces), figsize=(5.2 * len(traces), 4.4), squeeze=False)
        for ax, trace in zip(axes[0], traces):
            pts = [(number(r.get(objs[0])), number(r.get(objs[1]))) for r in results
                   if r["trace"] == trace and r["status"] == "ok"]
            pts = [p for p in pts if p[0] is not None and p[1] is not None]
            fr = [(number(r[objs[0]]), number(r[objs[1]])) for r in rows if r["trace"] == trace]
            fr = sorted(p for p in fr if p[0] is not None and p[1] is not None)
            failed = sum(1 for r in results if r["trace"] == trace and r["status"] not in ("ok", "filtered"))
            if pts:
                ax.scatter([p[0] for p in pts], [p[1] for p in pts], s=14, c="0.6", label="%d points" % len(pts))
            if fr:
                ax.plot([p[0] for p in fr], [p[1] for p in fr], "o-", c="tab:red", ms=5, drawstyle="steps-post",
                        label="Pareto front (%d)" % len(fr))
            for i, axis in enumerate(("x", "y")):
                if spread([p[i] for p in pts]):
                    (ax.set_xscale if axis == "x" else ax.set_yscale)("log")
            ax.set_xlabel(objs[0])
            ax.set_ylabel(objs[1])
            title = os.path.basename(trace)
            if failed:
                title += " (%d failed, not shown)" % failed
            ax.set_title(title, fontsize=9)
            ax.grid(alpha=0.3)
            ax.legend(fontsize=8)
        fig.suptitle(front)
        fig.tight_layout()
        name = "front_" + re.sub(r"[^A-Za-z0-9_.]+", "-", front.replace("|", "-")) + ".png"
        path = os.path.join(out_dir, name)
        fig.savefig(path, dpi=120)
        plt.close(fig)
        print("wrote %s" % path)


if __name__ == "__main__":
    main()
