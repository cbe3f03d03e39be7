"""not_pieces.py: nouns of a prompt that name no piece of the room: the words of a short heading ("A church hall
turned polling station: ..."), where the room is ("a lounge next to the spa's sauna") and what a piece holds or
is for ("shelves with honey and postcards", "a rack for moulds"), what something is likened to ("should feel
like a jewel box") and the first noun that names the room ("Design a seaside fishmonger"); and the part nouns that
do name a piece ("a fume extraction arm"). Reads the spaCy parse (see :mod:`nlp`).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from scenerevis.policy.nlp import first_conjunct
from scenerevis.policy.open_vocab import names_a_place_noun
from scenerevis.policy.references import holder_of
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


#: Nouns of a part of a place: in a verbless heading "Back of an ambulance." the "of" object is the room.
PLACE_PARTS = frozenset("back front rear inside interior end corner middle centre center half part section".split())


def part_of_the_room(tok: Token) -> bool:
    """Whether ``tok`` is the place a verbless heading names a part of ("Back of an ambulance.", "The first half of
    a restaurant car: ...", "Model the inside of a metro carriage"): the object of "of" on a part noun
    (``PLACE_PARTS``) that is its sentence's root or a design verb's object."""
    if tok.dep_ != "pobj" or tok.head.lower_ != "of":
        return False
    part = tok.head.head
    # "Model the inside of a metro carriage": the part is what a design verb makes
    designed = part.dep_ == "dobj" and part.head.lemma_.lower() in DESIGN_VERBS
    return part.lower_ in PLACE_PARTS and (part.dep_ == "ROOT" or designed)


def _names_a_room(tok: Token) -> bool:
    """Whether ``tok`` is a room or venue word ("lounge", "shop"), not a piece's."""
    return names_a_place_noun(tok.lower_) or any(m.kind == "room" for m in vocabulary().find(tok.text))


def names_the_venue(tok: Token, first: int, heading: int) -> bool:
    """Whether a piece word is the first noun of a venue's name ("A sushi counter restaurant: ...", "A premium piano
    showroom laid out like a concert salon"): a compound right before a place noun, in a heading (before token
    ``heading``) or the first noun of the first sentence (``first``: the piece's first token)."""
    outer = tok.head
    while outer.dep_ == "compound" and outer.head.i > outer.i:
        outer = outer.head  # "Design a club table tennis room": the place noun ends the chain of compounds
    chain = all(t.dep_ == "compound" for t in tok.doc[tok.i : outer.i])
    start = min(first, outer.left_edge.i)
    first_root = outer.sent.start == 0 and not any(t.pos_ in ("NOUN", "PROPN") for t in tok.doc[:start])
    return tok.dep_ == "compound" and chain and (outer.i < heading or first_root) and names_a_place_noun(outer.lower_)


#: Pieces whose "with <bare plurals>" is what they hold ("shelves with local honey and postcards").
HOLDERS = frozenset(
    "shelf shelves shelving rack racks cabinet cabinets bookcase bookcases bookshelf bookshelves case cases unit units "
    "cupboard cupboards chest box boxes bin bins basket baskets drawers display displays".split()
)


#: Participles that say what a holder is full of ("a bookcase crammed with charts").
_FILLED = frozenset("crammed filled stacked packed loaded piled lined stocked heaped laden full".split())


def contents(root: Token) -> bool:
    """Whether a bare plural noun names what a piece is for or holds: "for moulds and boxes", "for folding pizza
    boxes", "full of jars", "shelves with local honey and postcards", "a tall shelf of spice blends", "the units hold
    the retail bags"."""
    tok = first_conjunct(root)
    if root.tag_ in ("NNS", "NNPS") and (holder := holder_of(tok)) is not None:
        # "two tall shelving units hold the retail bags" (but "a pedestal holds the biggest cup" is a piece)
        return holder.lower_ in HOLDERS
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


def serves_as(tok: Token) -> bool:
    """Whether ``tok`` is the role a verb gives another piece ("pushed together as one bank", "a barrel standing in
    each corner as a standing table", "a sofa that doubles as a bed"): no piece of its own ("pieces such as a
    sofa" lists pieces: there "as" hangs on a noun)."""
    prep = tok.head
    return tok.dep_ == "pobj" and prep.lower_ == "as" and prep.head.pos_ in ("VERB", "AUX")


def zone_with(tok: Token, end: int) -> bool:
    """Whether a piece word names a zone that comes with pieces, the place itself ("A 9 m² treehouse reading nook
    with a wooden bench ...", the phrase ending at character ``end``), not an armchair."""
    return tok.lower_ in ("nook", "nooks") and re.match(r"\s*with\b", tok.doc.text[end:]) is not None


def likened(root: Token) -> bool:
    """Whether ``root`` is what a verb likens something to ("should feel like a jewel box", "looks like a ship's
    cabin"); not "pieces like a sofa", where "like" hangs on a noun and lists examples."""
    prep = root.head
    return root.dep_ == "pobj" and prep.lower_ == "like" and prep.head.pos_ in ("VERB", "AUX")


#: Verbs whose object, written as the prompt's first noun, is the room being designed ("Design a seaside fishmonger").
DESIGN_VERBS = frozenset({"design", "create", "build", "furnish", "plan", "imagine", "picture", "model", "lay", "style", "make"})
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
        (first.dep_ == "ROOT" and (place or not (_lists_pieces(first) or _counted(first) or _placed(first) or _only(first))))
        # "A recording booth of 4 square metres with ..." (not "Put a DJ booth on a raised platform")
        or (place and first.sent.start == 0 and not (first.dep_ == "dobj" and verb in _PUT_VERBS))
        or any(c.lower_ in room_preps for c in first.rights)
        or (first.dep_ == "dobj" and verb in DESIGN_VERBS)
        or (first.dep_ == "nsubj" and verb in HAVE_VERBS and place)
    )


