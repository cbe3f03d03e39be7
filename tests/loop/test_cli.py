"""infer.py's options are generated from the config dataclasses: same defaults, original spellings kept."""

from __future__ import annotations

import dataclasses

import pytest

from scenerevis.cli_args import field_default
from scenerevis.loop.cli import CLI_DEFAULTS, build_parser, build_spec


def _sections():
    from scenerevis.assets.config import RetrievalConfig
    from scenerevis.endpoints import EndpointConfig
    from scenerevis.loop.cli import ExtraEndpoint, RunOptions
    from scenerevis.loop.config import LoopConfig
    from scenerevis.physics.config import PhysicsConfig
    from scenerevis.policy.chat import ChatConfig
    from scenerevis.render.config import RenderConfig

    return {
        "run": RunOptions,
        "chat": ChatConfig,
        "endpoint": EndpointConfig,
        "loop": LoopConfig,
        "retrieval": RetrievalConfig,
        "render": RenderConfig,
        "physics": PhysicsConfig,
        "judge": ExtraEndpoint,
        "initial_llm": ExtraEndpoint,
    }


def test_every_default_is_the_dataclass_default():
    defaults = build_parser().get_defaults()
    checked = 0
    for section, cls in _sections().items():
        values = vars(getattr(defaults, section))
        for f in dataclasses.fields(cls):
            if f.name not in values:
                continue
            want = CLI_DEFAULTS.get(section, {}).get(f.name, field_default(f))
            got = values[f.name]
            assert (tuple(got) if isinstance(want, tuple) else got) == want, f"--{section}.{f.name}: {got!r} != {want!r}"
            checked += 1
    assert checked > 80  # every section took part


def test_help_lists_retrieval_options_and_original_spellings(capsys):
    with pytest.raises(SystemExit):
        build_parser().parse_args(["--help"])
    text = capsys.readouterr().out
    for flag in ("--retrieval.lam", "--retrieval-lambda", "--retrieval-sigma", "--retrieval-mode", "--batch-mode"):
        assert flag in text
    assert "default: 0.05" in text  # sigma, the seed's value


def test_original_flags_and_dotted_overrides_and_config_file(tmp_path):
    yaml = tmp_path / "run.yaml"
    yaml.write_text("loop:\n  max_turns: 7\nretrieval:\n  sigma: 0.2\nrender:\n  renderer: gl\n")
    ns = build_parser().parse_args(
        ["--config", str(yaml), "--iterations", "3", "--batch-mode", "--prompts-file", "p.txt", "--retrieval-lambda", "0.8",
         "--no-enable-physics-feedback", "--enable-vlm-feedback", "--seed", "5"]
    )  # fmt: skip
    assert (ns.loop.max_turns, ns.run.batch_mode, ns.run.prompts_file) == (3, True, "p.txt")
    assert (ns.retrieval.lam, ns.retrieval.sigma, ns.render.renderer) == (0.8, 0.2, "gl")
    assert (ns.loop.enable_physics_feedback, ns.loop.enable_vlm_feedback, ns.loop.seed) == (False, True, 5)


def test_spec_carries_retrieval_and_seed_everywhere():
    ns = build_parser().parse_args(["--prompt", "x", "--retrieval.sigma", "0.3", "--seed", "4", "--renderer", "gl"])
    spec = build_spec(ns)
    assert (spec.retrieval.sigma, spec.retrieval.seed, spec.render.seed, spec.loop.seed) == (0.3, 4, 4, 4)
    assert spec.render.renderer == "gl" and spec.loop.render
    spec = build_spec(build_parser().parse_args(["--prompt", "x", "--renderer", "none", "--asset-source", "none"]))
    assert spec.render is None and spec.retrieval is None and not spec.loop.render
