"""Offers as councils publish them: salary scales and incentive components, every figure sourced.

The models are frozen and reject unknown fields, so a typo in ``data/councils.yaml`` or in an
uploaded package is an error rather than a silently ignored key. A figure whose value is
``None`` is *not published*: the model keeps it (with the words showing what was said) and
the engine asks for an assumption instead of inventing one.
"""

from __future__ import annotations

import datetime as dt
import itertools
import re
from collections.abc import Iterable, Iterator, Mapping
from decimal import Decimal
from typing import Annotated, Literal

from pydantic import (
    BaseModel,
    Field,
    NonNegativeInt,
    PositiveInt,
    model_validator,
)

from incentives.benefits import Benefit
from incentives.eligibility import Condition
from incentives.sourced import Citation, Frozen, Slug, Source, Text
from incentives.vocabulary import PENSIONABLE_BY_DEFAULT, Purpose, Region

MonthsOfService = Annotated[int, Field(ge=1, le=600)]

RoleGroup = Literal[
    "newly qualified social worker",
    "social worker",
    "senior social worker",
    "team manager",
    "service manager",
]
HISTORICAL_AFTER_YEARS = 3
OpenTo = Literal["new starters", "staff in post", "anyone"]
OfferStatus = Literal["current", "historical", "ended", "superseded"]
STATUS_ORDER: tuple[OfferStatus, ...] = ("current", "historical", "ended", "superseded")
Category = Literal[
    "salary", "supplement", "golden_hello", "retention", "relocation", "other", "clawback"
]
CATEGORY_LABELS: Mapping[str, str] = {
    "salary": "Salary",
    "supplement": "Supplement",
    "golden_hello": "Golden hello",
    "retention": "Retention",
    "relocation": "Relocation",
    "other": "Other one-off",
    "clawback": "Clawback",
}


class Figure(Frozen):
    """A sourced value. ``value: None`` means the figure is not published."""

    cite: tuple[Citation, ...] = ()
    note: Text | None = None

    @model_validator(mode="before")
    @classmethod
    def _bare_value(cls, data: object) -> object:
        """Allow ``amount: 2000`` as shorthand for an unsourced figure in a user's package."""
        if isinstance(data, int | float | str | Decimal) and not isinstance(data, bool):
            return {"value": data}
        return data

    @property
    def published(self) -> bool:
        return getattr(self, "value", None) is not None


class Money(Figure):
    """Pounds, exact to the penny."""

    value: Annotated[Decimal, Field(ge=0, le=10_000_000, decimal_places=2)] | None


class Percent(Figure):
    """A percentage between 0 and 100, to at most four decimal places."""

    value: Annotated[Decimal, Field(ge=0, le=100, decimal_places=4)] | None


class Payment(Frozen):
    """A sum given either in pounds or as a percentage of annual basic salary."""

    amount: Money | None = None
    percent_of_basic: Percent | None = None

    @model_validator(mode="after")
    def _one_way_of_stating_it(self) -> Payment:
        if (self.amount is None) == (self.percent_of_basic is None):
            raise ValueError("give exactly one of amount or percent_of_basic")
        return self


class NjcGrade(Frozen):
    """A grade given as NJC spinal column points, ``lowest`` to ``highest``: each year in post
    moves one point up, on 1 April after six months in post (the NJC default) or on each
    anniversary of joining."""

    lowest: Annotated[int, Field(ge=1, le=60)]
    highest: Annotated[int, Field(ge=1, le=60)]
    increments: Literal["april", "anniversary"] = "april"

    @model_validator(mode="after")
    def _rising(self) -> NjcGrade:
        if self.highest < self.lowest:
            raise ValueError("highest must not be below lowest")
        return self


class SalaryScale(Frozen):
    """A grade's scale. Adverts give "up to £X": that is the top point.

    ``njc_points`` gives the grade on the NJC spine instead of (or as well as) in pounds:
    ``top`` is then the highest point's salary on the offer's ``as_at`` date.
    """

    top: Money
    points_below_top: tuple[Money, ...] = ()  # published lower points, lowest first
    njc_points: NjcGrade | None = None

    @model_validator(mode="after")
    def _ascending(self) -> SalaryScale:
        values = [p.value for p in (*self.points_below_top, self.top) if p.value is not None]
        if any(b <= a for a, b in itertools.pairwise(values)):
            raise ValueError("scale points must rise, lowest first, each below the top")
        if self.njc_points is not None and self.points_below_top:
            raise ValueError("give the lower points either as njc_points or in pounds, not both")
        return self