def _lists_pieces(first: Token) -> bool:
    """Whether a verbless first noun starts a list of pieces ("just a gurney and a paramedic seat next to it"): a
    conjunct of it names a piece the vocabulary knows (in "A bakery and a sandwich counter" the first is a venue)."""
    return any(
        c.dep_ == "conj" and c.pos_ == "NOUN" and any(m.kind in ("category", "generic") for m in vocabulary().find(c.lower_))
        for c in first.children
    )


#: Nouns of a place inside a room, where a verb may put a piece ("standing in each corner", "pushed against the wall").
_IN_ROOM_PLACES = frozenset("corner corners wall walls middle centre center window door side end front back each".split())


def _placed(tok: Token) -> bool:
    """Whether a verb describing the noun puts it somewhere in a room ("An old wine barrel standing in each of the
    four corners ..."): a piece, not the room ("A cafe set in an old barn" is placed in no room's part)."""
    return any(
        c.dep_ in ("acl", "relcl")
        and any(g.dep_ == "pobj" and g.lower_ in _IN_ROOM_PLACES for p in c.children for g in p.children)
        for c in tok.children
    )


def _only(tok: Token) -> bool:
    """Whether the noun is what the brief asks for and nothing more ("just a compact coffee roaster on a steel
    cart"): "just" / "only" before it. A room is not asked for that way."""
    return any(c.dep_ == "advmod" and c.lower_ in ("just", "only") and c.i < tok.i for c in tok.children)


def _counted(tok: Token) -> bool:
    """Whether a noun is counted ("Six cabbing machines set in a line ..."): plural or with a numeral (not a
    measure: "A 9 m² nook"), as a room's name is not."""
    return tok.tag_ in ("NNS", "NNPS") or any(c.dep_ == "nummod" and not is_measure(c) for c in tok.children)


def is_measure(num: Token) -> bool:
    """Whether a number is a measure, not a count: a unit follows it ("A 9 m² treehouse reading nook")."""
    doc = num.doc
    nxt = doc[num.i + 1].lower_.rstrip(".") if num.i + 1 < len(doc) else ""
    if nxt in ("square", "sq"):  # "9 square metres" (not "three square tables")
        return num.i + 2 < len(doc) and doc[num.i + 2].lower_.rstrip(".") in _MEASURE_UNITS
    return nxt in _MEASURE_UNITS


#: Words after a number that make it a measure, not a count ("A 9 m² treehouse reading nook").
_MEASURE_UNITS = frozenset("m m² m2 sqm metre metres meter meters ft feet foot cm".split())


#: Verbs whose object is a piece to place, never the room ("Put a DJ booth on a raised platform").
_PUT_VERBS = frozenset({"put", "place", "set", "add", "position", "install", "park"})


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


#: Vehicles (where a room is, see ``open_vocab.NOT_OBJECTS``) that a kind before them makes a prop.
_VEHICLES = frozenset("ship boat yacht train plane".split())
_PROP_DEPS = frozenset({"nsubj", "dobj", "attr", "conj", "appos"})


def vehicle_prop(tok: Token) -> bool:
    """Whether a vehicle noun names a prop in the room ("a large pirate ship stands in the centre", "a model train"):
    a kind before it and a clause's subject or object ("The engine room of a cargo ship" is where the room is)."""
    return tok.lower_ in _VEHICLES and tok.dep_ in _PROP_DEPS and any(c.dep_ == "compound" for c in tok.lefts)
