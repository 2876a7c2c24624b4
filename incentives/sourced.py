"""The base of every model read from outside, and how any of its terms names its source.

Kept apart from :mod:`incentives.model` so that the conditions of a payment
(:mod:`incentives.eligibility`) and the benefits beyond pay (:mod:`incentives.benefits`) can be
cited the same way as every figure without importing the offer they belong to.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Annotated

from pydantic import BaseModel, ConfigDict, HttpUrl, StringConstraints

Slug = Annotated[str, StringConstraints(pattern=r"^[a-z0-9]+(?:-[a-z0-9]+)*$", max_length=80)]
Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=2000)]


class Frozen(BaseModel):
    """Immutable, strict about field names: the base of every model read from outside."""

    model_config = ConfigDict(frozen=True, extra="forbid")


class Source(Frozen):
    """A publication a figure was read from."""

    publication: Text  # title and publisher, as a reader would look it up
    date: dt.date  # publication date; for an undated page, the date it was read (say so in note)
    url: HttpUrl | None = None  # address, where known
    note: Text | None = None


class Citation(Frozen):
    """Where a figure comes from: a source of the file, and the words quoted from it."""

    source: Slug
    quote: Text


class Sourced(Frozen):
    """A term of an offer that is not a figure (a condition, a benefit), cited like one."""

    cite: tuple[Citation, ...] = ()
    note: Text | None = None


def sourced_terms(node: object, prefix: str = "") -> Iterator[tuple[str, Sourced]]:
    """Every :class:`Sourced` term under ``node`` with its dotted path (``benefits.0``)."""
    if isinstance(node, Sourced):
        yield prefix, node
    elif isinstance(node, BaseModel):
        for name in type(node).model_fields:
            if name != "sources":
                yield from sourced_terms(
                    getattr(node, name), f"{prefix}.{name}" if prefix else name
                )
    elif isinstance(node, tuple):
        for index, item in enumerate(node):
            yield from sourced_terms(item, f"{prefix}.{index}")
