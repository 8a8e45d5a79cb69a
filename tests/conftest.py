"""Shared test set-up: headless matplotlib, no figure left open, paths to shared data."""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

import pytest

os.environ.setdefault("MPLBACKEND", "Agg")
# The hit-testing index caches built grids on disk: keep the suite's cache out of the user's
# home (subprocesses inherit this too).
os.environ["XDG_CACHE_HOME"] = tempfile.mkdtemp(prefix="footviz-test-cache-")

ROOT = Path(__file__).resolve().parent.parent
SOURCE_TEXT = ROOT.parent / "shared" / "source" / "foot-reflexology-source.txt"


@pytest.fixture(autouse=True)
def _close_figures():
    """Close every matplotlib figure a test opened (only if matplotlib is loaded)."""
    yield
    if "matplotlib.pyplot" in sys.modules:
        import matplotlib.pyplot as plt

        plt.close("all")


@pytest.fixture(scope="session")
def atlas():
    import footviz

    return footviz.load_atlas()


@pytest.fixture(scope="session")
def source_text() -> str:
    """The shared source text: CI lays ../shared beside the clone; a user's clone has none.

    Tests that compare against it skip on a user's machine but must run in CI (``CI`` set).
    """
    if not SOURCE_TEXT.exists():
        if os.environ.get("CI", "").lower() in ("1", "true", "yes"):
            pytest.fail(f"source text not found at {SOURCE_TEXT}: CI lays shared/ beside the clone")
        pytest.skip(f"needs the shared source text at {SOURCE_TEXT} (present in CI only)")
    return SOURCE_TEXT.read_text(encoding="utf-8")
