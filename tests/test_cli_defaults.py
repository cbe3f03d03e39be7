"""Every CLI's defaults are the config dataclasses' defaults (one definition per option)."""

from __future__ import annotations

from scenerevis.endpoints import EndpointConfig
from scenerevis.eval.cli import functional_parser, myeval_parser, voxel_parser
from scenerevis.eval.functional import FunctionalConfig
from scenerevis.physics.config import PhysicsConfig


def test_folder_evaluators():
    phys = PhysicsConfig()
    for parser in (myeval_parser(), voxel_parser()):
        args = parser.parse_args(["--scenes_dir", "x"])
        assert (args.seed, args.format, args.workers) == (phys.seed, "auto", 1)
    assert voxel_parser().parse_args(["--scenes_dir", "x"]).voxel_size == phys.voxel_pitch
    args = functional_parser().parse_args(["--scenes_dir", "x"])
    f = FunctionalConfig()
    assert (args.cell, args.agent_radius, args.min_walkway_width, args.overhead_clearance, args.front_depth) == (
        f.cell, f.agent_radius, f.min_walkway_width, f.overhead_clearance, f.front_depth,
    )  # fmt: skip


def test_judge():
    from scenerevis.judge.cli import build_parser

    args = build_parser().parse_args(["--model", "m"])
    e = EndpointConfig(model="m")
    assert (args.timeout, args.max_retries, args.api_key_env, args.azure_api_version) == (
        e.timeout_s, e.max_retries, e.api_key_env, e.azure_api_version,
    )  # fmt: skip


def test_render():
    from scenerevis.render.__main__ import build_parser
    from scenerevis.render.config import RenderConfig

    args = build_parser().parse_args(["scene.json", "--out", "o"])
    r = RenderConfig()
    assert (args.renderer, args.engine, args.device, args.seed, args.resolution, args.timeout) == (
        r.renderer, r.engine, r.device, r.seed, r.resolution, r.timeout_s,
    )  # fmt: skip
