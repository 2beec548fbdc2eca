#!/usr/bin/python3
"""Extract FlightVGM-style token sparsity masks from a DiT run, for vgmsim.

  extract_sparsity.py extract -o masks.json (--checkpoint DiT-XL-2-256x256.pt | --random-weights)
        [--image-size 256] [--frames 1] [--steps 4] [--cfg on] [--seed 0]
  extract_sparsity.py fit-profile LOG -o profile.json

`extract` runs DiT-XL/2 (own definition below; loads the public
facebookresearch/DiT state dicts when given) with forward hooks on every block
linear layer (attn.qkv, attn.proj, mlp.fc1, mlp.fc2) and applies FlightVGM's
detection to each layer's real input activations:
  inter-frame: frames split into groups of G; the middle frame of a group is
    the reference; a token of another frame is skipped when its cosine
    similarity with the same-position token of the reference frame >= the
    inter threshold;
  intra-frame: each frame's tokens (raster order) split into blocks of K; the
    middle token is the reference; a token not already pruned inter-frame is
    skipped when its similarity with that reference >= the intra threshold.
A skipped row copies its reference's output; when that reference is itself
skipped, the row points to the reference's own reference (the row whose value
is really copied), so vgmsim never sees a reference that is skipped.
The masks file is read by `vgmsim trace dit-xl-2 ... --sparsity masks:FILE`.

`fit-profile` turns the FlightVGM OpenSora 1.2 sparsity log into the per-role,
per-step profile that `--sparsity stat:PROFILE` uses (mean over prompts and
blocks of the skip fraction each value means, as FACTS.md defines it).
"""
import argparse
import json
import math
import sys

GROUPS = {"attn.qkv": "qkv", "attn.proj": "out", "mlp.fc1": "fc1", "mlp.fc2": "fc2"}
# The simulator's defaults (`vgmsim params sparsity`): G, K and the threshold per role,
# used for both the inter- and the intra-frame pass unless overridden.
DEFAULT_G, DEFAULT_K = 3, 4
ROLE_THRESHOLDS = {"qkv": 0.92, "out": 0.90, "fc1": 0.75, "fc2": 0.75}


# ---------------------------------------------------------------- detection
def detect(x, frames, group_frames, block_tokens, thr_inter, thr_intra):
    """x: [N, C] activations of one batch element, N = frames * S, frame-major.
    Returns {row: ref} of skipped rows (refs resolved to non-skipped rows)."""
    import torch

    n, _ = x.shape
    s = n // frames
    xf = x.double().reshape(frames, s, -1)
    norm = xf.norm(dim=-1).clamp_min(1e-12)
    ref = {}
    if frames > 1:
        for g0 in range(0, frames, group_frames):
            g1 = min(g0 + group_frames, frames)
            r = g0 + (g1 - g0) // 2
            for t in range(g0, g1):
                if t == r:
                    continue
                cos = (xf[t] * xf[r]).sum(-1) / (norm[t] * norm[r])
                for p in torch.nonzero(cos >= thr_inter).flatten().tolist():
                    ref[t * s + p] = r * s + p
    for t in range(frames):
        for b0 in range(0, s, block_tokens):
            b1 = min(b0 + block_tokens, s)
            m = b0 + (b1 - b0) // 2
            cos = (xf[t, b0:b1] * xf[t, m]).sum(-1) / (norm[t, b0:b1] * norm[t, m])
            for i, c in enumerate(cos.tolist()):
                p = b0 + i
                row = t * s + p
                if p != m and row not in ref and c >= thr_intra:
                    ref[row] = t * s + m
    return {row: resolve(ref, row) for row in ref}


def resolve(ref, row):
    r = ref[row]
    while r in ref:  # chains are at most two long (intra reference pruned inter-frame)
        r = ref[r]
    return r


