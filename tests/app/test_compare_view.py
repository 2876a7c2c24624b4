"""The comparison view run headless with AppTest: defaults, each offer, bad links, bad data."""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from incentives import load_offers
from tests.app.pages import run, texts

OFFERS = load_offers()


def test_the_default_comparison_runs_and_names_the_leader():
    app = run()
    assert not app.exception
    shown = texts(app)
    assert "Kirklees: Experienced social worker" in shown and "Rotherham: Social worker" in shown
    # The NJC's agreed awards by default (1% from April 2017, 2% in 2018 and 2019).
    # Rotherham: 38,720 × 1.01 = 39,107.20 (+ 7.5%: 42,040.24); × 1.02 = 39,889.344 ->
    # 39,889.34 (42,881.04); × 1.02 = 40,687.13 (43,738.67): 128,659.95. Kirklees:
    # 39,552.96 + 38,274.02 + 39,009.50 = 116,836.48. Rotherham leads by £11,823.47.
    assert "£128,659.95" in shown and "£11,823.47 more than Kirklees" in shown


def test_a_link_carries_the_award_choice():
    app = run(awards="A percentage each April", award="2")
    assert app.button_group(key="awards").value == "A percentage each April"
    assert app.number_input(key="award").value == 2.0
    agreed = run(future_award="1.5")
    assert agreed.button_group(key="awards").value == "NJC agreed awards"
    assert agreed.number_input(key="future_award").value == 1.5


def test_with_no_award_the_published_figures_stay():
    app = run(awards="A percentage each April")
    shown = texts(app)
    # Rotherham 3 × 41,624 = 124,872 against Kirklees 113,588: £11,284 ahead
    assert "£124,872" in shown and "£11,284 more than Kirklees" in shown


@pytest.mark.parametrize("offer_id", sorted(OFFERS))
def test_each_offer_runs_beside_another_without_error(offer_id):
    offer = OFFERS[offer_id]
    params = {"offers": [offer.label, OFFERS["kirklees-social-worker"].label]}
    if offer.salary.top.value is None:  # not published: assume one, as a visitor would
        params[f"assume.{offer_id}.salary.top"] = "35000"
    app = run(**params)
    assert not app.exception
    [summary] = [t.value for t in app.table if "Published" in t.value.columns][:1]
    assert offer.label in summary["Offer"].tolist()


def test_an_unpublished_salary_is_asked_for_and_then_used():
    manager = OFFERS["kirklees-team-manager"]
    app = run(offers=[manager.label], awards="A percentage each April")
    assert "the salary is not published" in texts(app)
    salary = app.number_input(key="assume.kirklees-team-manager.salary.top")
    assert salary.value is None
    salary.set_value(40_000.0).run()
    assert not app.exception
    # 3 × (40,000 + 4,500 above the market rate) = 133,500
    assert "£133,500" in texts(app)


def test_a_link_carries_the_scenario():
    app = run(
        offers=[OFFERS["kirklees-social-worker"].label],
        years="2",
        leaving="true",
        leave="7",
        awards="A percentage each April",
    )
    assert app.slider(key="years").value == 2
    assert app.slider(key="leave").value == 7
    # 7/12 × 37,196 = 21,697.67 plus the 2,000 golden hello
    assert "£23,697.67" in texts(app)


MALFORMED = [
    {"years": "99"},
    {"years": "abc"},
    {"years": "inf"},
    {"award": "nan"},
    {"award": "-5"},
    {"awards": "whatever the council likes"},
    {"future_award": "50"},
    {"start": "Smarch 2017"},
    {"offers": ["No Such Council: Social worker", "![x](http://example.invalid/x.png)"]},
    {"leaving": "perhaps", "leave": "9" * 400},
    {"salary.kirklees-social-worker": "1e400"},
    {"salary.nobody": "30000"},
    {"assume.rotherham-social-worker.salary.top": "5"},
    {"leave": "-1"},
]


@pytest.mark.parametrize("params", MALFORMED, ids=lambda p: ",".join(p))
def test_a_malformed_link_opens_with_defaults_and_a_notice(params):
    app = run(**params)
    assert not app.exception
    notices = [w.value for w in app.warning]
    assert notices, "a bad value should be reported"
    assert all("was not used" in notice for notice in notices)
    assert app.slider(key="years").value == 3
    for notice in notices:  # untrusted text is shown as code, never as a link or an image
        assert "](" not in notice and "<" not in notice and notice.count("`") == 4


