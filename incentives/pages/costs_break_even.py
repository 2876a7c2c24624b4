"""The cost page's break-even: for each offer the cut it needs at the visitor's figures, what a
leaver must save for a 1, 2 or 5 point cut, and a chart of the cut needed by months to fill.

Every offer gets figures: where no cut pays, the page says what the incentives cost and the
most they could save with no one leaving, and how long a vacancy would have to take for them
to pay. Rates are percent and cuts percentage points, as in :mod:`incentives.leavers`.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal

import pandas as pd

from incentives import charts, workforce
from incentives.leavers import OfferAnswer, answer_from, vacancy_cost
from incentives.money import format_gbp
from incentives.pages.views import Chart, Section, chart, listing, table
from incentives.retention import Curves, VacancyCost, break_even_from
from incentives.workforce import Sourced

SHORTEST_RANGE = 36  # months: the chart runs at least this far
LONGEST_RANGE = 120  # months: and never further
PAST_THE_LAST = 12  # months the chart runs on after the last offer starts to pay
X_TITLE = "Months a vacancy takes to fill"
Y_TITLE = "Cut needed (points)"


def gbp(amount: Decimal) -> str:
    """As :func:`incentives.money.format_gbp` writes it: "£1,234.50", "£1,234"."""
    return format_gbp(int(amount * 100))


@dataclass(frozen=True)
class Defaults:
    """The cost page's sourced starting figures, with what each rests on."""

    annual_leaving_rate: Sourced  # percent
    agency_premium_per_month: Sourced  # pounds
    months_to_fill: Sourced  # an estimate
    recruitment_share: Sourced  # percent of the first year's salary
    sentences: tuple[str, ...]


def agency_sentence() -> str:
    """Where the default agency premium comes from and how old it is, in words."""
    premium = workforce.agency_premium_per_year()
    agency, employed = workforce.agency_weekly_costs()
    gap = agency.value - employed.value
    return (
        f"{gbp(premium.value)} a year, one council's average weekly cost of an agency "
        f"children's social worker less that of an employed one ({gbp(agency.value)} − "
        f"{gbp(employed.value)} = {gbp(gap)} a week, × 52), given in {premium.as_of:%B %Y} "
        f"({premium.source}). One council's figures, not a national average."
    )


def page_defaults(start: dt.date) -> Defaults:
    """England's turnover for the year before ``start``, the latest agency premium found, the
    estimated months to fill and a recruitment fee; every one can be replaced by the user's."""
    rate = workforce.default_leaving_rate(start)
    premium = workforce.agency_premium_per_month()
    months = workforce.months_to_fill_estimate()
    fee = workforce.recruitment_fee_share()
    sentences = (
        f"Leaving rate: {rate.value}%, England's turnover of children's social workers in the "
        f"year to {rate.as_of:%-d %B %Y} ({rate.source}).",
        f"Agency cover: {gbp(premium.value)} a month above a permanent worker, an estimate, "
        f"not a published figure: {agency_sentence()} To use your region's price cap "
        "under the DfE's agency rules (in force from 31 October 2024, for every assignment "
        "from 1 October 2025; a cap covers the hourly pay, employer NI and apprenticeship "
        "levy), enter the cap an hour × the hours a month, less what a permanent worker costs "
        "you a month: no region's cap in pounds was found.",
        f"Months to fill: {months.value}, an estimate, not a published figure: 12 × England's "
        f"vacancies ÷ its leavers in the year to {months.as_of:%-d %B %Y} (DfE). Most vacancies "
        "are covered by agency workers meanwhile.",
        f"Recruitment: {fee.value}% of the first year's salary, one council's fee to an agency "
        f"({fee.source}).",
    )
    return Defaults(rate, premium, months, fee, sentences)


def assumptions(
    annual_leaving_rate: float, months_to_fill: float, agency_premium_per_month: float
) -> tuple[str, ...]:
    """What every figure of the break-even assumes, in plain words."""
    return (
        f"Without the incentives, {annual_leaving_rate:g}% of posts fall vacant each year; each "
        "month a worker has the same chance of leaving.",
        "The incentives are everything in an offer but its salary. Their cost is the pay, "
        "employer NI, pension and levy they add, spread over the months posts are filled.",
        f"A leaver avoided saves agency cover while the post is vacant ({months_to_fill:g} "
        f"months at £{agency_premium_per_month:,.0f} a month above a permanent worker) and one "
        "recruitment fee; nothing is counted for the work lost while a post is empty.",
        "A cut in points is the difference between the two annual leaving rates: 15% to 13% "
        "is a cut of 2 points.",
    )


