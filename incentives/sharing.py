"""The share link: the URL parameters the app reads, their limits, and notices for bad ones.

The app's widgets are bound to these parameters, so a copied link reopens the same
comparison. Streamlit quietly drops a value a widget cannot take; :func:`check_link` says
which values of a link could not be used and why, so the visitor sees a notice rather than a
silently different comparison. The widgets take their limits from here too, so the two agree.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Collection, Mapping
from dataclasses import dataclass
from decimal import Decimal
from functools import cache
from typing import Annotated, Any, Literal, get_args, get_origin

import annotated_types

from incentives.model import Offer, RoleGroup, short_council_name
from incentives.scenario import EARLIEST_START, LATEST_START, Scenario
from incentives.summary import KINDS
from incentives.vocabulary import (
    COMPARE_PARTS,
    COUNCIL_REGIONS,
    LOAN_PLAN_LABELS,
    MEASURES,
    MONEY_LABELS,
    PENSION_OPTION_LABELS,
    TAX_REGION_LABELS,
    YEAR_BY_YEAR,
)

MAX_VALUE_LENGTH = 200  # characters; longer values are refused unread
MAX_NOTICES = 8


@dataclass(frozen=True)
class NumberParam:
    key: str
    label: str
    minimum: float
    maximum: float
    whole: bool = False

    def problem(self, text: str) -> str | None:
        """Why ``text`` cannot be this parameter's value, or None if it can."""
        try:
            value = float(text)
        except ValueError:
            return "it is not a number"
        if not math.isfinite(value) or not self.minimum <= value <= self.maximum:
            return f"it must be from {self.minimum:g} to {self.maximum:g}"
        if self.whole and value != int(value):
            return "it must be a whole number"
        return None


def scenario_limits(field: str) -> tuple[float, float, bool]:
    """The least and greatest value :class:`Scenario` accepts for a numeric field (for a
    mapping, for each of its values), and whether it takes whole numbers only, read from the
    field's own constraints."""
    info = Scenario.model_fields[field]
    found: list[Any] = list(info.metadata)
    whole = info.annotation is int
    pending: list[Any] = [info.annotation]
    while pending:  # the constraints of the numeric parts of unions, Optionals and mappings
        annotation = pending.pop()
        arguments = get_args(annotation)
        if get_origin(annotation) is Annotated:
            whole = whole or arguments[0] is int
            found.extend(m for a in arguments[1:] for m in getattr(a, "metadata", [a]))
            pending.append(arguments[0])
        else:
            pending.extend(arguments)
    ge = [m.ge for m in found if isinstance(m, annotated_types.Ge)]
    le = [m.le for m in found if isinstance(m, annotated_types.Le)]
    lows = {float(v) for v in ge if isinstance(v, int | float | Decimal)}
    highs = {float(v) for v in le if isinstance(v, int | float | Decimal)}
    if len(lows) != 1 or len(highs) != 1:
        raise ValueError(f"Scenario.{field} has no single range")
    return lows.pop(), highs.pop(), whole


def _scenario_number(key: str, label: str, field: str) -> NumberParam:
    """A link parameter carrying a :class:`Scenario` field, within that field's limits."""
    minimum, maximum, whole = scenario_limits(field)
    SCENARIO_FIELDS[key] = field
    return NumberParam(key, label, minimum, maximum, whole)


SCENARIO_FIELDS: dict[str, str] = {}  # link parameter -> the Scenario field it carries
YEARS = _scenario_number("years", "years to compare", "years")
PAY_AWARD = _scenario_number("award", "yearly pay award (%)", "pay_award")
FUTURE_AWARD = _scenario_number(
    "future_award", "pay award after the last agreed one (%)", "future_pay_award"
)
ANNUAL_STEP = _scenario_number("step", "yearly step up the scale (%)", "annual_step")
LEAVE_AFTER = _scenario_number("leave", "months before leaving", "leave_after_months")
AMOUNT = _scenario_number("amount", "amount (£)", "start_salary")
LEAVING_RATE = NumberParam("rate", "annual leaving rate (%)", 0.0, 100.0)
AGENCY_PREMIUM = NumberParam("agency", "agency premium (£ a month)", 0.0, 50_000.0)
MONTHS_TO_FILL = NumberParam("fill", "months to fill a vacancy", 0.0, 36.0)
RECRUITMENT_SHARE = NumberParam("recruit", "recruitment cost (% of salary)", 0.0, 100.0)
COHORT_HIRES = NumberParam("hires", "hires in the cohort", 1.0, 1_000.0, whole=True)
SERVICE_POSTS = NumberParam("posts", "social work posts in the service", 1.0, 100_000.0, whole=True)
SERVICE_TURNOVER = NumberParam("turnover", "the service's leaving rate (%)", 0.0, 100.0)
SERVICE_AGENCY = NumberParam("agency_share", "posts covered by agency workers (%)", 0.0, 100.0)
PRICE_YEAR = _scenario_number("prices_of", "year whose prices are used", "price_year")
INFLATION = _scenario_number("inflation", "future inflation (%)", "inflation")
DISCOUNT_RATE = _scenario_number("discount", "discount rate (%)", "discount_rate")
PENSION_SHARE = _scenario_number("pension_share", "pension contribution (%)", "pension")
EMPLOYER_RATE = _scenario_number(
    "employer_rate", "employer pension rate (%)", "employer_pension_rate"
)
YEARS_QUALIFIED = _scenario_number("qualified", "years since you qualified", "years_qualified")

