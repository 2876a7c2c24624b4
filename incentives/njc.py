"""The NJC pay spine and its awards as agreed, from ``data/njc_pay.yaml``.

Local government pay rose by the NJC's awards: flat pounds on some points and percentages on
others, on a spine that was rebuilt in April 2019 and has lost points since. This module
reads the awards and the published tables, derives each year's spine from the year before
where a table is not recorded (whole pounds, rounded half up, as the published tables are),
and raises a salary that is not on the spine by the award of the highest point at or below it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal
from functools import cache
from pathlib import Path
from typing import Annotated, Literal

from pydantic import Field, model_validator

from incentives.catalog import DEFAULT_DATA_DIR, load_model_file
from incentives.money import PPM, divide, pence, pounds, ppm
from incentives.sourced import Citation, Frozen, Slug, Source, Text

NJC_FILE = DEFAULT_DATA_DIR / "njc_pay.yaml"
TOP_POINT = 43  # the top of the spine from April 2019

Point = Annotated[int, Field(ge=1, le=60)]
WholePounds = Annotated[int, Field(ge=1, le=200_000)]
Pounds = Annotated[Decimal, Field(ge=0, le=200_000, decimal_places=2)]
Rate = Annotated[Decimal, Field(ge=0, le=100, decimal_places=4)]
PayYear = Annotated[int, Field(ge=2000, le=2100)]


class NjcError(LookupError):
    """A spinal point or salary the NJC data cannot price on a date."""


def pay_year_of(day: dt.date) -> int:
    """The NJC pay year (1 April to 31 March) a date falls in, by the year it starts."""
    return day.year if day.month >= 4 else day.year - 1


def pay_year_label(year: int) -> str:
    return f"{year}/{(year + 1) % 100:02d}"


class Cited(Frozen):
    cite: tuple[Citation, ...] = Field(min_length=1)
    note: Text | None = None


class Increase(Frozen):
    """Flat pounds or a percentage: exactly one."""

    flat: Pounds | None = None
    percent: Rate | None = None

    @model_validator(mode="after")
    def _one_kind(self) -> Increase:
        if (self.flat is None) == (self.percent is None):
            raise ValueError("give exactly one of flat or percent")
        return self


class Tier(Increase):
    """The award on spinal points ``points[0]`` to ``points[1]`` (None: to the top)."""

    points: tuple[Point, Point | None]
    from_salary: WholePounds | None = None  # estimate, for a year-before spine not recorded
    note: Text | None = None

    def covers(self, point: int) -> bool:
        low, high = self.points
        return low <= point and (high is None or point <= high)


class NewPoint(Cited):
    point: Point
    salary: WholePounds


class Award(Cited):
    """One pay year's award, from its 1 April or the later date the agreement sets."""

    year: PayYear
    spine: Literal["old", "2019"]
    starts: dt.date | None = None  # None: 1 April (late agreements are paid back to it)
    tiers: tuple[Tier, ...] = Field(min_length=1)
    above_spine: Increase | None = None
    deleted: tuple[Point, ...] = ()
    new_points: tuple[NewPoint, ...] = ()
    pairing: Text | None = None

    @model_validator(mode="after")
    def _consistent(self) -> Award:
        if self.starts is not None and pay_year_of(self.starts) != self.year:
            raise ValueError(f"the {self.year} award starts outside {pay_year_label(self.year)}")
        if len(self.tiers) > 1 and not any(tier.from_salary for tier in self.tiers):
            # pay in pounds needs to know where a tier starts when no spine is recorded
            raise ValueError(f"the {self.year} award's tiers need a from_salary on one of them")
        return self

    @property
    def effective(self) -> dt.date:
        return self.starts or dt.date(self.year, 4, 1)


class Table(Cited):
    """Spinal points of one pay year as a page publishes them (possibly not every point)."""

    year: PayYear
    salaries: Mapping[Point, WholePounds] = Field(min_length=1)


class DeletedPoint(Cited):
    point: Point
    from_: dt.date = Field(alias="from")


class FutureAward(Cited):
    percent: Rate
    assumption: Literal[True]
    reasoning: Text


