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
from scenerevis.policy.noun_words import QUANTITY_NOUNS
from scenerevis.policy.open_vocab import is_object_noun, names_a_place_noun
from scenerevis.policy.prompt_words import NEGATIONS
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


#: Prepositions that name what the room is part of ("the crew quarters of a submarine", "a cell in a prison").
_VENUE_PREPS = frozenset(
    {"of", "into", "in", "inside", "within", "on", "aboard", "at", "for", "behind", "beside", "above", "below"}
)


#: Verbs whose place, with a person as subject, is the building the room is in ("we meet in an old hut").
_DWELL_VERBS = frozenset({"live", "work", "meet", "stay", "sleep"})


def venue_of_the_room(root: Token, room: Token | None) -> bool:
    """Whether ``root`` names the building or vehicle the room (``room``, the noun naming it) belongs to: the
    object of one of ``_VENUE_PREPS`` hanging on the room's noun ("the crew quarters of a nuclear submarine", "a
    family viewing room in a funeral home", "a research module on an orbital station"), or of an opening "in" /
    "inside" when no room noun comes first ("Inside a family fallout shelter of 15 square metres, there are ...")."""
    if root.dep_ != "pobj" or root.head.lower_ not in _VENUE_PREPS:
        return False
    prep = root.head
    verb = prep.head
    if prep.lower_ == "into" and verb.lemma_.lower() in ("convert", "turn", "transform", "make"):
        return True  # "We're converting an old delivery van into a crepe and coffee truck"
    people = [c for c in verb.children if c.dep_ == "nsubj" and (c.pos_ == "PRON" or any(p.dep_ == "poss" for p in c.children))]
    if verb.lemma_.lower() in _DWELL_VERBS and people:
        return prep.lower_ in ("in", "on", "aboard", "inside")  # "I live on a houseboat", "our group meets in a hut"
    if room is None:
        return prep.i == 0 and prep.lower_ in ("in", "inside", "within", "aboard")
    # "Picture the beer garden behind a busy city pub": the place hangs on the verb designing the room
    designed = room.dep_ == "dobj" and prep.head.i == room.head.i  # ("Set up a record shop in a railway arch")
    # right after the room's noun or its measure ("a monastery cell of 9 m² for a monk"; not "a study with a globe
    # on a stand", the stand's "on" misread onto the study)
    between = room.doc[room.i + 1 : prep.i]
    near = prep.i > room.i and not any(t.pos_ in ("NOUN", "PROPN") and t.lower_ not in _AREA_WORDS for t in between)
    return room.pos_ in ("NOUN", "PROPN") and near and (prep.head.i == room.i or designed)


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
    unit = tok.head.head if tok.dep_ == "pobj" and tok.head.lower_ == "of" else None
    if root.tag_ in ("NNS", "NNPS") and unit is not None and unit.dep_ == "pobj" and unit.head.lower_ == "for":
        return True  # "a ski rack for eight pairs of skis"
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


def belongings(root: Token) -> bool:
    """Whether a noun names what people bring and handle ("for passengers putting their shoes back on", "guests
    hang their coats on hooks"): the object, with "their" / "his" / "her" (not "their own"), of a verb whose doer
    is a person word or that describes one."""
    if root.dep_ != "dobj" or not any(c.dep_ == "poss" and c.lower_ in ("their", "his", "her") for c in root.children):
        return False
    if any(c.lower_ == "own" for c in root.children):
        return False
    verb = root.head
    doers = [c for c in verb.children if c.dep_ == "nsubj"] + ([verb.head] if verb.dep_ in ("acl", "relcl") else [])
    return any(d.pos_ in ("NOUN", "PROPN") and not is_object_noun(d.lower_) for d in doers)


#: Verbs of a trade ("We restore old pianos", "I repair bikes"): their bare plural objects are the work, not pieces.
TRADE_VERBS = frozenset(
    "restore repair fix sell make build service mend craft breed rent hire stock bake brew carve tune grow rescue "
    "sew frame bind print import trade refurbish upholster reupholster recycle".split()
)


#: Containers a piece stands in ("a tall olive tree in a terracotta pot", "tulips in a glass vase").
_CONTAINERS = frozenset("pot pots vase vases jar jars tub tubs bucket buckets".split())


