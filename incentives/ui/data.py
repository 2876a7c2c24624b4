"""Loading and computing, cached: the data once per file change, results within bounds."""

from __future__ import annotations

import gc
from dataclasses import dataclass

import pandas as pd
import streamlit as st

from incentives.catalog import COUNCILS_FILE, load_offers
from incentives.comparison import Comparison
from incentives.model import Offer
from incentives.retention import (
    BreakEven,
    Curves,
    ExpectedCost,
    Gain,
    VacancyCost,
    biggest_gains,
    break_even_from,
    cohort_from,
    expectations,
)
from incentives.scenario import Scenario
from incentives.vocabulary import LEAVING_MEASURES, MEASURES


@st.cache_resource(max_entries=4, show_spinner=False)
def _offers_from(path: str, modified_ns: int) -> dict[str, Offer]:
    """Offers of a data file version; the models are frozen, so sessions can share them."""
    return load_offers(path)


def council_offers() -> dict[str, Offer]:
    """The council data file's offers, re-read only when the file changes."""
    return _offers_from(str(COUNCILS_FILE), COUNCILS_FILE.stat().st_mtime_ns)


@st.cache_resource(show_spinner=False)
def settle_after_start() -> None:
    """Once per server process, after start-up: move the long-lived objects (modules, the
    rules, the offers) out of the garbage collector's view, so its passes stay short while
    visitors' runs make and drop their own objects."""
    gc.collect()
    gc.freeze()


@dataclass(frozen=True)
class Tables:
    """What the comparison view shows, computed together from one set of schedules."""

    yearly: pd.DataFrame
    monthly: pd.DataFrame
    by_category: pd.DataFrame
    breakdowns: dict[str, pd.DataFrame]  # "net" and "employer_cost": where the money goes
    summary: dict[str, pd.DataFrame]  # by measure
    against_lowest: pd.DataFrame
    assumed_zero: dict[str, tuple[str, ...]]


@st.cache_data(max_entries=512, show_spinner=False)
def comparison_tables(offers_json: tuple[str, ...], scenario_json: str) -> Tables:
    """Tables for offers and a scenario given as JSON, so the cache key is plain text."""
    offers = [Offer.model_validate_json(text) for text in offers_json]
    comparison = Comparison.of(offers, Scenario.model_validate_json(scenario_json))
    return Tables(
        yearly=comparison.yearly(),
        monthly=comparison.monthly(),
        by_category=comparison.by_category(),
        breakdowns={m: comparison.breakdown(m) for m in ("net", "employer_cost", "total_reward")},
        summary={m: comparison.summary(m) for m in MEASURES},
        against_lowest=comparison.against_lowest(),
        assumed_zero={s.offer_id: s.assumed_zero for s in comparison.schedules},
    )


@dataclass(frozen=True)
class LeavingTables:
    """The leaving-early view: totals on leaving after each month, and the biggest steps."""

    curves: pd.DataFrame  # offer, leave_after_months, gross, net, employer_cost, clawback
    gains: dict[str, dict[str, list[Gain]]]  # offer -> measure -> biggest steps


@st.cache_resource(max_entries=1024, show_spinner=False)  # not copied: nothing here is changed
def offer_curves(offer_json: str, scenario_json: str) -> Curves:
    """One offer's totals on leaving after each month, shared by the leaving and cost views:
    the council's own figures (leaving rate, agency cover) do not change them."""
    return Curves.of(
        Offer.model_validate_json(offer_json), Scenario.model_validate_json(scenario_json)
    )


@st.cache_data(max_entries=256, show_spinner=False)
def leaving_tables(offers_json: tuple[str, ...], scenario_json: str) -> LeavingTables:
    scenario = Scenario.model_validate_json(scenario_json)
    frames, gains = [], {}
    for text in offers_json:
        offer = Offer.model_validate_json(text)
        curves = offer_curves(text, scenario_json)
        frames.append(
            pd.DataFrame(
                {
                    "offer": offer.id,
                    "leave_after_months": range(1, scenario.months + 1),
                    **{m: getattr(curves, m) / 100 for m in LEAVING_MEASURES},
                    "clawback": curves.clawback / 100,
                }
            )
        )
        gains[offer.id] = {m: biggest_gains(curves, m) for m in LEAVING_MEASURES}
    return LeavingTables(pd.concat(frames, ignore_index=True), gains)


@dataclass(frozen=True)
class CostTables:
    """The HR view: expectations per hire, break-even by months to fill, and a cohort."""

    expected: dict[str, ExpectedCost]
    break_even: dict[str, BreakEven]  # at the visitor's months to fill, if given
    by_months_to_fill: pd.DataFrame  # offer, months_to_fill, required_cut (None: never)
    cohorts: pd.DataFrame  # offer, month, in_post, incentive_spend, spend_per_retained


@st.cache_data(max_entries=256, show_spinner=False)
def cost_tables(
    offers_json: tuple[str, ...],
    scenario_json: str,
    leaving_rate: float,
    agency_per_month: float,
    recruitment_share: float,
    months_to_fill: float | None,
    hires: int,
) -> CostTables:
    expected, chosen, rows, cohorts = {}, {}, [], []
    for text in offers_json:
        offer = Offer.model_validate_json(text)
        curves = offer_curves(text, scenario_json)
        salary_only = offer_curves(
            offer.model_copy(update={"components": ()}).model_dump_json(), scenario_json
        )
        expected[offer.id] = expectations(curves, leaving_rate)
        recruitment = recruitment_share / 100 * float(curves.schedule.basic[0]) / 100
        for months in range(1, 13):
            result = break_even_from(
                curves,
                salary_only,
                leaving_rate,
                VacancyCost(agency_per_month, months, recruitment),
            )
            rows.append(
                (offer.id, months, result.required_cut, result.incentive_cost_per_post_year)
            )
        if months_to_fill is not None:
            vacancy = VacancyCost(agency_per_month, months_to_fill, recruitment)
            chosen[offer.id] = break_even_from(curves, salary_only, leaving_rate, vacancy)
        cohorts.append(cohort_from(curves, leaving_rate, hires).assign(offer=offer.id))
    return CostTables(
        expected=expected,
        break_even=chosen,
        by_months_to_fill=pd.DataFrame(
            rows, columns=["offer", "months_to_fill", "required_cut", "cost_per_post_year"]
        ),
        cohorts=pd.concat(cohorts, ignore_index=True),
    )
