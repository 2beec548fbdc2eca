#!/usr/bin/python3
"""Plots of one `vgmsim run` report, written as PNG files next to it.

usage: tools/plot_report.py OUT_DIR [--max-layers N]

OUT_DIR holds report.json (a path to the report.json itself is accepted too).
Writes:
  layers_cycles.png   per layer (summed per operator role when there are more
                      than N layers): busy cycles of the DSP groups + SFU, of
                      the DMA engines and of SU + RU inside the operator, next
                      to the operator's span. Units overlap, so these are side
                      by side, not stacked. Layer fields are read under either
                      spelling: dsp_sfu_busy_cycles / compute_cycles,
                      dma_busy_cycles / memory_stall_cycles,
                      su_ru_busy_cycles / sparsity_overhead_cycles.
  units.png           one bar per hardware unit (stats.units.<unit>: DSP groups,
                      sfu, su, ru, dma_weight, dma_activation) splitting its
                      cycles into busy / stall on input / stall on output /
                      stall on buffer space / idle, as percent of the run; the
                      title names the bounding unit (highest busy share), a
                      footnote gives stats.machine (overlap, commands). Below:
                      MACs per DSP group (units that report `macs`).
  skip_ratio.png      skipped / dense MACs per denoising step and operator role
                      (per role bars when the run has a single step)
  energy.png          energy per component in readable names, grouped by power
                      category (log axis when they differ by > 100x)
  power.png           average power per category as one stacked bar (static,
                      fabric/clock, DSP, SFU, SU/RU, on-chip memory, NoC, HBM)
                      against the card limit, and, when power.csv is next to
                      the report, power over time stacked per category with
                      the peak window marked
(dsp_groups.png, drawn from the removed stats.dsp groups, is no longer written.)
A plot whose data the report does not have is skipped with a note, never faked.
Stats counters are read as numbers, or as objects holding a "value".
"""
import argparse
import json
import os
import sys
from collections import OrderedDict, defaultdict

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
from matplotlib.ticker import EngFormatter, MaxNLocator, PercentFormatter  # noqa: E402

# (layer field spellings, new first; legend label; colour)
LAYER_PARTS = [(("dsp_sfu_busy_cycles", "compute_cycles"), "DSP groups + SFU busy", "tab:blue"),
               (("dma_busy_cycles", "memory_stall_cycles"), "DMA busy", "tab:orange"),
               (("su_ru_busy_cycles", "sparsity_overhead_cycles"), "SU + RU busy", "tab:purple")]

# (stats.units counter, legend label, colour): the classes partition a unit's cycles
UNIT_CLASSES = [("busy_cycles", "busy", "tab:green"),
                ("stall_input_cycles", "stalled: waiting for inputs", "tab:orange"),
                ("stall_output_cycles", "stalled: output buffer full", "tab:red"),
                ("stall_buffer_cycles", "stalled: weight/activation buffer full", "tab:purple"),
                ("idle_cycles", "idle (no command)", "#c8c8c8")]


# Power categories of report.json's "power" object: (key, label, colour).
POWER_CATEGORIES = [("static", "static (leakage)", "#8c8c8c"),
                    ("fabric_clock", "fabric logic + clock tree", "tab:olive"),
                    ("dsp", "DSP MACs", "tab:blue"),
                    ("sfu", "SFU", "tab:orange"),
                    ("su_ru", "SU + RU", "tab:purple"),
                    ("onchip_memory", "on-chip memory (URAM/BRAM)", "tab:cyan"),
                    ("noc", "NoC", "tab:pink"),
                    ("hbm", "HBM (commands, I/O, background, PHY)", "tab:red")]

# Energy components (report.json "energy") in words, by category.
ENERGY_LABELS = {"dsp58_int8": "DSP58 INT8 MACs", "dsp58_int16": "DSP58 INT16 MACs",
                 "dsp58_fp16": "DSP58 FP16 MACs", "dsp58_fp32": "DSP58 FP32 MACs",
                 "dspe_int8": "DSP-E INT8 MACs", "dspe_int16": "DSP-E INT16 MACs",
                 "dspe_fp16": "DSP-E FP16 MACs", "dspe_fp32": "DSP-E FP32 MACs",
                 "sfu": "SFU element passes", "su": "SU similarity MACs", "ru": "RU row copies",
                 "uram_read": "URAM reads", "uram_write": "URAM writes", "bram_read": "BRAM reads",
                 "bram_write": "BRAM writes", "noc_transfer": "NoC transfers", "hbm_act": "HBM activates",
                 "hbm_pre": "HBM precharges", "hbm_rd": "HBM read bursts", "hbm_wr": "HBM write bursts",
                 "hbm_refresh": "HBM refreshes", "fabric_logic": "fabric logic + routing",
                 "clock_ff": "clock: flip-flops", "clock_dsp": "clock: DSP sites",
                 "clock_memory": "clock: BRAM/URAM", "hbm_background": "HBM DRAM background",
                 "hbm_phy": "HBM PHY + controllers", "noc_static": "NoC (idle clocking)",
                 "static": "device static (leakage)"}


