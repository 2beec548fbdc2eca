#!/usr/bin/python3
"""Checks a `vgmsim run --timeline` file against the Chrome trace event
format as Perfetto reads it: a JSON object with a traceEvents list; complete
events ("X") with name, ts, dur >= 0, integer pid and tid; a process_name
for every pid and a thread_name for every track; slices on one track that
nest or follow each other (partial overlaps are drawn wrongly); and the file
size under --max-mb. Prints one line per problem (at most 20) and exits 1,
or prints a one-line summary and exits 0.

    usage: tools/check_timeline.py FILE [--max-mb 100]
"""
import argparse
import json
import os
import sys

PHASES = {"X", "B", "E", "i", "I", "M", "C"}
EPS_US = 1e-3  # ts and dur are printed to 1 ns


def check(doc, problems):
    if not isinstance(doc, dict) or not isinstance(doc.get("traceEvents"), list):
        problems.append("top level is not an object with a traceEvents list")
        return 0, 0
    named_pids, named_tracks, used, slices, counter_pids = set(), set(), set(), {}, set()
    for i, e in enumerate(doc["traceEvents"]):
        where = f"traceEvents[{i}]"
        if not isinstance(e, dict) or e.get("ph") not in PHASES:
            problems.append(f"{where}: ph {e.get('ph') if isinstance(e, dict) else e!r} not one of {sorted(PHASES)}")
            continue
        # Counter events ("C") belong to a process: they carry no tid.
        for key in ("pid",) if e["ph"] == "C" else ("pid", "tid"):
            if not isinstance(e.get(key), int):
                problems.append(f"{where}: {key} {e.get(key)!r} is not an integer")
        if not isinstance(e.get("name"), str) or not e["name"]:
            problems.append(f"{where}: name missing")
        if e["ph"] == "M":
            name = (e.get("args") or {}).get("name")
            if not isinstance(name, str) or not name:
                problems.append(f"{where}: metadata {e.get('name')} has no args.name")
            elif e["name"] == "process_name":
                named_pids.add(e.get("pid"))
            elif e["name"] == "thread_name":
                named_tracks.add((e.get("pid"), e.get("tid")))
            continue
        ts, dur = e.get("ts"), e.get("dur")
        if not isinstance(ts, (int, float)) or ts < 0:
            problems.append(f"{where}: ts {ts!r} is not a number >= 0")
            continue
        if e["ph"] == "X":
            if not isinstance(dur, (int, float)) or dur < 0:
                problems.append(f"{where}: dur {dur!r} is not a number >= 0")
                continue
            slices.setdefault((e.get("pid"), e.get("tid")), []).append((ts, ts + dur, i))
        if e["ph"] == "C":
            counter_pids.add(e.get("pid"))
        else:
            used.add((e.get("pid"), e.get("tid")))
    for pid in sorted(counter_pids - {p for p, _ in used}):
        if pid not in named_pids:
            problems.append(f"pid {pid}: no process_name metadata")
    for pid, tid in sorted(used):
        if pid not in named_pids:
            problems.append(f"pid {pid}: no process_name metadata")
        if (pid, tid) not in named_tracks:
            problems.append(f"pid {pid} tid {tid}: no thread_name metadata")
    for track, spans in slices.items():
        spans.sort(key=lambda s: (s[0], -s[1]))
        stack = []  # ends of the open enclosing slices
        for start, end, i in spans:
            while stack and start >= stack[-1] - EPS_US:
                stack.pop()
            if stack and end > stack[-1] + EPS_US:
                problems.append(f"traceEvents[{i}]: slice on track {track} overlaps the enclosing one partially")
                break
            stack.append(end)
    return sum(len(s) for s in slices.values()), len(used)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("file")
    ap.add_argument("--max-mb", type=float, default=100.0, help="largest allowed file size in MB (1e6 bytes)")
    a = ap.parse_args()
    problems = []
    try:
        size = os.path.getsize(a.file)
    except OSError as err:
        print(f"{a.file}: cannot read: {err.strerror}")
        return 2
    if size > a.max_mb * 1e6:
        problems.append(f"{a.file}: {size / 1e6:.1f} MB, more than --max-mb {a.max_mb:g}")
    try:
        with open(a.file) as f:
            doc = json.load(f)
    except (OSError, ValueError) as err:
        print(f"{a.file}: not valid JSON: {err}")
        return 1
    slices, tracks = check(doc, problems)
    for p in problems[:20]:
        print(f"{a.file}: {p}")
    if len(problems) > 20:
        print(f"{a.file}: ... {len(problems) - 20} more problems")
    if problems:
        return 1
    print(f"{a.file}: ok, {slices} slices on {tracks} tracks, {size / 1e6:.2f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
