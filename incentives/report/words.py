"""The scenario, the offers' standing and the data's version, in plain words for a reader."""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Sequence
from pathlib import Path

from incentives import __version__
from incentives.catalog import COUNCILS_FILE
from incentives.comparison import employer_pension_rate
from incentives.exclusions import conditional_payments
from incentives.model import Offer
from incentives.money import format_gbp, pence
from incentives.njc import default_future_award
from incentives.pages.provenance import dated, escape_markdown
from incentives.pages.views import money_words
from incentives.scenario import Scenario
from incentives.vocabulary import LOAN_PLAN_LABELS, TAX_REGION_LABELS

_PENSIONS = {"lgps": "the Local Government Pension Scheme", "lgps-50-50": "the LGPS 50/50 section"}


def scenario_sentences(offers: Sequence[Offer], scenario: Scenario) -> tuple[str, ...]:
    """Start, years, pay award, leaving, salaries, the candidate and the money, as sentences."""
    last = _add_months(scenario.start, scenario.months - 1)
    plural = "s" if scenario.years > 1 else ""
    sentences = [
        f"**Start and years:** starting in {scenario.start:%B %Y} and compared over "
        f"{scenario.years} year{plural}, to {last:%B %Y}.",
        "**Pay award:** " + _award(scenario),
        "**Leaving:** "
        + (
            "you stay for the whole period."
            if scenario.leave_after_months is None
            else f"you leave after {scenario.leave_after_months} months; any clawback is "
            "deducted in the month you leave."
        ),
        "**Salary:** " + _salaries(offers, scenario),
        "**The candidate:** " + _candidate(scenario),
        f"**Money:** amounts are {money_words(scenario)}.",
    ]
    return tuple(sentences)


def _award(scenario: Scenario) -> str:
    if scenario.pay_award == "njc":
        future = scenario.future_pay_award
        after = default_future_award() if future is None else future
        return (
            "the NJC's agreed awards, each from its 1 April; after the last agreed one, "
            f"{after.normalize():f}% each April (an assumption)."
        )
    if scenario.pay_award == 0:
        return "none: basic pay stays as published."
    return f"{scenario.pay_award.normalize():f}% on basic pay each 1 April after the start."


def _salaries(offers: Sequence[Offer], scenario: Scenario) -> str:
    given = [
        f"{escape_markdown(offer.label)} from {format_gbp(pence(salary))} a year"
        for offer in offers
        if (salary := scenario.start_salary_for(offer.id)) is not None
    ]
    if not given:
        return "each offer at the top of its scale."
    step = scenario.annual_step.normalize()
    others = " Other offers at the top of their scale." if len(given) < len(offers) else ""
    return (
        "; ".join(given) + f"; rising up a scale the council does not publish by {step:f}% a year "
        f"(an assumption) until the top.{others}"
    )


def _candidate(scenario: Scenario) -> str:
    loans = ", ".join(LOAN_PLAN_LABELS[plan] for plan in scenario.student_loans) or "none"
    if isinstance(scenario.pension, str):
        pension = _PENSIONS[scenario.pension]
    elif scenario.pension == 0:
        pension = "none (opted out)"
    else:
        pension = f"another scheme, {scenario.pension.normalize():f}% of pensionable pay"
    region = TAX_REGION_LABELS[scenario.region]
    if scenario.years_qualified is None:
        experience = "experience not given, so every payment counts"
    else:
        plural = "" if scenario.years_qualified == 1 else "s"
        joins = "already working there" if scenario.joins_as == "staff in post" else "joining"
        experience = f"qualified {scenario.years_qualified} year{plural} ago, {joins}"
    return f"pays income tax in {region}; student loans: {loans}; pension: {pension}; {experience}."


def offer_standing(offers: Sequence[Offer], scenario: Scenario, today: dt.date) -> tuple[str, ...]:
    """Each offer: when it was published and whether that makes it historical (the app's
    words), whether it has ended or been superseded, its payments with conditions (those not
    for this candidate left out), and its notes."""
    lines = []
    for offer in offers:
        status = offer.status(today)
        standing = {
            "ended": f" **Ended** on {offer.ends:%-d %B %Y}." if offer.ends else "",
            "superseded": " **Superseded** by a newer offer of the same council.",
        }.get(status, "")
        conditional = "".join(
            f" **{'Not for this candidate' if payment.left_out else 'Conditional'}:** "
            f"{escape_markdown(payment.name)}, {escape_markdown(payment.status)}."
            for payment in conditional_payments(offer, scenario)
        )
        notes = f" {escape_markdown(offer.notes)}" if offer.notes else ""
        lines.append(
            f"- **{escape_markdown(offer.label)}** ({escape_markdown(offer.region)}): published "
            f"{escape_markdown(dated(offer, today))}.{standing}{conditional}{notes}"
        )
    return ("\n".join(lines),)


def employer_pension_sentences(offers: Sequence[Offer], scenario: Scenario) -> tuple[str, ...]:
    """The employer pension rate behind each offer's cost to the council, and its basis."""
    lines = []
    for offer in offers:
        rate = employer_pension_rate(offer, scenario)
        basis = {
            "yours": "the rate you gave",
            "published": "published by the council",
            "national average": "not published: the national average employer rate, assumed",
        }[rate.basis]
        since = f" (valuation from {rate.since:%B %Y})" if rate.since else ""
        lines.append(
            f"- {escape_markdown(offer.label)}: {rate.percent.normalize():f}%, {basis}{since}."
        )
    return ("**Employer pension contributions**\n\n" + "\n".join(lines),)


def data_version(path: Path = COUNCILS_FILE) -> str:
    """Which council data and which code made the figures: the data file's hash and the
    package version, so a reader can tell whether two reports can differ."""
    digest = hashlib.sha256(path.read_bytes()).hexdigest()[:12]
    return (
        f"Council data: {path.name}, SHA-256 {digest}…; the incentives package, "
        f"version {__version__}."
    )


def _add_months(month: dt.date, count: int) -> dt.date:
    index = month.year * 12 + month.month - 1 + count
    return dt.date(index // 12, index % 12 + 1, 1)
