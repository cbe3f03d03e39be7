"""synth.py: make SFT editing trajectories offline; ``python -m scenerevis.train.synth --out DATA ...``.

Writes ``DATA/train.jsonl``, ``DATA/val.jsonl`` (rows in the SceneChain-12K layout), ``DATA/images/``
and ``DATA/stats.json``. Every finished chain is kept as ``DATA/rows/<id>.json`` (atomic), so an
interrupted run resumes where it stopped; designer source scenes are cached in ``DATA/sources/``.
Chains are seeded per (seed, scene, chain) and do not depend on ``--workers``.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import logging
import multiprocessing
import os
import random
import sys
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from scenerevis.fileio import atomic_write_json, atomic_write_text
from scenerevis.scene.formats import scene_from_dict, scene_to_flat
from scenerevis.train.reverse import ChainPlan, ReverseConfig, compile_chain, plan_reverse_chain, select_diverse
from scenerevis.train.synth_revision import RevisionConfig, plan_revision_chain
from scenerevis.train.synth_sources import SourceScene

log = logging.getLogger(__name__)


@dataclass
class SynthConfig:
    """Options of one synthesis run (see :func:`main` for the command-line names)."""

    out: Path
    scenes: Path | None = None
    from_designer: int = 0
    chains_per_scene: int = 3
    candidates_per_chain: int = 3  # reverse chains planned per kept chain (the most diverse are kept)
    revision_ratio: float = 0.3  # share of chains that are revision chains
    renderer: str = "gl"
    render_engine: str | None = None  # Blender engine override (workbench / eevee / cycles)
    resolution: int = 512
    seed: int = 0
    workers: int = 1
    val_ratio: float = 0.05
    feedback: bool = True  # physics feedback block in user turns, as the loop's default
    system_prompt_file: str | None = None
    max_pixels: int = 1024 * 28 * 28
    min_turns: int = 4
    max_turns: int = 8
    cot_endpoint: str | None = None
    cot_model: str = "gpt-4o"
    limit: int | None = None  # stop after this many chains (benchmarks)
    progress: bool = True
    op_mix: dict[str, float] = field(default_factory=dict)


# ---------------------------------------------------------------------------------------- planning
def plan_scene_chains(src: SourceScene, cfg: SynthConfig) -> list[tuple[int, ChainPlan]]:
    """The chains of one source scene: ``(chain id, plan)``; seeded by (seed, scene id) only."""
    rng = random.Random(f"{cfg.seed}:{src.scene_id}")
    rev_cfg = ReverseConfig(min_turns=cfg.min_turns, max_turns=cfg.max_turns, **({"op_mix": cfg.op_mix} if cfg.op_mix else {}))
    fix_cfg = RevisionConfig(min_turns=max(2, cfg.min_turns), max_turns=cfg.max_turns)
    kinds = ["revision" if rng.random() < cfg.revision_ratio else "reverse" for _ in range(cfg.chains_per_scene)]
    n_rev = kinds.count("reverse")
    plans: list[ChainPlan] = []
    if n_rev:
        cands = [plan_reverse_chain(src.scene, rng, rev_cfg) for _ in range(n_rev * max(1, cfg.candidates_per_chain))]
        plans += [cands[i] for i in select_diverse(cands, n_rev)]
    for _ in range(cfg.chains_per_scene - n_rev):
        try:
            plans.append(plan_revision_chain(src.scene, rng, fix_cfg))
        except ValueError as err:
            log.warning("%s: %s", src.scene_id, err)
    return list(enumerate(plans))


def is_val(scene_id: str, seed: int, ratio: float) -> bool:
    """Seeded split by source scene (stable when scenes are added)."""
    h = int(hashlib.sha1(f"{seed}:{scene_id}".encode()).hexdigest(), 16) / 16**40
    return h < ratio


# ---------------------------------------------------------------------------------------- workers
_ENV: Any = None
_CFG: SynthConfig | None = None


def build_env(cfg: SynthConfig, render: bool = True):
    """A SceneEnv with the built-in retriever and resolver and, when ``render``, the chosen renderer."""
    from scenerevis.assets import RetrievalConfig, Retriever, get_resolver
    from scenerevis.env import EnvConfig, SceneEnv

    resolver = get_resolver("auto")
    renderer = None
    if render:
        from scenerevis.render import RenderConfig, SceneRenderer

        opts: dict[str, Any] = {"renderer": cfg.renderer, "resolution": cfg.resolution, "seed": cfg.seed}
        if cfg.render_engine:
            opts["engine"] = cfg.render_engine
        renderer = SceneRenderer(RenderConfig(**opts), resolver)
    env_cfg = EnvConfig(max_turns=100, render=render, enable_physics_feedback=cfg.feedback)
    return SceneEnv(retriever=Retriever(RetrievalConfig()), renderer=renderer, resolver=resolver, config=env_cfg)


def _init_worker(cfg: SynthConfig, in_pool: bool = True) -> None:
    global _ENV, _CFG
    os.environ.setdefault("PYOPENGL_PLATFORM", "egl")
    _CFG = cfg
    _ENV = build_env(cfg)
    if in_pool:  # stop the renderer (and its Blender worker process) when the pool worker exits
        from multiprocessing import util

        util.Finalize(None, _close_env, exitpriority=10)


def _close_env() -> None:
    global _ENV
    if _ENV is not None:
        _ENV.close()
        _ENV = None


def run_task(task: tuple[dict[str, Any], str, str, int, ChainPlan]) -> tuple[str, str | None]:
    """Play one chain in this worker's env and write its row file; returns (row id, error or None)."""
    from scenerevis.chat import load_system_prompt
    from scenerevis.train.synth_play import ChainPlayError, PlayOptions, play_chain

    flat, requirement, scene_id, k, plan = task
    cfg = _CFG
    assert cfg is not None and _ENV is not None
    rid = f"{scene_id}_chain_{k}"
    opts = PlayOptions(load_system_prompt(cfg.system_prompt_file), cot=_cot_endpoint(cfg))
    rng = random.Random(f"{cfg.seed}:{scene_id}:{k}:play")
    try:
        compiled = compile_chain(plan)
        row = play_chain(_ENV, requirement, plan, compiled, rng, cfg.out, scene_id, k, opts)
    except (ChainPlayError, ValueError) as err:
        return rid, str(err)
    except Exception as err:  # noqa: BLE001 - one broken chain (a renderer crash) must not end the run
        log.exception("chain %s failed", rid)
        return rid, f"{type(err).__name__}: {err}"
    row["metadata"]["source"] = flat.get("_origin", "")
    atomic_write_json(cfg.out / "rows" / f"{rid}.json", row, indent=None)
    return rid, None


