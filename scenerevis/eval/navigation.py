"""navigation.py: where an agent can walk on a floor grid: navigability, narrowest passage and object reachability.

All inputs are (nx, nz) boolean cell masks of a :class:`scenerevis.eval.floorgrid.FloorGrid`; distances
are metres. Clearance of a free cell is the distance from its centre to the nearest blocked cell
centre (wall = outside the floor polygon, or furniture), so a gap of ``n`` free cells between two
obstacles has a ridge clearance of ``n * cell / 2`` for even ``n`` and ``(n + 1) * cell / 2`` for odd
``n``: widths measured as twice a clearance are exact for even ``n`` and one cell too wide for odd
``n`` (the resolution of every width below is one cell). An agent of radius ``r`` stands on a cell
whose clearance is at least ``r``, so it passes a gap whose measured width is at least ``2 r``
(a 0.4 m gap for the default 0.2 m radius). Cells are connected to their 8 neighbours.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from scenerevis._optional import require

#: 8-connectivity of the floor cells.
_EIGHT = np.ones((3, 3), dtype=bool)
#: Slack of the clearance comparisons (metres), so 4 x 0.05 m counts as 0.2 m.
_EPS = 1e-6


def clearance_map(free: np.ndarray, cell: float) -> np.ndarray:
    """(nx, nz) float, metres from each free cell centre to the nearest blocked cell centre (0 on blocked
    cells); the grid border counts as blocked."""
    ndimage = require("scipy.ndimage")
    padded = np.pad(free, 1, constant_values=False)
    return ndimage.distance_transform_edt(padded)[1:-1, 1:-1] * cell


def components(mask: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """8-connected components of ``mask``: (nx, nz) int labels (0 = not in mask) and (k,) cell counts."""
    ndimage = require("scipy.ndimage")
    labels, n = ndimage.label(mask, structure=_EIGHT)
    return labels, np.bincount(labels.ravel(), minlength=n + 1)[1:]


@dataclass
class WalkableArea:
    """The agent's walkable cells at one radius.

    Attributes
    ----------
    walkable : (nx, nz) bool
        Free cells with clearance >= radius (the free floor eroded by the agent's disc).
    main : (nx, nz) bool
        The largest 8-connected component of ``walkable`` (all False when nothing is walkable).
    num_components : int
        Connected components of ``walkable``.
    share : float
        ``main`` cells / ``walkable`` cells; 0.0 when nothing is walkable.
    """

    walkable: np.ndarray
    main: np.ndarray
    num_components: int
    share: float


def walkable_area(clearance: np.ndarray, radius: float) -> WalkableArea:
    """Walkable cells of an agent of ``radius`` metres and their largest connected component."""
    walkable = clearance >= radius - _EPS
    labels, counts = components(walkable)
    if counts.size == 0:
        return WalkableArea(walkable, np.zeros_like(walkable), 0, 0.0)
    main = labels == int(np.argmax(counts)) + 1
    return WalkableArea(walkable, main, int(counts.size), float(counts.max() / counts.sum()))


def narrowest_passage(
    clearance: np.ndarray, main: np.ndarray, cell: float, radius: float, min_region_area: float
) -> float | None:
    """Width (metres) of the narrowest passage that joins two regions of the main walkable component.

    The clearance threshold is raised from ``radius`` in steps of one cell; the first threshold ``t``
    at which the main component falls apart into two or more regions of at least ``min_region_area``
    m^2 (counted in agent-centre cells) closes a passage whose ridge clearance lies in
    ``[t - cell, t)``: its width is reported as ``2 (t - cell)``. Dead ends and nooks that only
    shrink away do not count. None when no such split happens (one open area, or nothing walkable).
    """
    if not main.any():
        return None
    min_cells = max(1, int(np.ceil(min_region_area / cell**2 - _EPS)))
    top = float(clearance[main].max())
    t = radius + cell
    while t <= top + _EPS:
        _, counts = components(main & (clearance >= t - _EPS))
        if int((counts >= min_cells).sum()) >= 2:
            return round(2.0 * (t - cell), 6)
        t += cell
    return None


def reachable(region: np.ndarray, main: np.ndarray) -> bool:
    """Whether any cell of ``region`` (nx, nz bool) lies in the main walkable component."""
    return bool(np.any(region & main))
