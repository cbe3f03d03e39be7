"""chat.py: the shared base of VLM policies, which turns observations into the DESIGN.md section 3 chat.

A :class:`ChatPolicy` keeps the episode's :class:`~scenerevis.chat.TurnRecord` list, builds the
trimmed conversation for each turn with :func:`~scenerevis.chat.build_conversation` and hands
it to a backend's ``_generate``. It returns the raw reply: parsing is the loop's job.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Any

from scenerevis.chat import MAX_REPLY_CHARS, Message, TurnRecord, build_conversation, count_images, load_system_prompt

log = logging.getLogger(__name__)


class PolicyGenerationError(RuntimeError):
    """A backend could not produce a reply for this turn (after its own retries)."""


@dataclass(kw_only=True)
class ChatConfig:
    """Options every VLM policy shares: conversation shape and sampling."""

    # Full system prompt text; None -> our DEFAULT_SYSTEM_PROMPT (see scenerevis/chat/prompts.py).
    system_prompt: str | None = None
    # File holding a checkpoint's own system prompt (--system-prompt-file); overrides system_prompt.
    system_prompt_file: str | None = None
    # Edit turns kept between the creation turn and the current one (--max-history-turns); None keeps all.
    max_history_turns: int | None = None
    # Estimated prompt budget in tokens (text + images); older edit turns are dropped to fit. None: no limit.
    max_context_tokens: int | None = 24000
    # Token estimate per attached image (Qwen2.5-VL at 1280*28*28 max pixels is up to ~1280 tokens).
    tokens_per_image: int = 800
    # Most images one request may carry; older edit turns are dropped until it fits. None: no limit.
    max_images: int | None = None
    # Most tokens the model may generate per reply.
    max_new_tokens: int = 4096
    # Longest reply (characters) kept in the conversation history; longer replies are cut.
    max_reply_chars: int = MAX_REPLY_CHARS
    # Sampling temperature; 0 means greedy decoding.
    temperature: float = 0.7
    # Nucleus sampling mass (1.0 disables it).
    top_p: float = 1.0

    def __post_init__(self) -> None:
        if self.system_prompt is not None and not self.system_prompt.strip():
            raise ValueError("system_prompt is empty; leave it None for the default prompt")
        if self.max_history_turns is not None and self.max_history_turns < 0:
            raise ValueError(f"max_history_turns must be >= 0 or None, got {self.max_history_turns}")
        if self.max_context_tokens is not None and self.max_context_tokens <= 0:
            raise ValueError(f"max_context_tokens must be > 0 or None, got {self.max_context_tokens}")
        if self.tokens_per_image < 0:
            raise ValueError(f"tokens_per_image must be >= 0, got {self.tokens_per_image}")
        if self.max_images is not None and self.max_images < 1:
            raise ValueError(f"max_images must be >= 1 or None, got {self.max_images}")
        if self.max_new_tokens < 1:
            raise ValueError(f"max_new_tokens must be >= 1, got {self.max_new_tokens}")
        if self.temperature < 0:
            raise ValueError(f"temperature must be >= 0, got {self.temperature}")
        if not 0 < self.top_p <= 1:
            raise ValueError(f"top_p must be in (0, 1], got {self.top_p}")

    def resolved_system_prompt(self) -> str:
        """The system prompt text this config selects (file, then text, then our default)."""
        if self.system_prompt_file is not None:
            return load_system_prompt(self.system_prompt_file)
        return self.system_prompt if self.system_prompt is not None else load_system_prompt(None)


def _flat_scene(scene: Any) -> dict[str, Any] | None:
    """The flat SSR dict of an observation's scene (a Scene, an already-flat dict, or None)."""
    if scene is None or isinstance(scene, dict):
        return scene
    from scenerevis.scene.formats import scene_to_flat

    return scene_to_flat(scene)


class ChatPolicy:
    """Base of the VLM policies: episode memory + conversation building around ``_generate``.

    Subclasses set ``name`` and implement ``_generate(messages, seed) -> str``. The per-turn sampling
    seed is ``episode seed + turn`` so that a rerun with the same seed asks for the same samples.
    """

    name = "chat"

    def __init__(self, config: ChatConfig) -> None:
        self.config = config
        self.system_prompt = config.resolved_system_prompt()
        self.requirement = ""
        self.seed = 0
        #: the episode's turns so far; the last one's ``reply`` is None while a turn is pending.
        self.records: list[TurnRecord] = []
        #: the conversation sent on the latest turn (for run logs and SFT rows).
        self.last_conversation: list[Message] = []
        #: backend metadata of the latest request (latency, token usage, image count, ...).
        self.last_stats: dict[str, Any] = {}
        #: text of the creation turn when it differs from the requirement (--room-prompt).
        self.creation_text: str | None = None

    def reset(self, requirement: str, seed: int) -> None:
        """Start a new episode: forget all turns."""
        self.requirement = requirement
        self.seed = int(seed)
        self.records = []
        self.last_conversation = []
        self.last_stats = {}
        self.creation_text = None

    def conversation(self) -> list[Message]:
        """The trimmed conversation for the current (last) record, honouring ``max_images``."""
        cfg = self.config
        history = cfg.max_history_turns
        while True:
            msgs = build_conversation(
                self.system_prompt,
                self.requirement,
                self.records,
                max_history_turns=history,
                max_context_tokens=cfg.max_context_tokens,
                tokens_per_image=cfg.tokens_per_image,
            )
            if self.creation_text is not None and self.records[0].scene is None:
                msgs[1] = Message("user", self.creation_text)  # msgs[1] is always the first record's
            if cfg.max_images is None or count_images(msgs) <= cfg.max_images:
                return msgs
            middle = max(len(self.records) - 2, 0)
            kept = middle if history is None else min(history, middle)
            if kept == 0:
                raise PolicyGenerationError(
                    f"{self.name} policy: the creation and current turns alone carry {count_images(msgs)} "
                    f"images, more than max_images={cfg.max_images}"
                )
            history = kept - 1

    def act(self, obs: Any) -> str:
        """Answer one observation (duck-typed: turn, requirement, scene, image_path, feedback) with raw text.

        The requirement of the episode's first observation, when it differs from the one given to
        :meth:`reset` (``--room-prompt``), is the text of the creation turn; later turns use ``reset``'s.

        Returns "" for an empty generation; raises :class:`PolicyGenerationError` when the backend
        fails after its retries (the loop decides what to do).
        """
        if self.records and self.records[-1].reply is None:
            self.records.pop()  # the previous act failed: this call replaces that pending turn
        if not self.records:
            text = getattr(obs, "requirement", None)
            self.creation_text = text if text and text != self.requirement else None
        image = getattr(obs, "image_path", None)
        record = TurnRecord(
            turn=int(obs.turn),
            scene=_flat_scene(getattr(obs, "scene", None)),
            image=str(image) if image is not None else None,
            feedback=getattr(obs, "feedback", None),
        )
        self.records.append(record)
        self.last_conversation = self.conversation()
        reply = self._generate(self.last_conversation, self.seed + record.turn)
        reply = reply if reply is not None else ""
        record.reply = reply[: self.config.max_reply_chars]  # what later turns resend; the loop reports the cut
        return reply

    def _generate(self, messages: list[Message], seed: int) -> str:
        """Backend hook: the assistant's text for ``messages`` (sampled with ``seed`` if supported)."""
        raise NotImplementedError