def _cot_endpoint(cfg: SynthConfig):
    """The think-rewriting endpoint (key from $OPENAI_API_KEY when the server needs one), or None."""
    if not cfg.cot_endpoint:
        return None
    from scenerevis.endpoints import EndpointConfig

    return EndpointConfig(model=cfg.cot_model, base_url=cfg.cot_endpoint)


# ---------------------------------------------------------------------------------------- sources
def load_sources(cfg: SynthConfig) -> list[SourceScene]:
    """Source scenes (designer ones cached in ``out/sources``); rejected folder files go to ``out/rejected_sources.json``."""
    from scenerevis.physics.evaluate import evaluate_physics

    src_dir = cfg.out / "sources"
    src_dir.mkdir(parents=True, exist_ok=True)
    if cfg.scenes is not None:
        from scenerevis.assets import get_resolver
        from scenerevis.train.synth_sources import from_folder

        resolver = get_resolver("auto")
        kept, rejected = from_folder(cfg.scenes, lambda s: evaluate_physics(s, resolver), cfg.seed)
        atomic_write_json(cfg.out / "rejected_sources.json", rejected)
        return kept
    cached = sorted(src_dir.glob("*.json"))
    out = [_read_source(p) for p in cached]
    if len(out) >= cfg.from_designer:
        return out[: cfg.from_designer]
    from scenerevis.train.synth_sources import from_designer

    env = build_env(cfg, render=False)
    have = {s.scene_id for s in out}
    bar = _bar(cfg, cfg.from_designer, "designer scenes", len(out))
    resolver = env.resolver
    for src in from_designer(cfg.from_designer, cfg.seed, lambda s: evaluate_physics(s, resolver), env):
        if src.scene_id in have:
            continue
        atomic_write_json(src_dir / f"{src.scene_id}.json", {"requirement": src.requirement, "scene": scene_to_flat(src.scene)})
        out.append(src)
        bar.update(1)
        if len(out) >= cfg.from_designer:
            break
    bar.close()
    env.close()
    return out


