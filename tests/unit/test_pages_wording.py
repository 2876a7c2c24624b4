"""What a reader sees in the comparison page's pension, conditions and total reward sections:
each heading, each table's columns in order, and the exact sentences and notes.

Offers are built in code, one year from April 2017 with no pay award, so every figure is the
published one: a "lump" of £X is a one-off retention payment in the first month that builds
no pension; everything else is pensionable.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

import pyarrow as pa

from incentives import load_offers
from incentives.model import Offer
from incentives.pages import compare
from incentives.pages.views import Display, Section
from incentives.scenario import Scenario
from incentives.vocabulary import Measure
from tests.builders import offer

ROTHERHAM = load_offers()["rotherham-social-worker"]
TODAY = dt.date(2026, 12, 1)
APRIL_2017 = dt.date(2017, 4, 1)
ONE_YEAR = Scenario(pay_award=0, years=1, start=APRIL_2017)
CITED = [{"source": "s", "quote": "words"}]


def page(*offers: Offer, scenario: Scenario, measure: Measure = "gross") -> compare.CompareView:
    return compare.build(offers, scenario, Display.of(scenario, measure), TODAY)


def rows(section: Section | None) -> list[dict[str, Any]]:
    assert section is not None and section.table is not None
    return section.table.to_pylist()


def columns(section: Section | None) -> list[str]:
    assert section is not None and isinstance(section.table, pa.Table)
    return section.table.column_names


def lump(amount: int) -> dict[str, Any]:
    return {
        "kind": "one_off",
        "name": "Lump sum",
        "purpose": "retention",
        "pensionable": False,
        "instalments": [{"after_months": 0, "amount": amount}],
    }


def named(council: str, top: int, *components: dict[str, Any], **fields: Any) -> Offer:
    """An offer of ``council`` ("Lump Council" is labelled "Lump: Social worker")."""
    return offer(top, *components, id=council.lower(), council=f"{council} Council", **fields)


# ---- Pension built up


def test_the_pension_section_has_its_heading_columns_and_a_note_for_one_year():
    view = page(ROTHERHAM, scenario=Scenario(pay_award=0, years=1))
    assert view.pension.heading == "Pension built up"
    assert columns(view.pension) == [
        "Offer",
        "Pension built up (a year, for life)",
        "Pensionable pay",
        "Pay that builds no pension",
    ]
    assert view.pension.notes == (
        "LGPS pension built up over 1 year: 1/49 of each year's pensionable pay (1/98 in the "
        "50/50 section), revalued each April by the previous September's CPI, in pounds a year "
        "as built. The pay columns are over the same period, in the page's money.",
    )


def test_the_pension_note_counts_two_years_in_the_plural():
    view = page(ROTHERHAM, scenario=Scenario(pay_award=0, years=2))
    assert view.pension.notes[0].startswith("LGPS pension built up over 2 years: 1/49 of ")


def test_with_no_pension_the_section_keeps_its_heading():
    view = page(ROTHERHAM, scenario=Scenario(pay_award=0, years=1, pension=Decimal(0)))
    assert view.pension.heading == "Pension built up"


def test_a_gap_of_other_pay_only_says_none_of_it_is_pensionable():
    # Lump: 30,000 + 3,000 lump = 33,000; Small: 30,000 + 1,000 lump = 31,000.
    # Gap 2,000: 30,000 − 30,000 = 0 pensionable; 3,000 − 1,000 = 2,000 not
    view = page(named("Lump", 30_000, lump(3_000)), named("Small", 30_000, lump(1_000)),
                scenario=ONE_YEAR)  # fmt: skip
    assert view.pension.sentences[2:] == (
        "Of the £2,000 more gross pay Lump: Social worker pays than Small: Social worker, £0 is "
        "pensionable pay, which builds pension, and £2,000 is pay that does not.",
    )


def test_an_offer_paying_the_same_gross_as_the_first_has_no_gap_sentence():
    # Lump: 30,000 + 3,000 lump = 33,000 gross; Plain: 33,000 salary. Whichever comes first,
    # the gap splits into +3,000 and −3,000: no gap, so only the two pension lines.
    view = page(named("Lump", 30_000, lump(3_000)), named("Plain", 33_000), scenario=ONE_YEAR)
    assert len(view.pension.sentences) == 2
    assert all(s.startswith("**") for s in view.pension.sentences)


def test_an_offer_after_one_with_no_gap_still_gets_its_gap_sentence():
    # Lump and Plain both pay 33,000 gross (no gap between them); Less pays 31,000, 2,000 less
    view = page(named("Lump", 30_000, lump(3_000)), named("Plain", 33_000),
                named("Less", 31_000), scenario=ONE_YEAR)  # fmt: skip
    assert len(view.pension.sentences) == 4  # three pension lines and one gap
    assert view.pension.sentences[3].startswith("Of the £2,000 more gross pay ")
    assert " pays than Less: Social worker, " in view.pension.sentences[3]


# ---- Payments that depend on who you are

THREE_YEARS = {"kind": "post_qualifying_experience", "years": 3}
STAFF_IN_POST = {"kind": "joining", "only": "staff in post"}


def hello(*conditions: dict[str, Any]) -> dict[str, Any]:
    return {
        "kind": "one_off",
        "name": "Golden hello",
        "purpose": "golden_hello",
        "instalments": [{"after_months": 0, "amount": 2_000}],
        "conditions": list(conditions),
    }


SUPPLEMENT = {"kind": "supplement", "name": "Market supplement", "from_month": 1, "amount": 1_200}
HELLO_AFTER_THREE_YEARS = named("Hello", 30_000, hello(THREE_YEARS))


def test_without_years_qualified_the_conditions_table_lists_what_each_payment_needs():
    view = page(HELLO_AFTER_THREE_YEARS, scenario=ONE_YEAR)
    assert view.conditions is not None
    assert view.conditions.heading == "Payments that depend on who you are"
    assert view.conditions.lead == (
        "Every payment counts until you enter 'Years since you qualified' in the sidebar; then "
        "those you would not get are left out of every total."
    )
    assert columns(view.conditions) == ["Offer", "Payment", "Paid only if"]
    assert rows(view.conditions) == [
        {
            "Offer": "Hello: Social worker",
            "Payment": "Golden hello",
            "Paid only if": "three years' post-qualifying experience",
        }
    ]


def test_a_payment_the_visitor_qualifies_for_is_counted_and_nothing_left_out():
    scenario = ONE_YEAR.model_copy(update={"years_qualified": 5})
    view = page(HELLO_AFTER_THREE_YEARS, scenario=scenario)
    assert view.conditions is not None
    assert view.conditions.heading == "Payments that depend on who you are"
    assert view.conditions.lead == (
        "Payments you do not qualify for are left out of every total and chart."
    )
    assert columns(view.conditions) == ["Offer", "Payment", "For you", "Left out"]
    assert rows(view.conditions) == [
        {
            "Offer": "Hello: Social worker",
            "Payment": "Golden hello",
            "For you": "counted; depends on: three years' post-qualifying experience",
            "Left out": "—",
        }
    ]


def test_a_payment_the_visitor_does_not_qualify_for_says_why_and_how_much_is_left_out():
    scenario = ONE_YEAR.model_copy(update={"years_qualified": 1})
    [row] = rows(page(HELLO_AFTER_THREE_YEARS, scenario=scenario).conditions)
    # The £2,000 golden hello, paid in the first month, is left out
    assert (row["For you"], row["Left out"]) == (
        "not for you: needs three years' post-qualifying experience",
        "£2,000",
    )


# Two conditions on the golden hello, none on the supplement, and a published employer rate
TWO_CONDITIONS = named(
    "Hello",
    30_000,
    hello(THREE_YEARS, STAFF_IN_POST),
    SUPPLEMENT,
    employer_pension_rate={"value": 20},
)


def for_you_column(worker_years: int | None) -> dict[str, Any]:
    worker = ONE_YEAR.model_copy(update={"years_qualified": worker_years}).worker
    view = compare.sources(TWO_CONDITIONS, {}, TODAY, worker)
    return {r["Figure"]: r["For you"] for r in rows(view.figures)}


def test_the_sources_table_joins_every_condition_a_payment_depends_on():
    assert for_you_column(None) == {
        "Salary, top of the scale": "",
        "Golden hello": "depends on: three years' post-qualifying experience; only staff in post",
        "Market supplement (£ a year)": "",
        "Employer pension contribution (%)": "",
    }


def test_a_published_employer_pension_rate_has_a_row_of_its_own_in_the_sources_table():
    # Its path has no dot ("employer_pension_rate"): the table once failed on it
    view = compare.sources(TWO_CONDITIONS, {}, TODAY)
    row = rows(view.figures)[-1]
    assert (row["Figure"], row["Value"]) == ("Employer pension contribution (%)", "20%")


def test_a_figure_quoted_twice_from_one_page_names_the_page_once():
    # Medway's top of scale quotes two lines of one table on its 'Pay & Benefits' page
    medway = load_offers()["medway-senior-practitioner"]
    view = compare.sources(medway, {}, TODAY)
    top = rows(view.figures)[0]
    assert top["Figure"] == "Salary, top of the scale"
    assert top["Quoted words"].count("“") == 2
    assert top["Source"] == (
        "Medway Council children's social care jobs site (medwaysocialcarejobs.jgp.co.uk), "
        "'Pay & Benefits', 1 April 2018"
    )


def test_the_sources_table_gives_every_reason_a_payment_is_not_for_you():
    # One year qualified and joining as a new starter: both conditions fail
    assert for_you_column(1)["Golden hello"] == (
        "not for you: needs three years' post-qualifying experience; "
        "not for you: only for staff already in post"
    )


# ---- Total reward


def reward_view() -> compare.CompareView:
    """Generous: 27 days' leave and a paid fee; Plain: 25 days. 20% employer pension."""
    generous = named(
        "Generous",
        31_200,
        benefits=[
            {"kind": "annual_leave", "days": 27, "cite": CITED},
            {"kind": "registration_fee", "fee": 120, "cite": CITED},
        ],
    )
    plain = named("Plain", 31_200, benefits=[{"kind": "annual_leave", "days": 25, "cite": CITED}])
    rates = {"generous": 20, "plain": 20}
    scenario = ONE_YEAR.model_copy(update={"employer_pension_rate": rates})
    return page(generous, plain, scenario=scenario, measure="total_reward")


