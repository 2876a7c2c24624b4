"""The cost page's break-even and service view, built without Streamlit.

One offer worked by hand: a £1,200 a year supplement (£100 a month) on £30,000 (no pay award),
in 2017/18 with the employer's pension at 17%. Each month adds £100 + £13.80 NI (13.8%)
+ £0.50 levy (0.5%) + £17 pension = £131.30: £1,575.60 a post a year, whatever the leaving
rate. Its recruitment fee at 10% is £3,000.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from decimal import Decimal

import pytest

from incentives import Scenario, VacancyCost, load_offers, workforce
from incentives.leavers import curves_of
from incentives.pages import costs, costs_break_even, costs_service
from incentives.pages.costs_break_even import page_defaults, priced
from incentives.pages.costs_service import Service, kirklees_example, service_view
from incentives.pages.views import Display
from tests.builders import offer
from tests.page_checks import COST_PAGE_YEAR, LABEL, only_row

SUPPLEMENT = offer(
    30_000,
    {"kind": "supplement", "name": "Market supplement", "from_month": 1, "amount": 1_200},
)


def supplement_priced(recruitment_share: float = 0) -> dict[str, costs_break_even.Priced]:
    with_incentives, salary_only = curves_of(SUPPLEMENT, COST_PAGE_YEAR)
    return {LABEL: priced(LABEL, with_incentives, salary_only, recruitment_share)}


def test_hand_worked_break_even_for_a_flat_supplement():
    # A leaver saves 20 months × £1,000 = £20,000; 1,575.60 / 20,000 = 7.878 points
    section = costs_break_even.section(supplement_priced(), 15.1, 1_000, 20)
    assert section.sentences[0] == (
        "**Test: Social worker** pays for itself if it cuts the annual leaving rate by "
        "**7.9 points**, from 15.1% to 7.2%. Its incentives cost £1,575.60 a post a year now; "
        "each leaver avoided saves £20,000."
    )
    # 1,575.60 / 0.01, / 0.02, / 0.05
    assert section.sentences[1] == (
        "For Test: Social worker to pay for itself, each leaver avoided must save £157,560 for "
        "a cut of 1 point, £78,780 for a cut of 2 points, £31,512 for a cut of 5 points."
    )
    row = only_row(section)
    assert row["Cut needed at your figures"] == "7.9 points (15.1% to 7.2%)"
    assert row["Saving needed for a 5 point cut"] == "£31,512"
    # 1,575.60 / 0.151 = 10,434.437..., rounded up: keeping everyone pays from there
    assert row["Least saving a leaver that pays"] == "£10,434.44"


def test_the_chart_starts_where_a_vacancy_is_long_enough_to_pay():
    section = costs_break_even.section(supplement_priced(), 15.1, 1_000, 20)
    [drawn] = section.charts
    assert drawn.spec["mark"]["type"] == "line"
    assert drawn.figures is not None
    figures = drawn.figures.to_pylist()
    # £10,434.44 needs 11 months at £1,000 (10 give £10,000); the chart runs to 36 months
    assert [r["Months a vacancy takes to fill"] for r in figures] == list(range(11, 37))
    # 1,575.60 / 11,000 = 14.32 points; 1,575.60 / 36,000 = 4.38
    assert figures[0][LABEL] == "14.3 points"
    assert figures[-1][LABEL] == "4.4 points"
    assert "pays from 11 months (a leaver saving £10,434.44)" in drawn.description
    # the description's amount is in the section's table, for those who cannot see the chart
    assert only_row(section)["Least saving a leaver that pays"] == "£10,434.44"


def test_the_chart_by_agency_premium_starts_where_cover_is_dear_enough_to_pay():
    section = costs_break_even.section(supplement_priced(), 15.1, 1_000, 20, against="premium")
    [drawn] = section.charts
    assert drawn.spec["encoding"]["x"]["title"] == "Agency premium (£ a year)"
    assert "£" in drawn.spec["encoding"]["x"]["axis"]["labelExpr"]
    assert drawn.figures is not None
    figures = drawn.figures.to_pylist()
    # £10,434.44 a leaver over 20 months needs 10,434.44 / 20 × 12 = £6,260.66 a year, so
    # £6,261; £6,000 gives 6,000 / 12 × 20 = £10,000, short: the line starts at £7,000 and
    # runs to £40,000, the least range (past the figures found)
    assert [r["Agency premium (£ a year)"] for r in figures] == list(range(7_000, 40_001, 1_000))
    # 1,575.60 / (7,000 / 12 × 20 = 11,666.67) = 13.51 points; / 66,666.67 = 2.36
    assert figures[0][LABEL] == "13.5 points"
    assert figures[-1][LABEL] == "2.4 points"
    assert "pays from £7,000 a year (a leaver saving £10,434.44)" in drawn.description
    assert "with vacancies taking 20 months to fill, from £7,000 a year to £40,000 a year" in (
        drawn.description
    )
    assert section.chart_note.endswith("at your leaving rate and months to fill.")
    # the answers do not depend on the chart: the same as by months
    by_months = costs_break_even.section(supplement_priced(), 15.1, 1_000, 20)
    assert section.sentences == by_months.sentences
    assert section.table == by_months.table


def test_the_chart_by_agency_premium_runs_past_the_visitors_own_premium():
    # £5,000 a month is £60,000 a year, past the least range of £40,000
    section = costs_break_even.section(supplement_priced(), 15.1, 5_000, 20, against="premium")
    [drawn] = section.charts
    assert drawn.figures is not None
    assert drawn.figures.to_pylist()[-1]["Agency premium (£ a year)"] == 60_000


def test_with_vacancies_filled_at_once_no_agency_premium_pays():
    # No months of cover: a leaver saves only the 10% fee, £3,000, whatever agency costs
    section = costs_break_even.section(supplement_priced(10), 15.1, 1_000, 0, against="premium")
    assert section.charts == ()
    assert section.chart_note == (
        "No offer pays for itself at any agency premium up to £120,000 a year at these figures."
    )


def test_when_even_no_leavers_would_not_pay_the_page_gives_the_figures():
    # A leaver saves 10 months × £1,000 = £10,000: at most 15.1% × 10,000 = £1,510 a post a
    # year, short of the £1,575.60 the incentives cost
    section = costs_break_even.section(supplement_priced(), 15.1, 1_000, 10)
    first = section.sentences[0]
    assert first.startswith("**Test: Social worker** cannot pay for itself at £10,000 a leaver")
    assert "the incentives cost £1,575.60 a post a year with no one leaving" in first
    assert "even with no one leaving they would save at most £1,510" in first
    assert "only if a leaver costs at least £10,434.44" in first
    row = only_row(section)
    assert row["Cut needed at your figures"] == "none pays: costs £1,575.60, saves at most £1,510"
    assert "never" not in " ".join([*section.sentences, *map(str, row.values())])


def test_without_agency_cover_no_length_of_vacancy_pays():
    # Only the recruitment fee, 10% of £30,000 = £3,000, is saved per leaver
    section = costs_break_even.section(supplement_priced(10), 15.1, 0, 20)
    assert section.charts == ()
    assert "No offer pays for itself at any length of vacancy up to 120" in section.chart_note
    assert "cannot pay for itself at £3,000 a leaver" in section.sentences[0]


def test_a_service_year_with_and_without_the_cut():
    with_incentives, salary_only = curves_of(SUPPLEMENT, COST_PAGE_YEAR)
    view = service_view(
        Service(posts=100, annual_leaving_rate=15, agency_share=20),
        with_incentives,
        salary_only,
        VacancyCost(agency_premium_per_month=500, months_to_fill=6, recruitment_per_hire=3_000),
        cut=5,
    )
    assert (view.leavers_now, view.leavers_with_cut, view.leavers_avoided) == pytest.approx(
        (15, 10, 5)
    )
    assert view.incentive_cost_without_cut == Decimal("157560.00")  # 100 × 1,575.60
    assert view.incentive_cost_with_cut == Decimal("157560.00")  # flat: the same
    assert view.agency_spend_now == Decimal("120000.00")  # 100 × 20% × 500 × 12
    assert view.agency_spend_saved == Decimal("15000.00")  # 5 × 500 × 6
    assert view.recruitment_saved == Decimal("15000.00")  # 5 × 3,000
    assert view.net_saving == Decimal("-127560.00")  # 30,000 − 157,560
    assert view.agency_share_after == pytest.approx(17.5)  # 20 − 5 × 6 / 12


def test_at_the_cut_it_needs_the_service_breaks_even():
    # A leaver saves 20 × £1,000 + a 10% fee of £3,000 = £23,000; 1,575.60 / 23,000 = 6.85
    # points: 6.85 of 100 posts kept, saving 6.85 × 23,000 = 157,560, what the incentives cost
    section = costs_service.section(
        supplement_priced(10), Service(100, 15, 20), 1_000, 20, kirklees_example()
    )
    row = only_row(section)
    assert row["Cut (points)"] == "6.9"
    assert row["Leavers to keep a year"] == "6.9"
    assert row["Incentives a year, with the cut"] == "£157,560"
    assert row["Agency spend saved"] == "£137,008.70"  # 6.8504 × 1,000 × 20
    assert row["Net saving a year"] in ("£0", "-£0.01", "£0.01")
    assert section.lead == "Your council's figures."
    assert section.sentences[0] == (
        "Of 100 posts, 15.0 fall vacant a year at 15%. Agency cover costs about £240,000 a year "
        "above permanent pay (20% of posts × £1,000 a month × 12)."
    )


def test_where_no_cut_pays_the_service_view_keeps_everyone_and_says_so():
    # A leaver saves 6 × £500 + £3,000 = £6,000: 15% × 6,000 = £900 a post, short of 1,575.60.
    # Keeping all 15 leavers saves 15 × 3,000 of cover and 15 × 3,000 of fees: 90,000
    section = costs_service.section(
        supplement_priced(10), Service(100, 15, 20), 500, 6, kirklees_example()
    )
    row = only_row(section)
    assert row["Cut (points)"] == "15.0: everyone kept"
    assert row["Net saving a year"] == "-£67,560"  # 90,000 − 157,560
    assert section.sentences[1] == (
        "**Test: Social worker** cannot pay for itself even by keeping all 15.0 leavers: its "
        "incentives would cost £157,560 a year across the service with no one leaving "
        "(£157,560 at today's rate); keeping everyone saves agency cover of £45,000 and "
        "recruitment of £45,000: net, the service spends £67,560 a year more than it saves."
    )


def test_kirklees_is_the_worked_example_of_a_councils_own_figures():
    example = kirklees_example()
    # 20 FTE vacancies were 7% of a full workforce: 20 / 0.07 = 285.7, about 286 posts
    assert example.service.posts == 286
    assert example.service.annual_leaving_rate == 11.2  # 32 / 286 = 11.19%
    assert example.service.agency_share == 25
    assert "32 social workers left and 19 were hired" in example.sentences[0]
    assert "an estimate" in example.sentences[1]


def test_the_defaults_say_how_old_the_agency_premium_is_and_that_months_are_estimated():
    defaults = page_defaults(dt.date(2025, 4, 1))
    agency, months = defaults.sentences[1], defaults.sentences[2]
    # St Helens, October 2025: (1,800 − 1,280) × 52 = 27,040 a year; / 12 = 2,253.333...
    assert defaults.agency_premium_per_month.value == Decimal("2253.33")
    assert agency.startswith("Agency cover: £2,253.33 a month above a permanent worker, an estim")
    assert "£27,040 a year" in agency
    assert "(£1,800 − £1,280 = £520 a week, × 52), given in October 2025" in agency
    assert "St Helens Borough Council" in agency
    assert "no region's cap in pounds was found" in agency
    assert months.startswith(f"Months to fill: {defaults.months_to_fill.value}, an estimate")


def test_the_default_agency_premium_is_its_councils_weekly_gap_over_a_year():
    agency, employed = workforce.agency_weekly_costs()
    # (1,800 − 1,280) × 52 = 27,040: the data's estimate is the arithmetic its note shows
    assert (agency.value - employed.value) * 52 == workforce.agency_premium_per_year().value
    assert agency.as_of == employed.as_of == workforce.agency_premium_per_year().as_of
    estimate = workforce.workforce()[workforce.AGENCY_PREMIUM]
    assert estimate.description.startswith("ESTIMATE, not a published figure")


def default_figures(start: dt.date) -> costs.CouncilFigures:
    defaults = page_defaults(start)
    return costs.CouncilFigures(
        leaving_rate=float(defaults.annual_leaving_rate.value),
        agency_per_month=float(defaults.agency_premium_per_month.value),
        recruitment_share=float(defaults.recruitment_share.value),
        months_to_fill=float(defaults.months_to_fill.value),
        hires=10,
        service=kirklees_example().service,
    )


def view_text(view: costs.CostsView) -> str:
    parts: list[str] = []
    for section in view.sections:
        parts += [section.lead, *section.sentences, section.chart_note, *section.notes]
        for drawn in section.charts:
            parts.append(drawn.description)
            if drawn.figures is not None:
                parts += [str(v) for row in drawn.figures.to_pylist() for v in row.values()]
        if section.table is not None:
            parts += [str(v) for row in section.table.to_pylist() for v in row.values()]
    return "\n".join(parts)


def test_under_the_page_defaults_every_offer_gets_a_figure_and_none_says_never():
    offers = load_offers()
    chosen = [offers["kirklees-social-worker"], offers["rotherham-social-worker"]]
    scenario = Scenario()
    view = costs.build(chosen, scenario, Display(), default_figures(scenario.start))
    assert view.break_even.table is not None
    rows = view.break_even.table.to_pylist()
    assert [r["Offer"] for r in rows] == [o.label for o in chosen]
    for row in rows:
        assert (
            row["Cut needed at your figures"].endswith(")")
            or "£" in (row["Cut needed at your figures"])
        )
        assert row["Saving needed for a 2 point cut"].startswith("£")
    assert view.service.table is not None
    assert len(view.service.table) == 2
    assert view.break_even.charts  # both pay once a vacancy is long enough
    assert "never" not in view_text(view).lower()


def test_under_the_page_defaults_the_chart_by_agency_premium_has_a_line_for_every_offer():
    offers = load_offers()
    chosen = [offers["kirklees-social-worker"], offers["rotherham-social-worker"]]
    scenario = Scenario()
    figures = dataclasses.replace(default_figures(scenario.start), chart_against="premium")
    [drawn] = costs.build(chosen, scenario, Display(), figures).break_even.charts
    assert drawn.spec["encoding"]["x"]["title"] == "Agency premium (£ a year)"
    assert drawn.figures is not None
    assert set(drawn.figures.column_names) == {
        "Agency premium (£ a year)",
        *(o.label for o in chosen),
    }
    for label in (o.label for o in chosen):
        assert f"{label} pays from £" in drawn.description
