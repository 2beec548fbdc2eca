#!/usr/bin/python3
"""Test of extract_sparsity.py on a tiny random DiT: the masks must equal a
direct NumPy computation of FlightVGM's detection on the same activations.
Run: /usr/bin/python3 tools/test_extract_sparsity.py  (exit 0 = pass)."""
import argparse
import json
import os
import subprocess
import sys
import tempfile

import numpy as np

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import extract_sparsity as ex  # noqa: E402


def numpy_masks(x, frames, G, K, thr_inter, thr_intra):
    """Reference: x [N, C] one batch element; returns {row: ref}."""
    n = x.shape[0]
    s = n // frames
    xf = x.reshape(frames, s, -1).astype(np.float64)
    nrm = np.maximum(np.linalg.norm(xf, axis=-1), 1e-12)
    ref = {}
    if frames > 1:
        for g0 in range(0, frames, G):
            g1 = min(g0 + G, frames)
            r = g0 + (g1 - g0) // 2
            for t in range(g0, g1):
                if t != r:
                    for p in range(s):
                        if np.dot(xf[t, p], xf[r, p]) / (nrm[t, p] * nrm[r, p]) >= thr_inter:
                            ref[t * s + p] = r * s + p
    for t in range(frames):
        for b0 in range(0, s, K):
            m = b0 + (min(b0 + K, s) - b0) // 2
            for p in range(b0, min(b0 + K, s)):
                row = t * s + p
                sim = np.dot(xf[t, p], xf[t, m]) / (nrm[t, p] * nrm[t, m])
                if p != m and row not in ref and sim >= thr_intra:
                    ref[row] = t * s + m
    out = {}
    for row in ref:
        r = ref[row]
        while r in ref:
            r = ref[r]
        out[row] = r
    return out


def main():
    failures = 0
    with tempfile.TemporaryDirectory() as tmp:
        out = os.path.join(tmp, "masks.json")
        # 256x256 input: 16x16 tokens per frame, the token count of a dit-xl-2 256 trace.
        args = argparse.Namespace(output=out, checkpoint=None, image_size=256, frames=4, steps=2, cfg="on",
                                  seed=3, depth=2, hidden=64, heads=4, group_frames=4, block_tokens=4,
                                  threshold_inter=0.9, threshold_intra=0.6)
        inputs = {}
        doc = ex.extract(args, keep_inputs=inputs)
        n = 4 * 16 * 16
        assert doc["tokens"] == n and doc["batch"] == 2 and doc["steps"] == 2
        assert len(inputs) == 2 * 2 * 4, len(inputs)  # steps x blocks x hooked layers
        got = {(m["step"], m["block"], m["group"]): dict(zip(m["rows"], m["refs"])) for m in doc["masks"]}
        total = skipped = 0
        for key, x in inputs.items():
            want = {}
            for b in range(x.shape[0]):
                for r, ref in numpy_masks(x[b].numpy(), 4, 4, 4, 0.9, 0.6).items():
                    want[b * n + r] = b * n + ref
            total += x.shape[0] * n
            skipped += len(want)
            if got.get(key, {}) != want:
                failures += 1
                print("FAIL %s: extractor %d rows, numpy %d rows" % (key, len(got.get(key, {})), len(want)))
            for r, ref in want.items():
                assert ref not in want, "reference %d of row %d is skipped" % (ref, r)
        frac = skipped / total
        print("checked %d layer inputs, skipped fraction %.3f" % (len(inputs), frac))
        if not 0.01 < frac < 0.95:
            failures += 1
            print("FAIL: skipped fraction %.3f gives no signal (expected some but not all rows)" % frac)
        # The masks file must be accepted by vgmsim when the binary is built.
        binary = os.environ.get("VGMSIM_BIN") or os.path.join(os.path.dirname(__file__), "..", "build", "vgmsim")
        if os.path.exists(binary):
            trace = os.path.join(tmp, "t.vgmt")
            # Masks of the 2-block test model do not describe DiT-XL/2's 28 blocks: an error naming both.
            r = subprocess.run([binary, "trace", "dit-xl-2", "--frames", "4", "--steps", "2",
                                "--sparsity", "masks:" + out, "-o", trace], capture_output=True, text=True)
            if r.returncode != 2 or "with 2 blocks" not in r.stderr or "trace has 28 blocks" not in r.stderr:
                failures += 1
                print("FAIL: vgmsim accepted 2-block masks for DiT-XL/2:", r.returncode, r.stderr)
            # Relabelled as 28 blocks (they name blocks 0-1 only) they must round-trip.
            doc28 = dict(doc, detector=dict(doc["detector"], depth=28))
            out28 = os.path.join(tmp, "masks28.json")
            with open(out28, "w") as f:
                json.dump(doc28, f)
            r = subprocess.run([binary, "trace", "dit-xl-2", "--frames", "4", "--steps", "2",
                                "--sparsity", "masks:" + out28, "-o", trace], capture_output=True, text=True)
            info = subprocess.run([binary, "trace", "info", trace, "--json"], capture_output=True, text=True)
            if r.returncode or info.returncode:
                failures += 1
                print("FAIL: vgmsim rejected the masks:", r.stderr, info.stderr)
            else:
                rows = sum(v["skipped_rows"] for v in json.loads(info.stdout)["roles"].values())
                if rows != sum(len(m["rows"]) for m in doc["masks"]):
                    failures += 1
                    print("FAIL: vgmsim trace has %d skipped rows, masks %d" % (rows, skipped))
                else:
                    print("vgmsim accepted the masks: %d skipped rows" % rows)
        else:
            print("note: %s not built, skipped the vgmsim round trip" % binary)
    print("FAILED" if failures else "PASSED")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
