"""LGPS member contributions: the band and the rate in each month.

The band is set by the annual rate of regular pensionable pay (basic and pensionable
supplements) in each scheme year (1 April); the rate applies to all pensionable pay in the
month. Contributions, employee and employer, are rounded by running rounding within the
scheme year, so a year's total is the rate times the year's pay to the penny.
"""

from __future__ import annotations

import numpy as np

from incentives.money import PPM, divide, half_up, ppm
from incentives.payroll.figures import Person
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
    if (regular == regular[0]).all():  # one rate of pay: a run for each scheme year
        starts, lengths = runs.starts, runs.lengths
    else:
        new = np.ones(len(regular), dtype=bool)
        new[1:] = (scheme_years[1:] != scheme_years[:-1]) | (regular[1:] != regular[:-1])
        starts = np.flatnonzero(new)
        lengths = np.diff(starts, append=len(regular))
    rates = []
    for year, annual in zip(scheme_years[starts].tolist(), regular[starts].tolist(), strict=True):
        rate = next(r for cap, r in rules.lgps_bands(year) if cap is None or annual <= cap)
        if person.pension == "lgps-50-50":
            rate = divide(rate * rules.fifty_fifty_share(year), PPM)
        rates.append(rate)
    return np.repeat(np.array(rates, dtype=np.int64), lengths)