class Supplement(Payment):
    """Paid monthly with salary: a market supplement, or a premium, as £ a year or % of basic."""

    kind: Literal["supplement"]
    name: Text
    from_month: MonthsOfService = 1  # first month of service it is paid in
    until_month: MonthsOfService | None = None  # last month it is paid in, if it ends
    taxable: bool = True
    pensionable: bool = True
    conditions: tuple[Condition, ...] = Field(default=(), max_length=10)  # who it is paid to

    @model_validator(mode="after")
    def _ends_after_it_starts(self) -> Supplement:
        if self.until_month is not None and self.until_month < self.from_month:
            raise ValueError("until_month must not be before from_month")
        return self

    @property
    def category(self) -> Category:
        return "supplement"


class Clawback(Frozen):
    """Repayment if the worker leaves within ``within_months`` of the payment.

    ``taper: monthly`` repays 1/within_months less for each completed month since the payment
    (Lincolnshire's relocation rule: 1/24 less each month over two years).
    """

    within_months: MonthsOfService
    taper: Literal["none", "monthly"] = "none"


class Instalment(Payment):
    """Part of a one-off payment, paid with month ``after_months`` of service (0: on joining)."""

    after_months: Annotated[NonNegativeInt, Field(le=600)] = 0
    clawback: Clawback | None = None

    @property
    def paid_in_month(self) -> int:
        """Joining payments go with the first month's pay."""
        return max(self.after_months, 1)


class OneOff(Frozen):
    """A golden hello, welcome payment, relocation package or one-off retention sum."""

    kind: Literal["one_off"]
    name: Text
    purpose: Purpose
    instalments: tuple[Instalment, ...] = Field(min_length=1, max_length=24)
    taxable: bool = True
    pensionable: bool | None = None  # None: the default for its purpose (see is_pensionable)
    qualifying_relocation_expenses: bool = (
        False  # reimbursed removal costs, tax and NI free up to a limit
    )
    conditions: tuple[Condition, ...] = Field(default=(), max_length=10)  # who it is paid to

    @model_validator(mode="after")
    def _relocation_only(self) -> OneOff:
        if self.qualifying_relocation_expenses and self.purpose != "relocation":
            raise ValueError("qualifying_relocation_expenses applies only to purpose: relocation")
        return self

    @property
    def category(self) -> Category:
        return self.purpose

    @property
    def is_pensionable(self) -> bool:
        """LGPS pensionable pay excludes an inducement not to leave, and expenses."""
        if self.pensionable is not None:
            return self.pensionable
        return PENSIONABLE_BY_DEFAULT[self.purpose]


class RetentionTier(Payment):
    """The sum of each retention payment from service year ``from_year`` on."""

    from_year: PositiveInt = 1


class Retention(Frozen):
    """Recurring retention payments for staying: on anniversaries, at set months, or each year.

    Exactly one schedule: ``every_months`` (12 pays on each anniversary), ``at_months``
    (months of service), or ``calendar_months`` (paid in those months each year, once the worker
    has ``qualifying_months`` of service).
    """

    kind: Literal["retention"]
    name: Text
    every_months: MonthsOfService | None = None
    at_months: tuple[MonthsOfService, ...] = ()
    calendar_months: tuple[Annotated[int, Field(ge=1, le=12)], ...] = ()
    qualifying_months: Annotated[NonNegativeInt, Field(le=600)] = 0
    until_month: MonthsOfService | None = None  # no payments after this month of service
    tiers: tuple[RetentionTier, ...] = Field(min_length=1, max_length=20)
    taxable: bool = True
    pensionable: bool = False  # an inducement not to leave is not LGPS pensionable pay
    conditions: tuple[Condition, ...] = Field(default=(), max_length=10)  # who it is paid to

    @model_validator(mode="after")
    def _one_schedule(self) -> Retention:
        given = sum(
            (self.every_months is not None, bool(self.at_months), bool(self.calendar_months))
        )
        if given != 1:
            raise ValueError("give exactly one of every_months, at_months or calendar_months")
        years = [t.from_year for t in self.tiers]
        if years[0] != 1 or any(b <= a for a, b in itertools.pairwise(years)):
            raise ValueError("tiers must start at from_year 1 and rise")
        return self

    @property
    def category(self) -> Category:
        return "retention"

    @property
    def is_pensionable(self) -> bool:
        return self.pensionable

    def tier_for_month(self, month: int) -> RetentionTier:
        """The tier in force in the service year that contains ``month``."""
        year = (month - 1) // 12 + 1
        return [t for t in self.tiers if t.from_year <= year][-1]