def _read_source(path: Path) -> SourceScene:
    data = json.loads(path.read_text(encoding="utf-8"))
    scene = scene_from_dict(data["scene"], str(path))
    return SourceScene(path.stem, scene, data["requirement"], "designer")


def _bar(cfg: SynthConfig, total: int, desc: str, initial: int = 0):
    from tqdm import tqdm

    return tqdm(total=total, desc=desc, initial=initial, disable=not cfg.progress, dynamic_ncols=True)


# ---------------------------------------------------------------------------------------- run
def synthesize(cfg: SynthConfig) -> dict[str, Any]:
    """Run the whole pipeline; returns the stats dict (also written to ``out/stats.json``)."""
    cfg.out.mkdir(parents=True, exist_ok=True)
    (cfg.out / "rows").mkdir(exist_ok=True)
    sources = load_sources(cfg)
    if not sources:
        raise SystemExit(f"{cfg.scenes or 'designer'}: no source scene passed the filter")
    tasks = []
    for src in sources:
        flat = scene_to_flat(src.scene)
        flat["_origin"] = src.origin
        for k, plan in plan_scene_chains(src, cfg):
            tasks.append((flat, src.requirement, src.scene_id, k, plan))
    if cfg.limit is not None:
        tasks = tasks[: cfg.limit]
    todo = [t for t in tasks if not (cfg.out / "rows" / f"{t[2]}_chain_{t[3]}.json").exists()]
    failures: dict[str, str] = {}
    bar = _bar(cfg, len(tasks), "chains", len(tasks) - len(todo))
    if cfg.workers <= 1:
        if todo:
            _init_worker(cfg, in_pool=False)
        try:
            for t in todo:
                rid, err = run_task(t)
                if err:
                    failures[rid] = err
                bar.update(1)
        finally:
            _close_env()
    else:
        # spawn, not fork: the parent has torch (MiniLM) and GL loaded, and a forked child deadlocks in their
        # thread pools (seen: every worker hung in torch's layer_norm on the first retrieval)
        ctx = multiprocessing.get_context("spawn")
        with ProcessPoolExecutor(cfg.workers, mp_context=ctx, initializer=_init_worker, initargs=(cfg,)) as pool:
            for fut in as_completed([pool.submit(run_task, t) for t in todo]):
                rid, err = fut.result()
                if err:
                    failures[rid] = err
                bar.update(1)
    bar.close()
    if failures:
        atomic_write_json(cfg.out / "failures.json", failures)
        log.warning("%d chains failed; see %s", len(failures), cfg.out / "failures.json")
    return assemble(cfg, [f"{t[2]}_chain_{t[3]}" for t in tasks])


