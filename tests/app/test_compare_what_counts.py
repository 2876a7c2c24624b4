"""The comparison page's pension, eligibility and total reward sections, run with AppTest."""

from __future__ import annotations

from incentives import load_offers
from tests.app.pages import run, texts

OFFERS = load_offers()
OXFORDSHIRE = OFFERS["oxfordshire-social-worker"]
NO_AWARD = {"awards": "A percentage each April"}  # the percentage left at 0


def test_each_offer_shows_the_pension_it_builds_and_where_the_gap_comes_from():
    app = run(**NO_AWARD, part="Worth to you")
    assert not app.exception
    shown = texts(app)
    assert "Pension built up" in [h.value for h in app.subheader]
    # Rotherham over 3 years: 829.71…, revalued by 3.0% and 2.4%, plus each year's 829.71…
    assert "Pension built up: £2,554.46 a year for life from pension age" in shown
    # 121,968 − 113,588 = 8,380 pensionable; 2,904 of retention lump sums not
    assert "£8,380 is pensionable pay, which builds pension, and £2,904 is pay that does" in shown


def _oxfordshire(**params: str) -> dict[str, str | list[str]]:
    """Oxfordshire beside Kirklees, two years from April 2025, salary assumed £40,000."""
    return {
        "offers": [OXFORDSHIRE.label, OFFERS["kirklees-social-worker"].label],
        f"assume.{OXFORDSHIRE.id}.salary.top": "40000",
        "years": "2",
        "start": "April 2025",
        **NO_AWARD,
        **params,
    }


def test_without_years_qualified_the_page_lists_payments_with_conditions():
    app = run(**_oxfordshire())
    assert not app.exception
    assert "Payments that depend on who you are" in [h.value for h in app.subheader]
    [conditions] = [t.value for t in app.table if "Paid only if" in t.value.columns]
    assert "Golden hello" in conditions["Payment"].tolist()
    # Everything counts: 2 × 40,000 + 3,500 = 83,500
    assert "£83,500" in texts(app)


def test_with_one_year_qualified_the_golden_hello_is_left_out_and_marked_not_for_you():
    app = run(**_oxfordshire(qualified="1"), part="Sources")
    assert not app.exception
    shown = texts(app)
    # 2 × 40,000 = 80,000 without the 3,500 golden hello
    assert "pays the most over 2 years: £80,000" in shown
    assert "£3,500 left out, as you do not qualify for Golden hello" in shown
    [figures] = [t.value for t in app.table if "Quoted words" in t.value.columns]
    assert (
        "not for you: needs three years' post-qualifying experience" in figures["For you"].tolist()
    )


def test_total_reward_names_its_parts_and_lists_the_benefits_beside_them():
    medway = OFFERS["medway-social-worker"]
    offers = [medway.label, OFFERS["kirklees-social-worker"].label]
    app = run(view="Total reward", offers=offers, part="Worth to you")
    assert not app.exception
    [parts] = [t.value for t in app.table if {"Employer pension", "Total reward"} <= set(t.value)]
    assert parts.columns.tolist()[:3] == ["Offer", "Gross pay", "Employer pension"]
    [benefits] = [t.value for t in app.table if "Benefit" in t.value.columns]
    assert medway.label in benefits.columns and "Sabbatical" in benefits["Benefit"].tolist()


def test_the_sources_list_the_pay_awards_applied_and_follow_the_award_chosen():
    kirklees = OFFERS["kirklees-social-worker"]
    app = run(offers=[kirklees.label], part="Sources")
    assert not app.exception
    assert "Pay awards in these figures" in [h.value for h in app.subheader]
    [listed] = [t.value for t in app.table if "Paid from" in t.value.columns]
    assert listed["Pay year"].tolist() == ["2017/18", "2018/19", "2019/20"]  # three years
    percent = run(offers=[kirklees.label], part="Sources", awards="A percentage each April")
    assert not [t for t in percent.table if "Paid from" in t.value.columns]
    assert "Basic pay rises by 0% each 1 April" in texts(percent)
