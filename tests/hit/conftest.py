"""Hit tests: the on-disk index cache lives in a temporary directory."""

from __future__ import annotations

import pytest


@pytest.fixture(autouse=True, scope="module")
def _cache_dir(tmp_path_factory):
    """The on-disk index cache of these tests lives in a temporary directory."""
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("XDG_CACHE_HOME", str(tmp_path_factory.mktemp("cache")))
        mp.delenv("FOOTVIZ_NO_CACHE", raising=False)
        yield
