"""translate.py: an English gloss of a non-English design prompt, word by word, so the designer builds
what it can detect ("Chambre d'hôtel : un lit double, deux tables de chevet" -> "bedroom: a double bed,
two nightstand").

The words come from ``scenerevis/data/lexicon.json``: per language (French, Spanish, German, Italian,
Portuguese) common furniture, room, number, colour, material and place words, lower case and without
accents, each with the English it means. The language is the one whose words cover most of the
prompt; phrases of up to five words match first, then words and their plural-less forms. Unknown
words are left out (a gloss of known words parses better than a mix), numbers, units and
punctuation are kept; adjectives written after their noun move before it. This is no translation:
the designer still says it reads English only.
"""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

LEXICON = Path(__file__).resolve().parent.parent / "data" / "lexicon.json"
#: Fewest lexicon words a prompt needs before it is glossed in that language.
MIN_HITS = 2
_TOKEN = re.compile(r"\d+(?:[.,]\d+)?|m²|m2|[^\W\d_]+(?:['’-][^\W\d_]+)*'?|[,;:.()/x×]", re.UNICODE)
_SUFFIXES = ("es", "en", "s", "n", "e", "i")


@dataclass(frozen=True)
class Gloss:
    """The ``language`` code, the English ``text`` and how many prompt words it covered (``hits``)."""

    language: str
    text: str
    hits: int


def fold(text: str) -> str:
    """Lower case without accents ("Télévision" -> "television")."""
    return "".join(c for c in unicodedata.normalize("NFKD", text.lower()) if not unicodedata.combining(c))


@lru_cache(maxsize=1)
def lexicon() -> dict[str, dict[str, str]]:
    """language -> {foreign word or phrase: English}; raises ValueError naming the file and field."""
    raw = json.loads(LEXICON.read_text(encoding="utf-8"))
    langs = raw.get("languages")
    if not isinstance(langs, dict) or not langs:
        raise ValueError(f"{LEXICON}: field 'languages' must map language codes to word tables")
    out = {}
    for code, table in langs.items():
        if not isinstance(table, dict) or not all(isinstance(k, str) and isinstance(v, str) for k, v in table.items()):
            raise ValueError(f"{LEXICON}: languages.{code} must map words to English words")
        out[code] = {fold(k): v for k, v in table.items()}
    return out


def _lookup(table: dict[str, str], word: str) -> str | None:
    if word in table:
        return table[word]
    for suffix in _SUFFIXES:  # "nachttischen" -> "nachttisch", "poltrone" -> "poltron(a)"
        if word.endswith(suffix) and len(word) > len(suffix) + 2:
            stem = word[: -len(suffix)]
            for cand in (stem, stem + "a", stem + "o", stem + "e"):
                if cand in table:
                    return table[cand]
    return None


def _gloss_in(tokens: list[str], table: dict[str, str]) -> tuple[list[str], int]:
    out: list[str] = []
    hits = 0
    k = 0
    while k < len(tokens):
        for n in range(min(5, len(tokens) - k), 0, -1):
            phrase = " ".join(tokens[k : k + n])
            en = table.get(phrase) if n > 1 else _lookup(table, phrase)
            if en is not None:
                out.append(en)
                hits += n
                k += n
                break
        else:
            tok = tokens[k]
            if not tok[0].isalpha() or tok in ("m²", "m2"):
                out.append(tok)  # numbers, units, punctuation
            k += 1
    return out, hits


def _order(words: list[str]) -> str:
    """Adjectives written after a noun go before it ("a sofa adj:grey" -> "a grey sofa")."""
    out: list[str] = []
    for w in words:
        if w.startswith("adj:"):
            adj = w[4:]
            if out and out[-1] not in ("a", "the", "and", "with", "no", ",", ";", ":", ".") and not out[-1][0].isdigit():
                noun = out.pop()
                out += [adj, noun]
            else:
                out.append(adj)
        else:
            out.append(w)
    text = " ".join(out)
    return re.sub(r"\s+([,;:.)])", r"\1", text).replace("( ", "(")


def gloss(text: str) -> Gloss | None:
    """The English gloss of ``text`` in the lexicon language covering most of it, or None when no language
    covers ``MIN_HITS`` words."""
    tokens = [fold(t) for t in _TOKEN.findall(text)]
    best: tuple[int, str, list[str]] | None = None
    for code, table in lexicon().items():
        words, hits = _gloss_in(tokens, table)
        if best is None or hits > best[0]:
            best = (hits, code, words)
    if best is None or best[0] < MIN_HITS:
        return None
    return Gloss(best[1], _order(best[2]), best[0])
