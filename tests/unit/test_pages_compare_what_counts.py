"""The comparison page's pension, eligibility and total reward sections, built without Streamlit.

Worked figures, from April 2017 with no pay award, at the top of each scale. Rotherham:
pensionable pay 38,720 salary + 5% supplement (1,936) = 40,656 a year; its retention lump sum
of 2.5% (968) is not pensionable. Kirklees: 35,696 salary + 1,500 supplement a year and a
2,000 golden hello in year 1, all pensionable.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pyarrow as pa

from incentives import load_offers
from incentives.pages import compare
from incentives.pages.views import Display
from incentives.scenario import Scenario
from tests.builders import offer

OFFERS = load_offers()
KIRKLEES = OFFERS["kirklees-social-worker"]
ROTHERHAM = OFFERS["rotherham-social-worker"]
OXFORDSHIRE = OFFERS["oxfordshire-social-worker"]
TODAY = dt.date(2026, 12, 1)
CITED = [{"source": "s", "quote": "words"}]


def page(*offers, scenario, measure="gross") -> compare.CompareView:  # type: ignore[no-untyped-def]
    return compare.build(offers, scenario, Display.of(scenario, measure), TODAY)


def rows(table: pa.Table | None) -> list[dict[str, str]]:
    assert table is not None
    return table.to_pylist()


def test_one_year_at_rotherham_builds_a_49th_of_its_pensionable_pay():
    view = page(ROTHERHAM, scenario=Scenario(pay_award=0, years=1))
    # 40,656 / 49 = 829.714… -> £829.71
    assert view.pension.sentences == (
        "**Rotherham: Social worker**: Pension built up: £829.71 a year for life from pension age.",
    )
    [row] = rows(view.pension.table)
    assert row["Pensionable pay"] == "£40,656"
    assert row["Pay that builds no pension"] == "£968"  # the 2.5% retention lump sum


def test_the_50_50_section_builds_half():
    view = page(ROTHERHAM, scenario=Scenario(pay_award=0, years=1, pension="lgps-50-50"))
    # 40,656 / 98 = 414.857… -> £414.86
    assert "Pension built up: £414.86 a year" in view.pension.sentences[0]


def test_the_pension_built_up_is_revalued_each_april():
    view = page(KIRKLEES, ROTHERHAM, scenario=Scenario(pay_award=0))
    # Rotherham: 829.714… × 1.030 (April 2018) + 829.714… = 1,684.320…;
    # × 1.024 (April 2019) + 829.714… = 2,554.458… -> £2,554.46
    assert view.pension.sentences[0] == (
        "**Rotherham: Social worker**: Pension built up: £2,554.46 a year for life from "
        "pension age."
    )
    [rotherham, kirklees] = rows(view.pension.table)
    assert rotherham["Pension built up (a year, for life)"] == "£2,554.46"
    # Kirklees: year 1 39,196 / 49 = 799.918…; years 2 and 3 37,196 / 49 = 759.102…
    # 799.918… × 1.030 + 759.102… = 1,583.018…; × 1.024 + 759.102… = 2,380.113… -> £2,380.11
    assert kirklees["Pension built up (a year, for life)"] == "£2,380.11"


def test_the_gap_in_gross_pay_is_split_into_pensionable_and_other_pay():
    view = page(KIRKLEES, ROTHERHAM, scenario=Scenario(pay_award=0))
    [rotherham, kirklees] = rows(view.pension.table)
    # Rotherham: 3 × 40,656 = 121,968 pensionable, 3 × 968 = 2,904 not
    assert (rotherham["Pensionable pay"], rotherham["Pay that builds no pension"]) == (
        "£121,968",
        "£2,904",
    )
    # Kirklees: 3 × 37,196 + 2,000 = 113,588, all pensionable
    assert (kirklees["Pensionable pay"], kirklees["Pay that builds no pension"]) == (
        "£113,588",
        "£0",
    )
    # 121,968 − 113,588 = 8,380 pensionable; 2,904 − 0 not; together the 11,284 gap
    assert view.pension.sentences[2] == (
        "Of the £11,284 more gross pay Rotherham: Social worker pays than Kirklees: "
        "Experienced social worker (Level 3), £8,380 is pensionable pay, which builds pension, "
        "and £2,904 is pay that does not."
    )


def test_a_gap_made_of_less_pensionable_pay_says_minus():
    # 30,000 + a 3,000 non-pensionable lump sum against 31,000 all pensionable:
    # 33,000 − 31,000 = 2,000 more gross; 30,000 − 31,000 = −1,000 pensionable; 3,000 not
    lump = {
        "kind": "one_off",
        "name": "Lump sum",
        "purpose": "retention",
        "pensionable": False,
        "instalments": [{"after_months": 0, "amount": 3_000}],
    }
    first = offer(30_000, lump, id="lump", council="Lump Council")
    second = offer(31_000, id="plain", council="Plain Council")
    view = page(first, second, scenario=Scenario(pay_award=0, years=1))
    assert view.pension.sentences[2] == (
        "Of the £2,000 more gross pay Lump: Social worker pays than Plain: Social worker, "
        "minus £1,000 is pensionable pay, which builds pension, and £3,000 is pay that does not."
    )


def test_with_no_pension_nothing_is_built_up():
    view = page(ROTHERHAM, scenario=Scenario(pay_award=0, years=1, pension=Decimal(0)))
    assert view.pension.sentences == (
        "You have chosen no pension scheme, so no pension is built up.",
    )
    assert view.pension.table is None


def _oxfordshire(**worker: object) -> Scenario:
    """Two years from April 2025, the unpublished salary assumed £40,000, no award."""
    return Scenario(
        pay_award=0,
        years=2,
        start=dt.date(2025, 4, 1),
        assumed={OXFORDSHIRE.id: {"salary.top": 40_000}},
        **worker,
    )


def test_without_years_qualified_the_page_says_which_payments_have_conditions():
    view = page(OXFORDSHIRE, scenario=_oxfordshire())
    assert view.conditions is not None
    assert "Years since you qualified" in view.conditions.lead
    [golden_hello] = rows(view.conditions.table)
    assert golden_hello["Payment"] == "Golden hello"
    assert "three years' post-qualifying experience" in golden_hello["Paid only if"]
    # Everything counts: 2 × 40,000 + 3,500 = 83,500, and the headline removes nothing
    assert view.leader.sentences == (
        f"**{OXFORDSHIRE.label}** pays the most over 2 years: £83,500.",
    )


def test_with_one_year_qualified_the_golden_hello_is_left_out_and_the_headline_says_so():
    short = page(OXFORDSHIRE, scenario=_oxfordshire(years_qualified=1))
    long = page(OXFORDSHIRE, scenario=_oxfordshire(years_qualified=5))
    # 1 year: 2 × 40,000 = 80,000; 5 years: 80,000 + 3,500 golden hello = 83,500
    assert rows(short.leader.table)[0]["Total"] == "£80,000"
    assert rows(long.leader.table)[0]["Total"] == "£83,500"
    assert short.leader.sentences[1] == (
        f"{OXFORDSHIRE.label}: £3,500 left out, as you do not qualify for Golden hello "
        "(not for you: needs three years' post-qualifying experience)."
    )
    assert len(long.leader.sentences) == 1  # nothing left out
    assert short.conditions is not None
    [golden_hello] = rows(short.conditions.table)
    assert golden_hello["For you"] == "not for you: needs three years' post-qualifying experience"
    assert golden_hello["Left out"] == "£3,500"


def test_an_offer_without_conditions_has_no_conditions_section():
    assert page(KIRKLEES, scenario=Scenario(pay_award=0)).conditions is None


def test_the_sources_table_marks_a_payment_not_for_you():
    worker = Scenario(pay_award=0, years_qualified=1).worker
    view = compare.sources(OXFORDSHIRE, {}, TODAY, worker)
    by_figure = {r["Figure"]: r["For you"] for r in rows(view.figures.table)}
    assert by_figure["Golden hello"] == "not for you: needs three years' post-qualifying experience"
    assert by_figure["Salary, top of the scale"] == ""
    unknown = compare.sources(OXFORDSHIRE, {}, TODAY)  # years qualified not given
    hello = {r["Figure"]: r["For you"] for r in rows(unknown.figures.table)}["Golden hello"]
    assert hello.startswith("depends on: ")
    assert "For you" not in rows(compare.sources(KIRKLEES, {}, TODAY).figures.table)[0]


def _leave(days: int, *rises: tuple[int, int]) -> dict[str, object]:
    steps = [{"after_years": after, "days": more} for after, more in rises]
    return {"kind": "annual_leave", "days": days, "rises": steps, "cite": CITED}


def _pair() -> tuple[compare.CompareView, compare.CompareView]:
    """£31,200 a year (£120 a day), 1 year, no award, 20% employer pension, by both measures."""
    generous = offer(
        31_200,
        id="generous",
        council="Generous Council",
        benefits=[
            _leave(27, (5, 32)),
            {"kind": "registration_fee", "fee": 120, "cite": CITED},
            {"kind": "sabbatical", "weeks": 4, "after_years": 3, "text": "4 weeks after 3 years",
             "cite": CITED},
        ],
    )  # fmt: skip
    plain = offer(31_200, id="plain", council="Plain Council", benefits=[_leave(25)])
    scenario = Scenario(pay_award=0, years=1, employer_pension_rate={"generous": 20, "plain": 20})
    return (
        page(generous, plain, scenario=scenario, measure="total_reward"),
        page(generous, plain, scenario=scenario),
    )


def test_total_reward_names_each_part_per_offer():
    reward, _ = _pair()
    assert reward.reward is not None
    [generous, plain] = rows(reward.reward.table)
    # generous: 31,200 + 20% pension 6,240 + 2 days above plain's 25 at £120 (240) + fee 120
    assert generous == {
        "Offer": "Generous: Social worker",
        "Gross pay": "£31,200",
        "Employer pension": "£6,240",
        "Extra annual leave": "£240",
        "Registration fee paid": "£120",
        "Total reward": "£37,800",
    }
    # plain has the fewest days: 31,200 + 6,240 = 37,440
    assert (plain["Extra annual leave"], plain["Total reward"]) == ("£0", "£37,440")


def test_benefits_without_a_money_value_are_listed_side_by_side():
    reward, gross = _pair()
    assert reward.benefits is not None
    table = {r["Benefit"]: r for r in rows(reward.benefits.table)}
    assert table["Annual leave"] == {
        "Benefit": "Annual leave",
        "Generous: Social worker": "27 days, 32 after 5 years",
        "Plain: Social worker": "25 days",
    }
    assert table["Sabbatical"]["Generous: Social worker"] == "4 weeks after 3 years"
    assert table["Sabbatical"]["Plain: Social worker"] == ""
    assert "Not counted in total reward" in reward.benefits.notes[0]
    assert gross.reward is None and gross.benefits is None  # only for the total reward measure


def test_offers_without_benefits_say_so():
    view = page(KIRKLEES, scenario=Scenario(pay_award=0), measure="total_reward")
    assert view.benefits is not None
    assert view.benefits.sentences == ("None of these offers publishes benefits beyond pay.",)