# Choices whose options are fixed: the URL carries the option as shown.
VIEWS = {label: measure for measure, label in MEASURES.items()}
MONEY = {label: basis for basis, label in MONEY_LABELS.items()}
REGIONS = {label: region for region, label in TAX_REGION_LABELS.items()}
AWARDS = {"NJC agreed awards": "njc", "A percentage each April": "percent"}
LOANS = {label: plan for plan, label in LOAN_PLAN_LABELS.items()}
PENSIONS = {label: option for option, label in PENSION_OPTION_LABELS.items()}
AGAINST: dict[str, Literal["months", "premium"]] = {
    "Months to fill": "months",
    "Agency premium": "premium",
}  # what the cost page's break-even chart runs along

REGION_FILTER = "in_region"
ROLE_FILTER = "role_group"
KIND_FILTER = "incentive"
CURRENT_ONLY = "current_only"
PACKAGES = "packages"
OFFERS = "offers"
START = "start"
LEAVING = "leaving"
VIEW = "view"
MONEY_KEY = "money"
FLIP_A = "flip_a"
FLIP_B = "flip_b"
REGION = "region"
STUDENT_LOANS = "loans"
PENSION = "pension"
CHART_AGAINST = "against"
IN_POST = "in_post"
EACH_YEAR = "each_year"
COMPARE_TAB = "part"  # which part of the comparison page is open
AWARD_KIND = "awards"
SALARY_PREFIX = "salary."
ASSUME_PREFIX = "assume."
EMPLOYER_PREFIX = "employer."
_NUMBERS = {
    p.key: p
    for p in (
        YEARS,
        PAY_AWARD,
        FUTURE_AWARD,
        ANNUAL_STEP,
        LEAVE_AFTER,
        PENSION_SHARE,
        LEAVING_RATE,
        AGENCY_PREMIUM,
        MONTHS_TO_FILL,
        RECRUITMENT_SHARE,
        COHORT_HIRES,
        SERVICE_POSTS,
        SERVICE_TURNOVER,
        SERVICE_AGENCY,
        PRICE_YEAR,
        INFLATION,
        DISCOUNT_RATE,
        YEARS_QUALIFIED,
    )
}
_CHOICES: dict[str, Mapping[str, object]] = {
    VIEW: VIEWS,
    MONEY_KEY: MONEY,
    AWARD_KIND: AWARDS,
    REGION: REGIONS,
    STUDENT_LOANS: LOANS,
    PENSION: PENSIONS,
    CHART_AGAINST: AGAINST,
    COMPARE_TAB: dict.fromkeys(COMPARE_PARTS),
    REGION_FILTER: dict.fromkeys(COUNCIL_REGIONS),
    ROLE_FILTER: dict.fromkeys(get_args(RoleGroup)),
    KIND_FILTER: dict.fromkeys(KINDS),
}
_BOOLEANS = {
    LEAVING: "leaves early",
    CURRENT_ONLY: "current offers only",
    IN_POST: "already working there",
    EACH_YEAR: "a chart of each year",
}


def month_label(month: dt.date) -> str:
    """How a start month reads, and appears in a link: 'April 2017'."""
    return f"{month:%B %Y}"