@dataclass(frozen=True)
class Priced:
    """One offer's curves and its vacancy costs: what its break-even is worked out from."""

    label: str
    with_incentives: Curves
    salary_only: Curves
    recruitment_per_hire: float  # pounds: the fee on this offer's salary

    def vacancy(self, premium: float, months_to_fill: float) -> VacancyCost:
        return VacancyCost(premium, months_to_fill, self.recruitment_per_hire)


def priced(label: str, with_incentives: Curves, salary_only: Curves, share: float) -> Priced:
    """An offer ready to price, its recruitment fee ``share`` percent of its first salary."""
    fee = vacancy_cost(with_incentives, 0, 0, share).recruitment_per_hire
    return Priced(label, with_incentives, salary_only, fee)


def answer_sentences(label: str, answer: OfferAnswer) -> tuple[str, ...]:
    """The answer in words: the cut needed, or why none is enough, and the savings needed."""
    rate = answer.annual_leaving_rate
    per_leaver = gbp(answer.saving_per_leaver)
    if answer.cost_per_post_year <= 0:
        return (f"**{label}**: its incentives cost nothing beyond the salary, so need no cut.",)
    if answer.cut_needed is None:
        least = answer.least_saving_that_pays
        first = (
            f"**{label}** cannot pay for itself at {per_leaver} a leaver: the incentives cost "
            f"{gbp(answer.cost_with_no_leavers)} a post a year with no one leaving "
            f"({gbp(answer.cost_per_post_year)} at today's {rate:g}%); even with no one leaving "
            f"they would save at most {gbp(answer.most_saved)} ({rate:g}% of posts × "
            f"{per_leaver})."
            + (
                f" They pay only if a leaver costs at least {gbp(least)}, and then only by "
                "keeping everyone."
                if least is not None
                else " With no one leaving now, there are no leavers to keep."
            )
        )
    else:
        first = (
            f"**{label}** pays for itself if it cuts the annual leaving rate by "
            f"**{answer.cut_needed:.1f} points**, from {rate:g}% to "
            f"{rate - answer.cut_needed:.1f}%. Its incentives cost "
            f"{gbp(answer.cost_per_post_year)} a post a year now; each leaver avoided saves "
            f"{per_leaver}."
        )
    if not answer.saving_needed:
        return (first,)
    return (
        first,
        f"For {label} to pay for itself, each leaver avoided must save "
        + ", ".join(
            f"{gbp(amount)} for a cut of {points:g} point{'' if points == 1 else 's'}"
            for points, amount in answer.saving_needed.items()
        )
        + ".",
    )


def months_to_pay(answer: OfferAnswer, premium: float, recruitment: float) -> int | None:
    """The fewest whole months a vacancy must take for the offer to pay at all (by keeping
    everyone); None where no length of vacancy is enough (agency cover costs nothing extra, or
    nobody leaves)."""
    least = answer.least_saving_that_pays
    if answer.cost_per_post_year <= 0 or least is None:
        return 0 if answer.cost_per_post_year <= 0 else None
    short = float(least) - recruitment
    if short <= 0:
        return 0
    return math.ceil(short / premium) if premium > 0 else None


def _cut_cell(answer: OfferAnswer) -> str:
    if answer.cost_per_post_year <= 0:
        return "none needed"
    if answer.cut_needed is None:
        return (
            f"none pays: costs {gbp(answer.cost_with_no_leavers)}, saves at most "
            f"{gbp(answer.most_saved)}"
        )
    return (
        f"{answer.cut_needed:.1f} points ({answer.annual_leaving_rate:g}% to "
        f"{answer.annual_leaving_rate - answer.cut_needed:.1f}%)"
    )


def _answers_table(answers: Mapping[str, OfferAnswer]) -> pd.DataFrame:
    rows = []
    for label, answer in answers.items():
        row = {
            "Offer": label,
            "Cut needed at your figures": _cut_cell(answer),
            "Incentives' cost a post a year now": gbp(answer.cost_per_post_year),
            "Each leaver saves": gbp(answer.saving_per_leaver),
        }
        for points in (1.0, 2.0, 5.0):
            found = answer.saving_needed.get(points)
            row[f"Saving needed for a {points:g} point cut"] = (
                gbp(found) if found is not None else "above the leaving rate"
            )
        least = answer.least_saving_that_pays
        row["Least saving a leaver that pays"] = gbp(least) if least is not None else "none"
        rows.append(row)
    return pd.DataFrame(rows)


def chart_months(starts: Mapping[str, int | None]) -> tuple[int, ...]:
    """The months the chart runs over: past the month the last offer starts paying, within
    :data:`SHORTEST_RANGE` and :data:`LONGEST_RANGE`."""
    known = [month for month in starts.values() if month is not None]
    last = max(known, default=0) + PAST_THE_LAST
    return tuple(range(1, min(LONGEST_RANGE, max(SHORTEST_RANGE, last)) + 1))


