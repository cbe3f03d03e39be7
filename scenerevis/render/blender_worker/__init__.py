"""blender_worker: the long-lived Blender process (bpy module or a Blender binary) and its JSON job protocol.

``client`` runs in the caller; ``server`` and ``build`` run inside Blender and need only bpy, numpy
and the standard library.
"""
