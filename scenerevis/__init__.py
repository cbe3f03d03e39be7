"""SceneReVis: text prompt -> furnished, physically valid 3D room via render -> evaluate -> revise.

Importing this package has no side effects and needs only numpy; heavy parts
(trimesh, fcl, bpy, torch, ...) load inside the module that uses them.
"""

__version__ = "0.1.0"
