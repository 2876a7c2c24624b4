"""The scenario, the offers' standing and the data's version, in plain words for a reader."""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Sequence
from pathlib import Path

from incentives import __version__, sharing
from incentives.catalog import COUNCILS_FILE
from incentives.comparison import employer_pension_rate
from incentives.model import Offer
from incentives.money import format_gbp, pence
from incentives.pages.provenance import dated, escape_markdown
from incentives.pages.views import money_words
from incentives.scenario import Scenario

_WORDS = {
    "region": {option: label for label, option in sharing.REGIONS.items()},
    "loans": {option: label for label, option in sharing.LOANS.items()},
    "pension": {
        "lgps": "the Local Government Pension Scheme",
        "lgps-50-50": "the LGPS 50/50 section",
    },
}


def scenario_sentences(offers: Sequence[Offer], scenario: Scenario) -> tuple[str, ...]:
    """Start, years, pay award, leaving, salaries, the candidate and the money, as sentences."""
    last = _add_months(scenario.start, scenario.months - 1)
    plural = "s" if scenario.years > 1 else ""
    sentences = [
        f"**Start and years:** starting in {scenario.start:%B %Y} and compared over "
        f"{scenario.years} year{plural}, to {last:%B %Y}.",
        "**Pay award:** "
        + (
            "none: basic pay stays as published."
            if scenario.pay_award == 0
            else f"{scenario.pay_award.normalize():f}% on basic pay each 1 April after the start."
        ),
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
    loans = ", ".join(_WORDS["loans"][plan] for plan in scenario.student_loans) or "none"
    if isinstance(scenario.pension, str):
        pension = _WORDS["pension"][scenario.pension]
    elif scenario.pension == 0:
        pension = "none (opted out)"
    else:
        pension = f"another scheme, {(scenario.pension * 100).normalize():f}% of pensionable pay"
    region = _WORDS["region"][scenario.region]
    return f"pays income tax in {region}; student loans: {loans}; pension: {pension}."


def offer_standing(offers: Sequence[Offer], today: dt.date) -> tuple[str, ...]:
    """Each offer: when it was published and whether that makes it historical (the app's
    words), and its notes, where the data says an offer has ended or whom it is not for."""
    lines = []
    for offer in offers:
        notes = f" {escape_markdown(offer.notes)}" if offer.notes else ""
        lines.append(
            f"- **{escape_markdown(offer.label)}** ({escape_markdown(offer.region)}): published "
            f"{escape_markdown(dated(offer, today))}.{notes}"
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
