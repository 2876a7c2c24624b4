"""The All offers page's words, columns, filters, chart and download, on four small offers
built in code, over one year from April 2017 with no pay award.

Worked by hand: Alpha (current, North West) pays £30,000 and a £2,000 golden hello on joining,
£32,000 in all; Beta (historical, London) £30,000 and a £1,200 supplement, £31,200; Gamma
(current, North West) publishes no salary and pays a £500 golden hello, £500 of incentives and
no pay figure; Delta (current, London) pays £30,000 and a supplement whose amount is not
published, so neither total is known.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from incentives.model import Offer
from incentives.pages import browse
from incentives.pages.offer_totals import Horizon
from tests.builders import golden_hello, offer

TODAY = dt.date(2026, 12, 1)
ONE_YEAR = Horizon(years=1, pay_award=Decimal(0))


def supplement(amount: Any) -> dict[str, Any]:
    return {"kind": "supplement", "name": "Market supplement", "amount": amount}


def package(name: str, top: float | None, component: dict[str, Any], **fields: Any) -> Offer:
    fields.setdefault("as_at", "2026-06-01")
    fields.setdefault("region", "North West")
    return offer(top, component, id=name.lower(), council=f"{name} Council", **fields)


ALPHA = package("Alpha", 30_000, golden_hello(2000))
BETA = package("Beta", 30_000, supplement(1200), as_at="2017-01-01", region="London")
GAMMA = package("Gamma", None, golden_hello(500))
DELTA = package("Delta", 30_000, supplement({"value": None}), region="London")
OFFERS = [ALPHA, BETA, GAMMA, DELTA]


def four_offers() -> browse.BrowseView:
    """The page built in each test that reads it, so mutation testing sees the test use it."""
    return browse.build(OFFERS, TODAY, ONE_YEAR)


def bars(selection: browse.Selection) -> list[dict[str, Any]]:
    assert selection.chart is not None
    [data] = selection.chart.data.values()
    keys = ("label", "region", "status", "as_at", "amount")  # the rows the page gives the chart
    return [{key: bar[key] for key in keys} for bar in data.to_pylist()]


def test_the_page_counts_offers_and_councils_and_says_what_historical_means():
    assert four_offers().title == "All published offers"
    assert four_offers().intro == (
        "4 packages from 4 councils, as their sources published them. Amounts stated as a "
        "percentage are taken of the top salary where it is published. An offer dated more "
        "than 3 years ago is marked historical: it is what the council offered then, not "
        "necessarily now."
    )
    assert four_offers().note == browse.NOTE
    assert browse.NOTE.startswith("Blank amounts are not published, or rest on a figure")
    assert browse.current_only_label() == "Only offers dated within the last 3 years"


def test_the_chart_lead_names_the_years_and_start_chosen():
    assert four_offers().chart_lead == (
        "What each offer pays over 1 year from April 2017, as chosen in the sidebar (years, "
        "start and pay awards), to someone who joins at the top of the scale and stays, every "
        "payment counted, in pounds as paid. An offer whose total rests on a figure its council "
        "does not publish is left out of the chart and counted beneath it; the table gives the "
        "same figures, and its 'Not published' column says which are not."
    )
    assert four_offers().horizon == ONE_YEAR


def test_the_totals_columns_say_how_many_years_they_count():
    assert four_offers().columns == {
        "incentives": "Incentives, 1 year (£)",
        "pay": "Pay with salary, 1 year (£)",
    }
    two = browse.build([ALPHA], TODAY, Horizon(years=2, pay_award=Decimal(0)))
    assert two.columns["pay"] == "Pay with salary, 2 years (£)"  # plural from 2
    # no horizon given: the sidebar's default of 3 years from April 2017
    assert browse.build([ALPHA], TODAY).columns["incentives"] == "Incentives, 3 years (£)"


def test_each_offer_has_its_totals_and_the_reasons_any_is_blank_with_the_id_last():
    table = four_offers().table
    assert list(table.columns[-4:]) == [
        "Incentives, 1 year (£)",
        "Pay with salary, 1 year (£)",
        "Not published",
        "id",
    ]
    by_id = table.set_index("id")
    incentives = by_id["Incentives, 1 year (£)"].to_dict()
    pay = by_id["Pay with salary, 1 year (£)"].to_dict()
    assert (incentives["alpha"], pay["alpha"]) == (2_000, 32_000)  # 30,000 + 2,000
    assert (incentives["beta"], pay["beta"]) == (1_200, 31_200)  # 30,000 + 12 × 100
    assert incentives["gamma"] == 500 and pay["gamma"] != pay["gamma"]  # NaN: not known
    assert by_id.loc["gamma", "Not published"] == "salary not published"
    assert by_id.loc["delta", "Not published"] == "an amount not published"
    assert by_id.loc["alpha", "Not published"] == ""
    assert four_offers().labels == {
        "alpha": "Alpha: Social worker",
        "beta": "Beta: Social worker (historical)",
        "gamma": "Gamma: Social worker",
        "delta": "Delta: Social worker",
    }


def test_filters_keep_offers_by_role_kind_and_currency():
    kept = four_offers().select(browse.Filters(regions=("London",)))
    assert list(kept.table["Offer"]) == ["Beta: Social worker", "Delta: Social worker"]
    assert kept.caption == "2 of 4 offers. Select a column heading to sort."
    assert len(four_offers().select(browse.Filters(roles=("team manager",))).table) == 0
    assert len(four_offers().select(browse.Filters(roles=("social worker",))).table) == 4
    hellos = four_offers().select(browse.Filters(kinds=("Golden hello",)))
    assert list(hellos.table["Offer"]) == [
        "Alpha: Social worker",
        "Gamma: Social worker",
    ]
    # every kind named must be there: no offer has both a golden hello and a supplement
    both = four_offers().select(browse.Filters(kinds=("Golden hello", "Supplement")))
    assert len(both.table) == 0
    current = four_offers().select(browse.Filters(current_only=True))
    assert "Beta: Social worker" not in list(current.table["Offer"])
    assert len(current.table) == 3


def test_the_download_is_the_rows_kept_without_the_id():
    kept = four_offers().select(browse.Filters(regions=("London",)))
    assert kept.csv.label == "Download these offers (CSV)"
    assert kept.csv.file_name == "offers.csv"
    lines = kept.csv.data.decode("utf-8").splitlines()
    assert lines[0].startswith("Offer,Council,Role,")  # no index column first
    assert lines[0].endswith(",Not published")  # no id column last
    assert lines[1].startswith("Beta: Social worker,Beta,Social worker,")
    assert len(lines) == 3


def test_the_chart_ranks_the_known_totals_and_describes_them_largest_first():
    shown = four_offers().select(browse.Filters(), "incentives")
    assert bars(shown) == [
        {
            "label": "Alpha: Social worker",
            "region": "North West",
            "status": "current",
            "as_at": "1 June 2026",
            "amount": 2_000.0,
        },
        {
            "label": "Beta: Social worker (historical)",
            "region": "London",
            "status": "historical",
            "as_at": "1 January 2017",
            "amount": 1_200.0,
        },
        {
            "label": "Gamma: Social worker",
            "region": "North West",
            "status": "current",
            "as_at": "1 June 2026",
            "amount": 500.0,
        },
    ]
    assert shown.chart is not None
    assert shown.chart.description == (
        "Bar chart of 3 offers, ranked by incentives over 1 year from April 2017, coloured by "
        "region; offers no longer current are pale with a dashed outline and their status in "
        "their name. Largest first: Alpha: Social worker £2,000; Beta: Social worker "
        "(historical) £1,200; Gamma: Social worker £500."
    )
    title = shown.chart.spec["encoding"]["x"]["title"]  # wrapped to fit a phone
    assert " ".join(title) == "Incentives over 1 year from April 2017"


def test_offers_paying_the_same_keep_the_tables_order_in_the_description():
    twin = package("Twin", 30_000, golden_hello(2000))
    shown = browse.build([ALPHA, twin], TODAY, ONE_YEAR).select(browse.Filters())
    assert shown.chart is not None
    assert shown.chart.description.endswith(
        "Largest first: Alpha: Social worker £2,000; Twin: Social worker £2,000."
    )


def test_ties_among_many_offers_keep_the_tables_order_in_the_description():
    # 18 offers, alternately £2,000 and £500: past 16 rows numpy's default sort no longer
    # keeps equal amounts in order, so only a stable sort lists the ties as the table does.
    many = [
        package(f"Council{n:02}", 30_000, golden_hello(2000 if n % 2 else 500))
        for n in range(1, 19)
    ]
    shown = browse.build(many, TODAY, ONE_YEAR).select(browse.Filters(), "incentives")
    assert shown.chart is not None
    listed = shown.chart.description.split("Largest first: ")[1]
    first_six = "; ".join(f"Council{n:02}: Social worker £2,000" for n in range(1, 12, 2))
    assert listed == f"{first_six}; and 12 more in the table."


def test_offers_whose_total_is_not_known_are_counted_beneath_the_chart_by_reason():
    shown = four_offers().select(browse.Filters(), "pay")
    # Gamma and Delta have no pay figure: one for each reason, in the table's order
    assert shown.left_out == ("Gamma: Social worker", "Delta: Social worker")
    assert shown.chart_note == (
        "Not in the chart: 2 of these offers, whose total rests on a figure not published "
        "(salary not published: 1; an amount not published: 1). The table says which, under "
        "'Not published'."
    )
    assert [bar["amount"] for bar in bars(shown)] == [32_000.0, 31_200.0]
    assert shown.chart is not None
    title = shown.chart.spec["encoding"]["x"]["title"]  # wrapped to fit a phone
    assert " ".join(title) == "Pay with salary over 1 year from April 2017"
    assert shown.chart.description.startswith(
        "Bar chart of 2 offers, ranked by pay with salary over 1 year from April 2017,"
    )


def test_the_commonest_reason_a_total_is_blank_comes_first():
    unsourced = [
        package(name, None, golden_hello(100)) for name in ("Eta", "Theta")
    ]  # no salary: 2 offers for that reason, Delta 1 for its amount
    shown = browse.build([DELTA, *unsourced], TODAY, ONE_YEAR).select(browse.Filters(), "pay")
    assert "(salary not published: 2; an amount not published: 1)" in shown.chart_note
    assert shown.chart is None  # no offer kept has a known pay figure


def test_with_nothing_to_chart_the_note_says_so_or_why():
    nothing = four_offers().select(browse.Filters(regions=("Wales",)))
    assert (nothing.chart, nothing.chart_note, nothing.left_out) == (
        None,
        "No offers to chart.",
        (),
    )
    assert nothing.caption == "0 of 4 offers. Select a column heading to sort."
    delta = four_offers().select(browse.Filters(regions=("London",), current_only=True))
    assert delta.chart is None
    assert delta.chart_note.startswith("Not in the chart: 1 of these offers,")


def test_an_undated_offer_is_charted_as_undated():
    undated = package("Undated", 30_000, golden_hello(300), as_at=None)
    [bar] = bars(browse.build([undated], TODAY, ONE_YEAR).select(browse.Filters()))
    assert bar["as_at"] == "undated"


def test_offers_given_as_a_generator_are_all_counted():
    view = browse.build(iter([ALPHA, BETA]), TODAY, ONE_YEAR)
    assert view.intro.startswith("2 packages from 2 councils,")
    assert len(view.table) == 2


def test_an_offer_with_several_kinds_is_kept_by_any_one_of_them():
    repaid = package("Repaid", 30_000, golden_hello(2000, within=12))
    view = browse.build([repaid, ALPHA], TODAY, ONE_YEAR)
    assert view.table.loc[0, "Incentives"] == "Golden hello, Clawback"
    kept = view.select(browse.Filters(kinds=("Clawback",)))
    assert list(kept.table["Offer"]) == ["Repaid: Social worker"]


def test_with_every_total_known_there_is_no_note_beneath_the_chart():
    shown = four_offers().select(browse.Filters(regions=("North West",)))  # Alpha and Gamma
    assert (shown.chart_note, shown.left_out) == ("", ())