def test_the_total_reward_table_has_its_heading_columns_in_order_and_note():
    view = reward_view()
    assert view.reward is not None
    assert view.reward.heading == "What the total reward counts"
    assert columns(view.reward) == [
        "Offer",
        "Gross pay",
        "Employer pension",
        "Extra annual leave",
        "Registration fee paid",
        "Total reward",
    ]
    assert view.reward.notes == (
        "Extra annual leave is the days above the least generous offer here, each at the "
        "offer's daily rate (salary / 260); a registration fee the council pays counts at face "
        "value each year.",
    )


def test_the_benefits_table_has_its_heading_and_says_what_is_not_counted():
    view = reward_view()
    assert view.benefits is not None
    assert view.benefits.heading == "Benefits beyond pay, side by side"
    assert columns(view.benefits)[0] == "Benefit"
    assert view.benefits.notes == (
        "Not counted in total reward: a car, a sabbatical and other benefits have no published "
        "cash value. Leave is counted only as the days above the least generous offer; a "
        "registration fee marked counted is in the total.",
    )


def test_offers_without_benefits_keep_the_benefits_heading():
    view = page(named("Plain", 31_200), scenario=ONE_YEAR, measure="total_reward")
    assert view.benefits is not None
    assert view.benefits.heading == "Benefits beyond pay, side by side"
