"""not_pieces.py: nouns of a prompt that name no piece of the room: the words of a short heading ("A church hall
turned polling station: ..."), where the room is ("a lounge next to the spa's sauna") and what a piece holds or
is for ("shelves with honey and postcards", "a rack for moulds"), what something is likened to ("should feel
like a jewel box") and the first noun that names the room ("Design a seaside fishmonger"); and the part nouns that
do name a piece ("a fume extraction arm"). Reads the spaCy parse (see :mod:`nlp`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from scenerevis.policy.nlp import first_conjunct
from scenerevis.policy.open_vocab import names_a_place_noun
from scenerevis.policy.vocab import vocabulary

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

#: A colon within this many words of the start ends a heading that names the room, not its pieces.
HEADING_WORDS = 10


def heading_end(doc: Doc) -> int:
    """The index of the colon (or dash) that ends a short heading naming the room ("A church hall turned polling
    station: a registration table, ..."), or -1 when the prompt has none within ``HEADING_WORDS`` words."""
    return next((t.i for t in doc[:HEADING_WORDS] if t.text in (":", "\u2014")), -1)


#: Prepositions that say where a room is ("a lounge next to the sauna", "a study above the garage").
_WHERE_PREPS = frozenset({"to", "beside", "near", "behind", "above", "below", "under", "off", "over", "by", "at", "in", "inside"})


def beside_the_room(root: Token, room: Token) -> bool:
    """Whether ``root`` names where the room (``room``, the prompt's first noun and its root) is: the object of a
    place preposition hanging on the room's noun ("Relaxation lounge next to a spa's sauna")."""
    if root.dep_ != "pobj" or root.head.lower_ not in _WHERE_PREPS:
        return False
    # the room's noun heads the prompt, or is the subject naming a room ("The lounge beside the lanes has ...")
    if room.dep_ != "ROOT" and not (room.dep_ == "nsubj" and _names_a_room(room)):
        return False
    prep = root.head
    up = prep.head.head if prep.head.dep_ == "advmod" else prep.head  # "next to"
    return up.i == room.i


def _names_a_room(tok: Token) -> bool:
    """Whether ``tok`` is a room or venue word ("lounge", "shop"), not a piece's."""
    return names_a_place_noun(tok.lower_) or any(m.kind == "room" for m in vocabulary().find(tok.text))


def names_the_venue(tok: Token, first: int, heading: int) -> bool:
    """Whether a piece word is the first noun of a venue's name ("A sushi counter restaurant: ...", "A premium piano
    showroom laid out like a concert salon"): a compound right before a place noun, in a heading (before token
    ``heading``) or the first noun of the first sentence (``first``: the piece's first token)."""
    outer = tok.head
    first_root = outer.sent.start == 0 and not any(t.pos_ in ("NOUN", "PROPN") for t in tok.doc[:first])
    return (
        tok.dep_ == "compound" and outer.i == tok.i + 1 and (outer.i < heading or first_root) and names_a_place_noun(outer.lower_)
    )


#: Pieces whose "with <bare plurals>" is what they hold ("shelves with local honey and postcards").
HOLDERS = frozenset(
    "shelf shelves shelving rack racks cabinet cabinets bookcase bookcases bookshelf bookshelves case cases unit units "
    "cupboard cupboards chest box boxes bin bins basket baskets drawers display displays".split()
)


#: Participles that say what a holder is full of ("a bookcase crammed with charts").
_FILLED = frozenset("crammed filled stacked packed loaded piled lined stocked heaped laden full".split())


def contents(root: Token) -> bool:
    """Whether a bare plural noun names what a piece is for or holds: "for moulds and boxes", "for folding pizza
    boxes", "full of jars", "shelves with local honey and postcards", "a tall shelf of spice blends"."""
    tok = first_conjunct(root)
    if root.tag_ in ("NNS", "NNPS") and tok.dep_ == "dobj" and tok.head.tag_ == "VBG" and tok.head.dep_ == "pcomp":
        return tok.head.head.lower_ == "for"  # "a table for folding pizza boxes", "a rack for drying towels"
    if root.tag_ not in ("NNS", "NNPS") or tok.dep_ != "pobj":
        return False
    if any(c.dep_ in ("det", "nummod", "poss") for c in root.children):
        return kept_for(root)
    prep = tok.head
    holder = prep.head  # "a row of shelves with ...": the shelves
    if holder.tag_ in ("VBN", "VBG", "JJ") and holder.dep_ in ("acl", "amod") and holder.lower_ in _FILLED:
        holder = holder.head  # "a tall bookcase crammed with charts and logbooks"
    in_row = any(g.lower_ in HOLDERS for c in holder.children if c.lower_ == "of" for g in c.children)
    held = (prep.lower_ == "of" and holder.lower_ in HOLDERS) or (prep.lower_ == "with" and (holder.lower_ in HOLDERS or in_row))
    return prep.lower_ == "for" or (prep.lower_ == "of" and prep.head.lower_ == "full") or held


def kept_for(root: Token) -> bool:
    """Whether a plural noun with "the" / "its" / "their" names what a piece is for ("a steel locker for the tents",
    "a cabinet for its brushes"): the object of "for" on a piece's noun, never a piece of its own."""
    tok = first_conjunct(root)
    dets = [c for c in root.children if c.dep_ in ("det", "nummod", "poss")]
    return (
        root.tag_ in ("NNS", "NNPS")
        and tok.dep_ == "pobj"
        and tok.head.lower_ == "for"
        and tok.head.head.pos_ == "NOUN"
        and bool(dets)
        and all(c.lower_ in ("the", "its", "their") for c in dets)
    )


def likened(root: Token) -> bool:
    """Whether ``root`` is what a verb likens something to ("should feel like a jewel box", "looks like a ship's
    cabin"); not "pieces like a sofa", where "like" hangs on a noun and lists examples."""
    prep = root.head
    return root.dep_ == "pobj" and prep.lower_ == "like" and prep.head.pos_ in ("VERB", "AUX")


#: Verbs whose object, written as the prompt's first noun, is the room being designed ("Design a seaside fishmonger").
DESIGN_VERBS = frozenset({"design", "create", "build", "furnish", "plan", "imagine", "picture", "model", "lay", "style"})
#: Verbs whose subject, written as the prompt's first noun, is the room ("The hall has a mirror ...").
HAVE_VERBS = frozenset({"have", "feature", "contain", "include", "hold", "house"})


def names_the_room(first: Token, room_preps: frozenset[str]) -> bool:
    """Whether the prompt's first noun ``first`` names the room, not a piece: the root of a heading ("A tattoo
    parlour with ...", or followed by one of ``room_preps``), the object of a design verb ("Design a seaside
    fishmonger"), a place (:func:`~scenerevis.policy.open_vocab.names_a_place_noun`) that "has" the pieces ("The hall has a tall mirror") or any place noun of the first
    sentence ("A recording booth of 4 square metres with ...")."""
    verb = first.head.lemma_.lower()
    place = names_a_place_noun(first.lower_)
    return (
        first.dep_ == "ROOT"
        or (place and first.sent.start == 0)  # "A recording booth of 4 square metres with ..."
        or any(c.lower_ in room_preps for c in first.rights)
        or (first.dep_ == "dobj" and verb in DESIGN_VERBS)
        or (first.dep_ == "nsubj" and verb in HAVE_VERBS and place)
    )


#: Part nouns that name a piece of their own with a kind before them and an article ("a fume extraction arm").
PART_PIECES = frozenset({"arm", "arms", "frame", "frames"})


def part_piece(tok: Token, describing: frozenset[str] = frozenset()) -> bool:
    """Whether a part noun (``PART_PIECES``) names a piece of its own: a kind before it (not a ``describing`` word)
    and an article or count of its own ("a fume extraction arm", "an oak armchair frame"; not "the sofa arm", "a
    brass frame")."""
    return (
        tok.lower_ in PART_PIECES
        and any(c.dep_ == "compound" and c.pos_ == "NOUN" and c.lower_ not in describing for c in tok.lefts)
        and any(c.dep_ in ("det", "nummod") and (c.lower_ in ("a", "an", "one") or c.like_num) for c in tok.lefts)
    )


def listed_npadvmod(tok: Token) -> bool:
    """Whether a noun the parser made an adverbial modifier is a counted piece of a list ("..., three tiered flower
    stands in a row opposite it, ..."): a number of its own and a comma before its phrase (not "3 metres long")."""
    if tok.dep_ != "npadvmod" or not any(c.dep_ == "nummod" for c in tok.children):
        return False
    start = tok.left_edge.i
    return start > 0 and tok.doc[start - 1].text in (",", ";", ":")


#: Seats whose cushions come with them ("four chairs with red cushions").
_SEATS = frozenset(
    "chair chairs sofa sofas couch couches armchair armchairs stool stools bench benches seat seats banquette banquettes"
    " settee settees loveseat loveseats".split()
)


def seat_cushion(tok: Token) -> bool:
    """Whether a cushion or pad is part of a seat it comes "with" ("four padded chairs with red cushions", "a bench
    with seat pads"; not "a bench and six floor cushions"): the object of "with" hanging on a seat, or right after
    one when the parse hangs the "with" elsewhere."""
    if tok.lemma_.lower() not in ("cushion", "pad") or tok.head.lower_ != "with":
        return False
    with_ = tok.head
    return with_.head.lower_ in _SEATS or (with_.i > 0 and tok.doc[with_.i - 1].lower_ in _SEATS)
