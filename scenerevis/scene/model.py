"""model.py: the in-memory scene: a room polygon prism and the objects placed in it.

Frame: metres, Y up, floor at y = 0, floor plane XZ (DESIGN.md section 2).
"""

from __future__ import annotations

import copy
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from scenerevis.scene.rotation import IDENTITY_QUAT, quat_to_matrix

Vec3 = tuple[float, float, float]
Quat = tuple[float, float, float, float]


@dataclass
class SceneObject:
    """One placed object.

    Attributes
    ----------
    id : str
        Unique instance id within the scene (our addition; assigned on load when absent).
    desc : str
        Free-text description used for retrieval.
    size : (3,) float
        Metres, ``[x width, y height, z depth]`` of the AABB in the object's unrotated frame.
    pos : (3,) float
        Metres, world frame, bottom-centre of the object's bounding box.
    rot : (4,) float
        Unit quaternion ``[x, y, z, w]``; identity faces +Z.
    jid, uid : str or None
        3D-FUTURE / built-in catalog id, or Objaverse uid, of the retrieved asset.
    asset_source : str or None
        ``"builtin"``, ``"3d-future"``, ``"objaverse"`` or None when not retrieved.
    retrieved_size : (3,) float or None
        Real size of the chosen asset (metres).
    group_name : str or None
        Functional group (grouped format); None when the object is ungrouped.
    extra : dict
        Unknown keys from the input file, written back unchanged.
    """

    id: str
    desc: str
    size: Vec3
    pos: Vec3
    rot: Quat = IDENTITY_QUAT
    jid: str | None = None
    uid: str | None = None
    asset_source: str | None = None
    retrieved_size: Vec3 | None = None
    group_name: str | None = None
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def asset_id(self) -> str | None:
        """The asset id that identifies the mesh (jid, else uid)."""
        return self.jid or self.uid

    def rotation_matrix(self) -> np.ndarray:
        """(3, 3) world-from-object rotation."""
        return quat_to_matrix(self.rot)

    def transform(self) -> np.ndarray:
        """(4, 4) world-from-object transform of a mesh whose AABB bottom-centre is at the origin
        and whose AABB already equals ``size``: rotate by ``rot`` then translate to ``pos``."""
        m = np.eye(4)
        m[:3, :3] = self.rotation_matrix()
        m[:3, 3] = self.pos
        return m

    def footprint(self) -> np.ndarray:
        """(4, 2) float, world XZ corners of the rotated footprint rectangle (metres)."""
        hx, hz = self.size[0] / 2.0, self.size[2] / 2.0
        local = np.array([[-hx, 0, -hz], [hx, 0, -hz], [hx, 0, hz], [-hx, 0, hz]])
        world = local @ self.rotation_matrix().T + np.asarray(self.pos)
        return world[:, [0, 2]]

    def copy(self) -> SceneObject:
        return copy.deepcopy(self)


@dataclass
class GroupInfo:
    """Metadata of a functional group in the grouped format."""

    group_type: str = ""
    description: str = ""
    extra: dict[str, Any] = field(default_factory=dict)


@dataclass
class Scene:
    """A room and its objects.

    Attributes
    ----------
    room_type, room_id : str
    bounds_bottom : (n, 3) float
        Floor polygon corners at y = 0 (metres), CW or CCW, simple polygon.
    bounds_top : (n, 3) float
        The same corners at the ceiling height.
    objects : list of SceneObject
    groups : dict
        Group name -> :class:`GroupInfo` (kept for the grouped format, in order of appearance).
    extra : dict
        Unknown top-level keys, written back unchanged.
    """

    room_type: str
    room_id: str
    bounds_bottom: np.ndarray
    bounds_top: np.ndarray
    objects: list[SceneObject] = field(default_factory=list)
    groups: dict[str, GroupInfo] = field(default_factory=dict)
    extra: dict[str, Any] = field(default_factory=dict)

    # ------------------------------------------------------------------ geometry
    @property
    def floor_xz(self) -> np.ndarray:
        """(n, 2) float, floor polygon corners in the XZ plane."""
        return np.asarray(self.bounds_bottom, dtype=float)[:, [0, 2]]

    @property
    def floor_y(self) -> float:
        return float(np.min(np.asarray(self.bounds_bottom)[:, 1]))

    @property
    def ceiling_y(self) -> float:
        return float(np.max(np.asarray(self.bounds_top)[:, 1]))

    @property
    def floor_area(self) -> float:
        """Floor polygon area in m^2 (shoelace formula)."""
        x, z = self.floor_xz[:, 0], self.floor_xz[:, 1]
        return float(abs(np.dot(x, np.roll(z, -1)) - np.dot(z, np.roll(x, -1))) / 2.0)

    # ------------------------------------------------------------------ ids
    def find(self, key: str, field_name: str | None = None) -> list[SceneObject]:
        """Objects whose ``id`` (or jid/uid) equals ``key``.

        With ``field_name`` in ``{"id", "jid", "uid"}`` only that field is compared; otherwise an
        exact instance-id match wins, then jid, then uid.
        """
        fields = (field_name,) if field_name else ("id", "jid", "uid")
        for name in fields:
            hits = [o for o in self.objects if getattr(o, name) == key]
            if hits:
                return hits
        return []

    def new_id(self, desc: str) -> str:
        """A fresh instance id derived from ``desc`` (``"<first word>_<n>"``), unique in the scene."""
        from scenerevis.scene.ids import make_instance_id

        return make_instance_id(desc, {o.id for o in self.objects})

    def copy(self) -> Scene:
        return copy.deepcopy(self)
