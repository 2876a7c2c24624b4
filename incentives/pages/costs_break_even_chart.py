"""The break-even chart: the cut each offer needs, against months to fill or agency premium.

A line per offer starts where a leaver first costs enough for its incentives to pay at all
(by keeping everyone); its text alternative and figure table say where each line starts, and
for an offer that pays nowhere on the chart, what a leaver would have to save.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING, Literal

import pandas as pd

from incentives import charts
from incentives.break_even_search import CutCosts, VacancyCost, break_even_on
from incentives.leavers import OfferAnswer
from incentives.money import format_gbp
from incentives.pages.views import Chart, chart, listing

if TYPE_CHECKING:
    from incentives.pages.costs_break_even import Priced

Against = Literal["months", "premium"]  # what the chart runs along

SHORTEST_RANGE = 36  # months: the chart by months runs at least this far
LONGEST_RANGE = 120  # months: and never further
PAST_THE_LAST = 12  # months the chart runs on after the last offer starts to pay
# The chart by agency premium, in pounds a year: it covers at least the figures found (about
# £6,000 in 2018, St Helens' £27,040 in 2025, Torfaen's £36,000 in 2025; data/workforce.yaml).
PREMIUM_STEP = 1_000
PREMIUM_SHORTEST = 40_000
PREMIUM_LONGEST = 120_000
PREMIUM_PAST_THE_LAST = 10_000
MONTHS_TITLE = "Months a vacancy takes to fill"
PREMIUM_TITLE = "Agency premium (£ a year)"
Y_TITLE = "Cut needed (points)"


def gbp(amount: Decimal) -> str:
    """As :func:`incentives.money.format_gbp` writes it: "£1,234.50", "£1,234"."""
    return format_gbp(int(amount * 100))


def months_words(months: float) -> str:
    """A number of months in words: "1 month", "16.7 months"."""
    return f"{months:g} month{'' if months == 1 else 's'}"


def months_to_pay(answer: OfferAnswer, premium: float, recruitment: float) -> int | None:
    """The fewest whole months a vacancy must take for the offer to pay at all (by keeping
    everyone); None where no length of vacancy is enough (agency cover costs nothing extra, or
    nobody leaves)."""
    short = _short_of_paying(answer, recruitment)
    if short is None or short <= 0:
        return None if short is None else 0
    return math.ceil(short / premium) if premium > 0 else None


def premium_to_pay(answer: OfferAnswer, months_to_fill: float, recruitment: float) -> int | None:
    """The least agency premium, in whole pounds a year (rounded up), for the offer to pay at
    all (by keeping everyone) with vacancies of ``months_to_fill``; None where no premium is
    enough (vacancies filled at once, or nobody leaves)."""
    short = _short_of_paying(answer, recruitment)
    if short is None or short <= 0:
        return None if short is None else 0
    return math.ceil(short / months_to_fill * 12) if months_to_fill > 0 else None


def _short_of_paying(answer: OfferAnswer, recruitment: float) -> float | None:
    """What agency cover must save per leaver, beyond the recruitment fee, for the offer to pay
    by keeping everyone: 0 or less where it pays without cover; None where nobody leaves."""
    if answer.cost_per_post_year <= 0:
        return 0.0
    least = answer.least_saving_that_pays
    return None if least is None else float(least) - recruitment


def chart_months(starts: Mapping[str, int | None]) -> tuple[int, ...]:
    """The months the chart runs over: past the month the last offer starts paying, within
    :data:`SHORTEST_RANGE` and :data:`LONGEST_RANGE`."""
    known = [month for month in starts.values() if month is not None]
    last = max(known, default=0) + PAST_THE_LAST
    return tuple(range(1, min(LONGEST_RANGE, max(SHORTEST_RANGE, last)) + 1))


def chart_premiums(starts: Mapping[str, int | None], premium_a_year: float) -> tuple[int, ...]:
    """The agency premiums, pounds a year, the chart runs over: from £0 in steps of
    :data:`PREMIUM_STEP`, past the visitor's premium and the premium the last offer starts
    paying at, within :data:`PREMIUM_SHORTEST` and :data:`PREMIUM_LONGEST`."""
    known = [premium for premium in starts.values() if premium is not None]
    last = max([max(known, default=0) + PREMIUM_PAST_THE_LAST, premium_a_year, PREMIUM_SHORTEST])
    top = min(PREMIUM_LONGEST, math.ceil(last / PREMIUM_STEP) * PREMIUM_STEP)
    return tuple(range(0, top + 1, PREMIUM_STEP))


@dataclass(frozen=True)
class Axis:
    """What the break-even chart runs along, and how a point on it prices a leaver."""

    column: str
    title: str
    points: tuple[int, ...]
    starts: Mapping[str, int | None]  # the point each offer first pays at; None: none does
    vacancy: Callable[[Priced, int], VacancyCost]
    shown: Callable[[int], str]  # a point in words: "11 months", "£12,000 a year"
    by_what: str  # the description's "by ...": what runs along the axis
    why: str  # which way the cut goes as the axis rises
    unpaid: str  # for an offer that pays nowhere: "which no ... gives ..."
    none_pays: str  # its cells in the figure table
    money: bool


def months_axis(
    offers: Mapping[str, Priced], answers: Mapping[str, OfferAnswer], premium: float
) -> Axis:
    """The chart by months to fill, at the visitor's agency premium (pounds a month)."""
    starts = {
        label: months_to_pay(answers[label], premium, offer.recruitment_per_hire)
        for label, offer in offers.items()
    }
    return Axis(
        column="months_to_fill",
        title=MONTHS_TITLE,
        points=chart_months(starts),
        starts=starts,
        vacancy=lambda offer, month: offer.vacancy(premium, month),
        shown=months_words,
        by_what="by how many months a vacancy takes to fill",
        why="the longer a post stays vacant, the more a leaver costs and the smaller the cut",
        unpaid=f"which no vacancy gives at £{premium:,.0f} a month of agency cover",
        none_pays="no length pays",
        money=False,
    )


