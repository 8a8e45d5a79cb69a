"""Packaging: the core never imports matplotlib, and the wheel carries the atlas data."""

from __future__ import annotations

import os
import subprocess
import sys
import sysconfig
import textwrap
import venv
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def run_python(code: str, cwd: Path, python: str = sys.executable, env=None) -> str:
    out = subprocess.run(
        [python, "-c", textwrap.dedent(code)],
        cwd=cwd,
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert out.returncode == 0, out.stderr
    return out.stdout.strip()


def test_core_does_not_import_matplotlib(tmp_path):
    out = run_python(
        """
        import sys
        import footviz
        assert "matplotlib" not in sys.modules, "import footviz pulled in matplotlib"
        atlas = footviz.load_atlas()
        atlas.organ_zones("kidney"); atlas.group_zones("head"); atlas.for_condition("migraine")
        atlas.unresolved(); atlas.validate(); atlas.scaled(270, 100); repr(atlas)
        from footviz.atlas.layout import Layout
        Layout.side_by_side(atlas.outline("left").bounds)
        print("matplotlib" in sys.modules)
        """,
        tmp_path,
    )
    assert out == "False"


def test_import_footviz_loads_nothing_heavy_until_used(tmp_path):
    out = run_python(
        """
        import sys
        import footviz
        heavy = [m for m in ("numpy", "shapely", "matplotlib") if m in sys.modules]
        names = sorted(footviz.__all__)
        missing = [n for n in names if not hasattr(footviz, n)]
        print(heavy, missing, "numpy" in sys.modules, "matplotlib" in sys.modules)
        """,
        tmp_path,
    )
    # every public name resolves on access; the core ones bring numpy and shapely, and even
    # the drawing functions leave matplotlib alone until they draw
    assert out == "[] [] True False"


def test_public_functions_stay_functions_whatever_was_imported_first(tmp_path):
    out = run_python(
        """
        import footviz
        import footviz.handouts.page
        footviz.load_atlas().validate()  # imports the validator's module first
        report = footviz.validate(footviz.load_atlas())
        print(callable(footviz.validate), callable(footviz.handout), report.ok)
        """,
        tmp_path,
    )
    assert out == "True True True"


def test_numpy_and_shapely_load_before_the_atlas_modules(tmp_path):
    # start-up (issue 14): from the shallow call stack of footviz's lazy names, not from inside
    # the atlas's chain of imports (see footviz.__getattr__)
    out = run_python(
        """
        import sys
        import footviz
        started = []  # modules in the order their imports start
        class Record:
            def find_spec(self, name, path=None, target=None):
                started.append(name)
        sys.meta_path.insert(0, Record())
        footviz.load_atlas
        print(started.index("shapely") < started.index("numpy") < started.index("footviz.atlas"))
        """,
        tmp_path,
    )
    assert out == "True"


def test_the_first_touch_leaves_the_condition_answers_undefined(tmp_path):
    # start-up (issue 14): ConditionZones and Unresolved load with the first condition lookup;
    # the old import path still gives the very same classes
    out = run_python(
        """
        import sys
        import footviz
        atlas = footviz.load_atlas()
        atlas.hit(10.0, 100.0, "left", "plantar")
        before = "footviz.atlas.answers" in sys.modules
        found = atlas.for_condition("migraine")
        from footviz.atlas.model import ConditionZones, Unresolved
        print(before, type(found) is ConditionZones is footviz.ConditionZones,
              Unresolved is footviz.Unresolved)
        """,
        tmp_path,
    )
    assert out == "False True True"


def test_unknown_attribute_is_an_attribute_error():
    import footviz

    with pytest.raises(AttributeError, match="no attribute 'plott'"):
        footviz.plott  # noqa: B018
    assert "load_atlas" in dir(footviz) and "plot" in dir(footviz)


def test_drawing_imports_matplotlib_lazily(tmp_path):
    out = run_python(
        """
        import sys
        import footviz
        before = "matplotlib" in sys.modules
        footviz.draw_chart(labels=False)
        print(before, "matplotlib" in sys.modules)
        """,
        tmp_path,
        env=dict(os.environ, MPLBACKEND="Agg"),
    )
    assert out == "False True"


@pytest.mark.slow
def test_wheel_carries_the_atlas(tmp_path):
    """Build the wheel, install it into a fresh venv and load the atlas from outside the tree."""
    dist = tmp_path / "dist"
    build = subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--no-build-isolation",
            "-w",
            str(dist),
            str(ROOT),
        ],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert build.returncode == 0, build.stdout + build.stderr
    (wheel,) = dist.glob("footviz-*.whl")
    env_dir = tmp_path / "venv"
    venv.create(env_dir, with_pip=True)
    py = env_dir / ("Scripts/python.exe" if os.name == "nt" else "bin/python")
    install = subprocess.run(
        [str(py), "-m", "pip", "install", "--no-deps", "--no-index", str(wheel)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert install.returncode == 0, install.stdout + install.stderr
    # numpy and shapely come from the test environment, footviz only from the wheel
    env = dict(os.environ, PYTHONPATH=sysconfig.get_paths()["purelib"])
    env.pop("PYTHONHOME", None)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    out = run_python(
        """
        import footviz
        atlas = footviz.load_atlas()
        print(footviz.__file__)
        print(len(atlas.zones), atlas.validate().ok)
        from footviz.handouts.content import texts
        print(texts("ru")["key"])  # the message catalogs are package data too
        """,
        elsewhere,
        python=str(py),
        env=env,
    )
    location, summary, key = out.splitlines()
    assert key == "Пояснения к карте"
    assert Path(location).is_relative_to(env_dir), location
    assert summary.endswith("True") and int(summary.split()[0]) >= 31
