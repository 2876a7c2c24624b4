"""The flip page's sentences and the table of every offer, built without Streamlit.

Worked figures from April 2017, no pay award: Kirklees pays 37,196 a year and a 2,000 golden
hello; Rotherham 41,624 a year with its retention lump sum (40,656 until month 12).
"""

from __future__ import annotations

import datetime as dt

from incentives import load_offers
from incentives.pages import browse, flips
from incentives.pages.views import Display
from incentives.scenario import Scenario

OFFERS = load_offers()
KIRKLEES = OFFERS["kirklees-social-worker"]
ROTHERHAM = OFFERS["rotherham-social-worker"]


def test_the_flip_page_names_the_month_the_lead_changes():
    view = flips.build(KIRKLEES, ROTHERHAM, Scenario(pay_award=0), Display())
    # After 6 months Kirklees 20,598 against Rotherham 20,328; after 7, 23,697.67 against 23,716
    assert (
        "**Kirklees: Experienced social worker (Level 3)** pays more if you leave within 6 "
        "months; **Rotherham: Social worker** from month 7."
    ) in view.changes.sentences


def test_the_flip_table_gives_each_assumptions_range_of_differences():
    view = flips.build(KIRKLEES, ROTHERHAM, Scenario(pay_award=0), Display())
    by_name = {row["Assumption"]: row for row in view.matters.table.to_pylist()}
    years = by_name["Years compared"]
    # 1 year: 39,196 − 41,624 = −2,428; 10 years: 371,960 + 2,000 − 416,240 = −42,280
    assert (years["Least difference"], years["Greatest difference"]) == ("-£42,280", "-£2,428")
    assert years["Lead changes at"] == "never"
    assert by_name["Months before leaving"]["Lead changes at"] == "7 months"
    # Now: 113,588 − 124,872 = −11,284
    assert by_name["Pay award each April"]["Greatest difference"] == "-£11,284"


def test_the_flip_intro_names_the_measure_and_money():
    view = flips.build(
        KIRKLEES, ROTHERHAM, Scenario(pay_award=0), Display("net", "in pounds as paid")
    )
    assert view.intro.endswith("amounts are take-home pay, in pounds as paid.")
    [chart] = view.matters.charts
    assert chart.description.startswith(
        "Bar chart of how far each assumption moves the difference between Kirklees"
    )
    assert view.matters.chart_note.startswith(
        "Each bar spans the difference (Kirklees: Experienced social worker (Level 3) less "
        "Rotherham: Social worker)"
    )


TODAY = dt.date(2026, 12, 1)


def test_the_offer_table_counts_offers_and_councils():
    view = browse.build(OFFERS.values(), TODAY)
    councils = len({o.council for o in OFFERS.values()})
    assert view.intro.startswith(f"{len(OFFERS)} packages from {councils} councils,")
    assert len(view.table) == len(OFFERS)


def test_filters_keep_only_the_offers_asked_for():
    view = browse.build(OFFERS.values(), TODAY)
    everything = view.select(browse.Filters())
    assert (
        everything.caption
        == f"{len(OFFERS)} of {len(OFFERS)} offers. Select a column heading to sort."
    )
    assert "id" not in everything.table.columns
    yorkshire = view.select(browse.Filters(regions=("Yorkshire and the Humber",)))
    expected = [o for o in OFFERS.values() if o.region == "Yorkshire and the Humber"]
    assert 0 < len(yorkshire.table) == len(expected) < len(OFFERS)
    assert set(yorkshire.table["Region"]) == {"Yorkshire and the Humber"}
    current = view.select(browse.Filters(current_only=True))
    assert set(current.table["Status"]) == {"current"}
    # historical, ended and superseded offers are left out
    still_current = [o for o in OFFERS.values() if o.status(TODAY) == "current"]
    assert 0 < len(current.table) == len(still_current) < len(OFFERS)


def test_the_offer_download_holds_what_the_filters_keep():
    view = browse.build(OFFERS.values(), TODAY)
    yorkshire = view.select(browse.Filters(regions=("Yorkshire and the Humber",)))
    lines = yorkshire.csv.data.decode().splitlines()
    assert lines[0].startswith("Offer,Council,Role,Role group,Region")
    assert len(lines) == len(yorkshire.table) + 1
    assert yorkshire.csv.file_name == "offers.csv"
