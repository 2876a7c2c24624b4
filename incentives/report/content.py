"""What a report holds, chapter by chapter, taken from the app's own page views.

Every figure, sentence, table and chart here comes from a view built by incentives.pages (the
Compare and If-you-leave-early pages, and the Compare page in take-home and employer-cost
terms), so a report can never say something the app does not. One function per chapter.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

import pandas as pd

from incentives.model import Offer
from incentives.pages import awards, compare, leaving
from incentives.pages.compute import ComparisonTables, Compute, Direct
from incentives.pages.provenance import figure_name, figure_value
from incentives.pages.views import Display, Section, table
from incentives.report import words
from incentives.report.link import DEFAULT_BASE_URL, share_link
from incentives.scenario import Scenario

TITLE = "Social work pay packages compared"


@dataclass(frozen=True)
class Chapter:
    """A part of the report that starts on a new page when printed."""

    heading: str
    sections: tuple[Section, ...]


@dataclass(frozen=True)
class Report:
    """The whole document, in reading order."""

    title: str
    made: dt.date
    subtitle: str  # which offers, in a line
    chapters: tuple[Chapter, ...]
    share_link: str
    data_version: str


class _Kept(Direct):
    """Works each comparison out once for all the views of one report."""

    def __init__(self) -> None:
        self._comparisons: dict[tuple[str, ...], ComparisonTables] = {}

    def comparison(self, offers: Sequence[Offer], scenario: Scenario) -> ComparisonTables:
        key = tuple(offer.id for offer in offers)
        if key not in self._comparisons:
            self._comparisons[key] = super().comparison(offers, scenario)
        return self._comparisons[key]


def build(
    offers: Sequence[Offer],
    scenario: Scenario,
    *,
    made: dt.date,
    base_url: str = DEFAULT_BASE_URL,
) -> Report:
    """The report on ``offers`` (at least one, each projectable) under ``scenario``."""
    if not offers:
        raise ValueError("a report needs at least one offer")
    compute = _Kept()
    link = share_link(offers, scenario, base_url=base_url)
    return Report(
        title=TITLE,
        made=made,
        subtitle=" · ".join(offer.label for offer in offers),
        chapters=(
            comparison_chapter(offers, scenario, made, link),
            compare_chapter(offers, scenario, made, compute),
            leaving_chapter(offers, scenario, compute),
            take_home_and_cost_chapter(offers, scenario, made, compute),
            assumptions_chapter(offers, scenario),
            sources_chapter(offers, scenario, made),
        ),
        share_link=link,
        data_version=words.data_version(),
    )


def comparison_chapter(
    offers: Sequence[Offer], scenario: Scenario, made: dt.date, link: str
) -> Chapter:
    """The scenario in plain words, the offers and their standing, and the link to reopen it."""
    return Chapter(
        "The comparison",
        (
            Section(heading="The scenario", sentences=words.scenario_sentences(offers, scenario)),
            Section(heading="The offers", sentences=words.offer_standing(offers, scenario, made)),
            Section(
                heading="Open it in the app",
                sentences=(
                    "This link reopens the same comparison, with the same offers and figures:",
                ),
                notes=(f"<{link}>",),
            ),
        ),
    )


def compare_chapter(
    offers: Sequence[Offer], scenario: Scenario, made: dt.date, compute: Compute
) -> Chapter:
    """The Compare page: who comes out ahead, the charts and the year-by-year table."""
    view = compare.build(offers, scenario, Display.of(scenario), made, compute)
    return Chapter(compare.TITLE, (Section(heading="", sentences=(view.intro,)), *view.sections))


def leaving_chapter(offers: Sequence[Offer], scenario: Scenario, compute: Compute) -> Chapter:
    """The If-you-leave-early page: what each offer has paid by the month you leave."""
    view = leaving.build(offers, scenario, Display.of(scenario), compute)
    return Chapter(view.title, (Section(heading="", sentences=(view.intro,)), *view.sections))


def take_home_and_cost_chapter(
    offers: Sequence[Offer], scenario: Scenario, made: dt.date, compute: Compute
) -> Chapter:
    """The Compare page's headline and totals as take-home pay and as cost to the council."""
    sections = [
        compare.build(offers, scenario, Display.of(scenario, measure), made, compute).leader
        for measure in ("net", "employer_cost")
    ]
    employer = Section(
        heading="What the council's cost includes",
        sentences=words.employer_pension_sentences(offers, scenario),
    )
    return Chapter("Take-home pay and cost to the council", (*sections, employer))


def assumptions_chapter(offers: Sequence[Offer], scenario: Scenario) -> Chapter:
    """Each figure a council does not publish, and what was assumed for it (or £0); then the
    pay awards applied, agreed and assumed."""
    rows = [
        {
            "Offer": offer.label,
            "Figure": figure_name(offer, path),
            "Value used": figure_value(offer.figure(path), scenario.assumption(offer.id, path)),
        }
        for offer in offers
        for path in offer.unpublished()
    ]
    figures = (
        Section(
            heading="Figures the councils do not publish",
            table=table(pd.DataFrame(rows)),
            notes=(
                "An assumption is yours, not the council's: the totals that use it are "
                "only as good as it is.",
            ),
        )
        if rows
        else Section(heading="", sentences=("Every figure these offers use is published.",))
    )
    return Chapter("Your assumptions", (figures, awards.applied(offers, scenario)))


def sources_chapter(offers: Sequence[Offer], scenario: Scenario, made: dt.date) -> Chapter:
    """Every figure of each offer with its source and the words quoted from it."""
    sections = []
    for offer in offers:
        view = compare.sources(offer, scenario.assumed.get(offer.id, {}), made)
        sections.append(
            Section(
                heading=offer.label,
                lead=view.lead,
                table=view.figures.table,
                notes=(view.sources,) if view.sources else (),
            )
        )
    return Chapter(compare.SOURCES_HEADING, tuple(sections))