def assemble(cfg: SynthConfig, ids: list[str]) -> dict[str, Any]:
    """Write train/val JSONL (split by scene) and stats.json from the finished row files."""
    from scenerevis.train.synth_stats import dataset_stats

    splits: dict[str, list[dict[str, Any]]] = {"train": [], "val": []}
    rows = []
    for rid in ids:
        p = cfg.out / "rows" / f"{rid}.json"
        if p.exists():
            rows.append(json.loads(p.read_text(encoding="utf-8")))
    scene_ids = sorted({r["metadata"]["scene_id"] for r in rows})
    val = {s for s in scene_ids if is_val(s, cfg.seed, cfg.val_ratio)}
    if not val and cfg.val_ratio > 0 and len(scene_ids) >= 2:
        val = {min(scene_ids, key=lambda s: hashlib.sha1(f"{cfg.seed}:{s}".encode()).hexdigest())}
    for r in rows:
        splits["val" if r["metadata"]["scene_id"] in val else "train"].append(r)
    for name, rs in splits.items():
        atomic_write_text(cfg.out / f"{name}.jsonl", "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rs))
    stats = dataset_stats(splits, cfg.out, cfg.max_pixels)
    atomic_write_json(cfg.out / "stats.json", stats)
    return stats


def _op_mix(ap: argparse.ArgumentParser, text: str | None) -> dict[str, float]:
    if not text:
        return {}
    out = {}
    for part in text.split(","):
        name, _, value = part.partition("=")
        try:
            out[name.strip()] = float(value)
        except ValueError:
            ap.error(f"--op-mix: expected name=weight, got {part!r}")
    try:
        ReverseConfig(op_mix=out)
    except ValueError as err:
        ap.error(f"--op-mix: {err}")
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m scenerevis.train.synth", description=__doc__.splitlines()[0])
    ap.add_argument("--out", required=True, type=Path, help="output folder DATA")
    src = ap.add_mutually_exclusive_group()
    src.add_argument("--scenes", type=Path, help="folder of scene files (flat / grouped / ReSpace / 3D-FRONT-style boxes)")
    src.add_argument("--from-designer", type=int, default=0, metavar="N", help="N scenes made by the built-in designer")
    ap.add_argument("--chains-per-scene", type=int, default=3, metavar="K")
    ap.add_argument("--candidates", type=int, default=3, help="reverse chains planned per kept chain (most diverse kept)")
    ap.add_argument("--revision-ratio", type=float, default=0.3, help="share of revision (defect -> fix) chains")
    ap.add_argument("--renderer", choices=("gl", "blender"), default="gl")
    ap.add_argument("--render-engine", choices=("workbench", "eevee", "cycles"), help="Blender engine (default: RenderConfig's)")
    ap.add_argument("--resolution", type=int, default=512, help="pixels per view (merged image is 1080 x 570)")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--workers", type=int, default=1)
    ap.add_argument("--val-ratio", type=float, default=0.05)
    ap.add_argument("--no-feedback", action="store_true", help="no physics <feedback> block (SceneChain-12K style)")
    ap.add_argument("--system-prompt-file", help="system prompt text (default: ours)")
    ap.add_argument("--max-pixels", type=int, default=1024 * 28 * 28, help="Qwen2.5-VL max_pixels for the token estimate")
    ap.add_argument("--op-mix", help="reverse op weights, e.g. add=0.35,remove=0.1,move=0.2,rotate=0.2,scale=0.05,replace=0.1")
    ap.add_argument("--min-turns", type=int, default=4)
    ap.add_argument("--max-turns", type=int, default=8)
    ap.add_argument(
        "--cot-endpoint", help="OpenAI-compatible base URL (incl. /v1) that rewrites each <think> text; key from $OPENAI_API_KEY"
    )
    ap.add_argument("--cot-model", default="gpt-4o")
    ap.add_argument("--limit", type=int, help="stop after this many chains")
    ap.add_argument("--no-progress", action="store_true")
    args = ap.parse_args(argv)
    if args.scenes is None and args.from_designer <= 0:
        ap.error("give --scenes DIR or --from-designer N")
    if args.scenes is not None and not args.scenes.is_dir():
        ap.error(f"--scenes: {args.scenes} is not a folder")
    if args.scenes is not None and (
        args.out.resolve() == args.scenes.resolve() or args.scenes.resolve() in args.out.resolve().parents
    ):
        ap.error("--out must be outside the --scenes folder (nothing is written into a dataset folder)")
    os.environ.setdefault("PYOPENGL_PLATFORM", "egl")
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(message)s")
    cfg = SynthConfig(
        out=args.out,
        scenes=args.scenes,
        from_designer=args.from_designer,
        chains_per_scene=args.chains_per_scene,
        candidates_per_chain=args.candidates,
        revision_ratio=args.revision_ratio,
        renderer=args.renderer,
        render_engine=args.render_engine,
        resolution=args.resolution,
        seed=args.seed,
        workers=args.workers,
        val_ratio=args.val_ratio,
        feedback=not args.no_feedback,
        system_prompt_file=args.system_prompt_file,
        max_pixels=args.max_pixels,
        min_turns=args.min_turns,
        max_turns=args.max_turns,
        cot_endpoint=args.cot_endpoint,
        cot_model=args.cot_model,
        limit=args.limit,
        progress=not args.no_progress,
        op_mix=_op_mix(ap, args.op_mix),
    )
    stats = synthesize(cfg)
    print(json.dumps({"rows": stats["rows"], "turns_histogram": stats["turns_histogram"]}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
