"""terse.py: give the bare nouns of a short list prompt an article, so the parse reads them as objects.

Short prompts are often written as lists: "blacksmith forge: coal forge, anvil next to it, quench tank".
The parser reads such fragments poorly ("anvil" as a verb, "quench" as an adjective) and the prompt
reader only takes open-vocabulary phrases with a determiner or a count. Each list item of a short prompt
(after a colon or a spaced dash, or after the first comma) that starts with a bare singular noun gets "a"
before it ("..., an anvil next to it, a quench tank"), decided on the item parsed alone. "with" and "and"
also start an item when the words before them end in a noun ("studio with furnace, glory hole, annealer and
gaffer's bench").
"""

from __future__ import annotations

import re

from scenerevis.policy.nlp import PLURAL_VERB_NOUNS, VERB_NOUNS, parse
from scenerevis.policy.open_vocab import is_object_noun

#: Prompts of more words than this are prose, not a list: their bare nouns are left alone.
TERSE_WORDS = 30
#: A spaced dash ("repair shop - bench, 2 monitors") ends the room's words as a colon does.
_DASH = re.compile(r"\s[-\u2013\u2014]\s")
#: What ends a list item.
_SEP = re.compile(r"[,;:]|" + _DASH.pattern)
_JOINS = re.compile(r"\b(?:with|and)\s+")
#: Verbs that start an order after a comma ("For a diorama, furnish a chamber with ..."), never a list item.
_IMPERATIVES = frozenset(
    "furnish put place add design create build make decorate give fit arrange include keep leave hang fill equip".split()
)
_LEADS = frozenset(
    "a an the one two three four five six seven eight nine ten some several many few each every plus also then including".split()
)


def articled(text: str) -> str:
    """``text`` with "a" / "an" before each bare singular noun that starts a list item (see the module docstring);
    other text unchanged."""
    if len(text.split()) > TERSE_WORDS or not re.search(r"[,:;]", text):
        return text
    from spacy.lang.en.stop_words import STOP_WORDS  # (spaCy is imported when a prompt is read, not before)

    starts: list[int] = []
    head = min((m.start() for m in (re.search(":", text), _DASH.search(text)) if m), default=-1)
    for m in _SEP.finditer(text):
        if m.start() >= head:  # (items before the room's colon or dash are the room's words)
            starts.append(m.end() + len(text[m.end() :]) - len(text[m.end() :].lstrip()))
    joined: set[int] = set()
    for m in _JOINS.finditer(text):
        before = text[: m.start()].rstrip()
        if m.start() > head and before and before[-1].isalpha() and _ends_in_noun(before):
            starts.append(m.end())
            joined.add(m.end())
    out: list[str] = []
    last = 0
    for at in sorted(set(starts)):
        item = _SEP.split(text[at:], maxsplit=1)[0]
        item = _JOINS.split(item, maxsplit=1)[0]
        words = item.strip().split()
        if not words or words[0].lower() in _LEADS | STOP_WORDS or not words[0][:1].isalpha():
            continue  # ("in dark mahogany", "next to it", "and a lamp": no bare noun first)
        if words[0].lower() in _IMPERATIVES or not _starts_with_bare_noun(item.strip()) or _a_verb_at(text, at):
            continue  # (", furnish a burial chamber with ...": an order, no item)
        if at in joined and _verb_in_text(text, at):
            continue
        out.append(text[last:at])
        out.append("an " if words[0][:1].lower() in "aeiou" else "a ")
        last = at
    out.append(text[last:])
    return "".join(out)


def _a_verb_at(text: str, at: int) -> bool:
    """Whether the whole text's parse reads the word at character ``at`` as a verb with a subject ("The desks,
    seven of them in dark oak, stand in a row": "stand" is no list item's noun)."""
    if text[at:].split(maxsplit=1)[0].lower() not in PLURAL_VERB_NOUNS | VERB_NOUNS:
        return False  # (only the verbs of placement: a terse list's "anvil" may parse as a verb)
    tok = next((t for t in parse(text) if t.idx == at), None)
    return tok is not None and tok.pos_ in ("VERB", "AUX") and any(c.dep_ in ("nsubj", "nsubjpass") for c in tok.children)


def _verb_in_text(text: str, at: int) -> bool:
    """Whether the whole text's parse reads the word at character ``at`` as a verb ("I coach a team and want to
    mock up a dugout": "want" is the speaker's verb, no item after "and")."""
    tok = next((t for t in parse(text) if t.idx == at), None)
    return tok is not None and tok.pos_ in ("VERB", "AUX")


def _ends_in_noun(text: str) -> bool:
    """Whether the last word of ``text`` is a noun (of a list item or the room), parsed with the words before it."""
    doc = parse(text)
    return len(doc) > 0 and doc[-1].tag_ in ("NN", "NNS", "NNP", "NNPS")


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