Component = Annotated[Supplement | OneOff | Retention, Field(discriminator="kind")]


class Offer(Frozen):
    """One council's package for one role, as published on ``as_at``."""

    id: Slug
    council: Text
    role: Text
    role_group: RoleGroup
    region: Region
    as_at: dt.date | None  # when the package was published or in force; None: the source is undated
    as_at_is_date_read: bool = False  # the source is undated: as_at is the day it was read
    checked: dt.date | None = None  # the day its sources were last read
    ends: dt.date | None = None  # the day the scheme closed, where known
    open_to: OpenTo | None = None  # who can get it: new starters, staff in post, or anyone
    superseded_by: Slug | None = None  # id of the same council's newer offer for this role
    salary: SalaryScale
    components: tuple[Component, ...] = Field(default=(), max_length=30)
    employer_pension_rate: Percent | None = None  # the council's LGPS employer rate, when published
    sources: Mapping[Slug, Source] = Field(default_factory=dict, max_length=50)
    notes: Text | None = None
    conditions: tuple[Condition, ...] = Field(default=(), max_length=10)  # on every payment
    benefits: tuple[Benefit, ...] = Field(default=(), max_length=20)  # beyond pay

    @model_validator(mode="before")
    @classmethod
    def _top_from_njc_points(cls, data: object) -> object:
        """A salary given only as NJC points takes its top from the spine on ``as_at``."""
        from incentives.njc_grades import fill_top_from_points

        return fill_top_from_points(data)

    @model_validator(mode="after")
    def _njc_points_priced(self) -> Offer:
        from incentives.njc_grades import check_points

        check_points(self)
        return self

    @property
    def label(self) -> str:
        """How the app names the offer, in lists, charts and links: 'Kirklees: Team manager'."""
        return f"{short_council_name(self.council)}: {self.role}"

    def age_in_years(self, today: dt.date) -> float | None:
        """How old the package is, or None if its source is undated (as_at only says when read)."""
        if self.as_at is None or self.as_at_is_date_read:
            return None
        return (today - self.as_at).days / 365.25

    def is_historical(self, today: dt.date) -> bool:
        """Published over three years before ``today``: not to be mistaken for a current offer."""
        age = self.age_in_years(today)
        return age is not None and age > HISTORICAL_AFTER_YEARS

    def status(self, today: dt.date) -> OfferStatus:
        """Whether the offer stands today: superseded or ended say so before its age does."""
        if self.superseded_by is not None:
            return "superseded"
        if self.ends is not None and self.ends <= today:
            return "ended"
        return "historical" if self.is_historical(today) else "current"

    def label_with_status(self, today: dt.date) -> str:
        """The label, marked unless current: 'Leeds: Social worker (ended)'."""
        status = self.status(today)
        return self.label if status == "current" else f"{self.label} ({status})"

    def figures(self) -> Iterator[tuple[str, Figure]]:
        """Every figure with its dotted path (``components.1.instalments.0.amount``)."""
        yield from _figures(self, "")

    def figure(self, path: str) -> Figure:
        """The figure at a dotted path from :meth:`figures`."""
        for found, figure in self.figures():
            if found == path:
                return figure
        raise KeyError(path)

    def unpublished(self) -> list[str]:
        """Paths of the figures this offer's sources leave unpublished."""
        return [path for path, figure in self.figures() if not figure.published]


def current_first(offers: Iterable[Offer], today: dt.date) -> list[Offer]:
    """Current offers, then historical, ended and superseded ones; the given order within each."""
    return sorted(offers, key=lambda offer: STATUS_ORDER.index(offer.status(today)))


_COUNCIL_WORDS = re.compile(
    r"\s+(?:Metropolitan Borough|Metropolitan District|Royal Borough|London Borough|"
    r"County Borough|Borough|County|City|District)?\s*Council$"
)


def short_council_name(council: str) -> str:
    """'Rotherham Metropolitan Borough Council' -> 'Rotherham'; other names are kept."""
    short = _COUNCIL_WORDS.sub("", council)
    short = re.sub(r"^(?:London Borough of|Royal Borough of|City of)\s+", "", short)
    return short or council


def _figures(node: object, prefix: str) -> Iterator[tuple[str, Figure]]:
    if isinstance(node, Figure):
        yield prefix, node
    elif isinstance(node, BaseModel):
        for name in type(node).model_fields:
            if name != "sources":
                yield from _figures(getattr(node, name), f"{prefix}.{name}" if prefix else name)
    elif isinstance(node, tuple):
        for index, item in enumerate(node):
            yield from _figures(item, f"{prefix}.{index}")
