"""synth_play.py: play a planned chain forward through the environment and write it as an SFT row.

The chain is played exactly as an episode runs at inference: ``SceneEnv.reset(requirement)``, then
``env.step(reply)`` with the ``<create_scene>`` reply and each edit reply, so the renders, the
``<current_scene>`` JSON and the feedback block are what the environment shows. The conversation is
built with :func:`scenerevis.chat.build_conversation` (the VLM policies' own code) and written with
:func:`scenerevis.chat.to_swift_row`; the last assistant turn is a single ``terminate`` call.
"""

from __future__ import annotations

import random
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from scenerevis.chat import Message, TurnRecord, build_conversation, to_swift_row
from scenerevis.endpoints import EndpointConfig
from scenerevis.scene.formats import scene_to_flat
from scenerevis.tools.format import format_create_scene, format_tool_calls
from scenerevis.tools.parse import ToolCall
from scenerevis.train.check import scenes_match
from scenerevis.train.reverse import ChainPlan, CompiledChain
from scenerevis.train.think import diagnose, think_text

_ROOM_KEYS = ("room_type", "room_id", "bounds_bottom", "bounds_top")


class ChainPlayError(RuntimeError):
    """The environment did not do what the plan expected (a bug; the chain is skipped and reported)."""


@dataclass
class PlayOptions:
    """How a chain becomes a row."""

    system_prompt: str
    cot: EndpointConfig | None = None  # OpenAI-compatible endpoint that rewrites each think text
    think_style: str | None = None  # fixed style; None = a seeded choice per turn


def room_dict(plan: ChainPlan) -> dict[str, Any]:
    """The empty room of the ``<create_scene>`` reply."""
    flat = scene_to_flat(plan.room)
    return {**{k: flat[k] for k in _ROOM_KEYS}, "objects": []}


def image_name(scene_id: str, chain_id: int, step: int) -> str:
    """Relative image path of the render shown at edit turn ``step + 1``."""
    return f"images/scene_{scene_id}_chain_{chain_id}_step_{step}.png"


def _think(text: str, opts: PlayOptions, context: dict[str, Any]) -> str:
    if opts.cot is None:
        return text
    from scenerevis.train.think import rewrite_think

    return rewrite_think(text, context, opts.cot)


def play_chain(
    env,
    requirement: str,
    plan: ChainPlan,
    compiled: CompiledChain,
    rng: random.Random,
    out_dir: Path,
    scene_id: str,
    chain_id: int,
    opts: PlayOptions,
) -> dict[str, Any]:
    """Play ``plan`` through ``env`` and return the SFT row (images copied under ``out_dir/images``).

    Raises :class:`ChainPlayError` when a reply does not apply cleanly or the environment's scene
    differs from the planned one (beyond asset retrieval), or a render is missing.
    """
    work = Path(tempfile.mkdtemp(prefix="synth_play_"))
    try:
        return _play(env, requirement, plan, compiled, rng, out_dir, scene_id, chain_id, opts, work)
    finally:
        shutil.rmtree(work, ignore_errors=True)


def _play(env, requirement, plan, compiled, rng, out_dir, scene_id, chain_id, opts, work) -> dict[str, Any]:
    env.reset(requirement, workdir=work)
    reply = format_create_scene(room_dict(plan), indent=None)
    records = [TurnRecord(0, None, None, None, reply)]
    obs, info = env.step(reply)
    (out_dir / "images").mkdir(parents=True, exist_ok=True)
    ops = plan.op_sequence()
    for k in range(len(plan.turns) + 1):
        if info.errors:
            raise ChainPlayError(f"turn {k}: the environment reported: {info.errors[0]}")
        flat = scene_to_flat(obs.scene)
        if not _match_assets_free(flat, compiled.scenes[k]):
            raise ChainPlayError(f"turn {k + 1}: the environment's scene differs from the planned one")
        if obs.image_path is None or not Path(obs.image_path).is_file():
            raise ChainPlayError(f"turn {k + 1}: no render ({getattr(info, 'render_error', None)})")
        rel = image_name(scene_id, chain_id, k)
        shutil.copyfile(obs.image_path, out_dir / rel)
        record = TurnRecord(obs.turn, flat, rel, obs.feedback)
        records.append(record)
        diag = diagnose(obs.scene, info.report)
        if k == len(plan.turns):
            calls = [ToolCall("tool_1", "terminate", {"reason": _reason(diag, rng)})]
            text = think_text(diag, calls, obs.scene, rng, style=opts.think_style)
            record.reply = format_tool_calls(calls, _think(text, opts, {"final": True}), indent=None)
            break
        calls = compiled.calls[k]
        notes = [e.note for e in plan.turns[k].edits]
        text = think_text(diag, calls, obs.scene, rng, notes, style=opts.think_style)
        record.reply = format_tool_calls(calls, _think(text, opts, {"op": ops[k]}), indent=None)
        obs, info = env.step(record.reply)
    msgs = build_conversation(opts.system_prompt, requirement, records)
    msgs.append(Message("assistant", records[-1].reply or ""))
    row = to_swift_row(msgs)
    final = records[-1].scene
    return {
        "id": f"{scene_id}_chain_{chain_id}",
        "messages": row["messages"],
        "images": row["images"],
        "metadata": {
            "scene_id": scene_id,
            "conversation_type": "multi_turn",
            "chain_id": chain_id,
            "total_turns": len(records) - 1,
            "final_scene": final,
            "global_user_instruction": requirement,
            "generation_method": "reverse_engineering" if plan.kind == "reverse" else "revision",
            "ops": ops,
            "defects": plan.defects,
        },
    }


def _match_assets_free(a: dict[str, Any], b: dict[str, Any]) -> bool:
    """Scenes equal when asset fields are ignored (the environment retrieves assets the plan leaves open)."""
    skip = {o.get("id") for o in a["objects"]} | {o.get("id") for o in b["objects"]}
    return scenes_match(a, b, skip, nd=6)


def _reason(diag, rng: random.Random) -> str:
    return rng.choice(
        [
            "The room is complete and the layout is physically valid.",
            "All requested furniture is placed without problems.",
            "The design meets the request; nothing left to fix.",
            "Layout finished: furniture complete, walkways clear.",
        ]
    )
