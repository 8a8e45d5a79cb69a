"""Old module paths of footviz, kept importable for one release.

The package was reorganised into ``footviz.atlas`` (model, names, io, validation, frame,
layout), ``footviz.hit`` (index, viewport), ``footviz.render`` (chart, sheet, style, labels)
and ``footviz.handouts``.  ``import footviz.model`` (and every other old path in
:data:`MOVED`) still works: a meta-path finder hands out the module at its new path, the very
same module object, so attributes, monkeypatching and ``isinstance`` checks are unaffected.
"""

from __future__ import annotations

import importlib
import importlib.machinery
import importlib.util
import sys
from types import ModuleType

#: old module path -> new module path
MOVED: dict[str, str] = {
    "footviz.model": "footviz.atlas.model",
    "footviz.names": "footviz._internal.names",
    "footviz.atlas.names": "footviz._internal.names",
    "footviz.io": "footviz.atlas.io",
    "footviz.validation": "footviz.atlas.validation",
    "footviz.frame": "footviz.atlas.frame",
    "footviz.layout": "footviz.atlas.layout",
    "footviz.hittest": "footviz.hit.index",
    "footviz.viewport": "footviz.hit.viewport",
    "footviz.chart": "footviz.render.chart",
    "footviz.sheet": "footviz.render.sheet",
    "footviz.style": "footviz.render.style",
    "footviz.labels": "footviz.render.labels",
    "footviz._memo": "footviz._internal.memo",
    "footviz.handout": "footviz.handouts",
}


def new_name(name: str) -> str | None:
    """The new module path of old module path ``name`` (also below a moved package), or None."""
    if name in MOVED:
        return MOVED[name]
    head = name.rpartition(".")[0]
    while head:
        if head in MOVED:
            return MOVED[head] + name[len(head) :]
        head, _, _ = head.rpartition(".")
    return None


class _MovedFinder:
    """Finds an old path and loads it as the module at its new path (a meta-path finder and
    loader by protocol: importing ``importlib.abc`` would pull ``importlib.resources``,
    ``zipfile`` and ``tempfile`` into every ``import footviz``)."""

    def find_spec(self, fullname: str, path=None, target=None):
        target_name = new_name(fullname)
        if target_name is None:
            return None
        return importlib.util.spec_from_loader(fullname, self)

    def __init__(self) -> None:
        self._specs: dict[str, importlib.machinery.ModuleSpec] = {}

    def create_module(self, spec: importlib.machinery.ModuleSpec) -> ModuleType:
        module = importlib.import_module(new_name(spec.name))  # type: ignore[arg-type]
        self._specs[module.__name__] = module.__spec__  # type: ignore[assignment]
        return module

    def exec_module(self, module: ModuleType) -> None:
        # Already executed at its new path; the import system has just set the old path's
        # spec on it: give the module back its own, so its relative imports keep resolving.
        module.__spec__ = self._specs[module.__name__]


def install() -> None:
    """Put the finder first on ``sys.meta_path`` (once)."""
    if not any(isinstance(f, _MovedFinder) for f in sys.meta_path):
        sys.meta_path.insert(0, _MovedFinder())
