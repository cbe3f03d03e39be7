"""terse.py: give the bare nouns of a short list prompt an article, so the parse reads them as objects.

Short prompts are often written as lists: "blacksmith forge: coal forge, anvil next to it, quench tank".
The parser reads such fragments poorly ("anvil" as a verb, "quench" as an adjective) and the prompt
reader only takes open-vocabulary phrases with a determiner or a count. Each list item of a short prompt
(after a colon, or after the first comma) that starts with a bare singular noun gets "a" before it
("..., an anvil next to it, a quench tank"), decided on the item parsed alone.
"""

from __future__ import annotations

import re

from scenerevis.policy.nlp import parse
from scenerevis.policy.phrases import is_object_noun

#: Prompts of more words than this are prose, not a list: their bare nouns are left alone.
TERSE_WORDS = 30
_ITEM = re.compile(r"[^,;:]+")
_LEADS = frozenset("a an the one two three four five six seven eight nine ten some several many few each every".split())


def articled(text: str) -> str:
    """``text`` with "a" / "an" before each bare singular noun that starts a list item (see the module docstring);
    other text unchanged."""
    if len(text.split()) > TERSE_WORDS or not re.search(r"[,:;]", text):
        return text
    from spacy.lang.en.stop_words import STOP_WORDS  # (spaCy is imported when a prompt is read, not before)

    out: list[str] = []
    last = 0
    colon = text.find(":")
    for k, m in enumerate(_ITEM.finditer(text)):
        if k == 0 or (colon >= 0 and m.start() <= colon):
            continue  # the room ("funeral viewing room: ...") or the first words before any list
        item = m.group(0)
        lead = len(item) - len(item.lstrip())
        words = item.strip().split()
        if not words or words[0].lower() in _LEADS | STOP_WORDS or not words[0][:1].isalpha():
            continue  # ("in dark mahogany", "next to it", "and a lamp": no bare noun first)
        if not _starts_with_bare_noun(item.strip()):
            continue
        at = m.start() + lead
        out.append(text[last:at])
        out.append("an " if words[0][:1].lower() in "aeiou" else "a ")
        last = at
    out.append(text[last:])
    return "".join(out)


def _starts_with_bare_noun(item: str) -> bool:
    """Whether ``item`` is a list item that starts with a bare singular noun phrase: parsed alone it has no verb
    with a subject (a clause is prose), and with an article before it, its first noun chunk starts at the
    article and ends in a singular noun that can name an object."""
    doc = parse(item)
    if any(t.pos_ in ("VERB", "AUX") and any(c.dep_ in ("nsubj", "nsubjpass") for c in t.children) for t in doc):
        return False
    article = "an " if item[:1].lower() in "aeiou" else "a "
    chunks = list(parse(article + item).noun_chunks)
    if not chunks or chunks[0].start != 0:
        return False
    root = chunks[0].root
    return root.tag_ in ("NN", "NNP") and is_object_noun(root.text) and not root.text.lower().endswith("ing")
