"""Reading one member of an atlas document (``footviz.acupoints``, ``footviz.techniques``)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ..errors import AtlasFormatError

__all__ = ["member_object"]


def member_object(member: object, name: str) -> dict[str, Any]:
    """The member ``footviz.<name>`` as a dict: an empty one when it is absent (None or empty);
    anything but an object is an :class:`~footviz.errors.AtlasFormatError`."""
    member = member or {}
    if not isinstance(member, Mapping):
        raise AtlasFormatError(f"footviz.{name} must be an object")
    return dict(member)
