"""open_vocab.py: object phrases of a prompt that no ``rooms.json`` synonym names, and the category each maps to.

A phrase is the words after a determiner or a number ("an antique telescope", "two massage
tables"), up to punctuation, a preposition or a known mention. Its head (last word) must not be an
abstract or room word (``ABSTRACT_HEADS``). Each phrase is mapped by MiniLM similarity to the
category synonyms: at or above ``SUBSTITUTE_AT`` it becomes that category (a substitution, reported
as such), otherwise a ``generic_object`` whose size is the nearest category's when the similarity
reaches ``SIZE_FROM_AT``, else the generic default. Without sentence-transformers every phrase
becomes a generic object of the default size.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from functools import lru_cache

import numpy as np

from scenerevis.scene.rooms import load_rooms

log = logging.getLogger(__name__)

#: Cosine similarity (MiniLM) from which a phrase is read as a known category.
SUBSTITUTE_AT = 0.72
#: Cosine similarity from which a generic object borrows the nearest category's size.
SIZE_FROM_AT = 0.45

TRIGGERS = {
    "a": 1,
    "an": 1,
    "one": 1,
    "another": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "pair": 2,
    "couple": 2,
    "few": 3,
    "several": 3,
}
#: Head nouns that never name a piece of furniture.
ABSTRACT_HEADS = frozenset(
    """feel look vibe atmosphere ambiance ambience aesthetic style palette scheme color colour colors colours tone tones
    touch accent accents hint mix blend combination balance contrast sense mood theme layout design arrangement plan setting
    setup place spot area zone space room corner nook wall walls floor floors flooring ceiling window windows door doors view
    views light lighting sunlight glow warmth comfort focus point variety number lot bit pop splash dash family person people
    guest guests kid kids child children baby babies twins teen teens teenager couple owner user student professional reader
    home house apartment flat time day night evening morning way amount size height width length shape pattern patterns
    texture textures finish finishes material materials piece pieces furniture item items element elements decor decoration
    decorations accessory accessories detail details feature features artwork painting paintings art greenery rhythm flow path
    walkway passage clearance access environment retreat sanctuary haven oasis experience energy character charm personality
    twist nod homage harmony symmetry order dorm hostel office studio loft suite setting seat seating storage surface top
    mind eye eyes focal centerpiece centrepiece backdrop side end edge middle center centre front back left right row rows
    set group collection selection range series quality budget price feeling spirit project brief request idea concept
    rug carpet floorboards tile tiles parquet concrete fabric leather wood metal glass stone marble velvet linen upholstery
    party parties work working reading relaxing sleeping dining cooking gaming study studying play playing
    craft crafts hobby hobbies meter meters metre metres feet foot inch inches centimeters centimetres m2 sqm percent minute minutes hour hours""".split()
)
#: Heads of small things set on furniture: reported as not placed, never silently dropped.
TABLETOP_HEADS = frozenset(
    """bottle bottles ceramics ceramic vase vases book books candle candles pillow pillows throw throws blanket blankets
    frame frames picture pictures photo photos print prints poster posters bowl bowls plate plates glass glasses cup cups
    mug mugs tray trays clock clocks figurine figurines ornament ornaments trinket trinkets knick-knacks accessories
    magazine magazines towel towels plates dishes utensils jar jars pot pots""".split()
)
#: Furniture parts, people, places and adjectives: never an object phrase's head.
NOT_OBJECTS = frozenset(
    """headboard footboard base frame legs leg arm arms armrest armrests drawer drawers handle handles knob knobs trim
    upholstery cushioning grid strip stripes piping tufting slats slat panel panels veneer inlay hardware pulls
    artist novelist writer designer musician chef painter household owner owners student students professional
    professionals couple family families reader readers gamer gamers guests visitors client clients worker workers
    warehouse building city garden gardens terrace balcony yard view views month months week weeks year years season
    dark warm round square calm tall bright light soft cool cozy cosy open quiet natural simple clean neutral rich deep
    large small big long low high wide narrow airy sunny inviting relaxed relaxing elegant functional practical
    comfortable spacious compact minimal modern classic sleek bold subtle muted earthy warmish plush lush""".split()
)
_WORD = re.compile(r"[A-Za-z][\w'\-]*|\d+|[^\sA-Za-z\d]")
_BREAK = frozenset(
    """above below there here must should would could will can may might put serves serve ties tie gives adds makes keeps
    and or but with without of for by from on in at near next to beside behind under over around along against between
    across into onto that which who where while is are be was were has have had facing so as than then plus each every
    placed set positioned arranged tucked sits sit stands stand stood hangs hang lined surrounded flanked topped""".split()
)


@dataclass(frozen=True)
class OpenPhrase:
    """An object phrase no synonym names: ``text`` without its count word, ``head`` its last word, ``count``
    from the trigger ("two" -> 2), character ``start``/``end`` in the prompt."""

    text: str
    head: str
    count: int
    start: int
    end: int


def find_open_phrases(
    text: str, taken: list[tuple[int, int]], skip_words: frozenset[str] = frozenset(), breaks: frozenset[str] = frozenset()
) -> list[OpenPhrase]:
    """Object phrases of ``text`` outside the ``taken`` character spans (already recognised mentions).

    ``skip_words`` are heads to ignore (style, colour, material words); ``breaks`` end a phrase (verbs,
    adverbs, pronouns of the caller's stop list)."""
    toks = [(m.group(0), m.start(), m.end()) for m in _WORD.finditer(text)]
    out: list[OpenPhrase] = []
    i = 0
    while i < len(toks):
        word = toks[i][0].lower()
        count = TRIGGERS.get(word) or (int(word) if word.isdigit() and 0 < int(word) < 40 else None)
        if count is None:
            i += 1
            continue
        j = i + 1
        if word in ("pair", "couple") and j < len(toks) and toks[j][0].lower() == "of":
            j += 1
        elif word in ("pair", "couple", "few", "several") and i > 0 and toks[i - 1][0].lower() not in ("a",):
            if word in ("pair", "couple"):
                i += 1
                continue
        words: list[tuple[str, int, int]] = []
        while j < len(toks) and len(words) < 5:
            w, s, e = toks[j]
            low = w.lower()
            if not w[0].isalpha() or low in _BREAK or low in breaks or low in TRIGGERS or any(a <= s < b for a, b in taken):
                break
            words.append((w, s, e))
            j += 1
        i = max(j, i + 1)
        if not words:
            continue
        if j < len(toks) and any(a <= toks[j][1] < b for a, b in taken):
            continue  # "a white <known noun>": the words describe a known mention
        head = words[-1][0].lower()
        singular = head[:-1] if head.endswith("s") and not head.endswith("ss") else head
        if head in ABSTRACT_HEADS or singular in ABSTRACT_HEADS or head in skip_words or head in NOT_OBJECTS:
            continue
        if head.endswith(("ly", "ing", "ed", "ful", "ous", "ive", "ish")) or singular in NOT_OBJECTS:
            continue
        if len(head) < 3:
            continue
        phrase = " ".join(w for w, _, _ in words)
        out.append(OpenPhrase(phrase, head, count, words[0][1], words[-1][2]))
    return out


@dataclass(frozen=True)
class Mapping:
    """Where an open phrase goes: ``category`` (a known one, or ``generic_object``), the ``nearest`` known
    category and its cosine ``similarity``, and the ``size`` [w, h, d] in metres to plan with."""

    category: str
    nearest: str | None
    similarity: float
    size: tuple[float, float, float]


@lru_cache(maxsize=1)
def _synonym_table():
    from scenerevis.assets.embeddings import load_encoder

    facts = load_rooms()
    names, texts = [], []
    for cat in facts.categories.values():
        if cat.name == "generic_object":
            continue
        for syn in cat.synonyms:
            names.append(cat.name)
            texts.append(syn)
    enc = load_encoder("minilm")
    return enc, names, enc.encode(texts)


def map_phrase(phrase: str) -> Mapping:
    """The category an open phrase maps to (see the module docstring)."""
    facts = load_rooms()
    generic = facts.category("generic_object")
    try:
        enc, names, table = _synonym_table()
    except Exception as err:  # no encoder installed: a generic object of the default size
        log.warning("open vocabulary: no MiniLM encoder (%s); %r becomes a generic object", err, phrase)
        return Mapping("generic_object", None, 0.0, generic.size)
    sims = table @ enc.encode([phrase])[0]
    k = int(np.argmax(sims))
    best, sim = names[k], float(sims[k])
    if sim >= SUBSTITUTE_AT:
        return Mapping(best, best, sim, facts.category(best).size)
    size = facts.category(best).size if sim >= SIZE_FROM_AT else generic.size
    return Mapping("generic_object", best, sim, size)
