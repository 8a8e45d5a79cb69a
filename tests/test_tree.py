"""Old module paths (before the package was split into atlas/, hit/, render/, handouts/)."""

from __future__ import annotations

import subprocess
import sys

import pytest

from footviz._moved import MOVED, new_name


@pytest.mark.parametrize("old", sorted(MOVED))
def test_old_path_is_the_module_at_its_new_path(old):
    import importlib

    assert importlib.import_module(old) is importlib.import_module(MOVED[old])


def test_old_path_below_a_moved_package():
    import footviz.handout.page
    import footviz.handouts.page

    assert footviz.handout.page is footviz.handouts.page
    assert new_name("footviz.handout.page") == "footviz.handouts.page"
    assert new_name("footviz.render.footmap") is None


def test_old_names_keep_their_objects():
    from footviz.atlas.layout import Layout as NewLayout
    from footviz.atlas.model import ZoneShape as NewZoneShape
    from footviz.hit.index import HitResult as NewHitResult
    from footviz.hittest import HitResult
    from footviz.layout import Layout
    from footviz.model import ZoneShape

    assert (HitResult, Layout, ZoneShape) == (NewHitResult, NewLayout, NewZoneShape)


def test_old_path_first_in_a_fresh_process():
    # importing an old path before anything else: the module keeps its own spec, so its
    # relative imports resolve and no ImportWarning is raised
    code = (
        "import warnings; warnings.simplefilter('error');"
        "import footviz.model as m, footviz.viewport as v;"
        "print(m.__spec__.name, v.__spec__.name, m.check_choice('foot', 'left', ('left',)))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["footviz.atlas.model", "footviz.hit.viewport", "left"]


def test_unknown_module_is_still_an_import_error():
    with pytest.raises(ModuleNotFoundError):
        import footviz.nonexistent  # noqa: F401


def _relative_imports():
    """(file, line number, absolute module) of every relative import in the package."""
    import ast
    from pathlib import Path

    root = Path(__file__).resolve().parent.parent / "footviz"
    for path in sorted(root.rglob("*.py")):
        parts = list(path.relative_to(root.parent).with_suffix("").parts)
        package = parts if parts[-1] == "__init__" else parts[:-1]
        package = [p for p in package if p != "__init__"]
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.level:
                base = package[: len(package) - (node.level - 1)]
                target = ".".join(base + ([node.module] if node.module else []))
                yield path.relative_to(root.parent), node.lineno, target


def test_the_package_imports_only_new_paths():
    # the old paths are for users' code; the package itself imports modules where they are
    import importlib.util

    stale = [
        f"{f}:{n}: {t}"
        for f, n, t in _relative_imports()
        if new_name(t) is not None or importlib.util.find_spec(t) is None
    ]
    assert not stale, "\n".join(stale)


# the layers of the package, lowest first: a module imports only its own layer or lower ones
LAYERS = {"_internal": 0, "errors": 0, "_version": 0, "_moved": 0}
LAYERS |= {"atlas": 1, "hit": 2, "render": 3, "handouts": 4, "cli": 5, "__main__": 5}
# the atlas's convenience methods (Atlas.hit, hit_many, hit_index) reach the hit index lazily
ALLOWED_UPWARD = {("footviz.atlas.core", "footviz.hit.index")}


def _layer(module: str) -> int:
    parts = module.split(".")
    return 6 if len(parts) == 1 else LAYERS[parts[1]]


def test_imports_run_one_way():
    upward = []
    for f, n, target in _relative_imports():
        module = ".".join(f.with_suffix("").parts).removesuffix(".__init__")
        if _layer(target) > _layer(module) and (module, target) not in ALLOWED_UPWARD:
            upward.append(f"{f}:{n}: {module} imports {target}")
    assert not upward, "\n".join(upward)


VOCABULARY = {"FEET", "FEET_CHOICES", "ASPECTS", "PROFILE_ASPECTS", "VIEWS", "LANGUAGES"}


def test_vocabulary_names_come_from_atlas_vocabulary():
    # feet, aspects, views and languages have one home: no module takes them through another
    # module's namespace (model, core ...), so a new aspect or language is added in one place
    import ast
    from pathlib import Path

    root = Path(__file__).resolve().parent.parent / "footviz"
    detours = []
    for path in sorted(root.rglob("*.py")):
        parts = list(path.relative_to(root.parent).with_suffix("").parts)
        package = parts[:-1]
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.ImportFrom) or not node.level:
                continue
            base = package[: len(package) - (node.level - 1)]
            target = ".".join(base + ([node.module] if node.module else []))
            names = {a.name for a in node.names} & VOCABULARY
            if names and target != "footviz.atlas.vocabulary":
                where = path.relative_to(root.parent)
                detours.append(f"{where}:{node.lineno}: {sorted(names)} from {target}")
    assert not detours, "\n".join(detours)
    import footviz
    import footviz.atlas.vocabulary as vocabulary

    assert (footviz.FEET, footviz.ASPECTS) == (vocabulary.FEET, vocabulary.ASPECTS)