class NjcPay(Frozen):
    """The contents of ``data/njc_pay.yaml``."""

    sources: Mapping[Slug, Source]
    awards: tuple[Award, ...] = Field(min_length=1)
    deleted_points: tuple[DeletedPoint, ...] = ()
    tables: tuple[Table, ...] = ()
    future_award: FutureAward

    @model_validator(mode="after")
    def _consistent(self) -> NjcPay:
        years = [award.year for award in self.awards]
        if years != list(range(years[0], years[0] + len(years))):
            raise ValueError("awards must be one a year, in order, with no year missing")
        for table in self.tables:
            if table.year not in years:
                raise ValueError(f"the {table.year} table has no award year")
        for where, cited in self._cited():
            for citation in cited.cite:
                if citation.source not in self.sources:
                    raise ValueError(f"{where} cites unknown source '{citation.source}'")
        return self

    def _cited(self) -> list[tuple[str, Cited]]:
        found: list[tuple[str, Cited]] = [("future_award", self.future_award)]
        for award in self.awards:
            found.append((f"the {award.year} award", award))
            found += [(f"the {award.year} new SCP {p.point}", p) for p in award.new_points]
        found += [(f"the {table.year} table", table) for table in self.tables]
        found += [(f"deleted SCP {d.point}", d) for d in self.deleted_points]
        return found

    @property
    def first_year(self) -> int:
        return self.awards[0].year

    @property
    def last_year(self) -> int:
        return self.awards[-1].year

    def award(self, year: int) -> Award:
        if not self.first_year <= year <= self.last_year:
            raise NjcError(
                f"no NJC award for {pay_year_label(year)} in {NJC_FILE.name} (it records "
                f"{pay_year_label(self.first_year)} to {pay_year_label(self.last_year)})"
            )
        return self.awards[year - self.first_year]

    def awards_year_on(self, day: dt.date) -> int:
        """The pay year of the last award paid by ``day``: its own pay year's, unless that
        award starts later in the year (or after the last agreed year, the future award's)."""
        year = pay_year_of(day)
        if self.first_year <= year <= self.last_year and day < self.award(year).effective:
            return year - 1
        return year

    def table(self, year: int) -> Table | None:
        return next((table for table in self.tables if table.year == year), None)

    def deleted_by(self, point: int, day: dt.date) -> DeletedPoint | None:
        return next((d for d in self.deleted_points if d.point == point and d.from_ <= day), None)


def load_njc_pay(path: Path | None = None) -> NjcPay:
    """Read and validate the NJC pay file; a problem names the file and the entry."""
    return load_model_file(path or NJC_FILE, NjcPay)


@dataclass(frozen=True)
class SpinePoint:
    """A point's annual salary in a pay year, in pence; ``derived``: not read from a table."""

    pence: int
    derived: bool


Spine = dict[int, SpinePoint]


def _raise_point(award: Award, point: int, salary: int) -> int | None:
    """A spinal point's salary (pence) after ``award``, in whole pounds; None: not carried."""
    tier = next((tier for tier in award.tiers if tier.covers(point)), None)
    if tier is None or point in award.deleted:
        return None
    return _whole_pounds(_apply(tier, salary))


def _apply(increase: Increase, salary: int) -> int:
    """Pence after a flat or percentage increase; a percentage rounded half up to the penny."""
    if increase.flat is not None:
        return salary + pence(increase.flat)
    return divide(salary * (PPM + ppm(increase.percent)), PPM)  # type: ignore[arg-type]


def _whole_pounds(amount: int) -> int:
    return divide(amount, 100) * 100  # half up to the pound, as the NJC tables are