def series_style(k):
    """Colour, marker and line style of series k: 20 colours x 4 markers x 3 dashes, so a
    role never shares its look with another (a 10-colour cycle hid fc1 under fc2)."""
    colours = list(plt.get_cmap("tab10").colors) + list(plt.get_cmap("tab20").colors[1::2])
    return colours[k % 20], "osD^v<>"[k % 7], ["-", "--", ":"][(k // 7) % 3]


def num(v):
    """A stats counter as a number: plain numbers, or objects with a value."""
    if isinstance(v, bool):
        return float(v)
    if isinstance(v, (int, float)):
        return v
    if isinstance(v, dict):
        for k in ("value", "count", "total"):
            if isinstance(v.get(k), (int, float)):
                return v[k]
    return None


def eng(v):
    """1234567 -> '1.2 M'."""
    return EngFormatter(places=1, sep=" ")(v)


def first(row, names):
    for n in names:
        if n in row:
            return num(row[n]) or 0
    return None


def layer_rows(report):
    return report.get("layers") or []


def save(fig, out):
    fig.savefig(out, dpi=120)
    plt.close(fig)


def plot_layers(report, out, max_layers):
    rows = layer_rows(report)
    if not rows:
        return "no layers in the report"
    parts = [p for p in LAYER_PARTS if any(first(r, p[0]) is not None for r in rows)]
    if not parts:
        return "layers have no busy-cycle fields"
    groups = OrderedDict()
    by_role = len(rows) > max_layers
    for r in rows:
        key = (r.get("role") or r.get("kind") or "?") if by_role else r.get("name", "?")
        acc = groups.setdefault(key, [0] * (len(parts) + 1))
        for i, (fields, _, _) in enumerate(parts):
            acc[i] += first(r, fields) or 0
        acc[-1] += num(r.get("cycles")) or 0
    names = list(groups)
    x = range(len(names))
    w = 0.8 / len(parts)
    fig, ax = plt.subplots(figsize=(max(7, 0.45 * len(names) + 2), 5))
    if any(groups[n][-1] for n in names):
        ax.bar(x, [groups[n][-1] for n in names], width=0.9, facecolor="none", edgecolor="0.35",
               linewidth=0.8, label="operator span (cycles)")
    for i, (_, label, colour) in enumerate(parts):
        ax.bar([k - 0.4 + w * (i + 0.5) for k in x], [groups[n][i] for n in names], width=w,
               color=colour, label=label)
    ax.set_xticks(list(x))
    ax.set_xticklabels(names, rotation=50, ha="right", fontsize=8)
    ax.set_xlim(-0.6, len(names) - 0.4)
    ax.yaxis.set_major_formatter(EngFormatter(sep=" "))
    ax.set_ylabel("fabric cycles" + (" (summed over the role's layers)" if by_role else ""))
    ax.set_xlabel("operator role" if by_role else "layer")
    ax.set_title("Busy cycles of the units inside each %s\n(summed over units that run in parallel: bars overlap"
                 " in time and can exceed the span)" % ("operator role" if by_role else "layer"), fontsize=10)
    ax.grid(axis="y", alpha=0.3)
    ax.set_axisbelow(True)
    ax.legend(fontsize=8)
    fig.tight_layout()
    save(fig, out)
    return None


def unit_table(report):
    """[(name, {counter: number})] from stats.units, in report order."""
    units = (report.get("stats") or {}).get("units")
    if not isinstance(units, dict):
        return []
    table = []
    for name, g in units.items():
        if not isinstance(g, dict):
            continue
        vals = {k: num(v) for k, v in g.items()}
        vals = {k: v for k, v in vals.items() if v is not None}
        if "busy_cycles" in vals:
            table.append((name, vals))
    return table


def plot_units(report, out):
    table = unit_table(report)
    if not table:
        return "no stats.units.<unit> with busy_cycles in the report"
    run_total = num((report.get("cycles") or {}).get("total")) if isinstance(report.get("cycles"), dict) else None
    names, shares = [], []
    for name, vals in table:
        total = sum(vals.get(c, 0) for c, _, _ in UNIT_CLASSES) or run_total or 0
        names.append(name)
        shares.append([vals.get(c, 0) / total if total else 0.0 for c, _, _ in UNIT_CLASSES])
    busy = [s[0] for s in shares]
    bound = max(range(len(names)), key=lambda i: busy[i])
    dsp = [(n, v["macs"]) for n, v in table if "macs" in v]

    heights = [0.32 * len(names) + 1.2] + ([0.3 * len(dsp) + 0.6] if dsp else [])
    fig, axes = plt.subplots(len(heights), 1, figsize=(9.5, sum(heights) + 1.4),
                             gridspec_kw={"height_ratios": heights}, squeeze=False)
    ax = axes[0][0]
    y = list(range(len(names)))
    left = [0.0] * len(names)
    for k, (_, label, colour) in enumerate(UNIT_CLASSES):
        vals = [s[k] for s in shares]
        ax.barh(y, vals, left=left, color=colour, label=label, height=0.7, edgecolor="white", linewidth=0.5)
        for i, v in enumerate(vals):
            if v >= 0.06:
                ax.text(left[i] + v / 2, i, "%.0f%%" % (100 * v), ha="center", va="center", fontsize=7,
                        color="white" if k in (0, 2, 3) else "black")
        left = [a + b for a, b in zip(left, vals)]
    ax.set_yticks(y)
    ax.set_yticklabels(names, fontsize=9)
    ax.get_yticklabels()[bound].set_fontweight("bold")
    ax.invert_yaxis()
    ax.set_xlim(0, 1)
    ax.xaxis.set_major_formatter(PercentFormatter(1.0))
    xlabel = "share of the run's cycles" + (" (%s cycles)" % eng(run_total) if run_total else "")
    machine = (report.get("stats") or {}).get("machine")
    if isinstance(machine, dict):
        notes = []
        ov = num(machine.get("overlap_cycles"))
        if ov is not None and run_total:
            notes.append("2+ units busy in %.1f%% of cycles" % (100.0 * ov / run_total))
        ub = num(machine.get("unit_busy_cycles"))
        if ub is not None and run_total:
            notes.append("busy cycles summed over units = %.2f x run" % (ub / run_total))
        cmds = num(machine.get("commands"))
        if cmds is not None:
            notes.append("%s commands" % format(int(cmds), ","))
        if notes:
            xlabel += "\nmachine: " + "; ".join(notes)
    ax.set_xlabel(xlabel, fontsize=9)
    ax.legend(loc="lower center", bbox_to_anchor=(0.5, 1.0), ncol=3, fontsize=8, frameon=False)
    fig.suptitle("Where each unit's cycles went: bound by %s (%.1f%% busy)" % (names[bound], 100 * busy[bound]),
                 fontsize=11)
    if dsp:
        a2 = axes[1][0]
        macs = [m for _, m in dsp]
        a2.barh(range(len(dsp)), macs, color="tab:blue", height=0.6)
        total = sum(macs)
        for i, m in enumerate(macs):
            a2.text(m, i, "  %sMAC (%.0f%%)" % (eng(m), 100.0 * m / total if total else 0), va="center", fontsize=8)
        a2.set_yticks(range(len(dsp)))
        a2.set_yticklabels([n for n, _ in dsp], fontsize=9)
        a2.invert_yaxis()
        a2.set_xlim(0, max(macs) * 1.3 if max(macs) else 1)
        a2.xaxis.set_major_formatter(EngFormatter(sep=" "))
        a2.set_xlabel("MACs executed")
        a2.set_title("MACs per DSP group (total %sMAC)" % eng(total), fontsize=10)
        a2.grid(axis="x", alpha=0.3)
        a2.set_axisbelow(True)
    fig.tight_layout(h_pad=2.0)
    save(fig, out)
    return None


def plot_skip(report, out):
    rows = layer_rows(report)
    acc = defaultdict(lambda: [0, 0])  # (role, step) -> skipped, dense
    for r in rows:
        ex, sk = num(r.get("macs_executed")) or 0, num(r.get("macs_skipped")) or 0
        acc[(r.get("role") or "?", r.get("step", 0))][0] += sk
        acc[(r.get("role") or "?", r.get("step", 0))][1] += ex + sk
    if not acc or not any(v[0] for v in acc.values()):
        return "no skipped MACs in the layers (dense run)"
    roles = sorted({k[0] for k in acc if acc[k][1]})
    steps = sorted({k[1] for k in acc})
    if len(steps) == 1:  # one step: a line per role would be a lone dot; bars per role instead
        s = steps[0]
        ratios = [acc[(role, s)][0] / acc[(role, s)][1] for role in roles]
        fig, ax = plt.subplots(figsize=(7, 0.3 * len(roles) + 1.5))
        ax.barh(range(len(roles)), ratios, color="tab:cyan")
        for i, v in enumerate(ratios):
            ax.text(v, i, " %.0f%%" % (100 * v), va="center", fontsize=7)
        ax.set_yticks(range(len(roles)))
        ax.set_yticklabels(roles, fontsize=8)
        ax.invert_yaxis()
        ax.set_xlim(0, 1)
        ax.xaxis.set_major_formatter(PercentFormatter(1.0))
        ax.set_xlabel("skipped MACs / dense MACs (%)")
        ax.set_title("skip ratio per operator role (denoising step %s)" % s, fontsize=10)
    else:
        fig, ax = plt.subplots(figsize=(9, 4.5))
        # Roles with identical curves (fc1 and fc2 skip the same MLP tokens) are one line named after
        # all of them, so no series hides under another; roles never skipped share one flat line.
        curves = OrderedDict()
        for role in roles:
            ys = tuple(round(acc[(role, s)][0] / acc[(role, s)][1], 9) if acc[(role, s)][1] else None
                       for s in steps)
            curves.setdefault(ys, []).append(role)
        for k, (ys, names) in enumerate(curves.items()):
            pts = [(s, y) for s, y in zip(steps, ys) if y is not None]
            if not pts:
                continue
            never = all(y == 0 for _, y in pts)
            label = " = ".join(names)
            if never:  # wrapped: a long list would squeeze the axes
                label = "never skipped:\n" + ",\n".join(", ".join(names[i:i + 3]) for i in range(0, len(names), 3))
            colour, marker, dash = ("0.6", "", ":") if never else series_style(k)
            ax.plot([p[0] for p in pts], [p[1] for p in pts], color=colour, marker=marker, ms=4,
                    linestyle=dash, linewidth=1.2, label=label)
        ax.set_xlabel("denoising step")
        ax.xaxis.set_major_locator(MaxNLocator(integer=True))
        ax.set_ylabel("skipped MACs / dense MACs (%)")
        ax.set_ylim(0, 1)
        ax.yaxis.set_major_formatter(PercentFormatter(1.0))
        ax.set_title("skip ratio per step and operator role")
        # Outside the axes: the legend never covers a series.
        ax.legend(fontsize=7, loc="upper left", bbox_to_anchor=(1.01, 1.0), frameon=False, title="operator role",
                  title_fontsize=8)
    ax.grid(alpha=0.3)
    ax.set_axisbelow(True)
    fig.tight_layout()
    save(fig, out)
    return None


def plot_energy(report, out):
    comp = report.get("energy")
    if not isinstance(comp, dict) or not comp:
        return "no energy components in the report"
    names = [n for n in comp if num(comp[n]) is not None and num(comp[n]) > 0]
    if not names:
        return "no non-zero energy components in the report"
    names.sort(key=lambda n: -num(comp[n]))
    vals = [num(comp[n]) for n in names]
    fig, ax = plt.subplots(figsize=(8, 0.28 * len(names) + 1.6))
    ax.barh(range(len(names)), vals, color="tab:green")
    log = max(vals) > 100 * min(vals)
    if log:  # static power dwarfs the rest: a log axis keeps every component readable
        ax.set_xscale("log")
    total = num(report.get("energy_j")) or sum(vals)
    for i, v in enumerate(vals):
        ax.text(v, i, " %.3g J (%.1f%%)" % (v, 100.0 * v / total), va="center", fontsize=7)
    ax.set_yticks(range(len(names)))
    ax.set_yticklabels([ENERGY_LABELS.get(n, n) for n in names], fontsize=8)
    ax.invert_yaxis()
    ax.set_xlim(min(vals) / 2 if log else 0, max(vals) * (20 if log else 1.35))
    ax.set_xlabel("energy (J%s)" % (", log scale" if log else ""))
    ax.set_title("energy per component (total %.4g J)" % total, fontsize=10)
    ax.grid(axis="x", alpha=0.3)
    ax.set_axisbelow(True)
    fig.tight_layout()
    save(fig, out)
    return None


def read_power_csv(path):
    """(start times in s, {category: [W]}) from power.csv, or None."""
    try:
        with open(path) as f:
            head = f.readline().strip().split(",")
            rows = [line.strip().split(",") for line in f if line.strip()]
    except OSError:
        return None
    if not rows or head[0] != "start_ms":
        return None
    t = [float(r[0]) * 1e-3 for r in rows]
    cols = {h[:-2]: [float(r[i]) for r in rows] for i, h in enumerate(head) if h.endswith("_w")}
    return t, cols


def plot_power(report, out, csv_path):
    p = report.get("power")
    if not isinstance(p, dict) or not isinstance(p.get("average_w"), dict):
        return "no power object in the report (older report?)"
    avg = p["average_w"]
    cats = [c for c in POWER_CATEGORIES if num(avg.get(c[0])) is not None]
    series = read_power_csv(csv_path)
    fig, axes = plt.subplots(1, 2 if series else 1, figsize=(13 if series else 6, 5), squeeze=False,
                             gridspec_kw={"width_ratios": [1, 2.6]} if series else None)
    ax = axes[0][0]
    bottom = 0.0
    for key, label, colour in cats:
        v = num(avg[key])
        ax.bar([0], [v], bottom=bottom, color=colour, width=0.5, label="%s: %.2f W" % (label, v))
        if v >= 0.04 * (num(avg.get("total")) or 1):
            ax.text(0, bottom + v / 2, "%.1f W" % v, ha="center", va="center", fontsize=8)
        bottom += v
    limit = num(p.get("card_limit_w")) or 0
    card = num(p.get("card_w")) or 0
    if limit:
        ax.axhline(limit, color="red", linestyle="--", linewidth=1)
        ax.text(0.3, limit, " card limit %.0f W" % limit, color="red", va="bottom", fontsize=8)
    ax.set_xticks([0])
    ax.set_xticklabels(["average (chip + HBM)"])
    ax.set_xlim(-0.6, 0.9)
    ax.set_ylim(0, max(bottom, limit) * 1.12)
    ax.set_ylabel("power (W)")
    ax.set_title("average power %.1f W, card %.1f W (%s)" % (bottom, card, p.get("temperature", "?")), fontsize=10)
    ax.legend(fontsize=7, loc="upper left", bbox_to_anchor=(0.0, -0.08), frameon=False)
    ax.grid(axis="y", alpha=0.3)
    ax.set_axisbelow(True)
    if series:
        t, cols = series
        a2 = axes[0][1]
        stack = [(c, cols[c[0]]) for c in cats if c[0] in cols]
        a2.stackplot(t, [v for _, v in stack], colors=[c[2] for c, _ in stack], labels=[c[1] for c, _ in stack],
                     step="post")
        peak, at = num(p.get("peak_w")) or 0, num(p.get("peak_at_s")) or 0
        a2.axvline(at, color="black", linewidth=0.8, linestyle=":")
        a2.text(at, peak, " peak %.1f W" % peak, fontsize=8, va="bottom")
        if limit:
            a2.axhline(limit, color="red", linestyle="--", linewidth=1)
        a2.set_xlabel("time (s), windows of %s" % eng(num(p.get("window_s")) or 0) + "s")
        a2.set_ylabel("power (W), stacked by category")
        a2.set_ylim(0, max(peak, limit) * 1.12)
        a2.set_xlim(0, t[-1] + (num(p.get("window_s")) or 0))
        a2.set_title("power over time (power.csv)", fontsize=10)
        a2.grid(alpha=0.3)
        a2.set_axisbelow(True)
    fig.tight_layout()
    save(fig, out)
    return None


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("out_dir", help="folder with report.json (vgmsim run --out), or the report.json itself")
    ap.add_argument("--max-layers", type=int, default=48, help="above this, layers are summed per role")
    a = ap.parse_args()
    path = a.out_dir if os.path.isfile(a.out_dir) else os.path.join(a.out_dir, "report.json")
    out_dir = os.path.dirname(path) or "."
    try:
        with open(path) as f:
            report = json.load(f)
    except (OSError, ValueError) as e:
        sys.exit("error: %s: %s" % (path, e))
    jobs = [("layers_cycles.png", lambda o: plot_layers(report, o, a.max_layers)),
            ("units.png", lambda o: plot_units(report, o)),
            ("skip_ratio.png", lambda o: plot_skip(report, o)),
            ("energy.png", lambda o: plot_energy(report, o)),
            ("power.png", lambda o: plot_power(report, o, os.path.join(out_dir, "power.csv")))]
    for name, fn in jobs:
        out = os.path.join(out_dir, name)
        skipped = fn(out)
        print(("skipped %s: %s" % (name, skipped)) if skipped else "wrote %s" % out)


if __name__ == "__main__":
    main()
