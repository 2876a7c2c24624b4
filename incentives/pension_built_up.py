"""The LGPS pension an offer builds: the largest long-run difference between packages.

Each scheme year's pensionable pay builds 1/49 of itself as pension a year for life (1/98 in
the 50/50 section), in England and Wales and in Scotland alike; each April the account is
revalued by the previous September's CPI (the HM Treasury revaluation orders, in
``data/lgps_pension.yaml``; after the last one recorded, the scenario's assumed inflation).
A pensionable supplement builds pension; a retention lump sum does not.

The same file holds LGPS (Scotland)'s member contribution tiers (:meth:`LgpsPension.
scottish_tiers`), which the payroll uses for a member in Scotland.

Rounding: the account is kept exact (as a fraction) and each figure shown is rounded half
up to the penny: £40,656 / 49 = £829.714… -> £829.71; / 98 = £414.857… -> £414.86.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Mapping, Sequence
from decimal import Decimal
from fractions import Fraction
from functools import cache
from pathlib import Path
from typing import Annotated, Literal

import numpy as np
from pydantic import Field, model_validator

from incentives import prices
from incentives.catalog import DEFAULT_DATA_DIR, load_model_file
from incentives.money import divide
from incentives.sourced import Citation, Frozen, Slug, Source, Text

PENSION_FILE = DEFAULT_DATA_DIR / "lgps_pension.yaml"
Scheme = Literal["england_and_wales", "scotland"]
SCOTLAND_FROM = 2015  # the first April the Scottish tiers were raised (the scheme began then)


class Cited(Frozen):
    cite: tuple[Citation, ...] = Field(min_length=1)
    note: Text | None = None


class Accrual(Cited):
    """The fraction of pensionable pay built as pension: 1/main, or 1/fifty_fifty."""

    main: Annotated[int, Field(ge=1, le=200)]
    fifty_fifty: Annotated[int, Field(ge=1, le=400)]
    since: dt.date


class RevaluationRate(Cited):
    percent: Annotated[Decimal, Field(ge=-20, le=50, decimal_places=2)]


class Revaluation(Frozen):
    rule: Cited
    rates: Mapping[Annotated[int, Field(ge=2014, le=2100)], RevaluationRate] = Field(min_length=1)


class Tier(Frozen):
    """A contribution tier: ``rate`` percent on the part of the year's pay up to ``up_to``."""

    up_to: Annotated[int, Field(ge=1)] | None
    rate: Annotated[Decimal, Field(ge=0, le=30, decimal_places=2)]


class TierTable(Cited):
    tiers: tuple[Tier, ...] = Field(min_length=1)

    @model_validator(mode="after")
    def _ascending(self) -> TierTable:
        *lower, last = [tier.up_to for tier in self.tiers]
        limits = [limit for limit in lower if limit is not None]
        if last is not None or len(limits) < len(lower) or limits != sorted(set(limits)):
            raise ValueError("tiers must rise, and only the last one has no limit (up_to: null)")
        return self


class ScotlandTiers(Frozen):
    """LGPS (Scotland)'s tiers: the regulation's base, the increases before the revaluation
    rates recorded, and the tables published for some years."""

    base: TierTable
    tiered: Cited
    early_increases: Mapping[Annotated[int, Field(ge=2015, le=2100)], RevaluationRate]
    published: Mapping[Annotated[int, Field(ge=2015, le=2100)], TierTable] = {}
    note: Text | None = None


Tiers = tuple[tuple[int | None, Decimal], ...]  # (limit in pounds or None, rate percent)


