#!/usr/bin/python3
"""Plots of one `vgmsim run` report, written as PNG files next to it.

usage: tools/plot_report.py OUT_DIR [--max-layers N]

OUT_DIR holds report.json (and layers.csv). Writes:
  layers_cycles.png   per-layer cycles: compute / memory stall / sparsity overhead
                      (grouped by operator role when there are more than N layers)
  dsp_groups.png      busy fraction and MACs per DSP group (stats.dsp.<group>)
  skip_ratio.png      skipped / dense MACs per denoising step and operator role
  energy.png          energy per component
A plot whose data the report does not have is skipped with a note, never faked.
"""
import argparse
import json
import os
import sys
from collections import OrderedDict, defaultdict

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402


def layer_rows(report):
    return report.get("layers") or []


def plot_layers(report, out, max_layers):
    rows = layer_rows(report)
    if not rows:
        return "no layers in the report"
    parts = [("compute_cycles", "compute"), ("memory_stall_cycles", "memory stall"),
             ("sparsity_overhead_cycles", "sparsity overhead")]
    groups = OrderedDict()
    by_role = len(rows) > max_layers
    for r in rows:
        key = (r.get("role") or r.get("kind") or "?") if by_role else r.get("name", "?")
        acc = groups.setdefault(key, [0, 0, 0])
        for i, (field, _) in enumerate(parts):
            acc[i] += r.get(field, 0) or 0
    names = list(groups)
    fig, ax = plt.subplots(figsize=(max(6, 0.35 * len(names) + 2), 4.5))
    bottom = [0] * len(names)
    for i, (_, label) in enumerate(parts):
        vals = [groups[n][i] for n in names]
        ax.bar(range(len(names)), vals, bottom=bottom, label=label)
        bottom = [b + v for b, v in zip(bottom, vals)]
    ax.set_xticks(range(len(names)))
    ax.set_xticklabels(names, rotation=60, ha="right", fontsize=7)
    ax.set_ylabel("fabric cycles")
    ax.set_title("cycles per %s" % ("operator role (summed)" if by_role else "layer"))
    ax.legend(fontsize=8)
    fig.tight_layout()
    fig.savefig(out, dpi=120)
    plt.close(fig)
    return None


def plot_dsp_groups(report, out):
    dsp = (report.get("stats") or {}).get("dsp")
    if not isinstance(dsp, dict):
        return "no stats.dsp in the report"
    names, busy, macs = [], [], []
    for name, g in dsp.items():
        if not isinstance(g, dict) or "busy_cycles" not in g:
            continue
        total = g.get("busy_cycles", 0) + g.get("idle_cycles", 0)
        names.append(name)
        busy.append(g["busy_cycles"] / total if total else 0.0)
        macs.append(g.get("macs", 0))
    if not names:
        return "no DSP groups with busy_cycles in stats.dsp"
    fig, (a1, a2) = plt.subplots(1, 2, figsize=(9, 3.8))
    a1.bar(names, busy)
    a1.set_ylim(0, 1)
    a1.set_ylabel("busy fraction of the run")
    a1.set_title("DSP group busy time")
    a2.bar(names, macs, color="tab:orange")
    a2.set_ylabel("MACs executed")
    a2.set_title("DSP group MACs")
    for a in (a1, a2):
        a.tick_params(axis="x", rotation=30)
    fig.tight_layout()
    fig.savefig(out, dpi=120)
    plt.close(fig)
    return None


def plot_skip(report, out):
    rows = layer_rows(report)
    acc = defaultdict(lambda: [0, 0])  # (role, step) -> skipped, dense
    for r in rows:
        ex, sk = r.get("macs_executed", 0) or 0, r.get("macs_skipped", 0) or 0
        acc[(r.get("role") or "?", r.get("step", 0))][0] += sk
        acc[(r.get("role") or "?", r.get("step", 0))][1] += ex + sk
    if not acc or not any(v[0] for v in acc.values()):
        return "no skipped MACs in the layers (dense run)"
    roles = sorted({k[0] for k in acc})
    steps = sorted({k[1] for k in acc})
    fig, ax = plt.subplots(figsize=(7, 4))
    for role in roles:
        ys = [acc[(role, s)][0] / acc[(role, s)][1] if acc[(role, s)][1] else None for s in steps]
        pts = [(s, y) for s, y in zip(steps, ys) if y is not None]
        if pts:
            ax.plot([p[0] for p in pts], [p[1] for p in pts], marker="o", ms=3, label=role)
    ax.set_xlabel("denoising step")
    ax.set_ylabel("skipped / dense MACs")
    ax.set_ylim(0, 1)
    ax.set_title("skip ratio per step and operator role")
    ax.legend(fontsize=7, ncol=2)
    fig.tight_layout()
    fig.savefig(out, dpi=120)
    plt.close(fig)
    return None


def plot_energy(report, out):
    comp = report.get("energy")
    if not isinstance(comp, dict) or not comp:
        return "no energy components in the report"
    names = list(comp)
    vals = [comp[n] for n in names]
    fig, ax = plt.subplots(figsize=(max(5, 0.6 * len(names) + 2), 4))
    ax.bar(names, vals, color="tab:green")
    ax.set_ylabel("J")
    ax.set_title("energy per component (total %.4g J)" % report.get("energy_j", sum(vals)))
    ax.tick_params(axis="x", rotation=40)
    fig.tight_layout()
    fig.savefig(out, dpi=120)
    plt.close(fig)
    return None


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("out_dir", help="folder with report.json (vgmsim run --out)")
    ap.add_argument("--max-layers", type=int, default=48, help="above this, layers are summed per role")
    a = ap.parse_args()
    path = os.path.join(a.out_dir, "report.json")
    try:
        with open(path) as f:
            report = json.load(f)
    except (OSError, ValueError) as e:
        sys.exit("error: %s: %s" % (path, e))
    jobs = [("layers_cycles.png", lambda o: plot_layers(report, o, a.max_layers)),
            ("dsp_groups.png", lambda o: plot_dsp_groups(report, o)),
            ("skip_ratio.png", lambda o: plot_skip(report, o)),
            ("energy.png", lambda o: plot_energy(report, o))]
    for name, fn in jobs:
        out = os.path.join(a.out_dir, name)
        skipped = fn(out)
        print(("skipped %s: %s" % (name, skipped)) if skipped else "wrote %s" % out)


if __name__ == "__main__":
    main()