@cache
def start_months() -> tuple[dt.date, ...]:
    """Every start month the app offers, first to last."""
    months, month = [], EARLIEST_START
    while month <= LATEST_START:
        months.append(month)
        month = dt.date(month.year + month.month // 12, month.month % 12 + 1, 1)
    return tuple(months)


@cache
def start_month_labels() -> tuple[str, ...]:
    return tuple(month_label(month) for month in start_months())


def salary_key(offer_id: str) -> str:
    return f"{SALARY_PREFIX}{offer_id}"


def assumption_key(offer_id: str, path: str) -> str:
    return f"{ASSUME_PREFIX}{offer_id}.{path}"


def employer_rate_key(council: str) -> str:
    """The link parameter of a council's employer pension rate: 'employer.rotherham'."""
    return f"{EMPLOYER_PREFIX}{council_slug(council)}"


def council_slug(council: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", short_council_name(council).lower()).strip("-")


def from_before_the_tabs(params: Mapping[str, str | list[str]]) -> dict[str, str]:
    """What a link made before the comparison page had tabs needs added: it asked for each
    offer's yearly chart with ``each_year=true`` alone, and that switch is now under the Year
    by year part, so the part is opened with it."""
    asked = str(params.get(EACH_YEAR, "")).lower() == "true"
    return {COMPARE_TAB: YEAR_BY_YEAR} if asked and COMPARE_TAB not in params else {}


def check_link(params: Mapping[str, str | list[str]], offers: Mapping[str, Offer]) -> list[str]:
    """Plain-English notices for each value of a link that cannot be used.

    Unknown parameter names are ignored (links pick up tracking tags on the way). At most
    :data:`MAX_NOTICES` notices are returned, the last saying how many more there were.
    """
    labels = {offer.label for offer in offers.values()}
    months = set(start_month_labels())
    notices: list[str] = []
    for key, raw in params.items():
        for text in raw if isinstance(raw, list) else [raw]:
            problem = _problem(key, str(text), labels, months, offers)
            if problem:
                name, shown = safe_excerpt(key, in_code=True), safe_excerpt(str(text), in_code=True)
                notices.append(f"The link's `{name}` value `{shown}` was not used: {problem}.")
    if len(notices) > MAX_NOTICES:
        extra = len(notices) - MAX_NOTICES + 1
        notices = [
            *notices[: MAX_NOTICES - 1],
            f"…and {extra} more values of the link were not used.",
        ]
    return notices


def _known(key: str) -> bool:
    """Whether the app reads this parameter: others (tracking tags and the like) are ignored,
    however long their values."""
    named = (OFFERS, START, *_NUMBERS, *_CHOICES, *_BOOLEANS)
    return key in named or key.startswith((SALARY_PREFIX, EMPLOYER_PREFIX, ASSUME_PREFIX))


def _problem(
    key: str,
    text: str,
    labels: Collection[str],
    months: Collection[str],
    offers: Mapping[str, Offer],
) -> str | None:
    if key == PACKAGES or not _known(key):
        return None  # packages: read, with their own notices, by incentives.packages
    if len(text) > MAX_VALUE_LENGTH:
        return "it is too long"
    if key == OFFERS:
        return None if text in labels else "no offer has that name, so it was left out"
    if key == START:
        return (
            None if text in months else "the start must be a month from April 2016 to December 2030"
        )
    if key in _NUMBERS:
        problem = _NUMBERS[key].problem(text)
        return f"{problem}; the default is shown" if problem else None
    if key in _CHOICES:
        return None if text in _CHOICES[key] else f"it must be one of: {', '.join(_CHOICES[key])}"
    if key in _BOOLEANS:
        return None if text.lower() in ("true", "false") else "it must be true or false"
    if key.startswith(SALARY_PREFIX):
        offer_id = key.removeprefix(SALARY_PREFIX)
        if offer_id not in offers:
            return "no offer has that id"
        return AMOUNT.problem(text)
    if key.startswith(EMPLOYER_PREFIX):
        councils = {council_slug(offer.council) for offer in offers.values()}
        if key.removeprefix(EMPLOYER_PREFIX) not in councils:
            return "no council has that name"
        return EMPLOYER_RATE.problem(text)
    if key.startswith(ASSUME_PREFIX):
        offer_id, _, path = key.removeprefix(ASSUME_PREFIX).partition(".")
        offer = offers.get(offer_id)
        if offer is None or path not in offer.unpublished():
            return "it does not name a figure the offer leaves unpublished"
        return AMOUNT.problem(text)
    return None


_UNSAFE = re.compile(r"[^A-Za-z0-9 .,:;'’&/+-]")
_UNSAFE_IN_CODE = re.compile(r"[^A-Za-z0-9 .,:;'’&/+_-]")


def safe_excerpt(text: str, limit: int = 40, *, in_code: bool = False) -> str:
    """A short excerpt of untrusted text, safe in Markdown: anything that could end a code
    span or become a link, an image or markup is replaced by '?'. Inside a code span
    (``in_code``) an underscore is only itself, so it is kept: `prices_of`."""
    cleaned = (_UNSAFE_IN_CODE if in_code else _UNSAFE).sub("?", text)
    return cleaned if len(cleaned) <= limit else f"{cleaned[:limit]}…"
