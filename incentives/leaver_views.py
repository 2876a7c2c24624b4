"""Plain data for the cost page: a chart of the cut each offer needs against months to fill,
the page's sourced defaults, and a council's whole service (posts, leavers, agency cover).

Nothing here draws: each function returns figures, sentences and chart specifications for the
page to place. Rates are percent and cuts percentage points, as in :mod:`incentives.leavers`.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal

import altair as alt
import pandas as pd

from incentives import charts, workforce
from incentives.leavers import check_rate, fraction, gbp, money, vacancy_cost
from incentives.retention import Curves, VacancyCost, break_even_from, yearly_incentive_cost
from incentives.workforce import Sourced

MONTHS_SHOWN = tuple(range(1, 37))  # the months to fill the page lets a visitor enter
X_TITLE = "Months a vacancy takes to fill"
Y_TITLE = "Cut needed (points)"


@dataclass(frozen=True)
class ChartFigures:
    """A chart, its text alternative, and its figures as a table."""

    chart: alt.Chart
    description: str
    figures: pd.DataFrame


def cut_by_months_to_fill(
    offers: Mapping[str, tuple[Curves, Curves]],
    annual_leaving_rate: float,
    agency_premium_per_month: float,
    recruitment_share: float,
    months: tuple[int, ...] = MONTHS_SHOWN,
) -> ChartFigures:
    """One line per offer (keyed by label, with its curves and its salary-only curves) of the
    cut in the annual leaving rate it needs, by how long a vacancy takes to fill. A line starts
    where a leaver first costs enough for the incentives to pay at all."""
    check_rate(annual_leaving_rate)
    rows = []
    for label, (with_incentives, salary_only) in offers.items():
        for month in months:
            vacancy = vacancy_cost(
                with_incentives, agency_premium_per_month, month, recruitment_share
            )
            cut = break_even_from(
                with_incentives, salary_only, annual_leaving_rate, vacancy
            ).required_cut
            rows.append((label, month, math.nan if cut is None else cut))
    data = pd.DataFrame(rows, columns=["label", "months_to_fill", "points"])
    chart = charts.line_chart(data, "months_to_fill", X_TITLE, "points", Y_TITLE, money=False)
    wide = data.pivot(index="months_to_fill", columns="label", values="points")[list(offers)]
    figures = wide.map(lambda v: "does not pay" if math.isnan(v) else f"{v:.1f} points")
    return ChartFigures(
        chart,
        _chart_description(data, list(offers), months, agency_premium_per_month),
        figures.reset_index().rename(columns={"months_to_fill": X_TITLE}),
    )


def _chart_description(
    data: pd.DataFrame, labels: list[str], months: tuple[int, ...], premium: float
) -> str:
    parts = []
    for label in labels:
        line = data[(data["label"] == label) & data["points"].notna()]
        if line.empty:
            parts.append(
                f"{label} does not pay at any time to fill up to {months[-1]} months at "
                f"£{premium:,.0f} a month of agency cover"
            )
            continue
        first, last = line.iloc[0], line.iloc[-1]
        parts.append(
            f"{label} pays from {first.months_to_fill:g} months, needing a cut of "
            f"{first.points:.1f} points then and {last.points:.1f} points at "
            f"{last.months_to_fill:g} months"
        )
    return (
        "Line chart of the cut in the annual leaving rate, in percentage points, each offer "
        "needs to pay for itself, by how many months a vacancy takes to fill; the longer a post "
        "stays vacant, the more a leaver costs and the smaller the cut. " + "; ".join(parts) + "."
    )


@dataclass(frozen=True)
class Defaults:
    """The cost page's sourced starting figures, with what each rests on."""

    annual_leaving_rate: Sourced  # percent
    agency_premium_per_month: Sourced  # pounds
    months_to_fill: Sourced  # an estimate
    recruitment_share: Sourced  # percent of the first year's salary
    sentences: tuple[str, ...]


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
        f"Agency cover: £{premium.value:,.0f} a month above a permanent worker, from "
        f"£{premium.value * 12:,.0f} a year in {premium.as_of:%B %Y}, the latest figure in "
        "pounds found; it is older than the DfE's agency rules (in force from 31 October 2024, "
        "for every assignment from 1 October 2025), whose regional price caps cover the hourly "
        "pay, employer NI and apprenticeship levy. To use a cap, enter the cap an hour × the "
        "hours a month, less what a permanent worker costs you a month.",
        f"Months to fill: {months.value}, an estimate, not a published figure: 12 × England's "
        f"vacancies ÷ its leavers in the year to {months.as_of:%-d %B %Y} (DfE). Most vacancies "
        "are covered by agency workers meanwhile.",
        f"Recruitment: {fee.value}% of the first year's salary, one council's fee to an agency "
        f"({fee.source}).",
    )
    return Defaults(rate, premium, months, fee, sentences)


@dataclass(frozen=True)
class Service:
    """A council's children's social work service."""

    posts: float
    annual_leaving_rate: float  # percent of posts a year
    agency_share: float  # percent of posts covered by agency workers


@dataclass(frozen=True)
class CouncilExample:
    """A council's own published figures, as a starting point for the service view."""

    council: str
    service: Service
    sentences: tuple[str, ...]


