"""The cost page's break-even: for each offer the cut it needs at the visitor's figures, what a
leaver must save for a 1, 2 or 5 point cut, and a chart of the cut needed by months to fill
or by agency premium (:mod:`incentives.pages.costs_break_even_chart`).

Every offer gets figures: where no cut pays, the page says what the incentives cost and the
most they could save with no one leaving, and how long a vacancy would have to take for them
to pay. Rates are percent and cuts percentage points, as in :mod:`incentives.leavers`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass

import pandas as pd

from incentives import workforce
from incentives.break_even_search import VacancyCost
from incentives.leavers import OfferAnswer, answer_from, vacancy_cost
from incentives.pages.costs_break_even_chart import (
    LONGEST_RANGE,
    PREMIUM_LONGEST,
    Against,
    cut_chart,
    gbp,
    months_axis,
    months_words,
    premium_axis,
)
from incentives.pages.views import Section, table
from incentives.retention import Curves
from incentives.workforce import Sourced


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
        "A leaver avoided saves agency cover while the post is vacant "
        f"({months_words(months_to_fill)} at £{agency_premium_per_month:,.0f} a month above a "
        "permanent worker) and one recruitment fee; nothing is counted for the work lost while "
        "a post is empty.",
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


def _at_the_cut(answer: OfferAnswer) -> str:
    """Where the least saving pays: by keeping everyone, or (where the incentives cost more as
    fewer leave) with a smaller cut."""
    cut, rate = answer.cut_that_pays_soonest, answer.annual_leaving_rate
    if cut is None or cut >= rate:
        return "by keeping everyone."
    return f"with a cut of about {cut:.1f} points, to {rate - cut:.1f}%."


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
                f" They pay only if a leaver costs at least {gbp(least)}, and then only "
                + _at_the_cut(answer)
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


def section(
    offers: Mapping[str, Priced],
    annual_leaving_rate: float,
    premium: float,
    months_to_fill: float,
    against: Against = "months",
) -> Section:
    """The break-even for each offer at the visitor's figures (``premium`` in pounds a month),
    and the chart of the cut needed against months to fill or agency premium."""
    answers = {
        label: answer_from(
            offer.with_incentives,
            offer.salary_only,
            annual_leaving_rate,
            offer.vacancy(premium, months_to_fill),
        )
        for label, offer in offers.items()
    }
    if against == "months":
        axis = months_axis(offers, answers, premium)
        drawn_note = "by how long a vacancy takes to fill, at your leaving rate and agency cover"
        empty_note = f"at any length of vacancy up to {LONGEST_RANGE} months"
    else:
        axis = premium_axis(offers, answers, premium, months_to_fill)
        drawn_note = (
            "by how much more agency cover costs a year than a permanent worker, at your "
            "leaving rate and months to fill"
        )
        empty_note = f"at any agency premium up to £{PREMIUM_LONGEST:,} a year"
    drawn = cut_chart(offers, answers, annual_leaving_rate, axis)
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
        f"pay for themselves, {drawn_note}."
        if drawn is not None
        else f"No offer pays for itself {empty_note} at these figures.",
        table=table(_answers_table(answers)),
        notes=assumptions(annual_leaving_rate, months_to_fill, premium),
    )
