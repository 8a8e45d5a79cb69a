"""Fixtures shared by the handout tests."""

from __future__ import annotations

import pytest

from footviz.handouts import compose, subjects


@pytest.fixture(scope="module")
def composed(atlas):
    """(subject, composed page) of a condition, page size and language, composed once."""
    cache = {}

    def get(condition, page, lang):
        if (condition, page, lang) not in cache:
            subject = subjects(condition, atlas, lang)[0]
            cache[(condition, page, lang)] = (subject, compose(subject, atlas, page))
        return cache[(condition, page, lang)]

    return get
