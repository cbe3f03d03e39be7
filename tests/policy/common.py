"""common.py: observations, distinct PNG renders and scenes for the VLM policy tests."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PIL import Image

from tests.helpers import obj, room

REQUIREMENT = "a small bedroom with a bed and a desk"


@dataclass
class Obs:
    """Duck-typed stand-in for scenerevis.policy.base.Observation."""

    turn: int
    requirement: str
    scene: Any
    image_path: str | None
    feedback: str | None


def make_png(path: Path, k: int, size: tuple[int, int] = (64, 32)) -> Path:
    """A PNG whose bytes differ for each k (colour and a marker pixel)."""
    im = Image.new("RGB", size, ((40 * k) % 256, (90 + 30 * k) % 256, (200 - 20 * k) % 256))
    im.putpixel((k % size[0], 0), (255, 255, 255))
    im.save(path, format="PNG")
    return path


def scene_with(n: int):
    """A 4 m x 4 m bedroom holding ``n`` boxes."""
    return room([obj(f"box {i}", (0.5, 0.5, 0.5), (-1.5 + 0.8 * i, 0.0, 0.0)) for i in range(n)])


def observations(tmp_path: Path, turns: int, feedback: str | None = None) -> list[Obs]:
    """Turn 0 (creation: no scene, no image), then edit turns with their own distinct render."""
    out = [Obs(0, REQUIREMENT, None, None, None)]
    for k in range(1, turns):
        png = make_png(tmp_path / f"merged_iter_{k}.png", k)
        out.append(Obs(k, REQUIREMENT, scene_with(k), str(png), feedback))
    return out


def items(text: str) -> dict[str, int]:
    """What a prompt requests: category (an open-vocabulary piece's phrase) -> count."""
    from scenerevis.policy.prompt_parse import parse_prompt

    return {(i.phrase if i.category == "generic_object" else i.category): i.count for i in parse_prompt(text).items}
