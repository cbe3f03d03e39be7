"""finish_words.py: finish words the sentence says of a piece outside its noun phrase.

"a sofa in green velvet", "the judge's bench, in dark mahogany", "the counter is dark oak", "the counter is
made from reclaimed driftwood", "the sofa is upholstered in green velvet", "the desk is painted white": the
prompt reader adds these words to the piece's description, so retrieval and refinishing see them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

#: Verbs whose "of" / "from" / "in" / "with" phrase, or whose complement, gives what a piece is made of or painted
#: ("made from reclaimed driftwood", "upholstered in green velvet", "painted white").
MADE_VERBS = frozenset(
    "make build craft carve upholster finish cover paint clad top cast forge weld lacquer stain frame trim edge line wrap "
    "glaze veneer tile".split()
)
_MADE_OF = ("of", "from", "in", "with")
#: Participles read as adjectives that still say what a piece is made of or painted.
_MADE_FORMS = ("upholstered", "painted", "made")
#: Parts whose finish, said with "with", is the piece's look ("a mirror with a brass frame", "a desk with a glass
#: top", "a pool table with red felt").
PART_NOUNS = frozenset(
    "frame top tabletop worktop legs leg base headboard shade seat upholstery felt doors door front finish surface".split()
)


#: Nouns of an arrangement, whose words are no finish ("six desks in a single long row").
_LAYOUT_NOUNS = frozenset("row line circle ring semicircle group cluster column grid block pair arc".split())


def predicate_words(head: Token, describing: frozenset[str]) -> list[str]:
    """Finish words the sentence says of the piece ``head`` names: "a sofa in green velvet", "a table covered in
    brown felt", "a stand made of reclaimed pine", and as its subject
    "the counter is dark oak", "is made from reclaimed driftwood", "is upholstered in green velvet", "is painted
    white" (at most three words; an "in" phrase or a copula's complement only when its noun is a describing word)."""
    after = head.doc[head.i + 1] if head.i + 1 < len(head.doc) else None
    commas = [c for c in head.children if c.dep_ == "punct"] + ([after] if after is not None and after.text == "," else [])
    near = list(head.children) + [g for c in commas for g in c.children]
    phrases: list[Token] = [  # "a sofa in green velvet", "the judge's bench, in dark mahogany" (under its comma)
        o
        for c in near
        if c.dep_ == "prep" and c.lower_ in ("in", "of")  # "a table of white marble"
        for o in c.children
        if o.dep_ == "pobj"
        and any(t.lower_ in describing for t in _own(o))  # "in aqua vinyl"
        and o.lemma_.lower() not in _LAYOUT_NOUNS  # (not "in a long row")
        and not any(c.dep_ == "nummod" for c in o.children)  # ("in the middle, four wooden benches": pieces)
    ]
    for c in near:  # "the cutting table, covered in brown felt, ...", "a stand made of reclaimed pine"
        after = c.dep_ == "amod" and c.i > head.i  # "eight chairs upholstered in maroon leather"
        if (c.dep_ == "acl" or after) and _made(c):
            objs = [o for p in c.children if p.dep_ == "prep" and p.lower_ in _MADE_OF for o in p.children if o.dep_ == "pobj"]
            # (not "covered with books", nor a counted piece: "a counter topped with a glass cake stand")
            counted = {o.i for o in objs if any(c.dep_ in ("det", "nummod") for c in o.children)}
            phrases += [o for o in objs if o.i not in counted and any(t.lower_ in describing for t in o.subtree)]
    for c in head.children:  # "a mirror with a brass frame", "a pool table with red felt": the part's finish
        if c.dep_ == "prep" and c.lower_ == "with":
            parts = [o for o in c.children if o.dep_ == "pobj" and o.lemma_.lower() in PART_NOUNS]
            phrases += [o for o in parts if any(t.lower_ in describing for t in o.subtree)]
    giver = head.head.head if head.dep_ == "pobj" and head.head.lower_ in ("on", "for") else None
    if giver is not None and giver.lower_ in describing and giver.pos_ == "NOUN" and giver.dep_ in ("nsubj", "ROOT"):
        phrases.append(giver)  # "Grey vinyl on the bench please": the finish a sentence gives a piece
    if head.dep_ not in ("nsubj", "nsubjpass"):
        return _finish_words(phrases, describing)
    verb = head.head
    if verb.lemma_ == "be":
        for c in verb.children:
            if c.dep_ == "attr" and c.lower_ in describing:
                phrases.append(c)  # "is dark oak"
            elif c.dep_ == "acomp" and _made(c):
                verb = c  # "is upholstered in green velvet": the participle read as an adjective
            elif c.dep_ == "acomp" and c.lower_ in describing:
                phrases.append(c)  # "is white"
            if c.dep_ in ("acomp", "attr"):  # "is long and walnut": the words joined to it too
                phrases += [g for g in c.children if g.dep_ == "conj" and g.lower_ in describing]
    if _made(verb):
        for c in verb.children:
            if c.dep_ == "prep" and c.lower_ in _MADE_OF:
                phrases += [o for o in c.children if o.dep_ == "pobj"]
            elif c.dep_ in ("oprd", "acomp", "dobj") and c.lower_ in describing:
                phrases.append(c)
    return _finish_words(phrases, describing)


def _made(tok: Token) -> bool:
    """Whether ``tok`` says what a piece is made of or painted ("made", "covered", "upholstered", "painted")."""
    return tok.lemma_.lower() in MADE_VERBS or tok.lower_ in _MADE_FORMS


def _own(tok: Token) -> Span:
    """``tok``'s noun phrase up to ``tok`` itself (its modifiers; not a noun joined after it)."""
    return tok.doc[tok.left_edge.i : tok.i + 1]


def _finish_words(phrases: list[Token], describing: frozenset[str]) -> list[str]:
    """The describing words of each phrase's noun and the words before it (not a noun joined after it: "in white
    marble and twelve bentwood chairs" says only "white marble"; of a part, "with a brass frame", only the
    describing words), at most three."""
    words: list[str] = []
    for ph in phrases:
        own = _own(ph)
        part = ph.lemma_.lower() in PART_NOUNS and ph.head.lower_ == "with"
        words += [
            t.lower_
            for t in own
            # ("covered in green felt": "felt" tagged a verb is still the material)
            if (t.pos_ in ("ADJ", "NOUN", "PROPN") or t.lower_ in describing)
            and t.dep_ != "prep"
            and (not part or (t.lower_ in describing and t.i != ph.i))  # (of "with red felt", "red")
        ]
    return words[:3]
