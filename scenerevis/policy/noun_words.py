"""noun_words.py: word lists of object phrases: quantity nouns ("a pair of", "two rows of"), group nouns, nouns with
an adjective's ending that still name pieces, and the words that make a wall a piece.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from scenerevis.policy.nlp import LY_NOUNS
from scenerevis.policy.prompt_words import LARGE_WORDS, SMALL_WORDS

if TYPE_CHECKING:
    from spacy.tokens import Token

#: Nouns that quantify the noun after "of": count per unit ("two rows of" = 2 x 3), or None for "a set of N".
QUANTITY_NOUNS: dict[str, int | None] = {
    **{"pair": 2, "couple": 2, "trio": 3, "few": 3, "handful": 3, "several": 3, "dozen": 12, "row": 3},
    # "a stack of firewood", "two stacks of subwoofers", "a suit of armour": one piece per unit
    **{"stack": 1, "pile": 1, "heap": 1, "suit": 1},
    **dict.fromkeys("set group collection line cluster pod wall bank block number lot lots plenty".split()),
}
#: Quantity nouns that name an object when no "of" follows ("a sleep pod", "a chopping block", "a piggy bank").
UNIT_OBJECTS = frozenset({"pod", "bank", "block", "wall"})
#: Piece nouns with an adjective's or a participle's ending ("a campfire ring", "a swing", "a large painting").
ENDING_PIECES = LY_NOUNS | frozenset(
    "ring rings swing swings sling slings string painting paintings railing railings sled sleds dish dishes hive hives "
    "beehive beehives awning awnings".split()
)
#: Words that make a "wall" a piece of its own ("a video wall", "a climbing wall").
WALL_PIECES = frozenset("video screen monitor led tv media climbing bouldering display barrier partition divider".split())
#: Quantity nouns whose own numeral multiplies the object's ("two rows of 4 desks", "3 groups of 2 chairs").
PER_UNIT = frozenset({"row", "group", "cluster", "set", "pair", "line", "pod", "bank", "block"})
#: Nouns of a group of furniture whose numeral multiplies what each of them holds ("three seating groups, each of
#: two armchairs around a table", "two reading corners, each with an armchair and a lamp", "four sets of a table
#: and two chairs"); when the noun itself names an object, the owner rule counts instead.
GROUP_NOUNS = PER_UNIT | frozenset({"area", "zone", "corner", "nook", "island", "station", "grouping", "arrangement"})
#: Plural nouns that "a set of" makes one piece of ("a set of parallel bars"; "a set of chairs" stays several).
ONE_SET = frozenset("bars drawers shelves steps stairs drums weights dumbbells bells lockers pigeonholes cubbies scales".split())
FEW = {"few": 3, "several": 3, "handful": 3, "couple": 2, "pair": 2}


def kind_word(c: Token, describing: frozenset[str]) -> bool:
    """Whether a word before a material noun names a kind of piece ("quern" of "a quern stone"), not a finish or size."""
    if c.dep_ == "compound":
        return c.lower_ not in describing
    if c.lower_.endswith(_ADJECTIVE_ENDINGS):  # "a battered brown leather ...": a look, not a kind
        return False
    return c.dep_ == "amod" and c.tag_ == "JJ" and c.lower_ not in describing | SMALL_WORDS | LARGE_WORDS | PLAIN_ADJECTIVES


#: Adjectives that say how a material piece looks, not what kind it is ("a rough stone", "a raised slab").
PLAIN_ADJECTIVES = frozenset("rough smooth raised flat polished old new heavy light thick thin round square".split())


#: Endings of adjectives that say how a piece looks ("battered", "antique-looking", "glossy"), never its kind.
_ADJECTIVE_ENDINGS = ("ed", "ing", "ful", "ous", "ive", "al", "ic", "y", "ish", "less", "able", "ible", "ly")