def cut_by_months_to_fill(
    offers: Mapping[str, Priced],
    answers: Mapping[str, OfferAnswer],
    annual_leaving_rate: float,
    premium: float,
) -> Chart | None:
    """One line per offer of the cut it needs, by how long a vacancy takes to fill; a line
    starts where a leaver first costs enough for the incentives to pay at all. None where no
    offer pays at any length of vacancy the chart covers."""
    starts = {
        label: months_to_pay(answers[label], premium, offer.recruitment_per_hire)
        for label, offer in offers.items()
    }
    months = chart_months(starts)
    rows = []
    for label, offer in offers.items():
        start = starts[label]
        for month in months if start is not None else ():
            cut = break_even_from(
                offer.with_incentives,
                offer.salary_only,
                annual_leaving_rate,
                offer.vacancy(premium, month),
            ).required_cut
            rows.append((label, month, math.nan if cut is None else cut))
    data = pd.DataFrame(rows, columns=["label", "months_to_fill", "points"])
    if not data["points"].notna().any():
        return None
    paying = data.dropna()
    first_row = int(paying["months_to_fill"].min())
    wide = data.pivot(index="months_to_fill", columns="label", values="points")
    wide = wide.reindex(index=range(first_row, months[-1] + 1), columns=list(offers))
    figures = pd.DataFrame({X_TITLE: wide.index})
    for label in offers:
        start = starts[label]
        waiting = f"pays from {start} months" if start is not None else "no length pays"
        figures[label] = [
            waiting if pd.isna(v) else f"{v:.1f} points" for v in wide[label].to_numpy()
        ]
    return chart(
        charts.line_chart(paying, "months_to_fill", X_TITLE, "points", Y_TITLE, money=False),
        _chart_description(paying, answers, starts, (first_row, months[-1]), premium),
        figures,
    )


def _chart_description(
    paying: pd.DataFrame,
    answers: Mapping[str, OfferAnswer],
    starts: Mapping[str, int | None],
    shown: tuple[int, int],
    premium: float,
) -> str:
    parts = []
    for label, answer in answers.items():
        line = paying[paying["label"] == label]
        least = answer.least_saving_that_pays
        if line.empty:
            start = starts[label]
            parts.append(
                f"{label} needs a leaver to save {gbp(least)}, "
                + (
                    f"{start} months of vacancy"
                    if start is not None
                    else f"which no vacancy gives at £{premium:,.0f} a month of agency cover"
                )
                if least is not None
                else f"{label} has no leavers to keep"
            )
            continue
        first, last = line.iloc[0], line.iloc[-1]
        parts.append(
            f"{label} pays from {first.months_to_fill:g} months"
            + (f" (a leaver saving {gbp(least)})" if least is not None else "")
            + f", needing a cut of {first.points:.1f} points then and {last.points:.1f} points "
            f"at {last.months_to_fill:g} months"
        )
    return (
        "Line chart of the cut in the annual leaving rate, in percentage points, each offer "
        f"needs to pay for itself, by how many months a vacancy takes to fill, from {shown[0]} "
        f"to {shown[1]}; the longer a post stays vacant, the more a leaver costs and the "
        "smaller the cut. " + listing(parts)
    )


def section(
    offers: Mapping[str, Priced],
    annual_leaving_rate: float,
    premium: float,
    months_to_fill: float,
) -> Section:
    """The break-even for each offer at the visitor's figures, and the chart by months."""
    answers = {
        label: answer_from(
            offer.with_incentives,
            offer.salary_only,
            annual_leaving_rate,
            offer.vacancy(premium, months_to_fill),
        )
        for label, offer in offers.items()
    }
    drawn = cut_by_months_to_fill(offers, answers, annual_leaving_rate, premium)
    return Section(
        heading="Do the incentives pay for themselves?",
        lead="Each leaver avoided saves agency cover while the post is vacant and the cost of "
        "recruiting again; the incentives pay for themselves if they keep enough leavers.",
        sentences=tuple(
            sentence
            for label, answer in answers.items()
            for sentence in answer_sentences(label, answer)
        ),
        charts=() if drawn is None else (drawn,),
        chart_note="The cut in the annual leaving rate needed for each offer's incentives to "
        "pay for themselves, by how long a vacancy takes to fill, at your leaving rate and "
        "agency cover."
        if drawn is not None
        else "No offer pays for itself at any length of vacancy up to "
        f"{LONGEST_RANGE} months at these figures.",
        table=table(_answers_table(answers)),
        notes=assumptions(annual_leaving_rate, months_to_fill, premium),
    )
