"""The cost page's service view: a council's posts, turnover and agency share, and what each
offer's incentives would cost it a year, the leavers they must keep and the agency spend saved.

The defaults are a council's own sourced figures (Kirklees, the one council with them in
data/workforce.yaml). Rates are percent and cuts percentage points; pounds to the penny, half up.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal

import pandas as pd

from incentives import workforce
from incentives.break_even_search import VacancyCost, yearly_incentive_cost
from incentives.leavers import answer_from, fraction
from incentives.money import estimate_to_penny
from incentives.pages.costs_break_even import Priced
from incentives.pages.costs_break_even_chart import gbp, months_words
from incentives.pages.views import Section, table
from incentives.retention import Curves, check_leaving_rate


@dataclass(frozen=True)
class Service:
    """A council's children's social work service, its figures checked when it is made: the
    page's inputs are bounded, but the library is called with any numbers."""

    posts: float
    annual_leaving_rate: float  # percent of posts a year
    agency_share: float  # percent of posts covered by agency workers

    def __post_init__(self) -> None:
        if not 0 <= self.posts < math.inf:
            raise ValueError(f"a service has 0 or more posts; {self.posts:g} was given")
        check_leaving_rate(self.annual_leaving_rate)
        if not 0 <= self.agency_share <= 100:
            raise ValueError(
                "an agency share is a percentage of posts from 0 to 100; "
                f"{self.agency_share:g} was given"
            )


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


def service_view(
    service: Service,
    with_incentives: Curves,
    salary_only: Curves,
    vacancy: VacancyCost,
    cut: float,
) -> ServiceView:
    """What the incentives cost the whole service a year, the leavers they must keep, and the
    agency spend and recruitment they save, if they cut the leaving rate by ``cut`` points."""
    rate = service.annual_leaving_rate  # checked when the service was made
    if not 0 <= cut <= rate:
        raise ValueError(f"a cut is from 0 to the annual leaving rate ({rate:g} points)")
    posts = service.posts
    avoided = posts * fraction(cut)
    cost_now = estimate_to_penny(posts * yearly_incentive_cost(with_incentives, salary_only, rate))
    cost_cut = estimate_to_penny(
        posts * yearly_incentive_cost(with_incentives, salary_only, rate - cut)
    )
    agency_now = estimate_to_penny(
        posts * fraction(service.agency_share) * vacancy.agency_premium_per_month * 12
    )
    agency_saved = estimate_to_penny(
        avoided * vacancy.agency_premium_per_month * vacancy.months_to_fill
    )
    recruitment_saved = estimate_to_penny(avoided * vacancy.recruitment_per_hire)
    net = agency_saved + recruitment_saved - cost_cut
    share_after = max(0.0, service.agency_share - cut * vacancy.months_to_fill / 12)
    return ServiceView(
        cut, posts * fraction(rate), posts * fraction(rate - cut), avoided, cost_now, cost_cut,
        agency_now, agency_saved, recruitment_saved, net, share_after,
    )  # fmt: skip


def offer_sentence(label: str, view: ServiceView, pays: bool) -> str:
    """One offer's year across the service, at the cut it needs (or, where none is enough,
    keeping every leaver)."""
    if view.incentive_cost_without_cut <= 0:
        return f"**{label}**: its incentives cost the service nothing beyond the salary."
    net = (
        f"net, the service saves {gbp(view.net_saving)} a year"
        if view.net_saving >= 0
        else f"net, the service spends {gbp(-view.net_saving)} a year more than it saves"
    )
    saved = (
        f"agency cover of {gbp(view.agency_spend_saved)} and recruitment of "
        f"{gbp(view.recruitment_saved)}"
    )
    if not pays:
        return (
            f"**{label}** cannot pay for itself even by keeping all {view.leavers_now:.1f} "
            f"leavers: its incentives would cost {gbp(view.incentive_cost_with_cut)} a year "
            f"across the service with no one leaving ({gbp(view.incentive_cost_without_cut)} at "
            f"today's rate); keeping everyone saves {saved}: {net}."
        )
    return (
        f"**{label}** must cut leaving by {view.cut:.1f} points, keeping "
        f"{view.leavers_avoided:.1f} of the {view.leavers_now:.1f} leavers a year. Its "
        f"incentives cost {gbp(view.incentive_cost_without_cut)} a year across the service at "
        f"today's rate and {gbp(view.incentive_cost_with_cut)} at the lower one; the leavers "
        f"kept save {saved}: {net}."
    )


def section(
    offers: Mapping[str, Priced],
    service: Service,
    premium: float,
    months_to_fill: float,
    example: CouncilExample,
) -> Section:
    """The service's year for each offer, at the cut that offer needs at the service's own
    turnover (or keeping everyone, where no cut pays)."""
    rate = service.annual_leaving_rate
    rows, sentences = [], []
    for label, offer in offers.items():
        vacancy = offer.vacancy(premium, months_to_fill)
        answer = answer_from(offer.with_incentives, offer.salary_only, rate, vacancy)
        cut = rate if answer.cut_needed is None else answer.cut_needed
        view = service_view(service, offer.with_incentives, offer.salary_only, vacancy, cut)
        sentences.append(offer_sentence(label, view, answer.cut_needed is not None))
        rows.append(
            {
                "Offer": label,
                "Cut (points)": f"{view.cut:.1f}"
                + ("" if answer.cut_needed is not None else ": everyone kept"),
                "Leavers to keep a year": f"{view.leavers_avoided:.1f}",
                "Incentives a year, today's rate": gbp(view.incentive_cost_without_cut),
                "Incentives a year, with the cut": gbp(view.incentive_cost_with_cut),
                "Agency spend saved": gbp(view.agency_spend_saved),
                "Recruitment saved": gbp(view.recruitment_saved),
                "Net saving a year": gbp(view.net_saving),
                "Agency share after (%)": f"{view.agency_share_after:.1f}",
            }
        )
    agency_now = estimate_to_penny(service.posts * fraction(service.agency_share) * premium * 12)
    is_example = service == example.service
    return Section(
        heading="Your service in a year",
        lead=(
            f"{example.council}'s own published figures, as a worked example; change them to "
            "your council's."
            if is_example
            else "Your council's figures."
        ),
        sentences=(
            f"Of {service.posts:,.0f} posts, {service.posts * fraction(rate):.1f} fall vacant a "
            f"year at {rate:g}%. Agency cover costs about {gbp(agency_now)} a year above "
            f"permanent pay ({service.agency_share:g}% of posts × £{premium:,.0f} a month × 12).",
            *sentences,
        ),
        table=table(pd.DataFrame(rows)),
        notes=(
            "Each offer's cut is the one it needs at the service's own turnover and your "
            f"vacancy cost ({months_words(months_to_fill)} of agency cover and a recruitment fee "
            "per leaver kept). The incentives are paid to every post, including those whose "
            "holders would have stayed anyway; the agency share after assumes every vacancy "
            "is covered by an agency worker.",
            *(example.sentences if is_example else ()),
        ),
    )