class PaySpine:
    """Spines by pay year, published where recorded and derived where not."""

    def __init__(self, data: NjcPay):
        self.data = data
        self._spines: dict[int, Spine] = {}

    def derived_from_previous(self, year: int) -> Spine:
        """``year``'s spine worked out from the year before by ``year``'s award alone."""
        award = self.data.award(year)
        derived: Spine = {}
        if year > self.data.first_year:
            previous = self.data.award(year - 1)
            if previous.spine == award.spine:  # the old spine's points as well as the 2019 one's
                for point, entry in self.spine(year - 1).items():
                    raised = _raise_point(award, point, entry.pence)
                    if raised is not None:
                        derived[point] = SpinePoint(raised, derived=True)
        for new in award.new_points:
            derived[new.point] = SpinePoint(new.salary * 100, derived=False)
        return derived

    def spine(self, year: int) -> Spine:
        """Every point known in ``year`` (first to last agreed year)."""
        if year not in self._spines:
            spine = self.derived_from_previous(year)
            table = self.data.table(year)
            if table is not None:
                spine.update(
                    {p: SpinePoint(s * 100, derived=False) for p, s in table.salaries.items()}
                )
            self._spines[year] = dict(sorted(spine.items()))
        return self._spines[year]

    def point_salary(self, point: int, year: int, future_ppm: int) -> int:
        """Pence at ``point`` in ``year``; after the last agreed year, raised by the future
        award each April (whole pounds). A deleted point moves to the next one up."""
        last = self.data.last_year
        known = self.spine(min(year, last))
        on = dt.date(year, 4, 1)
        while self.data.deleted_by(point, on) and point < TOP_POINT:
            point += 1
        if point not in known:
            raise NjcError(
                f"SCP {point} in {pay_year_label(min(year, last))} is not in the NJC tables "
                f"recorded in {NJC_FILE.name}"
            )
        salary = known[point].pence
        for _ in range(last, year):
            salary = _whole_pounds(divide(salary * (PPM + future_ppm), PPM))
        return salary

    def award_on_salary(self, salary: int, year: int, future_ppm: int) -> int:
        """Pence after ``year``'s award on a salary of the year before that need not be on
        the spine: the award of the highest point at or below it."""
        if year > self.data.last_year:
            return divide(salary * (PPM + future_ppm), PPM)
        award = self.data.award(year)
        after_first = year > self.data.first_year
        previous = self.spine(year - 1) if after_first else {}
        same_2019_spine = after_first and award.spine == self.data.award(year - 1).spine == "2019"
        if TOP_POINT in previous and same_2019_spine:
            if award.above_spine is not None and salary > previous[TOP_POINT].pence:
                return _apply(award.above_spine, salary)
            at_or_below = [p for p, entry in previous.items() if entry.pence <= salary]
            point = at_or_below[-1] if at_or_below else next(iter(previous))
            tier = next((t for t in award.tiers if t.covers(point)), award.tiers[0])
            return _apply(tier, salary)
        usable = [
            tier
            for tier in award.tiers
            if (salary >= tier.from_salary * 100 if tier.from_salary else len(award.tiers) == 1)
        ]
        if not usable:
            starts = min(tier.from_salary for tier in award.tiers if tier.from_salary)
            raise NjcError(
                f"a salary of £{pounds(salary):,} in {pay_year_label(year - 1)} cannot be given "
                f"the {pay_year_label(year)} award: below £{starts:,} it needs salaries of the "
                f"old spine that {NJC_FILE.name} does not record"
            )
        return _apply(usable[-1], salary)

    def uprate(self, salary: int, from_year: int, to_year: int, future_ppm: int) -> int:
        """A salary of pay year ``from_year`` raised by every award up to ``to_year``."""
        return _uprate(self, salary, from_year, to_year, future_ppm)


@cache
def _uprate(spine: PaySpine, salary: int, from_year: int, to_year: int, future_ppm: int) -> int:
    for year in range(from_year + 1, to_year + 1):
        salary = spine.award_on_salary(salary, year, future_ppm)
    return salary


@cache
def pay_spine() -> PaySpine:
    """The spine from the default data file, read once."""
    return PaySpine(load_njc_pay())


def default_future_award() -> Decimal:
    """The assumed award each April after the last agreed one (see the data file)."""
    return pay_spine().data.future_award.percent


def njc_salary(point: int, on: dt.date) -> Decimal:
    """The annual full-time salary (£) at NJC spinal column point ``point`` on ``on``.

    Raises :class:`NjcError`, naming the point and the date, for a deleted point, a point
    whose salary is not in the recorded tables, or a date outside the agreed years.
    """
    spine = pay_spine()
    year, data = pay_year_of(on), spine.data
    if not data.first_year <= year <= data.last_year:
        raise NjcError(
            f"SCP {point} on {on:%d %B %Y}: the NJC tables cover "
            f"{pay_year_label(data.first_year)} to {pay_year_label(data.last_year)}"
        )
    deleted = data.deleted_by(point, on)
    if deleted is not None:
        raise NjcError(
            f"SCP {point} on {on:%d %B %Y}: the point was deleted from {deleted.from_:%d %B %Y}"
        )
    entry = spine.spine(year).get(point)
    if entry is None:
        raise NjcError(
            f"SCP {point} on {on:%d %B %Y}: not in the NJC tables recorded for "
            f"{pay_year_label(year)} ({NJC_FILE.name} records only what stored pages publish)"
        )
    return pounds(entry.pence)