# ---------------------------------------------------------------- model
def build_model(depth, hidden, heads, input_size, frames, num_classes=1000):
    import torch
    import torch.nn as nn

    def sincos(length, dim):
        pos = torch.arange(length, dtype=torch.float64)[:, None]
        omega = 1.0 / 10000 ** (torch.arange(dim // 2, dtype=torch.float64) / (dim / 2))
        out = pos * omega[None]
        return torch.cat([out.sin(), out.cos()], dim=1).float()

    class Attention(nn.Module):
        def __init__(self):
            super().__init__()
            self.qkv = nn.Linear(hidden, 3 * hidden)
            self.proj = nn.Linear(hidden, hidden)

        def forward(self, x):
            b, n, c = x.shape
            q, k, v = self.qkv(x).reshape(b, n, 3, heads, c // heads).permute(2, 0, 3, 1, 4)
            a = ((q @ k.transpose(-2, -1)) * (c // heads) ** -0.5).softmax(-1)
            return self.proj((a @ v).transpose(1, 2).reshape(b, n, c))

    class Mlp(nn.Module):
        def __init__(self):
            super().__init__()
            self.fc1 = nn.Linear(hidden, 4 * hidden)
            self.act = nn.GELU(approximate="tanh")
            self.fc2 = nn.Linear(4 * hidden, hidden)

        def forward(self, x):
            return self.fc2(self.act(self.fc1(x)))

    def modulate(x, shift, scale):
        return x * (1 + scale[:, None]) + shift[:, None]

    class Block(nn.Module):
        def __init__(self):
            super().__init__()
            self.norm1 = nn.LayerNorm(hidden, elementwise_affine=False, eps=1e-6)
            self.attn = Attention()
            self.norm2 = nn.LayerNorm(hidden, elementwise_affine=False, eps=1e-6)
            self.mlp = Mlp()
            self.adaLN_modulation = nn.Sequential(nn.SiLU(), nn.Linear(hidden, 6 * hidden))

        def forward(self, x, c):
            s1, sc1, g1, s2, sc2, g2 = self.adaLN_modulation(c).chunk(6, dim=1)
            x = x + g1[:, None] * self.attn(modulate(self.norm1(x), s1, sc1))
            return x + g2[:, None] * self.mlp(modulate(self.norm2(x), s2, sc2))

    class TimestepEmbedder(nn.Module):
        def __init__(self):
            super().__init__()
            self.mlp = nn.Sequential(nn.Linear(256, hidden), nn.SiLU(), nn.Linear(hidden, hidden))

        def forward(self, t):
            freqs = torch.exp(-math.log(10000) * torch.arange(128, dtype=torch.float32) / 128)
            args = t[:, None].float() * freqs[None]
            return self.mlp(torch.cat([torch.cos(args), torch.sin(args)], dim=-1))

    class PatchEmbed(nn.Module):
        def __init__(self):
            super().__init__()
            self.proj = nn.Conv2d(4, hidden, kernel_size=2, stride=2)

    class LabelEmbedder(nn.Module):
        def __init__(self):
            super().__init__()
            self.embedding_table = nn.Embedding(num_classes + 1, hidden)  # last row: CFG null class

    class FinalLayer(nn.Module):
        def __init__(self):
            super().__init__()
            self.norm_final = nn.LayerNorm(hidden, elementwise_affine=False, eps=1e-6)
            self.linear = nn.Linear(hidden, 2 * 2 * 8)
            self.adaLN_modulation = nn.Sequential(nn.SiLU(), nn.Linear(hidden, 2 * hidden))

    class DiT(nn.Module):
        def __init__(self):
            super().__init__()
            self.x_embedder = PatchEmbed()
            self.t_embedder = TimestepEmbedder()
            self.y_embedder = LabelEmbedder()
            side = input_size // 2
            grid = sincos(side, hidden // 2)
            pos = torch.cat([grid[:, None].expand(side, side, -1), grid[None].expand(side, side, -1)], -1)
            self.register_buffer("pos_embed", pos.reshape(1, side * side, hidden), persistent=False)
            self.register_buffer("time_embed", sincos(frames, hidden)[:, None], persistent=False)
            self.blocks = nn.ModuleList([Block() for _ in range(depth)])
            self.final_layer = FinalLayer()

        def forward(self, x, t, y):
            # x: [B, 4, T, H, W]; each frame is patchified; attention is over all T*S tokens.
            b, c, f, h, w = x.shape
            tok = self.x_embedder.proj(x.permute(0, 2, 1, 3, 4).reshape(b * f, c, h, w))
            tok = tok.flatten(2).transpose(1, 2) + self.pos_embed
            tok = (tok.reshape(b, f, -1, hidden) + self.time_embed[None]).reshape(b, -1, hidden)
            cond = self.t_embedder(t) + self.y_embedder.embedding_table(y)
            for blk in self.blocks:
                tok = blk(tok, cond)
            shift, scale = self.final_layer.adaLN_modulation(cond).chunk(2, dim=1)
            out = self.final_layer.linear(modulate(self.final_layer.norm_final(tok), shift, scale))
            side = h // 2
            out = out.reshape(b, f, side, side, 2, 2, 8).permute(0, 6, 1, 2, 4, 3, 5)
            return out.reshape(b, 8, f, h, w)

    return DiT()


# ---------------------------------------------------------------- run
def run(model, frames, input_size, steps, cfg, seed, on_input):
    """DDIM (eta 0) over `steps` of a 1000-step linear schedule; on_input(step, block, group, x[B,N,C])."""
    import torch

    state = {"step": 0}
    handles = []
    for i, blk in enumerate(model.blocks):
        for name, group in GROUPS.items():
            layer = blk.get_submodule(name)
            handles.append(layer.register_forward_pre_hook(
                lambda mod, inp, i=i, g=group: on_input(state["step"], i, g, inp[0].detach())))
    gen = torch.Generator().manual_seed(seed)
    x = torch.randn(1, 4, frames, input_size, input_size, generator=gen)
    # Latent video frames are strongly correlated: a shared base plus small per-frame motion.
    x = x[:, :, :1] + 0.3 * x
    label = torch.tensor([int(torch.randint(0, 1000, (1,), generator=gen))])
    betas = torch.linspace(1e-4, 0.02, 1000, dtype=torch.float64)
    abar = torch.cumprod(1 - betas, 0)
    ts = torch.linspace(999, 0, steps).round().long().tolist()
    with torch.no_grad():
        for s, t in enumerate(ts):
            state["step"] = s
            xin = torch.cat([x, x]) if cfg else x
            y = torch.cat([label, torch.tensor([1000])]) if cfg else label
            eps = model(xin, torch.full((xin.shape[0],), t), y)[:, :4]
            if cfg:
                eps = eps[1:] + 4.0 * (eps[:1] - eps[1:])
            a, an = abar[t], abar[ts[s + 1]] if s + 1 < steps else torch.tensor(1.0, dtype=torch.float64)
            x0 = (x - (1 - a).sqrt() * eps) / a.sqrt()
            x = (an.sqrt() * x0 + (1 - an).sqrt() * eps).float()
    for h in handles:
        h.remove()


def extract(args, keep_inputs=None):
    import torch

    torch.manual_seed(args.seed)
    model = build_model(args.depth, args.hidden, args.heads, args.image_size // 8, args.frames).eval()
    if args.checkpoint:
        sd = torch.load(args.checkpoint, map_location="cpu")
        sd = sd.get("ema", sd) if isinstance(sd, dict) else sd
        sd = {k: v for k, v in sd.items() if k != "pos_embed"}  # recomputed (also for video)
        model.load_state_dict(sd, strict=True)
    if not args.checkpoint and not getattr(args, "random_weights", True):
        sys.exit("error: extract_sparsity.py extract: no --checkpoint given; masks from random weights say "
                 "nothing about a real model: pass --random-weights to run anyway")
    intra = {g: (args.threshold_intra if args.threshold_intra is not None else t) for g, t in ROLE_THRESHOLDS.items()}
    inter = {g: (args.threshold_inter if args.threshold_inter is not None else t) for g, t in ROLE_THRESHOLDS.items()}
    thr = intra
    masks = []
    side = args.image_size // 16
    n = args.frames * side * side

    def on_input(step, block, group, x):
        if getattr(args, "progress", False) and block == 0 and group == "qkv":
            sys.stderr.write("extract_sparsity: step %d/%d\n" % (step + 1, args.steps))
            sys.stderr.flush()
        if keep_inputs is not None:
            keep_inputs[(step, block, group)] = x.clone()
        rows = {}
        for b in range(x.shape[0]):
            for r, ref in detect(x[b], args.frames, args.group_frames, args.block_tokens,
                                 inter[group], thr[group]).items():
                rows[b * n + r] = b * n + ref
        if rows:
            keys = sorted(rows)
            masks.append({"step": step, "block": block, "group": group, "rows": keys,
                          "refs": [rows[k] for k in keys]})

    run(model, args.frames, args.image_size // 8, args.steps, args.cfg == "on", args.seed, on_input)
    doc = {"format": "vgmsim-masks", "version": 1, "model": "dit-xl-2", "tokens": n,
           "batch": 2 if args.cfg == "on" else 1, "steps": args.steps,
           "thresholds": {"inter": inter, "intra": intra},
           "detector": {"algorithm": "paper", "group_frames": args.group_frames, "block_tokens": args.block_tokens,
                        "depth": args.depth, "hidden": args.hidden,
                        "checkpoint": args.checkpoint or "random init (seed %d)" % args.seed},
           "masks": masks}
    with open(args.output, "w") as f:
        json.dump(doc, f, separators=(",", ":"))
        f.write("\n")
    return doc


# ---------------------------------------------------------------- profile
def fit_profile(log_path, out_path):
    with open(log_path) as f:
        lines = f.read().split("\n")
    vals = [float(v) for v in lines[1:] if v.strip()]
    per = 30 * 56 * 5
    if not vals or len(vals) % per:
        sys.exit("error: %s: %d values, expected a multiple of %d" % (log_path, len(vals), per))
    prompts = len(vals) // per
    names = ["self_qkv", "self_out", "cross_q", "cross_out", "mlp"]
    # Unit of each operator's kept count (FACTS.md): per frame (405) / per position (19) / video (7695).
    units = {("spatial", 0): 405, ("spatial", 1): 405, ("temporal", 0): 19, ("temporal", 1): 19}
    curves = {}
    for kind in ("spatial", "temporal"):
        for o, name in enumerate(names):
            unit = units.get((kind, o), 7695)
            curve = []
            for s in range(30):
                acc = []
                for p in range(prompts):
                    for b in range(0 if kind == "spatial" else 1, 56, 2):
                        v = vals[((p * 30 + s) * 56 + b) * 5 + o]
                        kept = min(unit, round((1 - v) * 7695))
                        acc.append(1 - kept / unit)
                curve.append(round(sum(acc) / len(acc), 6))
            curves[kind + "." + name] = curve
    doc = {"format": "vgmsim-sparsity-profile", "version": 1,
           "fitted_to": "%s: %d prompts x 28 blocks per kind, STDiT3-XL/2 240p 64 frames" % (
               log_path.split("/")[-1], prompts),
           "model": "stdit3-xl-2", "latent": [19, 15, 27],
           "method": "mean skip fraction of the window unit per (block kind, operator, step)",
           "skip_fraction": curves}
    with open(out_path, "w") as f:
        f.write(json.dumps(doc, indent=1) + "\n")


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = ap.add_subparsers(dest="cmd", required=True)
    e = sub.add_parser("extract", help="run a DiT and write a masks file")
    e.add_argument("-o", "--output", required=True)
    e.add_argument("--checkpoint", help="DiT-XL-2-256x256.pt or -512x512.pt state dict")
    e.add_argument("--random-weights", action="store_true",
                   help="run without a checkpoint (random init; masks only exercise the pipeline)")
    e.add_argument("--quiet", dest="progress", action="store_false", help="no per-step progress on stderr")
    e.add_argument("--image-size", type=int, default=256, choices=[256, 512])
    e.add_argument("--frames", type=int, default=1)
    e.add_argument("--steps", type=int, default=4)
    e.add_argument("--cfg", choices=["on", "off"], default="on")
    e.add_argument("--seed", type=int, default=0)
    e.add_argument("--depth", type=int, default=28)
    e.add_argument("--hidden", type=int, default=1152)
    e.add_argument("--heads", type=int, default=16)
    e.add_argument("--group-frames", type=int, default=DEFAULT_G, help="G: frames per inter-frame group (simulator: 3)")
    e.add_argument("--block-tokens", type=int, default=DEFAULT_K, help="K: tokens per intra-frame block (simulator: 4)")
    e.add_argument("--threshold-inter", type=float, default=None,
                   help="one inter-frame threshold for all layers (default: the simulator's per-role thresholds)")
    e.add_argument("--threshold-intra", type=float, default=None,
                   help="one intra-frame threshold for all layers (default: the simulator's per-role thresholds)")
    p = sub.add_parser("fit-profile", help="fit a stat profile to the measured log")
    p.add_argument("log")
    p.add_argument("-o", "--output", required=True)
    args = ap.parse_args(argv)
    if args.cmd == "fit-profile":
        fit_profile(args.log, args.output)
    elif not args.checkpoint and not args.random_weights:
        sys.exit("error: extract_sparsity.py extract: no --checkpoint given; masks from random weights say "
                 "nothing about a real model: pass --random-weights to run anyway")
    else:
        doc = extract(args)
        print("wrote %s: %d masks" % (args.output, len(doc["masks"])))


if __name__ == "__main__":
    main()
