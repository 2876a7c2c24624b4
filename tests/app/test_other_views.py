"""The leaving-early and cost views, run headless with AppTest."""

from __future__ import annotations

import re

import pytest
from streamlit.testing.v1 import AppTest

from incentives.workforce import months_to_fill_estimate
from tests.app.pages import open_page, texts


@pytest.mark.parametrize("page", ["compare", "leaving", "costs", "flips", "browse", "editor"])
@pytest.mark.parametrize(
    "view", ["Gross pay", "Take-home pay", "Cost to the council", "Total reward"]
)
def test_each_page_runs_in_each_view(page, view):
    app = open_page(page, view=view)
    assert not app.exception
    assert app.title


def test_the_leaving_view_says_when_the_lead_changes():
    app = open_page("leaving", years="1")
    assert not app.exception
    # Kirklees 20,598 against Rotherham 20,328 after 6 months; 23,697.67 against 23,716 after 7
    assert "Rotherham: Social worker from month 7 on" in texts(app)
    assert "Retention lump sum" in texts(app)


def test_the_cost_view_reads_its_figures_from_the_link():
    app = open_page("costs", rate="20", agency="600", fill="3", recruit="10", hires="50")
    assert not app.exception and not app.warning
    assert app.number_input(key="rate").value == 20
    assert app.number_input(key="fill").value == 3
    assert "A cohort of 50 hired together" in [h.value for h in app.subheader]
    assert "At 20.0% of staff leaving a year" in texts(app)


def test_the_cost_view_under_its_defaults_answers_for_every_offer_and_never_says_never():
    app = open_page("costs")
    assert not app.exception and not app.warning
    assert app.number_input(key="fill").value == float(months_to_fill_estimate().value)
    [answers] = [t.value for t in app.table if "Cut needed at your figures" in t.value.columns]
    assert len(answers) == len(app.multiselect(key="offers").value) >= 2
    for _, row in answers.iterrows():
        assert (
            "£" in row["Cut needed at your figures"]
            or "points" in (row["Cut needed at your figures"])
        )
        assert row["Saving needed for a 1 point cut"].startswith("£")
        assert row["Offer"] in texts(app)
    assert "never" not in texts(app).lower()


def test_the_break_even_chart_runs_along_agency_premium_when_the_link_says_so():
    app = open_page("costs", against="Agency premium")
    assert not app.exception and not app.warning
    assert app.button_group(key="against").value == "Agency premium"
    notes = [c.value for c in app.caption]
    assert any("by how much more agency cover costs a year" in note for note in notes)
    default = open_page("costs")
    assert default.button_group(key="against").value == "Months to fill"
    assert any("by how long a vacancy takes to fill" in c.value for c in default.caption)


def test_the_service_view_reads_its_figures_from_the_link():
    app = open_page("costs", posts="100", turnover="15", agency_share="20", agency="500")
    assert not app.exception and not app.warning
    # 100 posts × 15% = 15 leavers; 100 × 20% × £500 × 12 = £120,000 of agency cover
    assert (
        "Of 100 posts, 15.0 fall vacant a year at 15%. Agency cover costs about £120,000 a year"
        in texts(app)
    )
    assert "Your council's figures." in [c.value for c in app.caption]


def test_bad_cost_figures_in_a_link_get_a_notice():
    app = open_page(
        "costs", rate="250", hires="0.5", posts="0", agency_share="101", against="sideways"
    )
    assert not app.exception
    assert len(app.warning) == 5


def test_the_flip_view_names_the_month_the_lead_changes():
    app = open_page("flips", start="April 2017")
    assert not app.exception
    shown = texts(app)
    # Kirklees 20,598 against Rotherham 20,328 after 6 months; 23,697.67 against 23,716 after 7
    assert "pays more if you leave within 6 months" in shown
    assert "**Rotherham: Social worker** from month 7." in shown


def test_the_money_switch_travels_in_the_link():
    app = open_page("compare", money="Real terms", prices_of="2018", inflation="3")
    assert not app.exception and not app.warning
    assert app.button_group(key="money").value == "Real terms"
    assert app.number_input(key="prices_of").value == 2018
    assert app.number_input(key="inflation").value == 3


def test_real_terms_change_the_figures():
    as_paid = open_page("compare", awards="A percentage each April")
    real = open_page(
        "compare", money="Real terms", prices_of="2024", awards="A percentage each April"
    )
    assert "£124,872" in texts(as_paid)
    assert "£124,872" not in texts(real)


def charts_of(app: AppTest) -> list:
    """The page's Vega-Lite charts, which AppTest does not name."""
    found = []

    def walk(node) -> None:  # type: ignore[no-untyped-def]
        for child in getattr(node, "children", {}).values():
            if getattr(child, "type", None) == "vega_lite_chart":
                found.append(child)
            walk(child)

    walk(app._tree)
    return found


@pytest.mark.parametrize(
    ("page", "params"),
    [("compare", {}), ("leaving", {}), ("costs", {}), ("costs", {"fill": "6"}), ("flips", {})],
)
def test_every_chart_has_a_text_alternative_whose_figures_are_in_a_table(page, params):
    app = open_page(page, **params)
    closed = [e for e in app.expander if e.label == "The figures in this chart"]
    assert not any(e.table for e in closed)  # each table is sent once opened
    for expander in closed:
        app.session_state[expander.key] = True
    app.run()
    cells = {str(cell) for table in app.table for cell in table.value.to_numpy().ravel()}
    charts = charts_of(app)
    assert charts
    for chart in charts:
        alt = chart.proto.alt
        assert alt.startswith(("Line chart", "Bar chart")), alt
        amounts = re.findall(r"-?£[\d,]+(?:\.\d\d)?", alt)
        assert amounts, alt
        assert set(amounts) <= cells, f"{set(amounts) - cells} of {alt!r} in no table"
