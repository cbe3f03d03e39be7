"""eval: batch evaluation of scene folders (mesh physics, voxel losses) with JSON reports."""
