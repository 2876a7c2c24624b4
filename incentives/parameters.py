"""Dated, referenced parameters, in the manner of OpenFisca's country template.

Each parameter holds values keyed by the date they take effect; each value names the
references it comes from and may quote them. A lookup on a date takes the latest value in
effect on that date, so a rule that has not changed simply carries forward.
"""

from __future__ import annotations

import bisect
import datetime as dt
from collections.abc import Mapping
from decimal import Decimal
from functools import cached_property
from pathlib import Path
from typing import Annotated, Literal

from pydantic import Field, HttpUrl, ValidationError, model_validator

from incentives.catalog import DEFAULT_DATA_DIR, DataError, parse_yaml
from incentives.sourced import Frozen, Slug, Text

Amount = Annotated[Decimal, Field(ge=0, le=10_000_000)]
Rate = Annotated[Decimal, Field(ge=0, le=100, decimal_places=4)]


class Reference(Frozen):
    """A primary or secondary source for rule values."""

    title: Text
    publisher: Text
    url: HttpUrl
    date: dt.date | None = None  # publication or last-updated date, where the page gives one
    note: Text | None = None


class Bracket(Frozen):
    """A marginal rate charged on the part of an amount above ``threshold``."""

    threshold: Amount
    rate: Rate


class Band(Frozen):
    """A rate charged on the whole amount when it is no more than ``up_to`` (``None``: no limit)."""

    up_to: Amount | None
    rate: Rate


class DatedValue(Frozen):
    """One value of a parameter, in effect from its date until the next."""

    value: Amount | None = None
    brackets: tuple[Bracket, ...] | None = None
    bands: tuple[Band, ...] | None = None
    ref: tuple[Slug, ...] = Field(min_length=1)
    quote: Text | None = None
    note: Text | None = None

    @model_validator(mode="after")
    def _one_kind(self) -> DatedValue:
        if sum(x is not None for x in (self.value, self.brackets, self.bands)) != 1:
            raise ValueError("give exactly one of value, brackets or bands")
        if self.brackets is not None:
            lows = [b.threshold for b in self.brackets]
            if not lows or lows[0] != 0 or lows != sorted(set(lows)):
                raise ValueError("brackets must start at threshold 0 and rise")
        if self.bands is not None:
            limits = [b.up_to for b in self.bands]
            capped = [limit for limit in limits[:-1] if limit is not None]
            if not limits or limits[-1] is not None or len(capped) != len(limits) - 1:
                raise ValueError("only the last band has no up_to")
            if capped != sorted(set(capped)):
                raise ValueError("band limits must rise")
        return self

    @property
    def number(self) -> Decimal:
        """The value of a parameter that is one number (not brackets or bands)."""
        if self.value is None:
            raise LookupError("this parameter's value is brackets or bands, not one number")
        return self.value


class Parameter(Frozen):
    """A named rule value over time."""

    description: Text
    unit: Literal["gbp", "gbp_per_month", "percent", "count", "months", "brackets", "bands"]
    values: Mapping[dt.date, DatedValue] = Field(min_length=1)

    @cached_property
    def _dates(self) -> list[dt.date]:
        return sorted(self.values)

    def at(self, when: dt.date) -> DatedValue:
        """The value in effect on ``when``; before the first date there is none."""
        index = bisect.bisect_right(self._dates, when) - 1
        if index < 0:
            raise LookupError(f"no value before {self._dates[0]}")
        return self.values[self._dates[index]]

    def changes_between(self, start: dt.date, end: dt.date) -> list[dt.date]:
        """Dates strictly after ``start`` and no later than ``end`` on which the value changes."""
        return [d for d in self._dates if start < d <= end]


class ParameterSet(Frozen):
    """The contents of a parameter file: references and parameters."""

    references: Mapping[Slug, Reference]
    parameters: Mapping[str, Parameter]

    @model_validator(mode="after")
    def _references_resolve(self) -> ParameterSet:
        for name, parameter in self.parameters.items():
            for when, dated in parameter.values.items():
                missing = [r for r in dated.ref if r not in self.references]
                if missing:
                    raise ValueError(f"{name} on {when} cites unknown reference {missing[0]}")
        return self

    def __getitem__(self, name: str) -> Parameter:
        return self.parameters[name]


def load_parameters(path: Path, required: tuple[str, ...] = ()) -> ParameterSet:
    """Read and validate a parameter file; every name in ``required`` must be present."""
    origin = path.name if path.parent == DEFAULT_DATA_DIR else str(path)
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as error:
        raise DataError(origin, f"cannot be read ({error})") from None
    document = parse_yaml(text, origin)
    try:
        parameters = ParameterSet.model_validate(document)
    except ValidationError as error:
        first = error.errors()[0]
        field = ".".join(str(part) for part in first["loc"])
        raise DataError(origin, first["msg"].removeprefix("Value error, "), field=field) from None
    for name in required:
        if name not in parameters.parameters:
            raise DataError(origin, "this parameter is required", field=f"parameters.{name}")
    return parameters