def container_of(root: Token) -> bool:
    """Whether a noun is the container the piece named before it stands in ("an olive tree in a terracotta pot"):
    part of that piece, not one of its own."""
    prep = root.head
    if root.dep_ != "pobj" or root.lower_ not in _CONTAINERS or prep.lower_ != "in" or prep.i == 0:
        return False
    # (the "in" may hang on the verb: "In the corner stands a tall olive tree in a terracotta pot")
    return prep.head.pos_ in ("NOUN", "PROPN") or root.doc[prep.i - 1].pos_ in ("NOUN", "PROPN")


def trade_goods(root: Token) -> bool:
    """Whether a noun names what the speaker's trade works on ("We restore old pianos and need the back room sorted"):
    a bare plural (no article, number or owner) object of a present-tense ``TRADE_VERBS`` verb whose subject is
    "we" or "I"."""
    tok = first_conjunct(root)
    verb = tok.head
    return (
        tok.dep_ == "dobj"
        and root.tag_ in ("NNS", "NNPS")
        and verb.tag_ in ("VBP", "VBZ")
        and verb.lemma_.lower() in TRADE_VERBS
        and any(c.dep_ == "nsubj" and c.lower_ in ("we", "i") for c in verb.children)
        and not any(c.dep_ in ("det", "nummod", "poss") for c in root.children)
    )


#: Verbs whose object is the space pieces go into ("furnish a burial chamber with a throne ...").
FURNISH_VERBS = frozenset("furnish decorate equip outfit stock kit".split())
#: Verbs that with "up" / "out" make over a space ("do up the cupboard", "mock up a dugout", "fit out a van").
_UP_VERBS = frozenset("do mock fix spruce kit fit".split())


def for_the_brief(tok: Token) -> bool:
    """Whether a noun is in a sentence's opening "For <...>," ("For our village summer fete, ...": what the brief
    is for; any noun of it, the parser may read "fete" as an adjective)."""
    doc, start = tok.doc, tok.sent.start
    comma = next((t.i for t in doc[start : start + 8] if t.text == ","), None)
    return doc[start].lower_ == "for" and comma is not None and start < tok.i < comma


def the_brief_around(tok: Token) -> bool:
    """Whether a noun names what the brief is for or the space it furnishes, not a piece: a sentence's opening
    "For a <noun>," ("For a museum diorama, furnish ...") or the object of a ``FURNISH_VERBS`` verb ("furnish a
    pharaoh's burial chamber with a throne") or a place noun given its measures ("a 10 by 20 metre hall")."""
    prep = tok.head
    opening = for_the_brief(tok)
    # ("we're doing up the cupboard under the stairs", "mock up a nicer dugout", "kit out the van")
    done_up = prep.lemma_.lower() in _UP_VERBS and any(c.dep_ == "prt" and c.lower_ in ("up", "out") for c in prep.children)
    furnished = tok.dep_ == "dobj" and (prep.lemma_.lower() in FURNISH_VERBS or done_up)
    furnished = furnished and not any(c.dep_ == "nummod" for c in tok.children)
    # (its first object only: "furnish a chamber with a throne ..., a boat on a plinth" parsed with the boat an object)
    furnished = furnished and tok.i == min(c.i for c in prep.children if c.dep_ == "dobj")
    # "It's a 10 by 20 metre hall with ...": a place given its measures is the room
    doc = tok.doc
    near = list(tok.subtree)  # ("a big glass bus shelter, roughly 2 by 5 metres": the measure after its comma)
    if tok.i + 1 < len(doc) and doc[tok.i + 1].text == ",":
        near += list(doc[tok.i + 2 : tok.i + 5])
    measured = names_a_place_noun(tok.lower_) and any(t.like_num and is_measure(t) for t in near)
    return opening or furnished or measured


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
DESIGN_VERBS = frozenset(
    "design create build furnish plan imagine picture model lay style make decorate renovate remodel refurbish redesign "
    "redo convert outfit stage".split()
)
#: Verbs whose subject, written as the prompt's first noun, is the room ("The hall has a mirror ...").
HAVE_VERBS = frozenset({"have", "feature", "contain", "include", "hold", "house"})
#: What a room "needs" when the prompt asks for its design ("The food court needs furnishing").
#: What a room "needs" doing ("The bandstand needs setting up", "needs laying out").
_SET_UP = frozenset("set lay fit kit do sort".split())
_WORK_NOUNS = frozenset("furnishing furniture layout makeover refit redesign design redo fit-out fitting furnish".split())