def kirklees_example() -> CouncilExample:
    """Kirklees's figures: 32 social workers left and 19 were hired in 12 months to January
    2017, about a quarter of children's services staff were agency workers; posts estimated
    from its 2019 vacancies (20 FTE, 7% of a fully staffed workforce)."""
    left = workforce.figure("kirklees.social_workers_left_last_12_months")
    hired = workforce.figure("kirklees.social_workers_hired_last_12_months")
    agency = workforce.figure("kirklees.agency_share")
    staff = workforce.figure("kirklees.children_services_staff")
    vacancies = workforce.figure("kirklees.social_worker_vacancies_fte")
    vacancy_rate = workforce.figure("kirklees.social_worker_vacancy_rate")
    posts = round(float(vacancies.value / vacancy_rate.value * 100))
    rate = round(float(left.value) / posts * 100, 1)
    sentences = (
        f"Kirklees told the Examiner that {left.value} social workers left and {hired.value} "
        f"were hired in the 12 months to {left.as_of:%B %Y}: {left.value - hired.value} fewer "
        f"in post. About {agency.value}% of its roughly {staff.value:,.0f} children's services "
        "staff (all roles, not only social workers) were agency workers.",
        f"Posts: about {posts}, an estimate: {vacancies.value} FTE vacancies were "
        f"{vacancy_rate.value}% of a fully staffed workforce in {vacancies.as_of:%B %Y} "
        f"(DfE figures, {vacancies.source}); {vacancies.value} ÷ {vacancy_rate.value}% ≈ {posts}.",
        f"Leaving rate: {left.value} ÷ {posts} = {rate}% a year. The figures are of different "
        "years (2017 and 2019): a worked example of using a council's own figures, not "
        "Kirklees today.",
        f"Agency share: {agency.value}% of posts, taking the share of all children's services "
        "staff for social work posts; the council said frontline teams had more.",
    )
    return CouncilExample("Kirklees", Service(posts, rate, float(agency.value)), sentences)


@dataclass(frozen=True)
class ServiceView:
    """A year of a council's service with one offer's incentives, with and without a cut in
    the leaving rate. Counts are a year; pounds to the penny, half up."""

    cut: float  # points
    leavers_now: float
    leavers_with_cut: float
    leavers_avoided: float
    incentive_cost_without_cut: Decimal  # every post, at today's leaving rate
    incentive_cost_with_cut: Decimal  # every post, at the lower rate
    agency_spend_now: Decimal  # the premium over permanent pay for today's agency cover
    agency_spend_saved: Decimal  # cover not needed for the leavers avoided
    recruitment_saved: Decimal
    net_saving: Decimal  # saved less the incentives' cost with the cut
    agency_share_after: float  # percent of posts, if every vacancy was covered by an agency
    sentences: tuple[str, ...]


def service_view(
    service: Service,
    with_incentives: Curves,
    salary_only: Curves,
    vacancy: VacancyCost,
    cut: float,
) -> ServiceView:
    """What the incentives cost the whole service a year, the leavers they must keep, and the
    agency spend and recruitment they save, if they cut the leaving rate by ``cut`` points."""
    rate = service.annual_leaving_rate
    check_rate(rate)
    if not 0 <= cut <= rate:
        raise ValueError(f"a cut is from 0 to the annual leaving rate ({rate:g} points)")
    posts = service.posts
    avoided = posts * fraction(cut)
    cost_now = money(posts * yearly_incentive_cost(with_incentives, salary_only, rate))
    cost_cut = money(posts * yearly_incentive_cost(with_incentives, salary_only, rate - cut))
    agency_now = money(
        posts * fraction(service.agency_share) * vacancy.agency_premium_per_month * 12
    )
    agency_saved = money(avoided * vacancy.agency_premium_per_month * vacancy.months_to_fill)
    recruitment_saved = money(avoided * vacancy.recruitment_per_hire)
    net = agency_saved + recruitment_saved - cost_cut
    share_after = max(0.0, service.agency_share - cut * vacancy.months_to_fill / 12)
    sentences = (
        f"Of {posts:,.0f} posts, {posts * fraction(rate):.1f} fall vacant a year at {rate:g}%; a "
        f"cut of {cut:g} points keeps {avoided:.1f} of those leavers.",
        f"The incentives cost {gbp(cost_now)} a year across the service at today's rate and "
        f"{gbp(cost_cut)} at the lower rate (they are paid to everyone, including those who "
        "would have stayed anyway).",
        f"Agency cover costs about {gbp(agency_now)} a year above permanent pay now "
        f"({service.agency_share:g}% of posts × £{vacancy.agency_premium_per_month:,.0f} a "
        f"month). Each leaver kept saves {vacancy.months_to_fill:g} months of it, "
        f"{gbp(agency_saved)} in all, and a recruitment fee, {gbp(recruitment_saved)} in all.",
        (
            f"Net, the service saves {gbp(net)} a year."
            if net >= 0
            else f"Net, the service spends {gbp(-net)} a year more than it saves."
        ),
        f"If every vacancy is covered by an agency worker, agency cover falls from "
        f"{service.agency_share:g}% to {share_after:.1f}% of posts.",
    )
    return ServiceView(
        cut, posts * fraction(rate), posts * fraction(rate - cut), avoided, cost_now, cost_cut,
        agency_now, agency_saved, recruitment_saved, net, share_after, sentences,
    )  # fmt: skip
