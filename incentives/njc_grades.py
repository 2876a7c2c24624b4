"""Offers' pay under the NJC's agreed awards: grades on spinal points, and salaries in pounds.

A salary published in pounds belongs to the pay year of its offer's ``as_at`` date and is
raised by each later award from its 1 April, or the later date its agreement set (an
off-spine salary gets the award of the highest point at or below it). A grade on spinal
points is paid the spine's salary for the worker's point in each pay year, one point higher
each year up to the grade's top.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from decimal import Decimal
from typing import TYPE_CHECKING

from incentives.money import pence, ppm
from incentives.njc import NjcError, default_future_award, njc_salary, pay_spine, pay_year_of

if TYPE_CHECKING:
    from incentives.model import Offer
    from incentives.scenario import Scenario

SIX_MONTHS = 6  # months in post before the first 1 April increment (NJC default)


def fill_top_from_points(data: object) -> object:
    """Raw offer data with ``salary.top`` from ``njc_points`` when it is not given in pounds."""
    if not isinstance(data, dict):
        return data
    salary = data.get("salary")
    if not isinstance(salary, dict) or not salary.get("njc_points"):
        return data
    top = salary.get("top")
    if top is not None and not (isinstance(top, dict) and top.get("value") is None):
        return data  # a top in pounds is checked against the spine once validated
    grade, as_at = salary["njc_points"], data.get("as_at")
    if not isinstance(grade, dict) or "highest" not in grade:
        return data
    if as_at is None:
        raise ValueError("a salary given as njc_points needs the offer's as_at date")
    try:
        day = as_at if isinstance(as_at, dt.date) else dt.date.fromisoformat(str(as_at))
        highest = njc_salary(int(grade["highest"]), day)
    except (ValueError, TypeError):
        return data  # the field validators name the bad value
    except NjcError as error:
        raise ValueError(str(error)) from None
    note = f"SCP {grade['highest']} on the NJC spine on {day:%d %B %Y}"
    filled = {**(top or {}), "value": highest, "note": note}
    return {**data, "salary": {**salary, "top": filled}}


def check_points(offer: Offer) -> None:
    """Every point of a grade is priced on ``as_at``, and a top in pounds agrees with it."""
    grade = offer.salary.njc_points
    if grade is None:
        return
    if offer.as_at is None:
        raise ValueError("a salary given as njc_points needs the offer's as_at date")
    try:
        highest = grade_salaries(offer)[-1]
    except NjcError as error:
        raise ValueError(str(error)) from None
    top = offer.salary.top.value
    if top is not None and pence(top) != highest:
        raise ValueError(
            f"salary.top £{top:,} is not SCP {grade.highest} on {offer.as_at:%d %B %Y} "
            f"(£{Decimal(highest) / 100:,})"
        )


def grade_salaries(offer: Offer) -> list[int]:
    """Pence at each point of the offer's grade, lowest first, on its ``as_at`` date."""
    grade, day = offer.salary.njc_points, offer.as_at
    assert grade is not None and day is not None
    return [pence(njc_salary(p, day)) for p in range(grade.lowest, grade.highest + 1)]


def future_award_percent(scenario: Scenario) -> Decimal:
    """The award each April after the last agreed one: the visitor's, or the file's default."""
    chosen = scenario.future_pay_award
    return chosen if chosen is not None else default_future_award()


def future_award_ppm(scenario: Scenario) -> int:
    return ppm(future_award_percent(scenario))


def salaries_in_pounds(
    offer: Offer, scenario: Scenario, starts: Sequence[dt.date], on_scale: Sequence[int]
) -> list[int]:
    """Pence a year in each month: the scale salary of each service year, as published in
    the offer's pay year and raised by every award since."""
    spine, future = pay_spine(), future_award_ppm(scenario)
    awards_year_on = spine.data.awards_year_on
    published_year = awards_year_on(offer.as_at or scenario.start)
    try:
        return [
            spine.uprate(on_scale[month // 12], published_year, awards_year_on(day), future)
            for month, day in enumerate(starts)
        ]
    except NjcError as error:
        raise NjcError(f"{offer.label}: {error}") from None


def awards_problem(offer: Offer, scenario: Scenario) -> str | None:
    """Why the agreed awards cannot raise the offer's lowest pay in the scenario, or None.

    Before April 2019 the stored tables hold only some points of the old spine, so pay below
    the lowest salary an award is known to start at cannot be given it. Checked before a page
    is drawn, so the visitor is told which offer and what to change, not shown an error.
    """
    if scenario.pay_award != "njc" or offer.salary.njc_points is not None:
        return None
    top = offer.salary.top.value or scenario.assumption(offer.id, "salary.top")
    lowest = scenario.start_salary_for(offer.id) or top
    if lowest is None:
        return None  # the salary is asked for first
    spine = pay_spine()
    awards_year_on = spine.data.awards_year_on
    try:
        spine.uprate(
            pence(lowest),
            awards_year_on(offer.as_at or scenario.start),
            awards_year_on(scenario.last_month_start),
            future_award_ppm(scenario),
        )
    except NjcError as error:
        return str(error)
    return None


def salaries_on_points(
    offer: Offer, scenario: Scenario, starts: Sequence[dt.date], start_salary: int | None
) -> list[int]:
    """Pence a year in each month for a grade on spinal points: the worker starts on the
    highest point paying no more than ``start_salary`` (None: the top) and moves up a point
    a year to the top of the grade."""
    grade, as_at = offer.salary.njc_points, offer.as_at
    assert grade is not None and as_at is not None
    at_as_at = grade_salaries(offer)
    point = grade.highest
    if start_salary is not None:
        below = [i for i, salary in enumerate(at_as_at) if salary <= start_salary]
        point = grade.lowest + (below[-1] if below else 0)
    spine, future, first_year = pay_spine(), future_award_ppm(scenario), pay_year_of(as_at)
    salaries = []
    for month, day in enumerate(starts, start=1):
        if month > 1 and point < grade.highest and _increment_due(grade.increments, month, day):
            point += 1
        salaries.append(spine.point_salary(point, max(pay_year_of(day), first_year), future))
    return salaries


def _increment_due(increments: str, month: int, day: dt.date) -> bool:
    """Whether service month ``month`` (starting on ``day``) starts on a point higher."""
    if increments == "anniversary":
        return (month - 1) % 12 == 0
    return day.month == 4 and month - 1 >= SIX_MONTHS
