"""Shared test helpers: tiny hand-built scenes."""

from __future__ import annotations

from scenerevis.scene import SceneObject, make_room

SQUARE_4M = [[-2, -2], [2, -2], [2, 2], [-2, 2]]
# L-shaped room: the 2 m x 2 m notch at x > 0, z > 0 is outside.
L_ROOM = [[-2, -2], [2, -2], [2, 0], [0, 0], [0, 2], [-2, 2]]


def obj(desc: str, size, pos, rot=(0.0, 0.0, 0.0, 1.0), **kw) -> SceneObject:
    return SceneObject(id=kw.pop("id", ""), desc=desc, size=tuple(size), pos=tuple(pos), rot=tuple(rot), **kw)


def room(objects, corners=SQUARE_4M, height=2.7, room_type="bedroom"):
    return make_room(corners, height=height, room_type=room_type, room_id="test-room", objects=list(objects))