class LgpsPension(Frozen):
    """The contents of ``data/lgps_pension.yaml``."""

    sources: Mapping[Slug, Source]
    accrual: Mapping[Scheme, Accrual]
    revaluation: Revaluation
    scotland_member_tiers: ScotlandTiers

    @model_validator(mode="after")
    def _sources_resolve(self) -> LgpsPension:
        cited: list[tuple[str, Cited]] = [(f"accrual.{n}", a) for n, a in self.accrual.items()]
        cited += [(f"revaluation {year}", r) for year, r in self.revaluation.rates.items()]
        cited.append(("revaluation.rule", self.revaluation.rule))
        scotland = self.scotland_member_tiers
        cited += [("scotland_member_tiers.base", scotland.base)]
        cited += [("scotland_member_tiers.tiered", scotland.tiered)]
        cited += [(f"scotland increase {y}", r) for y, r in scotland.early_increases.items()]
        cited += [(f"scotland tiers {y}", t) for y, t in scotland.published.items()]
        for where, item in cited:
            for citation in item.cite:
                if citation.source not in self.sources:
                    raise ValueError(f"{where} cites unknown source '{citation.source}'")
        for year in range(SCOTLAND_FROM, max(self.revaluation.rates) + 1):
            if year not in self.revaluation.rates and year not in scotland.early_increases:
                raise ValueError(f"scotland_member_tiers: no increase recorded for April {year}")
        return self

    def scottish_tiers(self, scheme_year: int) -> Tiers:
        """The tiers in force from 1 April of ``scheme_year``: published where recorded, else
        the base raised by each April's increase (compounded, as if a pension that began on
        1 April 2014) and rounded down to £100. After the last recorded April they carry on."""
        scotland = self.scotland_member_tiers
        if scheme_year in scotland.published:
            return tuple((t.up_to, t.rate) for t in scotland.published[scheme_year].tiers)
        factor = Fraction(1)
        for april in range(SCOTLAND_FROM, min(scheme_year, max(self.revaluation.rates)) + 1):
            increase = scotland.early_increases.get(april) or self.revaluation.rates[april]
            factor *= 1 + Fraction(max(increase.percent, Decimal(0))) / 100  # never a cut
        return tuple(
            (None if t.up_to is None else math.floor(t.up_to * factor / 100) * 100, t.rate)
            for t in scotland.base.tiers
        )

    def revaluation_percent(self, april: int, inflation: Decimal) -> Decimal:
        """The revaluation applied in April of ``april``; after the last recorded, ``inflation``."""
        rate = self.revaluation.rates.get(april)
        return rate.percent if rate is not None else inflation


def load_lgps_pension(path: Path | None = None) -> LgpsPension:
    """Read and validate the LGPS pension file; a problem names the file and the entry."""
    return load_model_file(path or PENSION_FILE, LgpsPension)


@cache
def lgps_pension() -> LgpsPension:
    return load_lgps_pension()


def accrual_denominator(region: str, pension: str | Decimal, data: LgpsPension) -> int | None:
    """49 or 98 (the section's fraction of pay), or None for someone not building pension."""
    scheme = data.accrual["scotland" if region == "scotland" else "england_and_wales"]
    if pension == "lgps-50-50":
        return scheme.fifty_fifty
    if isinstance(pension, str) or Decimal(str(pension)) != 0:
        return scheme.main  # a member paying a rate of their own is still in the main section
    return None  # opted out


def built_up(
    pensionable: np.ndarray,
    pay_dates: Sequence[dt.date],
    *,
    region: str,
    pension: str | Decimal,
    inflation: Decimal | None = None,
    data: LgpsPension | None = None,
) -> tuple[np.ndarray, np.ndarray]:
    """Per service year (12 pay dates each), in pence a year of pension: what the year's
    pensionable pay built, and the whole account at the year's end, revalued each April."""
    data = data or lgps_pension()
    years = len(pay_dates) // 12
    earned, account = np.zeros(years, dtype=np.int64), np.zeros(years, dtype=np.int64)
    denominator = accrual_denominator(region, pension, data)
    if denominator is None:
        return earned, account
    future = inflation if inflation is not None else prices.default_inflation()
    balance, in_year = Fraction(0), 0
    for month, (paid, day) in enumerate(zip(pensionable.tolist(), pay_dates, strict=True)):
        if day.month == 4 and balance:
            balance *= 1 + Fraction(data.revaluation_percent(day.year, future)) / 100
        balance += Fraction(int(paid), denominator)
        in_year += int(paid)
        if month % 12 == 11:
            year = month // 12
            earned[year] = divide(in_year, denominator)  # half up to the penny
            account[year] = divide(balance.numerator, balance.denominator)
            in_year = 0
    return earned, account


def pensionable_pay(paid: np.ndarray, pensionable_lines: Sequence[bool]) -> np.ndarray:
    """Each month's pensionable pay (pence): the sum of the pensionable lines (none: zeros)."""
    return paid[np.array(pensionable_lines, dtype=bool)].sum(axis=0)


def yearly_columns(
    paid: np.ndarray,
    pensionable_lines: Sequence[bool],
    pay_dates: Sequence[dt.date],
    scenario_fields: Mapping[str, object],
) -> dict[str, np.ndarray]:
    """``pension_built_up`` and ``cumulative_pension`` (£ a year, as built) for compare()."""
    earned, account = built_up(
        pensionable_pay(paid, pensionable_lines),
        pay_dates,
        region=str(scenario_fields["region"]),
        pension=scenario_fields["pension"],  # type: ignore[arg-type]
        inflation=scenario_fields.get("inflation"),  # type: ignore[arg-type]
    )
    return {"pension_built_up": earned / 100, "cumulative_pension": account / 100}
