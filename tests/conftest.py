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
    """The shared source text; CI lays ../shared beside the clone."""
    if not SOURCE_TEXT.exists():
        pytest.fail(f"source text not found at {SOURCE_TEXT}: clone the repo beside shared/")
    return SOURCE_TEXT.read_text(encoding="utf-8")