def names_the_room(first: Token, room_preps: frozenset[str]) -> bool:
    """Whether the prompt's first noun ``first`` names the room, not a piece: the root of a heading ("A tattoo
    parlour with ...", or followed by one of ``room_preps``), the object of a design verb ("Design a seaside
    fishmonger"), a place (:func:`~scenerevis.policy.open_vocab.names_a_place_noun`) that "has" the pieces ("The hall has a tall mirror") or any place noun of the first
    sentence ("A recording booth of 4 square metres with ...")."""
    verb = first.head.lemma_.lower()
    place = names_a_place_noun(first.lower_)
    # "The food court ... needs furnishing", "The chambers ... are to be furnished in a traditional style"
    furnished = first.dep_ in ("nsubj", "nsubjpass") and (
        (first.dep_ == "nsubjpass" and verb in DESIGN_VERBS)
        or (verb in ("need", "require") and any(c.lemma_.lower() in _WORK_NOUNS | _SET_UP for c in first.head.children))
    )
    return (
        furnished
        or _measured(first)
        or (first.dep_ == "ROOT" and (place or not (_lists_pieces(first) or _counted(first) or _placed(first) or _only(first))))
        # "A recording booth of 4 square metres with ..." (not "Put a DJ booth on a raised platform")
        or (place and first.sent.start == 0 and not (first.dep_ == "dobj" and verb in _PUT_VERBS))
        or any(c.lower_ in room_preps for c in first.rights)
        or (first.dep_ == "dobj" and verb in DESIGN_VERBS)
        # "Set up a pop-up record shop in a railway arch" (not "Set up a desk by the window")
        or (first.dep_ == "dobj" and place and verb == "set" and any(c.lower_ == "up" for c in first.head.children))
        or (first.dep_ == "nsubj" and verb in HAVE_VERBS and place)
    )


def _measured(first: Token) -> bool:
    """Whether the first sentence gives the first noun's floor area ("I need a detailed sacristy behind the altar,
    about 20 m²"): an area measure after it, no place noun after it, the noun neither counted nor put."""
    sent = first.sent
    if sent.start != 0 or first.dep_ not in ("dobj", "attr", "nsubj", "ROOT") or first.head.lemma_.lower() in _PUT_VERBS:
        return False
    if _counted(first) or _only(first) or _placed(first):
        return False
    after = first.doc[first.i + 1 : sent.end]
    if any(t.pos_ in ("NOUN", "PROPN") and t.dep_ not in ("compound", "amod") and _names_a_room(t) for t in after):
        return False  # "a spinning wheel in my 12 m² garage": the garage is the room
    return any(t.like_num and is_measure(t) and _measures(t, first) for t in after)


def _measures(num: Token, noun: Token) -> bool:
    """Whether the measure ``num`` hangs on ``noun`` with no other noun between them in the parse ("a sacristy,
    about 20 m²"; not "a hammock in my 12 m² garden", which measures the garden)."""
    tok = num
    for _ in range(8):
        if tok.i == noun.i:
            return True
        if tok.head.i == tok.i:
            return False
        tok = tok.head
        if tok.i != noun.i and tok.pos_ in ("NOUN", "PROPN") and tok.lower_ not in _AREA_WORDS:
            return False
    return False


def opens_as_the_room(tok: Token, room_preps: frozenset[str]) -> bool:
    """Whether a piece word that names a place (a tent, a yurt, a gazebo) opens the prompt as the room its pieces
    come with ("A circus tent with a ring and ..."; not "a bedroom with a play tent"), the heading before a colon
    ("Pinball arcade: eight machines") or what the first sentence designs or opens ("I'm opening a pinball arcade")."""
    doc = tok.doc
    heads = tok.dep_ == "ROOT" and tok.sent.start == 0 and any(c.lower_ in room_preps for c in tok.rights)
    # "Pinball arcade: eight machines ...", "A small 30 m² pinball arcade: put ten machines ..."
    heads = heads or (tok.sent.start == 0 and tok.i + 1 < len(doc) and doc[tok.i + 1].text == ":")
    # "I'm opening a retro pinball arcade in an old laundrette"
    heads = heads or (tok.dep_ == "dobj" and tok.head.lemma_.lower() in DESIGN_VERBS | _OPEN_VERBS and tok.sent.start == 0)
    return heads and names_a_place_noun(tok.lower_) and not any(t.pos_ == "NOUN" for t in doc[: tok.left_edge.i])


