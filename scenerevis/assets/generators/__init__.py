"""generators: parametric furniture generators, one module per furniture family, looked up by name."""

from scenerevis.assets.generators.registry import GENERATORS, generator, get_generator

__all__ = ["GENERATORS", "generator", "get_generator"]
