"""quality_bench.py: run the built-in rule designer on prompt files and print physics / completeness per room type.

Usage: python bench/quality_bench.py [--prompts-dir split_prompts] [--iterations 10] [--max-prompts N]
Each ``<room_type>.txt`` holds one prompt per line. Objects are evaluated as boxes of their size
(rugs ignored in collisions, as the evaluator does by default). Columns: mean object count, mean
CNR / OBR (%), share of scenes with CNR <= 1 % and OBR = 0, share with the room type's essentials,
share meeting every explicit count of the prompt, mean voxel PBL (m^3), mean navigability and
accessibility (scenerevis.eval.functional), share with a passage narrower than 0.6 m, mean turns,
seconds per episode (policy + box application, no rendering).

With ``--expectations FILE.jsonl`` (hand-written expectations per prompt, see
``scenerevis.policy.brief_check``) it scores the brief instead, per room type: requested instances
present, prompts fully satisfied, arrangement relations met, attribute words carried to the matching
objects (and, with ``--retrieval``, rendered: the built-in asset retrieved for the matching object that
carries the word, else the first matching one, names the word), size words honoured, the floor area within 10 % of a requested one, filler share (objects the
prompt never named; on prompts marked minimal too), surplus (objects matching a request beyond its
count, per requested instance), variety across ``--variety-seeds`` seeds (share
of prompts whose seeds give other retrieved assets; without ``--retrieval`` other descriptions or sizes), CNR / OBR and s/episode.
"""

from __future__ import annotations

import argparse
import json
import statistics
import time
from collections import defaultdict
from pathlib import Path


def run(prompts_dir: Path, iterations: int, max_prompts: int | None, seed: int, voxels: bool, show_failures: int) -> dict:
    from scenerevis.eval.functional import evaluate_functional
    from scenerevis.loop.simulate import run_rule_episode
    from scenerevis.physics import evaluate_physics, evaluate_voxels
    from scenerevis.policy.audit import audit_scene
    from scenerevis.policy.prompt_parse import parse_prompt

    rows: dict[str, list[dict]] = defaultdict(list)
    failures = []
    for path in sorted(prompts_dir.glob("*.txt")):
        lines = [ln.strip() for ln in path.read_text(encoding="utf-8").splitlines() if ln.strip()]
        for k, prompt in enumerate(lines[:max_prompts] if max_prompts else lines):
            t0 = time.perf_counter()
            scene, turns = run_rule_episode(prompt, iterations=iterations, seed=seed)
            dt = time.perf_counter() - t0
            rep = evaluate_physics(scene)
            pbl = evaluate_voxels(scene).pbl if voxels else float("nan")
            audit = audit_scene(scene, parse_prompt(prompt))
            fn = evaluate_functional(scene)
            errors = sum(len(t.errors) for t in turns)
            row = {
                "file": path.stem,
                "index": k,
                "objects": len(scene.objects),
                "cnr": rep.collision_rate,
                "obr": rep.oob_rate,
                "essentials": audit.essentials_ok,
                "counts_ok": audit.counts_ok,
                "explicit_counts": audit.explicit_counts,
                "pbl": pbl,
                "seconds": dt,
                "turns": len(turns),
                "errors": errors,
                "area": scene.floor_area,
                "nav": fn.navigability,
                "access": fn.accessibility if fn.accessibility is not None else 1.0,
                "narrow": fn.narrow_passage,
            }
            rows[path.stem].append(row)
            if rep.collision_rate > 1.0 or rep.oob_rate > 0 or not audit.essentials_ok or errors or not audit.counts_ok:
                failures.append(
                    {
                        **row,
                        "prompt": prompt[:160],
                        "missing": [list(m) for m in audit.missing_essentials],
                        "count_misses": audit.count_misses,
                        "colliding": rep.colliding_objects,
                        "oob": rep.oob_objects,
                    }
                )
    header = f"{'room type':<14}{'prompts':>8}{'objects':>9}{'CNR %':>8}{'OBR %':>8}{'CNR<=1':>8}{'OBR=0':>7}{'essent.':>8}{'counts':>8}{'PBL m3':>9}{'nav':>6}{'access':>7}{'narrow':>7}{'turns':>6}{'s/ep':>6}"
    print(header)
    print("-" * len(header))
    summary = {}
    everything = [r for rs in rows.values() for r in rs]
    for name, rs in list(rows.items()) + [("ALL", everything)]:
        if not rs:
            continue

        def mean(key: str, rs: list[dict] = rs) -> float:
            return statistics.fmean(r[key] for r in rs)

        with_counts = [r for r in rs if r["explicit_counts"]]
        s = {
            "prompts": len(rs),
            "objects": mean("objects"),
            "cnr": mean("cnr"),
            "obr": mean("obr"),
            "cnr_ok": sum(r["cnr"] <= 1.0 for r in rs) / len(rs),
            "obr_ok": sum(r["obr"] == 0 for r in rs) / len(rs),
            "essentials": sum(r["essentials"] for r in rs) / len(rs),
            "counts": (sum(r["counts_ok"] for r in with_counts) / len(with_counts)) if with_counts else float("nan"),
            "pbl": mean("pbl"),
            "turns": mean("turns"),
            "seconds": mean("seconds"),
            "nav": mean("nav"),
            "access": mean("access"),
            "narrow": sum(r["narrow"] for r in rs) / len(rs),
        }
        summary[name] = s
        print(
            f"{name:<14}{s['prompts']:>8}{s['objects']:>9.1f}{s['cnr']:>8.2f}{s['obr']:>8.2f}{s['cnr_ok']:>8.0%}{s['obr_ok']:>7.0%}"
            f"{s['essentials']:>8.0%}{s['counts']:>8.0%}{s['pbl']:>9.4f}{s['nav']:>6.3f}{s['access']:>7.3f}{s['narrow']:>7.0%}"
            f"{s['turns']:>6.1f}{s['seconds']:>6.2f}"
        )
    print(f"\n{len(failures)} prompt(s) with CNR > 1 %, OBR > 0, missing essentials, unmet counts or reply errors")
    for f in failures[:show_failures]:
        print(json.dumps(f))
    return {"summary": summary, "failures": failures}