#: Verbs of starting a business ("I'm opening a pinball arcade"): their object is the room.
_OPEN_VERBS = frozenset({"open", "run", "start", "launch"})


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
    return any(  # ("An airport security checkpoint seen from the passenger side" puts nothing anywhere)
        c.dep_ in ("acl", "relcl")
        and any(g.dep_ == "pobj" and g.lower_ in _IN_ROOM_PLACES for p in c.children if p.lower_ != "from" for g in p.children)
        for c in tok.children
    )


def _only(tok: Token) -> bool:
    """Whether the noun is what the brief asks for and nothing more ("just a compact coffee roaster on a steel
    cart"): "just" / "only" before it. A room is not asked for that way."""
    return any(c.dep_ == "advmod" and c.lower_ in ("just", "only") and c.i < tok.i for c in tok.children)


def _counted(tok: Token) -> bool:
    """Whether a noun is counted ("Six cabbing machines set in a line ..."): plural or with a numeral (not a
    measure: "A 9 m² nook"), as a room's name is not."""
    plural = tok.tag_ in ("NNS", "NNPS") and tok.lemma_.lower() != tok.lower_  # ("deli" may be tagged a plural)
    return plural or any(c.dep_ == "nummod" and not is_measure(c) for c in tok.children)


def is_measure(num: Token) -> bool:
    """Whether a number is a measure, not a count: a unit follows it ("A 9 m² treehouse reading nook")."""
    doc = num.doc
    nxt = doc[num.i + 1].lower_.rstrip(".") if num.i + 1 < len(doc) else ""
    if nxt in ("square", "sq"):  # "9 square metres" (not "three square tables")
        return num.i + 2 < len(doc) and doc[num.i + 2].lower_.rstrip(".") in _MEASURE_UNITS
    if nxt in ("by", "x", "×") and num.i + 2 < len(doc) and doc[num.i + 2].like_num:
        return True  # "a 10 by 20 metre hall"
    return nxt in _MEASURE_UNITS


#: Words after a number that make it a measure, not a count ("A 9 m² treehouse reading nook").
_MEASURE_UNITS = frozenset("m m² m2 sqm metre metres meter meters ft feet foot cm".split())


#: Words of an area measure ("of 9 square metres").
_AREA_WORDS = _MEASURE_UNITS | {"square", "sq", "sq."}


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
    stands in a row opposite it, ..."): a number or "a" of its own and a comma before its phrase (not "3 metres long"), or
    "a" and a place word it hangs on ("next to it a box")."""
    if tok.dep_ != "npadvmod":
        return False
    article = any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in tok.children)
    if tok.head.lower_ in _PLACE_HEADS and article:
        return True  # "and next to it a vintage sawing-in-half box": parsed as the measure of "next"
    if not (article or any(c.dep_ == "nummod" for c in tok.children)):
        return False
    start = tok.left_edge.i
    return start > 0 and tok.doc[start - 1].text in (",", ";", ":")


#: Place words a piece's phrase may be misparsed as the measure of ("next to it a box").
_PLACE_HEADS = frozenset("next opposite beside behind near nearby alongside".split())


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


def negated(head: Token, left: list[Token]) -> bool:
    """Ruled out: "no TV", "no TV or rug", "without a rug", "I don't want a TV" (``left``: the noun phrase's
    words before the noun)."""
    if any(t.lower_ == "no" and t.tag_ in ("DT", "PDT", "PRP$", "WP$") for t in left):
        return True
    x = head
    if head.dep_ == "pobj" and head.head.lower_ == "of" and head.head.head.lemma_.lower() in QUANTITY_NOUNS:
        x = head.head.head  # "no pair of ..."
    own = [t.lower_ for t in x.lefts if t.dep_ in ("det", "neg")]
    if "no" in own:
        return True
    while x.dep_ == "conj":
        x = x.head
        if not own and any(t.lower_ == "no" for t in x.lefts if t.dep_ in ("det", "neg")):
            return True
    if x.dep_ == "pobj" and x.head.lower_ in NEGATIONS:
        return True
    if x.dep_ == "pobj" and x.head.lower_ in ("of", "than"):  # "instead of a metal table", "rather than a desk"
        prep = x.head
        if prep.head.lower_ in ("instead", "rather") or any(c.lower_ in ("instead", "rather") for c in prep.children):
            return True
    if x.dep_ in ("dobj", "nsubjpass", "attr"):
        return any(t.dep_ == "neg" for t in x.head.children)
    return False