def premium_axis(
    offers: Mapping[str, Priced],
    answers: Mapping[str, OfferAnswer],
    premium: float,
    months_to_fill: float,
) -> Axis:
    """The chart by agency premium in pounds a year, at the visitor's months to fill; it runs
    past the visitor's own premium (pounds a month)."""
    filled = (
        f"vacancies taking {months_words(months_to_fill)} to fill"
        if months_to_fill > 0
        else "vacancies filled at once"
    )
    starts = {
        label: premium_to_pay(answers[label], months_to_fill, offer.recruitment_per_hire)
        for label, offer in offers.items()
    }
    return Axis(
        column="premium_a_year",
        title=PREMIUM_TITLE,
        points=chart_premiums(starts, premium * 12),
        starts=starts,
        vacancy=lambda offer, yearly: offer.vacancy(yearly / 12, months_to_fill),
        shown=lambda yearly: f"£{yearly:,} a year",
        by_what="by how much more agency cover costs a year than a permanent worker, with "
        + filled,
        why="the dearer agency cover, the more a leaver costs and the smaller the cut",
        unpaid=f"which no agency premium gives with {filled}",
        none_pays="no premium pays",
        money=True,
    )


def cut_chart(
    offers: Mapping[str, Priced],
    answers: Mapping[str, OfferAnswer],
    annual_leaving_rate: float,
    axis: Axis,
) -> Chart | None:
    """One line per offer of the cut it needs, along ``axis``; a line starts where a leaver
    first costs enough for the incentives to pay at all. None where no offer pays anywhere on
    the axis."""
    rows = []
    for label, offer in offers.items():
        if axis.starts[label] is None:
            continue
        grid = CutCosts.of(offer.with_incentives, offer.salary_only, annual_leaving_rate)
        for point in axis.points:
            cut = break_even_on(grid, axis.vacancy(offer, point)).required_cut
            rows.append((label, point, math.nan if cut is None else cut))
    data = pd.DataFrame(rows, columns=["label", axis.column, "points"])
    if not data["points"].notna().any():
        return None
    paying = data.dropna()
    first_row = int(paying[axis.column].min())
    wide = data.pivot(index=axis.column, columns="label", values="points")
    wide = wide.reindex(index=[p for p in axis.points if p >= first_row], columns=list(offers))
    figures = pd.DataFrame({axis.title: wide.index})
    for label in offers:
        start = axis.starts[label]
        waiting = f"pays from {axis.shown(start)}" if start is not None else axis.none_pays
        figures[label] = [
            waiting if pd.isna(v) else f"{v:.1f} points" for v in wide[label].to_numpy()
        ]
    return chart(
        charts.line_chart(
            paying, axis.column, axis.title, "points", Y_TITLE, money=False, x_money=axis.money
        ),
        _chart_description(paying, answers, axis, (first_row, axis.points[-1])),
        figures,
    )


def _chart_description(
    paying: pd.DataFrame,
    answers: Mapping[str, OfferAnswer],
    axis: Axis,
    shown: tuple[int, int],
) -> str:
    parts = []
    for label, answer in answers.items():
        line = paying[paying["label"] == label]
        least = answer.least_saving_that_pays
        if line.empty:
            start = axis.starts[label]
            parts.append(
                f"{label} needs a leaver to save {gbp(least)}, "
                + (f"reached at {axis.shown(start)}" if start is not None else axis.unpaid)
                if least is not None
                else f"{label} has no leavers to keep"
            )
            continue
        first, last = line.iloc[0], line.iloc[-1]
        parts.append(
            f"{label} pays from {axis.shown(int(first[axis.column]))}"
            + (f" (a leaver saving {gbp(least)})" if least is not None else "")
            + f", needing a cut of {first.points:.1f} points then and {last.points:.1f} points "
            f"at {axis.shown(int(last[axis.column]))}"
        )
    return (
        "Line chart of the cut in the annual leaving rate, in percentage points, each offer "
        f"needs to pay for itself, {axis.by_what}, from {axis.shown(shown[0])} to "
        f"{axis.shown(shown[1])}; {axis.why}. " + listing(parts)
    )