def run_expectations(path: Path, iterations: int, seed: int, variety_seeds: int, retrieval: bool, show_failures: int) -> dict:
    from scenerevis.loop.simulate import run_rule_episode
    from scenerevis.physics import evaluate_physics
    from scenerevis.policy.brief_check import load_expectations, matches, score_brief
    from scenerevis.policy.plan import ATTRIBUTE_ALIASES

    retriever = None
    if retrieval:
        from scenerevis.assets import Retriever
        from scenerevis.assets.catalog import BuiltinCatalog

        retriever = Retriever()
        catalog = BuiltinCatalog()

        def asset_text(asset_id: str) -> str:  # refinished ids ('<id>~<finish>') too
            a = catalog.get(asset_id)
            return f"{a.description} {a.color} {a.material}".lower()

    rows: dict[str, list[dict]] = defaultdict(list)
    failures = []
    for exp in load_expectations(path):
        t0 = time.perf_counter()
        scene, turns = run_rule_episode(exp.prompt, iterations=iterations, seed=seed)
        dt = time.perf_counter() - t0
        rep = evaluate_physics(scene)
        sc = score_brief(scene, exp)
        rendered = 0
        if retriever is not None and exp.attributes:
            for key, word in exp.attributes:
                objs = [o for o in scene.objects if matches(o, key)]
                # the piece the designer gave the word ("attributes carried" counts the same one), else the first
                objs.sort(key=lambda o: word.lower() not in o.desc.lower())
                if objs:
                    m = retriever.retrieve(objs[0].desc, objs[0].size)
                    text = asset_text(m.asset_id) if m.asset_id in catalog else m.description.lower()
                    rendered += any(a in text for a in ATTRIBUTE_ALIASES.get(word.lower(), (word.lower(),)))
        signatures = set()
        for s in range(seed, seed + variety_seeds):
            other = scene if s == seed else run_rule_episode(exp.prompt, iterations=iterations, seed=s)[0]
            if retriever is not None:  # other assets: what the renderer would show
                found = retriever.retrieve_batch([o.desc for o in other.objects], [o.size for o in other.objects])
                signatures.add(tuple(sorted(m.asset_id for m in found)))
            else:
                signatures.add(tuple(sorted((o.desc, tuple(round(float(v), 2) for v in o.size)) for o in other.objects)))
        row = {
            "file": exp.room,
            "cnr": rep.collision_rate,
            "obr": rep.oob_rate,
            "seconds": dt,
            "items_found": sc.items_found,
            "items_wanted": sc.items_wanted,
            "full": sc.items_full,
            "rel_met": sc.relations_met,
            "rel_asked": sc.relations_asked,
            "attr_met": sc.attributes_met,
            "attr_rendered": rendered,
            "attr_asked": sc.attributes_asked,
            "size_ok": sc.size_ok,
            "size_asked": sc.size_asked,
            "area_ok": sc.area_ok,
            "filler": sc.filler,
            "surplus": sc.surplus,
            "objects": sc.objects,
            "minimal": exp.minimal,
            "varied": len(signatures) > 1,
            "errors": sum(len(t.errors) for t in turns),
        }
        rows[exp.room].append(row)
        if sc.misses or rep.collision_rate > 1.0 or rep.oob_rate > 0 or row["errors"]:
            failures.append(
                {
                    "room": exp.room,
                    "prompt": exp.prompt[:120],
                    "misses": sc.misses,
                    "cnr": rep.collision_rate,
                    "obr": rep.oob_rate,
                }
            )

    def ratio(rs: list[dict], num: str, den: str) -> float:
        d = sum(r[den] for r in rs)
        return sum(r[num] for r in rs) / d if d else float("nan")

    header = (
        f"{'room type':<16}{'prompts':>8}{'items':>7}{'full':>6}{'relat.':>7}{'attr.':>7}{'render':>7}{'size':>6}{'area':>6}"
        f"{'filler':>7}{'fill.min':>9}{'surplus':>8}{'variety':>8}{'CNR %':>7}{'OBR %':>7}{'s/ep':>6}"
    )
    print(header)
    print("-" * len(header))
    summary = {}
    everything = [r for rs in rows.values() for r in rs]
    for name, rs in sorted(rows.items()) + [("ALL", everything)]:
        areas = [r["area_ok"] for r in rs if r["area_ok"] is not None]
        mins = [r for r in rs if r["minimal"]]
        s = {
            "prompts": len(rs),
            "items": ratio(rs, "items_found", "items_wanted"),
            "full": sum(r["full"] for r in rs) / len(rs),
            "relations": ratio(rs, "rel_met", "rel_asked"),
            "attributes": ratio(rs, "attr_met", "attr_asked"),
            "rendered": ratio(rs, "attr_rendered", "attr_asked") if retrieval else float("nan"),
            "size": ratio(rs, "size_ok", "size_asked"),
            "area": sum(areas) / len(areas) if areas else float("nan"),
            "filler": ratio(rs, "filler", "objects"),
            "filler_minimal": ratio(mins, "filler", "objects") if mins else float("nan"),
            "surplus": ratio(rs, "surplus", "items_wanted"),
            "variety": sum(r["varied"] for r in rs) / len(rs) if variety_seeds > 1 else float("nan"),
            "cnr": statistics.fmean(r["cnr"] for r in rs),
            "obr": statistics.fmean(r["obr"] for r in rs),
            "seconds": statistics.fmean(r["seconds"] for r in rs),
        }
        summary[name] = s
        print(
            f"{name:<16}{s['prompts']:>8}{s['items']:>7.0%}{s['full']:>6.0%}{s['relations']:>7.0%}{s['attributes']:>7.0%}"
            f"{s['rendered']:>7.0%}{s['size']:>6.0%}{s['area']:>6.0%}{s['filler']:>7.0%}{s['filler_minimal']:>9.0%}{s['surplus']:>8.0%}"
            f"{s['variety']:>8.0%}{s['cnr']:>7.2f}{s['obr']:>7.2f}{s['seconds']:>6.2f}"
        )
    print(f"\n{len(failures)} prompt(s) with a miss, CNR > 1 %, OBR > 0 or reply errors")
    for f in failures[:show_failures]:
        print(json.dumps(f))
    return {"summary": summary, "failures": failures}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--prompts-dir", type=Path, default=Path("split_prompts"))
    ap.add_argument("--iterations", type=int, default=10)
    ap.add_argument("--max-prompts", type=int, default=None, help="at most this many prompts per file")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--no-voxels", action="store_true", help="skip the voxel PBL (faster)")
    ap.add_argument("--show-failures", type=int, default=20)
    ap.add_argument("--json", type=Path, default=None, help="also write the summary and failures here")
    ap.add_argument("--expectations", type=Path, default=None, help="JSON-lines prompts with expectations (scores the brief)")
    ap.add_argument("--variety-seeds", type=int, default=1, help="with --expectations: seeds compared for variety")
    ap.add_argument("--retrieval", action="store_true", help="with --expectations: check attributes on retrieved assets")
    args = ap.parse_args()
    if args.expectations:
        out = run_expectations(
            args.expectations, args.iterations, args.seed, args.variety_seeds, args.retrieval, args.show_failures
        )
        if args.json:
            args.json.write_text(json.dumps(out, indent=1))
        return
    out = run(args.prompts_dir, args.iterations, args.max_prompts, args.seed, not args.no_voxels, args.show_failures)
    if args.json:
        args.json.write_text(json.dumps(out, indent=1))


if __name__ == "__main__":
    main()
