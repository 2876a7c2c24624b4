"""LGPS member contributions: the band and the rate in each month.

The band is set by the annual rate of regular pensionable pay (basic and pensionable
supplements) in each scheme year (1 April); the rate applies to all pensionable pay in the
month. Contributions, employee and employer, are rounded by running rounding within the
scheme year, so a year's total is the rate times the year's pay to the penny.

LGPS (Scotland) is tiered instead: each tier's rate applies to the part of the year's pay in
it, and the member's rate is the blend, rounded half up to the millionth (0.0001 of a
percentage point; on £31,000 that is within 2p a year of the exact tiered sum). Scottish funds'
own look-up tables may round the blend further (Highland's 2026/27 table is in 0.1% steps).
"""

from __future__ import annotations

import numpy as np

from incentives.money import PPM, divide, half_up, pence, ppm
from incentives.payroll.figures import Person
from incentives.pension_built_up import lgps_pension
from incentives.uk_rules import PayCalendar, RuleBook


def running(exact: np.ndarray) -> np.ndarray:
    """Millionths of a penny to pence, half up away from zero (running rounding)."""
    return half_up(exact, PPM)


def member_rates(
    person: Person, calendar: PayCalendar, regular: np.ndarray, rules: RuleBook
) -> np.ndarray:
    """The member's contribution rate (ppm) in each month: the band is looked up once for each
    run of months with the same scheme year and regular pay."""
    scheme_years, runs = calendar.scheme_years, calendar.scheme_runs
    if not isinstance(person.pension, str):
        return np.full(len(scheme_years), ppm(person.pension), dtype=np.int64)
    if not np.count_nonzero(regular != regular[0]):  # one rate of pay: a run a scheme year
        starts, lengths = runs.starts, runs.lengths
    else:
        new = np.ones(len(regular), dtype=bool)
        new[1:] = (scheme_years[1:] != scheme_years[:-1]) | (regular[1:] != regular[:-1])
        starts = np.flatnonzero(new)
        lengths = np.diff(starts, append=len(regular))
    rates = []
    for year, annual in zip(scheme_years[starts].tolist(), regular[starts].tolist(), strict=True):
        if person.region == "scotland":
            rate = scottish_rate(year, annual)
        else:
            rate = next(r for cap, r in rules.lgps_bands(year) if cap is None or annual <= cap)
        if person.pension == "lgps-50-50":
            rate = divide(rate * rules.fifty_fifty_share(year), PPM)
        rates.append(rate)
    return np.array(rates, dtype=np.int64).repeat(lengths)


def scottish_rate(scheme_year: int, annual: int) -> int:
    """LGPS (Scotland)'s blended rate (ppm) on an annual pensionable pay of ``annual`` pence."""
    tiers = [
        (None if cap is None else pence(cap), ppm(rate))
        for cap, rate in lgps_pension().scottish_tiers(scheme_year)
    ]
    if annual <= 0:
        return tiers[0][1]
    owed, floor = 0, 0  # pence x ppm, and where the tier starts
    for cap, rate in tiers:
        top = annual if cap is None else min(annual, cap)
        if top > floor:
            owed += (top - floor) * rate
        if cap is None or annual <= cap:
            break
        floor = cap
    return divide(owed, annual)
