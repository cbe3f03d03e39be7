"""catalog_variants.py: the variants (size, generator parameters, description words) of every built-in category.

Sizes ``[w, h, d]`` are metres with the front facing +Z; descriptions are our own words.
"""

from __future__ import annotations

from scenerevis.assets.catalog_spec import VariantSpec, _v

VARIANTS: dict[str, tuple[VariantSpec, ...]] = {
    "bed_single": (
        _v((0.95, 0.9, 2.05), {"style": "legs", "frame": "light oak", "cover": "bedding blue"}, "single bed on light oak legs with a plain wooden headboard and a blue duvet", "scandinavian", "light oak, blue", "wood, cotton"),
        _v((1.0, 1.05, 2.05), {"style": "upholstered", "frame": "grey", "headboard": "grey fabric", "cover": "white linen"}, "single bed with a padded grey fabric headboard and white bedding", "modern", "grey, white", "fabric"),
        _v((0.92, 0.85, 2.0), {"style": "slatted", "frame": "pine", "cover": "pastel pink", "footboard": True}, "pine single bed with a slatted headboard and footboard, pink quilt", "cottage", "natural pine, pink", "pine wood"),
    ),
    "bed_double": (
        _v((1.4, 1.0, 2.0), {"style": "legs", "frame": "walnut", "cover": "sage"}, "double bed in walnut with a panel headboard and sage green linen", "mid-century", "walnut, sage green", "walnut wood, linen"),
        _v((1.45, 1.1, 2.05), {"style": "upholstered", "frame": "navy", "headboard": "navy fabric", "cover": "white linen"}, "full size double bed with a tall navy upholstered headboard", "contemporary", "navy blue, white", "velvet fabric"),
        _v((1.4, 0.8, 2.0), {"style": "platform", "frame": "black", "cover": "light grey"}, "low black platform double bed, minimal frame, grey bedding", "minimalist", "black, grey", "lacquered wood"),
    ),
    "bed_queen": (
        _v((1.6, 1.05, 2.1), {"style": "upholstered", "frame": "beige fabric", "headboard": "beige fabric", "cover": "white linen"}, "queen size bed with a beige upholstered headboard and crisp white bedding", "transitional", "beige, white", "linen fabric"),
        _v((1.62, 0.95, 2.12), {"style": "slatted", "frame": "oak", "cover": "terracotta"}, "oak queen bed with vertical slats in the headboard and a rust coloured throw", "japandi", "oak, rust", "solid oak"),
        _v((1.65, 0.75, 2.15), {"style": "platform", "frame": "walnut", "cover": "teal velvet"}, "low profile walnut platform queen bed with teal bedding", "modern", "walnut, teal", "walnut veneer"),
        _v((1.6, 1.2, 2.1), {"style": "upholstered", "frame": "charcoal", "headboard": "green velvet", "cover": "off white"}, "queen bed with a green velvet channel headboard", "glam", "emerald green, cream", "velvet"),
    ),
    "bed_king": (
        _v((1.95, 1.1, 2.15), {"style": "upholstered", "frame": "grey fabric", "headboard": "grey fabric", "cover": "white linen"}, "king size bed with a wide grey padded headboard", "modern", "grey, white", "fabric"),
        _v((2.0, 1.0, 2.2), {"style": "legs", "frame": "dark walnut", "cover": "navy", "footboard": True}, "dark wood king bed with headboard and footboard and navy bedding", "traditional", "dark brown, navy", "hardwood"),
        _v((1.9, 0.7, 2.15), {"style": "platform", "frame": "ash", "cover": "sage"}, "extra wide low ash platform king bed with sage linen", "japandi", "pale ash, sage", "ash wood, linen"),
    ),
    "bunk_bed": (
        _v((1.0, 1.65, 2.05), {"frame": "pine", "cover": "pastel blue", "cover2": "pastel pink"}, "pine bunk bed with two stacked mattresses and a side ladder", "kids", "natural pine, pastel", "pine wood"),
        _v((1.0, 1.75, 2.05), {"frame": "white", "cover": "yellow", "cover2": "sage"}, "white painted bunk bed with safety rail and ladder", "scandinavian", "white", "painted wood"),
        _v((0.98, 1.6, 2.0), {"frame": "grey", "cover": "navy", "cover2": "red"}, "grey bunk beds for two children with navy and red bedding", "playful", "grey, navy, red", "painted MDF"),
    ),
    "nightstand": (
        _v((0.5, 0.55, 0.4), {"body": "oak", "drawers": 2, "handle": "brass"}, "oak bedside table with two drawers and brass pulls on tapered legs", "mid-century", "oak, brass", "oak wood"),
        _v((0.45, 0.5, 0.38), {"body": "white", "drawers": 1, "handle_style": "knob", "open_shelf": True, "handle": "light oak"}, "white nightstand with a drawer above an open shelf", "scandinavian", "white", "painted wood"),
        _v((0.55, 0.6, 0.42), {"body": "black", "drawers": 3, "base": "plinth", "handle": "brass"}, "black three drawer night table on a plinth", "modern", "black, gold", "lacquer"),
    ),
    "wardrobe": (
        _v((1.2, 2.0, 0.6), {"body": "white", "doors": 2}, "white two door wardrobe with steel bar handles", "modern", "white", "laminate"),
        _v((1.8, 2.2, 0.62), {"body": "oak", "doors": 3, "drawers_below": True}, "large oak three door armoire with drawers underneath", "traditional", "oak", "oak veneer"),
        _v((1.0, 1.9, 0.55), {"body": "walnut", "doors": 2, "base": "legs", "handle": "brass"}, "walnut closet cabinet on legs with two doors", "mid-century", "walnut, brass", "walnut"),
    ),
    "dresser": (
        _v((1.2, 0.8, 0.5), {"body": "walnut", "rows": 3, "cols": 2}, "walnut chest of six drawers on short legs", "mid-century", "walnut, brass", "walnut wood"),
        _v((0.8, 1.1, 0.45), {"body": "white", "rows": 5, "cols": 1, "base": "plinth", "handle_style": "knob", "handle": "light oak"}, "tall white five drawer chest with round knobs", "scandinavian", "white", "painted wood"),
        _v((1.6, 0.78, 0.5), {"body": "grey", "rows": 2, "cols": 4, "handle": "matte black metal"}, "wide grey dresser with eight drawers and black handles", "contemporary", "grey, black", "MDF"),
    ),
    "desk": (
        _v((1.3, 0.75, 0.65), {"top": "oak", "leg": "matte black metal", "leg_style": "metal"}, "oak writing desk on thin black metal legs", "industrial", "oak, black", "wood, steel"),
        _v((1.4, 0.76, 0.7), {"top": "white", "leg": "white", "pedestal": True, "leg_style": "square", "modesty": False}, "white computer desk with a three drawer pedestal", "modern", "white", "laminate"),
        _v((1.6, 1.1, 0.75), {"top": "walnut", "leg": "charcoal", "leg_style": "panel"}, "tall standing desk in walnut with charcoal side panels", "contemporary", "walnut, charcoal", "wood, steel"),
    ),
    "office_chair": (
        _v((0.65, 1.1, 0.65), {"seat": "mesh black"}, "black mesh office chair with armrests on a five star base", "ergonomic", "black", "mesh, nylon"),
        _v((0.7, 1.3, 0.7), {"seat": "black leather", "headrest": True, "chrome": True}, "high back executive swivel chair in black leather with a headrest", "executive", "black, chrome", "leather"),
        _v((0.58, 0.95, 0.6), {"seat": "grey fabric", "arms": False, "base": "grey"}, "armless grey fabric task chair on casters", "simple", "grey", "fabric"),
    ),
    "dining_chair": (
        _v((0.48, 0.9, 0.52), {"frame": "oak", "back": "slats"}, "oak dining chair with a spindle back", "farmhouse", "oak", "solid wood"),
        _v((0.5, 0.95, 0.56), {"frame": "walnut", "seat": "beige fabric", "upholstered": True, "leg_style": "tapered"}, "upholstered dining chair with a beige seat and walnut legs", "modern", "beige, walnut", "fabric, wood"),
        _v((0.45, 0.85, 0.5), {"frame": "black", "back": "ladder", "leg_style": "round"}, "black ladder back chair for the kitchen table", "rustic", "black", "painted wood"),
    ),
    "armchair": (
        _v((0.8, 0.9, 0.85), {"fabric": "mustard velvet", "leg": "walnut"}, "mustard velvet armchair on walnut legs", "mid-century", "mustard yellow", "velvet"),
        _v((0.9, 1.1, 0.9), {"fabric": "cream fabric", "wings": True, "leg": "dark walnut", "leg_style": "square"}, "cream wingback reading chair", "traditional", "cream", "linen"),
        _v((0.85, 0.8, 0.85), {"fabric": "cognac leather", "leg": "black", "arm_w": 0.16, "leg_h": 0.08}, "cognac leather club chair with wide arms", "classic", "cognac brown", "leather"),
    ),
    "sofa_2seat": (
        _v((1.5, 0.85, 0.9), {"seats": 2, "fabric": "teal velvet", "accent": "mustard velvet", "leg": "brass", "leg_style": "metal"}, "teal velvet loveseat on brass legs", "glam", "teal", "velvet"),
        _v((1.6, 0.82, 0.88), {"seats": 2, "fabric": "light grey", "accent": "navy"}, "light grey two seater sofa with tapered wooden feet", "scandinavian", "light grey", "woven fabric"),
        _v((1.4, 0.8, 0.85), {"seats": 2, "fabric": "brown leather", "throw_pillows": False, "leg_h": 0.06, "leg_style": "square", "leg": "black"}, "compact brown leather settee", "classic", "brown", "leather"),
    ),
    "sofa_3seat": (
        _v((2.1, 0.85, 0.9), {"seats": 3, "fabric": "grey fabric", "accent": "mustard velvet"}, "grey three seater fabric sofa with yellow cushions", "modern", "grey", "fabric"),
        _v((2.3, 0.8, 0.95), {"seats": 3, "fabric": "beige fabric", "accent": "terracotta", "leg_h": 0.05, "leg_style": "square", "leg": "espresso"}, "wide beige couch with deep seats", "transitional", "beige", "linen blend"),
        _v((2.0, 0.9, 0.92), {"seats": 3, "fabric": "navy fabric", "accent": "cream fabric", "leg": "brass", "leg_style": "metal"}, "navy blue three seat sofa on slim gold legs", "contemporary", "navy blue", "velvet"),
    ),
    "sectional_sofa": (
        _v((2.8, 0.85, 2.0), {"fabric": "grey fabric"}, "grey L-shaped sectional with a chaise on the left", "modern", "grey", "fabric"),
        _v((3.2, 0.8, 2.2), {"fabric": "cream fabric", "seats": 3, "leg_h": 0.05, "leg": "espresso"}, "large cream corner sofa with chaise longue", "contemporary", "cream", "boucle fabric"),
        _v((2.5, 0.88, 1.7), {"fabric": "green velvet", "leg": "brass", "leg_style": "metal"}, "green velvet L sofa on brass feet", "glam", "emerald green", "velvet"),
    ),
    "coffee_table": (
        _v((1.1, 0.42, 0.6), {"top": "walnut", "leg_style": "tapered"}, "walnut coffee table with a lower shelf", "mid-century", "walnut", "walnut wood"),
        _v((1.2, 0.4, 0.7), {"top": "glass", "leg": "chrome", "leg_style": "metal", "shelf_color": "glass"}, "glass top cocktail table on chrome legs", "modern", "clear glass, chrome", "glass, steel"),
        _v((0.9, 0.45, 0.9), {"top": "white", "leg": "light oak", "leg_style": "round", "shelf": False}, "square white coffee table on light oak legs", "scandinavian", "white, oak", "lacquer, oak"),
    ),
    "side_table": (
        _v((0.5, 0.55, 0.5), {"top": "oak"}, "small square oak end table with a shelf", "scandinavian", "oak", "oak"),
        _v((0.45, 0.6, 0.45), {"round": True, "top": "marble", "leg": "brass", "base": "tripod"}, "round marble accent table on a brass tripod", "glam", "white marble, gold", "marble, brass"),
        _v((0.55, 0.5, 0.45), {"top": "black", "leg": "matte black metal", "leg_style": "metal", "shelf": False}, "black metal side table", "industrial", "black", "steel"),
    ),
    "tv_stand": (
        _v((1.6, 0.5, 0.45), {"body": "oak"}, "oak media console with doors and an open middle shelf", "scandinavian", "oak", "oak veneer"),
        _v((2.0, 0.45, 0.42), {"body": "white", "fronts": "drawers", "base": "plinth"}, "long low white TV unit with drawers", "modern", "white", "high gloss"),
        _v((1.4, 0.6, 0.45), {"body": "walnut", "handle": "brass"}, "walnut TV cabinet on tapered legs", "mid-century", "walnut, brass", "walnut wood"),
    ),
    "tv": (
        _v((1.25, 0.78, 0.25), {"stand": "feet"}, "55 inch flat screen television on slim feet", "modern", "black", "plastic, glass"),
        _v((1.65, 0.95, 0.3), {"stand": "pedestal", "bezel": "charcoal"}, "large 75 inch smart TV on a centre pedestal stand", "modern", "dark grey", "aluminium"),
        _v((1.1, 0.65, 0.06), {"stand": "wall", "bezel": "black"}, "wall mounted 50 inch TV screen", "minimal", "black", "glass"),
    ),
    "bookshelf": (
        _v((0.9, 1.9, 0.35), {"body": "oak", "shelves": 4}, "tall oak bookcase filled with books", "traditional", "oak", "wood"),
        _v((1.6, 1.8, 0.35), {"body": "white", "shelves": 3, "divider": True}, "wide white shelving unit with a centre divider", "scandinavian", "white", "painted wood"),
        _v((0.8, 1.0, 0.3), {"body": "walnut", "shelves": 1}, "low two shelf walnut bookshelf", "mid-century", "walnut", "walnut"),
    ),
    "floor_lamp": (
        _v((0.4, 1.6, 0.4), {"kind": "drum"}, "floor lamp with a linen drum shade on a black pole", "modern", "black, off-white", "metal, linen"),
        _v((0.55, 1.55, 0.55), {"kind": "tripod", "wood": "walnut"}, "wooden tripod floor lamp with a fabric shade", "mid-century", "walnut, cream", "wood, fabric"),
        _v((0.3, 1.7, 0.3), {"kind": "globe", "metal": "brass", "shade": "off white"}, "slim brass standing lamp with a glass globe", "art deco", "brass, white", "brass, glass"),
    ),
    "table_lamp": (
        _v((0.35, 0.55, 0.35), {"kind": "vase", "base": "ceramic"}, "white ceramic table lamp with a pleated shade", "classic", "white", "ceramic"),
        _v((0.28, 0.5, 0.28), {"kind": "stick", "base": "brass", "shade": "black"}, "brass desk lamp with a black conical shade", "modern", "gold, black", "brass"),
        _v((0.32, 0.48, 0.32), {"kind": "vase", "base": "terracotta", "shade": "cream fabric"}, "terracotta bedside lamp with a cream shade", "boho", "terracotta, cream", "clay, linen"),
    ),
    "ceiling_lamp": (
        _v((0.45, 0.9, 0.45), {"kind": "dome"}, "black metal dome pendant light on a cord", "industrial", "black", "metal"),
        _v((0.35, 0.8, 0.35), {"kind": "globe", "shade": "off white", "metal": "brass"}, "opal glass globe pendant on a brass rod", "mid-century", "white, brass", "glass"),
        _v((0.8, 0.9, 0.8), {"kind": "chandelier", "shade": "lamp shade", "metal": "brass"}, "six arm brass chandelier with small shades", "classic", "brass, cream", "brass"),
    ),
    "dining_table": (
        _v((1.4, 0.75, 0.9), {"top": "oak"}, "oak dining table for four with an apron and square legs", "farmhouse", "oak", "solid oak"),
        _v((2.0, 0.75, 1.0), {"top": "walnut", "leg_style": "trestle", "leg": "walnut"}, "long walnut trestle dining table seating six", "rustic", "walnut", "walnut wood"),
        _v((1.8, 0.76, 0.95), {"top": "white", "leg": "matte black metal", "leg_style": "metal"}, "white dining table on black metal legs", "modern", "white, black", "laminate, steel"),
    ),
    "round_dining_table": (
        _v((1.1, 0.75, 1.1), {"top": "oak", "base": "pedestal"}, "round oak pedestal dining table", "scandinavian", "oak", "oak"),
        _v((1.2, 0.76, 1.2), {"top": "marble", "leg": "black", "base": "pedestal"}, "round marble top table on a black pedestal", "modern", "white marble, black", "marble"),
        _v((0.95, 0.75, 0.95), {"top": "white", "leg": "light oak", "base": "legs", "leg_style": "tapered"}, "small round white kitchen table on four wooden legs", "scandinavian", "white, oak", "wood"),
    ),
    "sideboard": (
        _v((1.6, 0.8, 0.45), {"body": "walnut", "doors": 3}, "walnut sideboard with three doors and a drawer row", "mid-century", "walnut, brass", "walnut veneer"),
        _v((2.0, 0.85, 0.5), {"body": "white", "doors": 4, "drawer_row": False, "base": "plinth", "handle": "steel"}, "long white four door buffet", "modern", "white", "lacquer"),
        _v((1.4, 0.75, 0.42), {"body": "black", "front": "oak", "doors": 2, "base": "metal", "leg": "matte black metal"}, "black credenza with oak doors on metal legs", "industrial", "black, oak", "wood, steel"),
    ),
    "rug": (
        _v((2.0, 0.01, 1.4), {"main": "wool grey", "border": "charcoal"}, "grey wool area rug with a dark border", "modern", "grey", "wool"),
        _v((2.4, 0.012, 1.7), {"main": "wool red", "border": "navy", "stripes": True, "accent": "off white"}, "red and navy patterned carpet with stripes", "traditional", "red, navy", "wool"),
        _v((1.6, 0.01, 1.6), {"main": "jute", "round": True, "border": "beige fabric"}, "round jute rug", "boho", "natural beige", "jute"),
    ),
    "plant": (
        _v((0.5, 1.2, 0.5), {"kind": "bush"}, "leafy green houseplant in a terracotta pot", "natural", "green, terracotta", "ceramic"),
        _v((0.6, 1.8, 0.6), {"kind": "tree", "pot": "white"}, "tall fiddle leaf fig tree in a white planter", "natural", "green, white", "ceramic"),
        _v((0.35, 0.9, 0.35), {"kind": "blades", "pot": "charcoal"}, "snake plant with upright leaves in a grey pot", "modern", "green, grey", "concrete"),
    ),
    "cabinet": (
        _v((0.9, 1.2, 0.45), {"body": "white", "doors": 2, "top_drawer": True}, "white storage cabinet with two doors and drawers", "modern", "white", "laminate"),
        _v((0.8, 1.8, 0.4), {"body": "oak", "doors": 2, "base": "plinth"}, "tall oak cupboard", "traditional", "oak", "oak"),
        _v((1.0, 0.9, 0.45), {"body": "sage", "doors": 2, "handle": "brass"}, "sage green cabinet with brass handles on legs", "modern", "sage green", "painted wood"),
    ),
    "filing_cabinet": (
        _v((0.45, 0.7, 0.6), {"body": "grey", "drawers": 2}, "grey steel two drawer filing cabinet", "office", "grey", "steel"),
        _v((0.45, 1.3, 0.6), {"body": "black", "drawers": 4}, "black four drawer file cabinet", "office", "black", "metal"),
        _v((0.42, 0.6, 0.5), {"body": "white", "drawers": 3, "casters": True}, "white mobile pedestal with three drawers on wheels", "modern", "white", "steel"),
    ),
    "bench": (
        _v((1.2, 0.45, 0.4), {"frame": "oak"}, "plain oak bench on tapered legs", "scandinavian", "oak", "wood"),
        _v((1.4, 0.48, 0.42), {"frame": "walnut", "top": "cream fabric", "cushion": True}, "upholstered cream bench for the foot of the bed", "transitional", "cream, walnut", "fabric"),
        _v((1.0, 0.45, 0.35), {"frame": "black", "top": "light oak", "base": "panel"}, "entryway bench with a lower shoe shelf", "industrial", "black, oak", "wood, metal"),
    ),
    "stool": (
        _v((0.35, 0.45, 0.35), {"frame": "oak"}, "round wooden stool with four splayed legs", "scandinavian", "oak", "wood"),
        _v((0.4, 0.42, 0.4), {"frame": "white", "seat": "yellow", "round": True}, "white kids stool with a yellow seat", "playful", "white, yellow", "painted wood"),
        _v((0.38, 0.5, 0.38), {"frame": "matte black metal", "seat": "walnut", "base": "column"}, "low stool with a walnut seat on a black column", "industrial", "walnut, black", "wood, steel"),
    ),
    "bar_stool": (
        _v((0.42, 0.75, 0.42), {"frame": "matte black metal", "seat": "black leather", "base": "column"}, "black leather bar stool on a swivel column", "modern", "black", "leather, steel"),
        _v((0.4, 0.65, 0.4), {"frame": "oak", "seat": "oak"}, "oak counter stool with footrest bars", "scandinavian", "oak", "oak"),
        _v((0.45, 0.8, 0.45), {"frame": "brass", "seat": "teal velvet", "base": "column"}, "velvet counter height stool on a brass stem", "glam", "teal, gold", "velvet, brass"),
    ),
    "ottoman": (
        _v((0.6, 0.42, 0.6), {"fabric": "beige fabric", "tufted": True}, "tufted beige footstool on round legs", "classic", "beige", "fabric"),
        _v((0.5, 0.4, 0.5), {"fabric": "mustard velvet", "round": True}, "round mustard velvet pouf", "boho", "mustard", "velvet"),
        _v((0.9, 0.45, 0.6), {"fabric": "brown leather", "leg": "espresso"}, "rectangular brown leather ottoman", "classic", "brown", "leather"),
    ),
    "beanbag": (
        _v((0.8, 0.75, 0.8), {"fabric": "orange"}, "orange bean bag seat", "playful", "orange", "polyester"),
        _v((0.9, 0.7, 0.9), {"fabric": "grey fabric"}, "large grey beanbag chair", "casual", "grey", "fabric"),
        _v((0.7, 0.65, 0.7), {"fabric": "pastel pink"}, "small pink bean bag for a child", "kids", "pink", "cotton"),
    ),
    "toy_chest": (
        _v((0.8, 0.5, 0.45), {"body": "pastel blue", "lid": "white"}, "light blue toy box with a white lid", "kids", "blue, white", "painted wood"),
        _v((0.9, 0.55, 0.5), {"body": "pine", "lid": "pine", "trim": "red"}, "pine toy chest with red handles", "rustic", "pine, red", "pine wood"),
        _v((0.7, 0.45, 0.4), {"body": "pastel pink", "lid": "white", "trim": "yellow"}, "pink toy storage trunk with a lid", "playful", "pink", "MDF"),
    ),
    "treadmill": (
        _v((0.8, 1.4, 1.9), {"frame": "charcoal"}, "home treadmill with a console and handrails", "fitness", "black, red", "steel, rubber"),
        _v((0.9, 1.5, 2.0), {"frame": "steel", "hood": "charcoal", "accent": "pastel blue"}, "commercial grade running machine in silver", "fitness", "silver, grey", "steel"),
        _v((0.75, 1.25, 1.7), {"frame": "white", "hood": "light grey", "accent": "green"}, "compact white folding treadmill", "fitness", "white", "plastic, steel"),
    ),
    "exercise_bike": (
        _v((0.55, 1.3, 1.1), {}, "black stationary bike with a chrome flywheel", "fitness", "black, chrome", "steel"),
        _v((0.6, 1.35, 1.2), {"frame": "white", "accent": "red"}, "white spin bike with a red flywheel", "fitness", "white, red", "steel"),
        _v((0.5, 1.2, 1.0), {"frame": "charcoal", "accent": "black"}, "compact indoor cycling bike", "fitness", "grey", "steel"),
    ),
    "rowing_machine": (
        _v((0.55, 0.9, 2.2), {}, "black rowing machine with a steel rail", "fitness", "black", "aluminium"),
        _v((0.6, 0.95, 2.1), {"wood": "oak", "frame": "oak", "rail": "oak"}, "wooden water rower in oak", "fitness", "oak", "ash wood"),
        _v((0.5, 0.85, 2.0), {"frame": "white", "seat": "charcoal"}, "white indoor rower", "fitness", "white", "steel"),
    ),
    "weight_bench": (
        _v((0.6, 0.45, 1.3), {}, "flat padded weight bench", "fitness", "black", "vinyl, steel"),
        _v((1.2, 1.3, 1.4), {"rack": True, "frame": "red"}, "bench press with a barbell rack", "fitness", "red, black", "steel"),
        _v((0.55, 0.45, 1.2), {"pad": "red", "frame": "charcoal"}, "red workout bench with leg roller", "fitness", "red, grey", "vinyl"),
    ),
    "dumbbell_rack": (
        _v((1.2, 0.8, 0.5), {"tiers": 2}, "two tier rack of hex dumbbells", "fitness", "black", "steel, rubber"),
        _v((1.5, 0.95, 0.55), {"tiers": 2, "frame": "steel", "bells": "black", "hex": False}, "chrome dumbbell stand holding round free weights", "fitness", "silver, black", "steel"),
        _v((0.7, 0.7, 0.45), {"tiers": 2, "frame": "charcoal", "bells": "red"}, "small weight rack with colourful dumbbells", "fitness", "grey, red", "steel"),
    ),
    "piano": (
        _v((1.5, 1.2, 0.6), {"body": "black"}, "black upright piano with a polished finish", "classic", "black", "lacquered wood"),
        _v((1.45, 1.15, 0.58), {"body": "mahogany"}, "mahogany upright piano", "traditional", "dark red brown", "mahogany"),
        _v((1.5, 1.3, 0.62), {"body": "white"}, "white lacquered upright piano", "modern", "white", "lacquer"),
    ),
    "pool_table": (
        _v((1.5, 0.8, 2.7), {}, "green felt pool table with mahogany rails", "classic", "green, mahogany", "slate, wood"),
        _v((1.4, 0.78, 2.5), {"felt": "felt blue", "frame": "black"}, "black billiard table with blue cloth", "modern", "black, blue", "wood, felt"),
        _v((1.6, 0.82, 2.85), {"felt": "wool red", "frame": "oak"}, "oak snooker table with red cloth", "rustic", "oak, red", "oak, felt"),
    ),
    "ping_pong_table": (
        _v((1.525, 0.91, 2.74), {}, "blue table tennis table with a net", "sport", "blue", "wood, steel"),
        _v((1.525, 0.91, 2.74), {"top": "felt green"}, "green ping-pong table", "sport", "green", "wood"),
        _v((1.4, 0.9, 2.5), {"top": "charcoal", "leg": "steel"}, "grey indoor table tennis table on steel legs", "sport", "grey", "steel"),
    ),
    "game_console_cabinet": (
        _v((1.2, 0.7, 0.45), {"body": "black", "accent": "white", "glass_doors": False}, "black gaming cabinet holding game consoles and controllers", "gaming", "black, blue light", "MDF"),
        _v((0.9, 1.1, 0.4), {"body": "white", "accent": "black", "shelves": 3, "glass_doors": False, "led_color": "pastel pink"}, "white video game storage unit with shelves", "modern", "white", "laminate"),
        _v((1.5, 0.6, 0.45), {"body": "walnut", "accent": "black", "shelves": 1, "glass_doors": False, "led": False, "base": "legs"}, "walnut console unit for game systems", "mid-century", "walnut", "wood"),
    ),
    "bar_counter": (
        _v((1.8, 1.05, 0.6), {}, "walnut home bar counter with a black top and brass foot rail", "classic", "walnut, black", "wood, stone"),
        _v((2.2, 1.1, 0.65), {"body": "white", "top": "marble", "panel": "light grey", "foot": "chrome"}, "white bar with a marble top", "modern", "white", "marble"),
        _v((1.5, 1.05, 0.55), {"body": "charcoal", "top": "oak", "panel": "espresso", "foot": "matte black metal"}, "industrial bar counter with an oak top", "industrial", "charcoal, oak", "wood, metal"),
    ),
    "kitchen_counter": (
        _v((2.4, 0.92, 0.62), {"feature": "sink"}, "white kitchen base cabinets with a marble worktop and a steel sink", "modern", "white, marble", "laminate, stone"),
        _v((1.8, 0.92, 0.6), {"feature": "cooktop", "body": "sage", "top": "oak"}, "sage green kitchen counter with an oak worktop and a cooktop", "farmhouse", "sage green, oak", "wood"),
        _v((3.0, 0.92, 0.62), {"feature": "sink", "body": "charcoal", "top": "granite", "handle": "brass"}, "long dark grey counter run with granite top and sink", "contemporary", "charcoal, granite", "stone"),
    ),
    "kitchen_island": (
        _v((1.8, 0.92, 1.0), {}, "white kitchen island with a marble top and seating overhang", "modern", "white, marble", "stone"),
        _v((2.2, 0.92, 1.1), {"body": "navy", "top": "oak", "handle": "brass"}, "navy island with a butcher block top", "transitional", "navy, oak", "wood"),
        _v((1.5, 0.92, 0.9), {"body": "oak", "top": "granite"}, "small oak island with granite top", "rustic", "oak, granite", "wood, stone"),
    ),
    "fridge": (
        _v((0.7, 1.8, 0.7), {"layout": "bottom_freezer"}, "stainless steel fridge with bottom freezer", "modern", "silver", "stainless steel"),
        _v((0.9, 1.85, 0.75), {"layout": "french"}, "wide french door refrigerator in steel", "modern", "silver", "stainless steel"),
        _v((0.6, 1.5, 0.65), {"layout": "top_freezer", "body": "white", "handle": "light grey"}, "white fridge freezer with top freezer", "simple", "white", "enamel"),
    ),
    "stove": (
        _v((0.6, 0.92, 0.62), {}, "stainless steel gas range with four burners and an oven", "modern", "silver, black", "steel"),
        _v((0.9, 1.0, 0.65), {"body": "off white", "top": "black"}, "cream range cooker with a backguard", "traditional", "cream", "enamel"),
        _v((0.6, 0.9, 0.6), {"body": "black", "top": "black"}, "black electric cooker with oven", "modern", "black", "glass"),
    ),
    "toilet": (
        _v((0.4, 0.75, 0.7), {}, "white ceramic toilet with a cistern", "classic", "white", "porcelain"),
        _v((0.38, 0.8, 0.62), {"tank": False}, "wall hung toilet with a flush plate", "modern", "white, grey", "ceramic"),
        _v((0.42, 0.78, 0.72), {"seat": "black"}, "toilet with a black seat", "modern", "white, black", "porcelain"),
    ),
    "bathtub": (
        _v((0.75, 0.6, 1.7), {}, "white built-in bathtub", "modern", "white", "acrylic"),
        _v((0.8, 0.65, 1.65), {"feet": True, "shell": "black", "inner": "ceramic"}, "clawfoot bathtub with black exterior and brass feet", "vintage", "black, white", "cast iron"),
        _v((0.85, 0.55, 1.85), {"tap": "matte black metal"}, "large soaking tub with black tap", "contemporary", "white", "stone resin"),
    ),
    "sink": (
        _v((0.8, 1.1, 0.5), {"kind": "vanity", "body": "oak"}, "oak bathroom vanity with a washbasin", "modern", "oak, white", "wood, ceramic"),
        _v((0.55, 1.05, 0.45), {"kind": "pedestal"}, "white pedestal wash basin", "classic", "white", "porcelain"),
        _v((1.0, 1.1, 0.52), {"kind": "vanity", "body": "navy", "legs": True, "tap": "brass"}, "navy vanity unit on legs with a basin and brass tap", "traditional", "navy, brass", "wood, marble"),
    ),
    "shower": (
        _v((0.9, 2.1, 0.9), {}, "glass shower enclosure with a rain head", "modern", "clear glass, chrome", "glass"),
        _v((1.2, 2.1, 0.8), {"metal": "matte black metal"}, "walk-in shower with black frame", "industrial", "black, glass", "glass, steel"),
        _v((0.8, 2.0, 0.8), {"tray": "light grey", "metal": "brass"}, "corner shower cabin with gold fittings", "glam", "gold", "glass"),
    ),
    "mirror": (
        _v((0.6, 0.9, 0.03), {"frame": "brass"}, "rectangular wall mirror with a thin brass frame", "modern", "gold", "glass, brass"),
        _v((0.7, 0.7, 0.03), {"round": True, "frame": "black"}, "round black framed mirror", "minimal", "black", "glass"),
        _v((0.55, 1.7, 0.35), {"frame": "oak", "standing": True, "frame_w": 0.06}, "full length floor mirror in an oak frame", "scandinavian", "oak", "wood, glass"),
    ),
    "wall_shelf": (
        _v((0.9, 0.4, 0.22), {"boards": 2, "body": "oak"}, "two oak floating shelves on black brackets", "industrial", "oak, black", "wood"),
        _v((1.2, 0.03, 0.25), {"boards": 1, "body": "walnut", "brackets": False, "decor": False}, "single walnut ledge shelf", "minimal", "walnut", "walnut"),
        _v((0.6, 0.7, 0.2), {"boards": 3, "body": "white", "sides": True, "brackets": False}, "white hanging wall shelf unit with three tiers", "scandinavian", "white", "painted wood"),
    ),
}
