"""The HR page: what a hire costs, whether the incentives pay for themselves, and a cohort."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import pandas as pd

from incentives import charts, workforce
from incentives.model import Offer
from incentives.money import format_pounds
from incentives.pages import costs_break_even, costs_service
from incentives.pages.compute import DIRECT, Compute
from incentives.pages.costs_break_even import Priced, priced
from incentives.pages.costs_break_even_chart import Against
from incentives.pages.costs_service import Service
from incentives.pages.views import Chart, Display, Section, chart, last_row, listing, table
from incentives.retention import ExpectedCost, cohort_from, expectations
from incentives.scenario import Scenario

TITLE = "Cost and break-even"
INTRO = (
    "What each hire on an offer is expected to cost the council, given how often people "
    "leave, and whether its incentives pay for themselves by keeping people longer. Each "
    "month a worker has the same chance of leaving, set so that the chance of leaving within "
    "a year is the annual leaving rate; figures cover the years chosen in the sidebar."
)
NONE_CHOSEN = "Choose at least one offer in the sidebar."


@dataclass(frozen=True)
class CouncilFigures:
    """The council's own figures, as the page's inputs take them."""

    leaving_rate: float  # percent a year: 15.1 means 15.1%
    agency_per_month: float  # pounds: agency cover's extra cost while a post is empty
    recruitment_share: float  # percent of the starting salary a hire costs to recruit
    months_to_fill: float  # how long a vacancy stays open, with agency cover meanwhile
    hires: int  # in the cohort
    service: Service  # the council's posts, turnover and agency share
    chart_against: Against = "months"  # what the break-even chart runs along


@dataclass(frozen=True)
class CostTables:
    """Expectations per hire, each offer ready to price for break-even, and a cohort."""

    expected: dict[str, ExpectedCost]
    priced: dict[str, Priced]  # by label
    cohorts: pd.DataFrame  # offer, month, in_post, incentive_spend, spend_per_retained


@dataclass(frozen=True)
class CostsView:
    title: str
    intro: str
    lead: str  # how amounts are expressed
    expected: Section  # a sentence and the table of expected cost per hire
    break_even: Section  # each offer's answer, its table, the chart by months or premium
    service: Section  # the council's whole service in a year, for each offer
    cohort: Section  # the cohort's chart and a yearly table
    context: Section  # the workforce figures behind the defaults

    @property
    def sections(self) -> tuple[Section, ...]:
        return (self.expected, self.break_even, self.service, self.cohort, self.context)


def cost_tables(
    offers: Sequence[Offer], scenario: Scenario, figures: CouncilFigures, compute: Compute = DIRECT
) -> CostTables:
    expected, ready, cohorts = {}, {}, []
    for offer in offers:
        curves = compute.curves(offer, scenario)
        salary_only = compute.curves(offer.model_copy(update={"components": ()}), scenario)
        expected[offer.id] = expectations(curves, figures.leaving_rate)
        ready[offer.label] = priced(offer.label, curves, salary_only, figures.recruitment_share)
        cohorts.append(
            cohort_from(curves, figures.leaving_rate, figures.hires).assign(offer=offer.id)
        )
    return CostTables(expected, ready, pd.concat(cohorts, ignore_index=True))


def build(
    offers: Sequence[Offer],
    scenario: Scenario,
    display: Display,
    figures: CouncilFigures,
    compute: Compute = DIRECT,
) -> CostsView:
    tables = cost_tables(offers, scenario, figures, compute)
    labels = {offer.id: offer.label for offer in offers}
    cohorts = tables.cohorts.assign(label=tables.cohorts["offer"].map(labels))
    yearly = cohorts[cohorts["month"] % 12 == 0]
    rate = figures.leaving_rate
    return CostsView(
        title=TITLE,
        intro=INTRO,
        lead=display.amounts_are,
        expected=Section(
            heading="Expected cost of each hire",
            sentences=(
                f"At {rate:.1f}% of staff leaving a year. Spend includes what is paid to "
                "people who would have stayed anyway; clawbacks recovered from leavers are "
                "deducted.",
            ),
            table=table(_expected(tables, labels)),
        ),
        break_even=costs_break_even.section(
            tables.priced,
            rate,
            figures.agency_per_month,
            figures.months_to_fill,
            figures.chart_against,
        ),
        service=costs_service.section(
            tables.priced,
            figures.service,
            figures.agency_per_month,
            figures.months_to_fill,
            costs_service.kirklees_example(),
        ),
        cohort=Section(
            heading=f"A cohort of {figures.hires} hired together",
            sentences=(
                "How many are still in post month by month, and what the incentives have cost "
                "for each one still there.",
            ),
            charts=(_cohort_chart(cohorts, labels),),
            table=table(
                pd.DataFrame(
                    {
                        "Offer": yearly["label"],
                        "After month": yearly["month"],
                        "Still in post": [f"{v:.1f}" for v in yearly["in_post"]],
                        "Incentive spend to date": [
                            format_pounds(v) for v in yearly["incentive_spend"]
                        ],
                        "Per worker retained": [
                            format_pounds(v) for v in yearly["spend_per_retained"]
                        ],
                    }
                )
            ),
        ),
        context=context(scenario.start),
    )


def _cohort_chart(cohorts: pd.DataFrame, labels: Mapping[str, str]) -> Chart:
    wide = cohorts.pivot(index="month", columns="label", values="spend_per_retained")
    wide = wide[[labels[i] for i in labels]]
    last = wide.index.max()
    return chart(
        charts.line_chart(
            cohorts,
            "month",
            "Month",
            "spend_per_retained",
            "Incentive spend per worker retained",
            money=True,
        ),
        "Line chart of what each offer's incentives have cost to date for each worker still "
        f"in post, month by month to month {last}. At month {last}: "
        + listing(f"{label} {format_pounds(total)}" for label, total in last_row(wide).items()),
        wide.map(format_pounds).reset_index().rename(columns={"month": "Month"}),
    )


def _expected(tables: CostTables, labels: Mapping[str, str]) -> pd.DataFrame:
    rows = []
    for offer_id, label in labels.items():
        cost = tables.expected[offer_id]
        rows.append(
            {
                "Offer": label,
                "Expected months in post": f"{cost.expected_months:.1f}",
                "Paid per hire (gross)": format_pounds(cost.expected_gross),
                "On incentives": format_pounds(cost.expected_incentives),
                "Clawback recovered": format_pounds(cost.expected_clawback),
                "Cost to the council per hire": format_pounds(cost.expected_employer_cost),
                "Per month filled": format_pounds(cost.employer_cost_per_month_filled),
            }
        )
    return pd.DataFrame(rows)


def context(start: dt.date) -> Section:
    """The workforce figures behind the defaults, for reading beside them, and what each
    default rests on."""
    rows = []
    for name, label in [
        ("england.turnover_rate", "Turnover, England (%)"),
        ("england.agency_rate", "Agency workers, England (%)"),
        ("england.vacancy_rate", "Vacancies, England (%)"),
    ]:
        for when, value in workforce.series(name):
            rows.append({"Figure": label, "Year to": f"{when:%-d %B %Y}", "Value": f"{value}"})
    kirklees = [
        (
            "kirklees.social_workers_left_last_12_months",
            "Kirklees social workers who left in 12 months",
        ),
        (
            "kirklees.social_workers_hired_last_12_months",
            "Kirklees social workers hired in 12 months",
        ),
        ("kirklees.agency_share", "Kirklees agency staff (% of children's services)"),
    ]
    for name, label in kirklees:
        figure = workforce.figure(name)
        rows.append(
            {"Figure": label, "Year to": f"{figure.as_of:%-d %B %Y}", "Value": f"{figure.value}"}
        )
    return Section(
        heading="Leaving, agency and vacancy figures, with sources",
        sentences=costs_break_even.page_defaults(start).sentences,
        table=table(pd.DataFrame(rows)),
        notes=("Each value's source, date and quoted words are in data/workforce.yaml.",),
    )
