"""The chart of every offer on the All offers page and the table beneath it, built without
Streamlit: the same offers under every filter, the same figures, and no salary invented."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from incentives import load_offers
from incentives.pages import browse
from incentives.pages.offer_totals import SALARY_NOT_PUBLISHED, Horizon

OFFERS = load_offers()
TODAY = dt.date(2026, 12, 1)
NO_AWARD = Horizon(years=3, pay_award=Decimal(0))
VIEW = browse.build(OFFERS.values(), TODAY, NO_AWARD)

FILTERS = [
    browse.Filters(),
    browse.Filters(regions=("London",)),
    browse.Filters(regions=("Yorkshire and the Humber", "South East")),
    browse.Filters(roles=("team manager",)),
    browse.Filters(kinds=("Golden hello",)),
    browse.Filters(kinds=("Retention", "Clawback")),
    browse.Filters(current_only=True),
    browse.Filters(regions=("Wales",), current_only=True),
    browse.Filters(regions=("Northern Ireland",)),  # no offers at all
]


def charted(selection: browse.Selection) -> list[str]:
    if selection.chart is None:
        return []
    [data] = selection.chart.data.values()
    return [str(label) for label in data.column("label").to_pylist()]


@pytest.mark.parametrize("measure", list(browse.CHART_MEASURES.values()))
@pytest.mark.parametrize("filters", FILTERS, ids=repr)
def test_the_chart_and_the_table_show_the_same_offers_under_every_filter(filters, measure):
    shown = VIEW.select(filters, measure)
    column = VIEW.columns[measure]
    by_label = {o.label: o for o in OFFERS.values()}
    in_table = [by_label[label] for label in shown.table["Offer"]]
    known = shown.table[shown.table[column].notna()]["Offer"].tolist()
    # every offer of the table with a known total has its bar, named with its status...
    assert sorted(charted(shown)) == sorted(by_label[k].label_with_status(TODAY) for k in known)
    # ...and every other is left out, counted beneath the chart: none is lost between the two
    assert sorted(shown.left_out) == sorted(o.label for o in in_table if o.label not in known)
    if shown.left_out:
        assert f"{len(shown.left_out)} of these offers" in shown.chart_note


def test_the_chart_ranks_each_offer_by_the_figure_the_table_gives():
    shown = VIEW.select(browse.Filters(), "incentives")
    assert shown.chart is not None
    [data] = shown.chart.data.values()
    rows = data.to_pylist()
    figures = dict(zip(shown.table["Offer"], shown.table[VIEW.columns["incentives"]], strict=True))
    labels = {o.label_with_status(TODAY): o.label for o in OFFERS.values()}
    for row in rows:
        assert row["amount"] == figures[labels[row["label"]]]
    order = shown.chart.spec["encoding"]["y"]["sort"]
    amounts = {row["label"]: row["amount"] for row in rows}
    assert [amounts[label] for label in order] == sorted(amounts.values(), reverse=True)


def test_kirkleess_three_years_are_its_salary_supplement_and_golden_hello():
    table = VIEW.table.set_index("id")
    # no pay award: incentives 1,500 supplement x 3 years + 2,000 golden hello = 6,500;
    # with the salary, 35,696 x 3 = 107,088, 113,588 in all
    assert table.loc["kirklees-social-worker", VIEW.columns["incentives"]] == 6_500
    assert table.loc["kirklees-social-worker", VIEW.columns["pay"]] == 113_588
    assert table.loc["kirklees-social-worker", browse.MISSING] == ""


def test_an_offer_without_a_published_salary_says_so_and_has_no_pay_figure():
    unpublished = [o for o in OFFERS.values() if o.salary.top.value is None]
    assert unpublished
    table = VIEW.table.set_index("id")
    shown = VIEW.select(browse.Filters(), "pay")
    assert f"{SALARY_NOT_PUBLISHED}: {len(unpublished)}" in shown.chart_note
    for offer in unpublished:
        assert SALARY_NOT_PUBLISHED in table.loc[offer.id, browse.MISSING]
        assert table.loc[offer.id, VIEW.columns["pay"]] != table.loc[offer.id, VIEW.columns["pay"]]
        assert offer.label in shown.left_out
        assert offer.label_with_status(TODAY) not in charted(shown)


def test_offers_no_longer_current_are_told_apart_by_outline_fill_and_name_as_well_as_colour():
    shown = VIEW.select(browse.Filters(regions=("South East",)), "incentives")
    assert shown.chart is not None
    encoding = shown.chart.spec["encoding"]
    assert encoding["color"]["field"] == "region"
    assert encoding["strokeDash"]["field"] == encoding["fillOpacity"]["field"] == "standing"
    superseded = [
        o for o in OFFERS.values() if o.region == "South East" and o.status(TODAY) == "superseded"
    ]
    assert superseded  # Medway's 2018 offers
    labels = charted(shown)
    assert any(label.endswith("(superseded)") for label in labels)
    assert "Bar chart of" in shown.chart.description
