"""cli_args.py: command-line options generated from config dataclasses (jsonargparse), so each is defined once.

Every field of a config dataclass becomes ``--<section>.<field>`` with the dataclass's default, its
type hint, and its help text taken from the field's comment in the class source; the original
SceneReVis flag spellings are added as aliases (``--iterations`` for ``--loop.max_turns``). jsonargparse
was chosen over tyro and draccus because it is plain argparse underneath (aliases, ``store_true``-style
flags and argument groups keep working exactly as before), it reads ``--config run.yaml`` and dotted
overrides natively, and it needs no change to the dataclasses themselves.
"""

from __future__ import annotations

import dataclasses
import inspect
import re
import typing
from collections.abc import Iterable, Mapping
from functools import cache
from typing import Any

_COMMENT = re.compile(r"^\s+(\w+)\s*:[^#]*?(?:#\s*(.*))?$")


@cache
def field_help(cls: type) -> dict[str, str]:
    """``{field: help}`` from the comments of a dataclass's source (trailing, else the lines just above)."""
    out: dict[str, str] = {}
    for klass in reversed(cls.__mro__):
        if not dataclasses.is_dataclass(klass):
            continue
        try:
            lines = inspect.getsource(klass).splitlines()
        except (OSError, TypeError):
            continue
        above: list[str] = []
        for line in lines:
            stripped = line.strip()
            if stripped.startswith("#"):
                above.append(stripped.lstrip("# ").strip())
                continue
            m = _COMMENT.match(line)
            if m and m.group(1) in klass.__dataclass_fields__:
                out[m.group(1)] = (m.group(2) or " ".join(above)).strip()
            above = []
    return out


def field_default(f: dataclasses.Field) -> Any:
    """A dataclass field's default value (its factory called), or ``dataclasses.MISSING``."""
    if f.default is not dataclasses.MISSING:
        return f.default
    if f.default_factory is not dataclasses.MISSING:  # type: ignore[misc]
        return f.default_factory()  # type: ignore[misc]
    return dataclasses.MISSING


def add_section(
    parser: Any,
    cls: type,
    section: str,
    aliases: Mapping[str, Iterable[str]] | None = None,
    skip: Iterable[str] = (),
    defaults: Mapping[str, Any] | None = None,
    types: Mapping[str, Any] | None = None,
    group: Any | None = None,
) -> list[str]:
    """Add ``--<section>.<field>`` for every field of dataclass ``cls``; returns the field names added.

    ``aliases`` maps a field to extra option strings; booleans become yes/no flags (``--x`` and
    ``--no_x``); ``defaults`` and ``types`` override a field's default or type for this CLI only.
    """
    from jsonargparse import ActionYesNo

    aliases = aliases or {}
    defaults = defaults or {}
    types = types or {}
    hints = typing.get_type_hints(cls)
    helps = field_help(cls)
    target = group if group is not None else parser
    added = []
    for f in dataclasses.fields(cls):
        if f.name in skip or not f.init:
            continue
        default = defaults.get(f.name, field_default(f))
        names = [f"--{section}.{f.name}", *aliases.get(f.name, ())]
        kind = types.get(f.name, hints[f.name])
        kw: dict[str, Any] = {"help": helps.get(f.name, "")}
        if default is dataclasses.MISSING:
            kw["required"] = True
        else:
            kw["default"] = default
        if kind is bool:
            target.add_argument(*names, action=ActionYesNo, **kw)
        else:
            target.add_argument(*names, type=kind, **kw)
        added.append(f.name)
    return added


EXIT_USAGE = 2
EXIT_INTERRUPTED = 130


class UsageError(ValueError):
    """A mistake in the command line or its inputs: reported as one ``error: ...`` line, exit code 2."""


#: Exceptions that mean "the user's input is wrong or unreadable", not a bug: one line, no traceback.
USER_ERRORS: tuple[type[BaseException], ...] = (ValueError, OSError, UnicodeDecodeError, LookupError)


def run_cli(fn: Any, debug: bool = False) -> int:
    """Call ``fn()`` and turn user errors into one ``error: ...`` line on stderr (exit 2) and Ctrl-C into
    ``interrupted`` (exit 130); with ``debug`` (``--debug`` or ``SCENEREVIS_DEBUG=1``) errors raise as usual."""
    import os
    import sys

    debug = debug or os.environ.get("SCENEREVIS_DEBUG") == "1"
    try:
        return fn()
    except KeyboardInterrupt:
        if debug:
            raise
        print("interrupted", file=sys.stderr)
        return EXIT_INTERRUPTED
    except USER_ERRORS as err:
        if debug:
            raise
        text = str(err) or type(err).__name__
        if isinstance(err, OSError) and err.filename and str(err.filename) not in text:
            text = f"{err.filename}: {text}"
        print(f"error: {text}", file=sys.stderr)
        return EXIT_USAGE
