"""open_vocab.py: the category an object phrase no ``rooms.json`` synonym names maps to, and the nouns that name no object.

The phrases themselves come from the parse (:mod:`phrases`: noun chunks with a determiner or a
count, "an antique telescope"); their noun must not be an abstract, room, part or person word
(``ABSTRACT_HEADS``, ``NOT_OBJECTS``), and small things set on furniture (``TABLETOP_HEADS``) are
reported as not placed. Each phrase is mapped by MiniLM similarity to the
category synonyms: at or above ``SUBSTITUTE_AT`` it becomes that category (a substitution, reported
as such) unless the synonym is another kind of the same noun ("a keyboard stand" is no "tv stand"), otherwise a ``generic_object`` whose size is the nearest category's when the similarity
reaches ``SIZE_FROM_AT``, else the generic default; a phrase ending in a piece ``data/object_sizes.json`` lists
takes that size first ("a cash register" is a small device, not the default 0.9 m floor piece). Without sentence-transformers every phrase
becomes a generic object of the default size.
"""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass
from functools import lru_cache
from importlib.resources import files

import numpy as np

from scenerevis.scene.rooms import load_rooms

log = logging.getLogger(__name__)

#: Cosine similarity (MiniLM) from which a phrase is read as a known category.
SUBSTITUTE_AT = 0.72
#: Cosine similarity from which a phrase whose kind ``data/object_sizes.json`` lists (a hammock) is still read as
#: a known category: below it the phrase keeps its own kind and size ("hammock" is near "hamper", no basket).
SUBSTITUTE_LISTED_AT = 0.9
#: Cosine similarity from which a generic object takes the size of the nearest phrase object_sizes.json lists.
LISTED_SIZE_AT = 0.7
#: Cosine similarity from which a generic object borrows the nearest category's size.
SIZE_FROM_AT = 0.45

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
    walkway passage aisle aisles gangway clearance access environment retreat sanctuary haven oasis experience energy character charm personality
    twist nod homage harmony symmetry order dorm hostel office studio loft suite setting seat seating storage surface top
    semicircle semi-circle circle horseshoe arc cluster line u-shape l-shape must priority necessity requirement mind eye eyes focal centerpiece centrepiece side end edge middle center centre front back left right row rows
    set group collection selection range series quality budget price feeling spirit project brief request idea concept
    rug carpet floorboards tile tiles parquet concrete fabric leather wood metal glass stone marble velvet linen upholstery
    party parties work working reading relaxing sleeping dining cooking gaming study studying play playing
    break breaks lunch meal meals meeting meetings marking craft crafts hobby hobbies rest remainder whole part parts half
    portion majority entirety everything anything something sun moon sky goal goals purpose aim result effect need needs
    form forms paperwork document documents letter letters mail
    use access option options choice choices question answer reason meter meters metre metres feet foot inch inches centimeters centimetres m2 sqm percent minute minutes hour hours""".split()
)
#: Endings of venue nouns ("barbershop", "showroom", "greenhouse"): a room, never an object (but VENUE_LIKE).
VENUE_ENDINGS = ("shop", "store", "room", "house", "studio", "salon", "parlour", "parlor", "hall", "lounge")
VENUE_LIKE = frozenset({"broom", "mushroom", "dollhouse", "playhouse", "birdhouse", "doghouse"})


#: Words that make a "station" a place, not a piece ("a police station"; "a charging station" is a piece).
VENUE_STATIONS = frozenset("police fire train bus gas petrol railway metro subway radio tv television space".split())


def names_a_venue(word: str) -> bool:
    """Whether ``word`` names a place ("barbershop", "showroom") by its ending."""
    low = word.lower()
    return low not in VENUE_LIKE and any(low.endswith(e) and len(low) > len(e) + 2 for e in VENUE_ENDINGS)


#: Nouns of places a room may be called by ("The hall has ...", "Our cabin features ...").
PLACE_NOUNS = frozenset(
    """hall lobby room shop store studio salon office space area cabin shed booth lab laboratory workshop garage barn
    stable depot warehouse clinic suite den loft attic basement cellar library bar cafe café restaurant parlour parlor
    club clubhouse centre center station dorm dormitory quarters kiosk gallery chapel classroom ward tent marquee yurt
    gazebo pavilion cabana igloo hut treehouse boathouse greenhouse conservatory apartment bedsit arcade museum mews
    chamber caboose cottage emporium market hangar crypt sanctuary temple church theatre theater cinema auditorium gym spa
    nursery pantry larder scullery galley cockpit shelter dugout vault""".split()
)


def names_a_place_noun(word: str) -> bool:
    """Whether ``word`` names a place (``PLACE_NOUNS`` or a venue ending: "barbershop")."""
    return word.lower() in PLACE_NOUNS or names_a_venue(word)


#: Words that make a small thing's noun a floor-standing piece ("a grandfather clock", "a tall floor vase").
FLOOR_STANDING_WORDS = frozenset(
    "grandfather grandmother longcase floor standing freestanding free-standing floor-standing tall".split()
)


#: Words that make a small thing's noun a piece hung on a wall ("a wall clock", "a wall-mounted clock").
WALL_WORDS = frozenset({"wall", "wall-mounted", "mounted"})


#: Words before "frame" that make it a picture frame on a shelf ("a silver photo frame").
PICTURE_WORDS = frozenset({"photo", "picture", "digital", "silver", "gold", "wooden", "small", "little"})


def is_tabletop(phrase: str) -> bool:
    """Whether an object phrase names a small thing set on furniture (``TABLETOP_HEADS``), not a floor piece nor
    one hung on a wall ("a grandfather clock", "a wall clock")."""
    words = phrase.lower().split()
    if words[-1:] in (["frame"], ["frames"]) and len(words) > 1 and words[-2] not in PICTURE_WORDS:
        return False  # "an oak armchair frame" is the frame of a piece, not a picture frame
    return bool(words) and words[-1] in TABLETOP_HEADS and not (FLOOR_STANDING_WORDS | WALL_WORDS) & set(words[:-1])


#: Heads of small things set on furniture: reported as not placed, never silently dropped.
TABLETOP_HEADS = frozenset(
    """bottle bottles ceramics ceramic vase vases book books candle candles pillow pillows throw throws blanket blankets
    frame frames picture pictures photo photos print prints poster posters bowl bowls plate plates glass glasses cup cups
    mug mugs tray trays figurine figurines ornament ornaments trinket trinkets knick-knacks accessories
    magazine magazines towel towels plates dishes utensils jar jars pot pots""".split()
)
#: Furniture parts, people, places and adjectives: never an object phrase's head.
NOT_OBJECTS = frozenset(
    """headboard footboard base frame legs leg arm arms armrest armrests drawer drawers handle handles knob knobs trim
    upholstery cushioning grid strip stripes piping tufting slats slat veneer inlay hardware pulls
    artist novelist writer designer musician chef painter household owner owners student students professional
    professionals couple family families reader readers gamer gamers guests visitors client clients worker workers
    warehouse building city garden gardens terrace balcony yard view views month months week weeks year years season
    dark warm round square calm tall bright light soft cool cozy cosy open quiet natural simple clean neutral rich deep
    large small big long low high wide narrow airy sunny inviting relaxed relaxing elegant functional practical
    comfortable spacious compact minimal modern classic sleek bold subtle muted earthy warmish plush lush
    pupil pupils patient patients customer customers staff employee employees colleague colleagues member members
    player players band bandmates musicians team technician technicians doctor doctors nurse nurses teacher teachers
    athlete athletes dancer dancers adult adults user users boy boys girl girls son sons daughter daughters partner
    wife husband friend friends toddler toddlers infant newborn mom dad parent parents grandparent grandparents
    pet pets cat cats dog dogs puppy kitten animal animals entrance exit doorway hallway corridor
    club clubs shop shops store stores clinic hospital school restaurant hotel museum church company startup agency
    firm business practice salon parlour parlor bakery pharmacy gallery boutique showroom warehouse
    sea ocean lake river horizon skyline sunset sky mountains landscape scenery
    victim victims relative relatives witness witnesses visitor officer officers judge judges lawyer lawyers chefs den lair
    waiter waiters operator operators dispatcher dispatchers cashier cashiers artists buildings townhouse mansion cottage villa spa campus basement attic garage ship boat
    yacht ferry train plane aircraft vessel liner caller callers puppeteer puppeteers archer archers applicant applicants
    traveller travellers traveler travelers passenger passengers bride groom audience spectator spectators presenter
    presenters host hosts receptionist receptionists librarian librarians barista baristas bartender bartenders
    mechanic mechanics clerk clerks consultant consultants surgeon surgeons midwife midwives mother mothers child
    children kid kids baby babies volunteer volunteers scout scouts auctioneer auctioneers bidder bidders
    archivist archivists curator curators shopper shoppers diner diners""".split()
)


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
    return enc, names, texts, enc.encode(texts)


def _other_kind(phrase: str, synonym: str) -> bool:
    """True when ``synonym`` names another kind of the same noun: its describing words are not the phrase's
    ("a stand" or "a keyboard stand" is no "tv stand"), the same describing word goes with another noun ("a movie
    camera" is no "movie screen"), or the phrase only names what the synonym's piece is for
    ("a sewing machine" is no "sewing machine table"), so the phrase keeps its own name."""
    words, syn = phrase.lower().split(), synonym.lower().split()
    if len(syn) > len(words) and syn[: len(words)] == words:
        return True  # "a sewing machine" only names what a "sewing machine table" is for
    if len(words) >= 2 and len(syn) >= 2 and words[-1].rstrip("s") != syn[-1].rstrip("s") and set(words[:-1]) & set(syn[:-1]):
        return True  # "a movie camera" is no "movie screen": a shared describing word, other nouns
    if not words or len(syn) < 2 or words[-1].rstrip("s") != syn[-1].rstrip("s"):
        return False
    return not set(syn[:-1]) <= set(words[:-1])


@lru_cache(maxsize=1)
def _ending_sizes() -> dict[tuple[str, ...], tuple[float, float, float]]:
    """``data/object_sizes.json``: typical sizes of pieces no category covers, by the words their phrase ends with."""
    path = files("scenerevis") / "data" / "object_sizes.json"
    out = {}
    for words, size in json.loads(path.read_text(encoding="utf-8"))["sizes"].items():
        if len(size) != 3 or not all(isinstance(v, int | float) and v > 0 for v in size):
            raise ValueError(f"{path}: sizes[{words!r}] must be three positive numbers (w, h, d metres)")
        out[tuple(words.lower().split())] = (float(size[0]), float(size[1]), float(size[2]))
    return out


def ending_size(phrase: str) -> tuple[float, float, float] | None:
    """The typical size (w, h, d metres) of ``data/object_sizes.json`` for the longest ending of ``phrase``
    it lists ("an old brass cash register": the cash register's), or None."""
    words = tuple(phrase.lower().replace("-", " ").split())
    table = _ending_sizes()
    for k in range(min(len(words), 3), 0, -1):
        if words[-k:] in table:
            return table[words[-k:]]
    return None


def map_phrase(phrase: str) -> Mapping:
    """The category an open phrase maps to (see the module docstring)."""
    facts = load_rooms()
    generic = facts.category("generic_object")
    try:
        enc, names, texts, table = _synonym_table()
    except Exception as err:  # no encoder installed: a generic object of the default size
        log.warning("open vocabulary: no MiniLM encoder (%s); %r becomes a generic object", err, phrase)
        return Mapping("generic_object", None, 0.0, generic.size)
    vec = enc.encode([phrase])[0]
    sims = table @ vec
    k = int(np.argmax(sims))
    best, sim = names[k], float(sims[k])
    named_for = any(
        _other_kind(phrase, t) for t, n in zip(texts, names, strict=True) if n == best and t.startswith(phrase.lower() + " ")
    )
    own = ending_size(phrase)
    listed = own is not None and sim < SUBSTITUTE_LISTED_AT
    if sim >= SUBSTITUTE_AT and not _other_kind(phrase, texts[k]) and not named_for and not listed:
        return Mapping(best, best, sim, facts.category(best).size)
    size = own or _nearest_listed_size(vec, sim)
    size = size or (facts.category(best).size if sim >= SIZE_FROM_AT else generic.size)
    return Mapping("generic_object", best, sim, size)


@lru_cache(maxsize=1)
def _listed_table() -> tuple[list[tuple[float, float, float]], np.ndarray]:
    """The sizes of ``data/object_sizes.json`` and the MiniLM embeddings of their phrases."""
    from scenerevis.assets.embeddings import load_encoder

    table = _ending_sizes()
    return list(table.values()), load_encoder("minilm").encode([" ".join(words) for words in table])


def _nearest_listed_size(vec: np.ndarray, category_sim: float) -> tuple[float, float, float] | None:
    """The size of the ``data/object_sizes.json`` phrase nearest a phrase's embedding ``vec`` (MiniLM cosine at least
    ``LISTED_SIZE_AT`` and above the nearest category's ``category_sim``): "an oxygen cylinder" is sized like
    an oxygen tank, not like the aquarium that is the nearest category."""
    sizes, table = _listed_table()
    sims = table @ vec
    k = int(np.argmax(sims))
    return sizes[k] if sims[k] >= max(LISTED_SIZE_AT, category_sim) else None


def is_object_noun(word: str) -> bool:
    """Whether a noun can name an object (not a place, part, person or abstract word)."""
    low = word.lower()
    singular = low[:-1] if low.endswith("s") and not low.endswith("ss") else low
    return not ({low, singular} & (ABSTRACT_HEADS | NOT_OBJECTS))
