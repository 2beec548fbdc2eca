#!/usr/bin/python3
"""Design points and Pareto fronts of a `vgmsim sweep`, as PNG files.

usage: tools/plot_sweep.py SWEEP_DIR [--out-dir DIR] [--spec FILE]

Reads SWEEP_DIR/results.csv and pareto.csv and writes one PNG per front
(objective set), e.g. front_latency_s-energy_j.png, one panel per trace:
every ok point coloured by the first design axis and shaped by the second,
the front in red with each front point's design parameters written next to
it; axes labelled with quantity and unit. Fronts over more than two
objectives are drawn on their first two. An axis goes to log scale when its
values span more than 30x (one design dominates the range).
"""
import argparse
import csv
import json
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


# Report fields -> axis labels with units (anything else: the field name).
LABELS = {
    "cycles.total": "cycles",
    "latency_s": "latency (s)",
    "energy_j": "energy (J)",
    "average_power_w": "average power (W)",
    "energy_per_video_j": "energy per video (J)",
    "energy_per_frame_j": "energy per frame (J)",
    "utilization.dsp": "DSP utilisation (fraction)",
    "utilization.hbm": "HBM utilisation (fraction)",
    "resources.dsp": "DSP slices",
    "resources.lut": "LUTs",
    "resources.ff": "flip-flops",
    "resources.bram36": "BRAM36 blocks",
    "resources.uram": "URAM blocks",
    "macs.skipped": "MACs skipped",
    "macs.executed": "MACs executed",
}
MARKERS = "os^Dv<>ph*"


def label(metric):
    return LABELS.get(metric, metric)


def spread(vals):
    pos = [v for v in vals if v and v > 0]
    return len(pos) == len(vals) and pos and max(pos) / min(pos) > 30


def spec_axes(sweep_dir, spec_path, cols):
    """The design axes as (name, columns): from the sweep's spec (--spec, else
    configs/sweeps/<name>.json when its axis paths are exactly these columns),
    so that tied paths form one axis under the spec's name; else one axis per
    column."""
    fallback = [(c, [c]) for c in cols]
    try:
        with open(os.path.join(sweep_dir, "sweep.json")) as f:
            name = json.load(f).get("name", "")
        root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
        with open(spec_path or os.path.join(root, "configs", "sweeps", name + ".json")) as f:
            spec = json.load(f)
    except (OSError, ValueError):
        return fallback
    axes = []
    for a in spec.get("axes", []):
        paths = [m["path"] for m in a["tied"]] if "tied" in a else [a.get("path")]
        axes.append((a.get("name") or "+".join(paths), paths))
    return axes if sorted(p for _, ps in axes for p in ps) == sorted(cols) else fallback


def short(axis, row):
    """('clock.fabric_mhz', [path]) -> 'fabric_mhz=250'; a tied axis -> 'dspe_groups=dsp-e/dsp58'."""
    name, cols = axis
    return "%s=%s" % (name.split(".")[-1], "/".join(row[c] for c in cols))


def draw_points(ax, ok, objs, groups):
    """Colour by the first design axis, marker by the second (legend names
    both); the values of any further axes are written next to each point."""
    first = groups[0] if groups else None
    second = groups[1] if len(groups) > 1 else None
    key = lambda r, g: tuple(r[c] for c in g[1]) if g else None  # noqa: E731
    v1 = list(OrderedDict.fromkeys(key(r, first) for r in ok))
    v2 = list(OrderedDict.fromkeys(key(r, second) for r in ok))
    cmap = plt.get_cmap("tab10" if len(v1) <= 10 else "viridis")
    for i, a in enumerate(v1):
        color = cmap(i) if len(v1) <= 10 else cmap(i / max(1, len(v1) - 1))
        for k, b in enumerate(v2):
            pts = [r for r in ok if key(r, first) == a and key(r, second) == b]
            if not pts:
                continue
            name = ", ".join(short(g, pts[0]) for g in (first, second) if g)
            ax.scatter([number(r[objs[0]]) for r in pts], [number(r[objs[1]]) for r in pts], s=22, color=color,
                       marker=MARKERS[k % len(MARKERS)], alpha=0.85, label=name or "%d points" % len(pts), zorder=2)
    for r in ok:
        if len(groups) > 2:
            ax.annotate(", ".join(short(g, r) for g in groups[2:]), (number(r[objs[0]]), number(r[objs[1]])),
                        xytext=(4, -8), textcoords="offset points", fontsize=5.5, color="0.45")


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("sweep_dir")
    ap.add_argument("--out-dir", help="where PNGs go (default SWEEP_DIR)")
    ap.add_argument("--spec", help="the sweep's spec, for axis names (default configs/sweeps/<name>.json)")
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
    head = list(results[0].keys()) if results else []
    axes_cols = head[head.index("trace") + 1:head.index("status")] if "status" in head else []
    groups = spec_axes(a.sweep_dir, a.spec, axes_cols)
    by_id = {r["id"]: r for r in results}
    for front, rows in fronts.items():
        objs = [o[4:] if o.startswith("max:") else o for o in front.split("|")][:2]
        fig, axes = plt.subplots(1, len(traces), figsize=(9.5 * len(traces), 5.0), squeeze=False)
        for ax, trace in zip(axes[0], traces):
            ok = [r for r in results if r["trace"] == trace and r["status"] == "ok"
                  and number(r.get(objs[0])) is not None and number(r.get(objs[1])) is not None]
            fr = sorted((number(r[objs[0]]), number(r[objs[1]]), r["id"]) for r in rows if r["trace"] == trace
                        and number(r.get(objs[0])) is not None and number(r.get(objs[1])) is not None)
            failed = sum(1 for r in results if r["trace"] == trace and r["status"] not in ("ok", "filtered"))
            draw_points(ax, ok, objs, groups)
            if fr:
                ax.plot([p[0] for p in fr], [p[1] for p in fr], "-", c="tab:red", lw=1.2, drawstyle="steps-post",
                        label="Pareto front (%d)" % len(fr), zorder=3)
                ax.scatter([p[0] for p in fr], [p[1] for p in fr], s=70, facecolors="none", edgecolors="tab:red",
                           lw=1.4, zorder=4)
                for x, y, pid in fr:  # the design behind each front point
                    text = "\n".join(short(g, by_id[pid]) for g in groups) if pid in by_id else pid
                    ax.annotate(text, (x, y), xytext=(6, 4), textcoords="offset points", fontsize=6.5, color="0.2")
            for i, axis in enumerate(("x", "y")):
                if spread([number(r[objs[i]]) for r in ok]):
                    (ax.set_xscale if axis == "x" else ax.set_yscale)("log")
            ax.set_xlabel(label(objs[0]))
            ax.set_ylabel(label(objs[1]))
            title = os.path.basename(trace)
            if failed:
                title += " (%d failed, not shown)" % failed
            ax.set_title(title, fontsize=9)
            ax.grid(alpha=0.3)
            ax.legend(fontsize=7, loc="upper left", bbox_to_anchor=(1.01, 1.0))  # outside: hides no point
        fig.suptitle("%s vs %s (minimised; red: Pareto front)" % (label(objs[0]), label(objs[1])), fontsize=10)
        fig.tight_layout()
        name = "front_" + re.sub(r"[^A-Za-z0-9_.]+", "-", front.replace("|", "-")) + ".png"
        path = os.path.join(out_dir, name)
        fig.savefig(path, dpi=120)
        plt.close(fig)
        print("wrote %s" % path)


if __name__ == "__main__":
    main()