def test_the_candidate_and_council_choices_travel_in_the_link():
    app = run(
        view="Take-home pay",
        region="Scotland",
        loans=["Plan 2", "Postgraduate"],
        pension="LGPS 50/50",
        **{"employer.rotherham": "21.5"},
    )
    assert not app.exception and not app.warning
    assert app.button_group(key="region").value == "Scotland"
    assert app.button_group(key="loans").value == ["Plan 2", "Postgraduate"]
    assert app.button_group(key="pension").value == "LGPS 50/50"
    assert app.number_input(key="employer.rotherham").value == 21.5
    assert "leaves you with the most" in texts(app)


def test_each_view_shows_its_own_measure():
    for view, heading in [
        ("Gross pay", "Gross pay to date"),
        ("Take-home pay", "Take-home pay to date"),
        ("Cost to the council", "Cost to the council to date"),
    ]:
        app = run(view=view)
        assert not app.exception
        assert heading in [h.value for h in app.subheader]


def test_the_extra_pay_is_broken_down_under_worth_to_you():
    assert "of each extra £1 you keep" not in texts(run(view="Take-home pay"))
    app = run(view="Take-home pay", part="Worth to you")
    assert "of each extra £1 you keep" in texts(app)


def test_unknown_link_parameters_are_ignored_quietly():
    app = run(utm_source="newsletter")
    assert not app.exception and not app.warning


def test_the_year_table_and_its_download_hold_the_same_figures():
    app = run(part="Year by year")
    [table] = [t.value for t in app.table if "Gross pay to date" in t.value.columns]
    assert table.shape[0] == 6  # two offers × three years
    labels = [button.proto.label for button in app.get("download_button")]
    assert labels == [
        "Download the year-by-year figures (CSV)",
        "Download report (HTML)",
        "Download report (PDF)",
    ]


def test_the_reports_are_built_only_when_their_button_is_clicked():
    app = run(part="Year by year")
    buttons = {button.proto.label: button.proto for button in app.get("download_button")}
    for label in ("Download report (HTML)", "Download report (PDF)"):
        # a deferred file: registered now, its data made when the visitor clicks
        assert buttons[label].deferred_file_id and not buttons[label].url
    assert buttons["Download the year-by-year figures (CSV)"].url


def test_a_broken_data_file_shows_the_error_and_nothing_else(tmp_path, monkeypatch):
    broken = tmp_path / "councils.yaml"
    broken.write_text(
        Path(load_offers.__globals__["COUNCILS_FILE"])
        .read_text()
        .replace("value: 1500", "value: -1"),
        encoding="utf-8",
    )
    monkeypatch.setattr("incentives.ui.data.COUNCILS_FILE", broken)
    app = run()
    assert not app.exception
    [error] = app.error
    assert "offer 'kirklees-social-worker'" in error.value
    assert "field 'components.0.amount.value'" in error.value


def council_cost(app: AppTest, label: str) -> float:
    [summary] = [t.value for t in app.table if "Behind the first" in t.value.columns]
    total = summary.set_index("Offer").loc[label, "Total"]
    return float(total.replace("£", "").replace(",", ""))


def test_a_councils_own_pension_rate_changes_only_its_cost():
    costs = {
        rate: run(
            view="Cost to the council",
            awards="A percentage each April",
            **{"employer.rotherham": rate},
        )
        for rate in ("20", "30", "40")
    }
    rotherham = {rate: council_cost(app, "Rotherham: Social worker") for rate, app in costs.items()}
    kirklees = {
        rate: council_cost(app, "Kirklees: Experienced social worker (Level 3)")
        for rate, app in costs.items()
    }
    # Pensionable over 3 years: salary 3 × 38,720 = 116,160 and the 5% supplement 5,808, so
    # 121,968 (the 2.5% retention lump sum is not pensionable). 10 points more: £12,196.80.
    assert rotherham["30"] - rotherham["20"] == pytest.approx(12_196.80, abs=0.005)
    assert rotherham["40"] - rotherham["30"] == pytest.approx(12_196.80, abs=0.005)
    assert len(set(kirklees.values())) == 1


def test_each_offers_yearly_chart_is_drawn_only_when_asked_for():
    def charts(app: AppTest) -> int:
        return len(app.get("vega_lite_chart"))

    assert charts(run()) == 2  # running totals and what makes up each total, under Pay over time
    opened = run(part="Year by year")
    # Each year's chart waits for the toggle
    assert charts(opened) == 0 and not opened.toggle(key="each_year").value
    asked = run(part="Year by year", each_year="true")
    assert asked.toggle(key="each_year").value
    assert charts(asked) == 2  # one chart of each offer's years, for the two offers
