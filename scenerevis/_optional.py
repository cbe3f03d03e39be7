"""_optional.py: the one place that imports optional dependencies and says what to install."""

from __future__ import annotations

import importlib
from types import ModuleType

#: module name -> (pip extra that provides it, human name)
EXTRAS: dict[str, tuple[str, str]] = {
    "trimesh": ("core", "trimesh"),
    "fcl": ("core", "python-fcl"),
    "shapely": ("core", "shapely"),
    "scipy": ("core", "scipy"),
    "manifold3d": ("core", "manifold3d"),
    "tqdm": ("core", "tqdm"),
    "PIL": ("core", "pillow"),
    "bpy": ("render", "bpy==4.2.23"),
    "pyrender": ("render", "pyrender"),
    "matplotlib": ("render", "matplotlib"),
    "sentence_transformers": ("embed", "sentence-transformers"),
    "torch": ("embed", "torch"),
    "transformers": ("embed", "transformers"),
    "openai": ("policy", "openai"),
    "azure": ("policy", "azure-identity"),
    "vllm": ("vllm", "vllm"),
    "swift": ("sft", "ms-swift"),
    "verl": ("rl", "verl"),
    "ray": ("ray", "ray"),
}


def require(module: str) -> ModuleType:
    """Import ``module`` or raise an ImportError that names the extra to install.

    Parameters
    ----------
    module : str
        Importable module name, e.g. ``"fcl"`` or ``"bpy"``.
    """
    try:
        return importlib.import_module(module)
    except ImportError as err:
        extra, pkg = EXTRAS.get(module.split(".")[0], (None, module.split(".")[0]))
        hint = f"pip install -e '.[{extra}]'" if extra and extra != "core" else f"pip install {pkg}"
        raise ImportError(
            f"scenerevis needs '{pkg}' for this feature but it could not be imported ({err}); "
            f"install it with: {hint}  (or run ./setup_env.sh)"
        ) from err


def has_module(module: str) -> bool:
    """True when ``module`` can be imported (without importing it)."""
    return importlib.util.find_spec(module) is not None
