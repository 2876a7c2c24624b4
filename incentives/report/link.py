"""The share link that reopens a report's comparison in the app.

Each parameter is one the app's widgets are bound to (their names are in incentives.sharing),
carrying the value as the widget shows it, so the link reopens the same offers, scenario and
money. Packages the visitor built travel inside the link, as the app's own links carry them.
"""

from __future__ import annotations

import urllib.parse
from collections.abc import Mapping, Sequence
from decimal import Decimal

from incentives import packages, sharing
from incentives.model import Offer
from incentives.scenario import Scenario

DEFAULT_BASE_URL = "http://localhost:8501"  # where `make run` serves the app


def share_link(
    offers: Sequence[Offer],
    scenario: Scenario,
    measure: str = "gross",
    base_url: str = DEFAULT_BASE_URL,
) -> str:
    """The app's Compare page (its default page) at ``base_url``, showing this comparison."""
    params = share_params(offers, scenario, measure)
    return f"{base_url.rstrip('/')}/?{urllib.parse.urlencode(params)}"


def share_params(
    offers: Sequence[Offer], scenario: Scenario, measure: str = "gross"
) -> list[tuple[str, str]]:
    """The link's parameters, in the order the sidebar shows its widgets."""
    params: list[tuple[str, str]] = [
        (sharing.VIEW, _label_of(sharing.VIEWS, measure)),
        (sharing.MONEY_KEY, _label_of(sharing.MONEY, scenario.money)),
    ]
    if scenario.price_year is not None:
        params.append((sharing.PRICE_YEAR.key, str(scenario.price_year)))
    if scenario.inflation is not None:
        params.append((sharing.INFLATION.key, _number(scenario.inflation)))
    if scenario.discount_rate is not None:
        params.append((sharing.DISCOUNT_RATE.key, _number(scenario.discount_rate)))
    params += [(sharing.OFFERS, offer.label) for offer in offers]
    params += [
        (sharing.YEARS.key, str(scenario.years)),
        (sharing.START, sharing.month_label(scenario.start)),
        *_awards(scenario),
    ]
    if scenario.leave_after_months is not None:
        params += [
            (sharing.LEAVING, "true"),
            (sharing.LEAVE_AFTER.key, str(scenario.leave_after_months)),
        ]
    params.append((sharing.ANNUAL_STEP.key, _number(scenario.annual_step)))
    params.append((sharing.REGION, _label_of(sharing.REGIONS, scenario.region)))
    params += [
        (sharing.STUDENT_LOANS, _label_of(sharing.LOANS, plan)) for plan in scenario.student_loans
    ]
    params += _pension(scenario)
    if scenario.years_qualified is not None:
        params.append((sharing.YEARS_QUALIFIED.key, str(scenario.years_qualified)))
    if scenario.joins_as == "staff in post":
        params.append((sharing.IN_POST, "true"))
    params += _per_offer(offers, scenario)
    yours = [offer for offer in offers if offer.id.startswith(packages.YOURS)]
    if yours:
        params.append((sharing.PACKAGES, packages.encode_link(yours)))
    return params


def _awards(scenario: Scenario) -> list[tuple[str, str]]:
    """The NJC's agreed awards (and the award assumed after them), or one percentage."""
    if scenario.pay_award == "njc":
        params = [(sharing.AWARD_KIND, _label_of(sharing.AWARDS, "njc"))]
        if scenario.future_pay_award is not None:
            params.append((sharing.FUTURE_AWARD.key, _number(scenario.future_pay_award)))
        return params
    return [
        (sharing.AWARD_KIND, _label_of(sharing.AWARDS, "percent")),
        (sharing.PAY_AWARD.key, _number(scenario.pay_award)),
    ]


def _pension(scenario: Scenario) -> list[tuple[str, str]]:
    if isinstance(scenario.pension, str):
        return [(sharing.PENSION, _label_of(sharing.PENSIONS, scenario.pension))]
    if scenario.pension == 0:
        return [(sharing.PENSION, _label_of(sharing.PENSIONS, "none"))]
    return [
        (sharing.PENSION, _label_of(sharing.PENSIONS, "other")),
        (sharing.PENSION_SHARE.key, _number(scenario.pension)),
    ]


def _per_offer(offers: Sequence[Offer], scenario: Scenario) -> list[tuple[str, str]]:
    """Starting salaries, assumed figures and employer pension rates (one per council)."""
    params: list[tuple[str, str]] = []
    councils_done: set[str] = set()
    for offer in offers:
        salary = scenario.start_salary_for(offer.id)
        if salary is not None:
            params.append((sharing.salary_key(offer.id), _number(salary)))
        for path, value in scenario.assumed.get(offer.id, {}).items():
            params.append((sharing.assumption_key(offer.id, path), _number(value)))
        rate = scenario.employer_pension_rate.get(offer.id)
        if rate is not None and offer.council not in councils_done:
            councils_done.add(offer.council)
            params.append((sharing.employer_rate_key(offer.council), _number(rate)))
    return params


def _label_of(options: Mapping[str, str], value: str) -> str:
    """The option a widget shows for a value: the link carries what is shown."""
    return next(label for label, option in options.items() if option == value)


def _number(value: Decimal) -> str:
    return f"{Decimal(value).normalize():f}"
