"""The break-even section's words, table and figures, pinned where a slip would show.

The offer is the one worked in test_pages_costs.py: a £1,200 a year supplement on £30,000 in
2017/18, employer's pension 17%, costing £131.30 a month (£100 + £13.80 NI + £0.50 levy
+ £17 pension), £1,575.60 a post a year whatever the leaving rate. Answers built by hand pin
the wording of cases no small offer reaches at round figures.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from incentives import workforce
from incentives.leavers import OfferAnswer, curves_of
from incentives.pages import costs_break_even
from incentives.pages.costs_break_even import answer_sentences, assumptions, page_defaults, priced
from tests.builders import offer
from tests.page_checks import COST_PAGE_YEAR, LABEL, only_row


def supplement_of(amount: float):
    return offer(
        30_000,
        {"kind": "supplement", "name": "Market supplement", "from_month": 1, "amount": amount},
    )


SUPPLEMENT = supplement_of(1_200)


def offers_of(package=SUPPLEMENT, share: float = 0) -> dict[str, costs_break_even.Priced]:
    with_incentives, salary_only = curves_of(package, COST_PAGE_YEAR)
    return {LABEL: priced(LABEL, with_incentives, salary_only, share)}


def hand_answer(**changes) -> OfferAnswer:
    """An answer where no cut pays at £1,000 a leaver: costs £13.50 now, £262.60 with no
    one leaving; 59.56% × £1,000 = £595.60 saved at most."""
    fields = {
        "annual_leaving_rate": 59.56,
        "saving_per_leaver": Decimal("1000.00"),
        "cost_per_post_year": Decimal("13.50"),
        "cost_with_no_leavers": Decimal("262.60"),
        "most_saved": Decimal("595.60"),
        "least_saving_that_pays": Decimal("292.06"),
        "cut_that_pays_soonest": 16.0812,
        "cut_needed": None,
        "saving_needed": {},
    }
    return OfferAnswer(**{**fields, **changes})


def test_the_defaults_give_each_figure_with_its_year_and_source():
    defaults = page_defaults(dt.date(2025, 4, 1))
    rate, months, fee = (
        defaults.annual_leaving_rate,
        defaults.months_to_fill,
        defaults.recruitment_share,
    )
    leaving, agency, filling, recruitment = defaults.sentences
    # data/workforce.yaml: 13.8% in the year to 30 September 2024; 16.7 months to fill
    # (12 × 5,965.4 / 4,276.3 = 16.74) in the year to 30 September 2025; a 16% fee
    assert leaving == (
        "Leaving rate: 13.8%, England's turnover of children's social workers in the year to "
        f"30 September 2024 ({rate.source})."
    )
    assert filling == (
        "Months to fill: 16.7, an estimate, not a published figure: 12 × England's vacancies "
        "÷ its leavers in the year to 30 September 2025 (DfE). Most vacancies are covered by "
        "agency workers meanwhile."
    )
    assert recruitment == (
        f"Recruitment: 16% of the first year's salary, one council's fee to an agency "
        f"({fee.source})."
    )
    assert agency.endswith(
        f"({workforce.agency_premium_per_year().source}). One council's figures, not a "
        "national average. To use your region's price cap under the DfE's agency rules (in "
        "force from 31 October 2024, for every assignment from 1 October 2025; a cap covers "
        "the hourly pay, employer NI and apprenticeship levy), enter the cap an hour × the "
        "hours a month, less what a permanent worker costs you a month: no region's cap in "
        "pounds was found."
    )
    assert (rate.value, months.value, fee.value) == (Decimal("13.8"), Decimal("16.7"), 16)


def test_the_defaults_take_the_turnover_of_the_year_before_the_start():
    # The year to 30 September 2016 for a start in April 2017: 15.1%
    leaving = page_defaults(dt.date(2017, 4, 1)).sentences[0]
    assert leaving.startswith(
        "Leaving rate: 15.1%, England's turnover of children's social workers in the year to "
        "30 September 2016 ("
    )


def test_the_assumptions_name_the_visitors_figures():
    # £2,253.33 is written to the pound: £2,253; 12.5 and 6.5 without trailing zeros
    assert assumptions(12.5, 6.5, 2_253.33) == (
        "Without the incentives, 12.5% of posts fall vacant each year; each month a worker has "
        "the same chance of leaving.",
        "The incentives are everything in an offer but its salary. Their cost is the pay, "
        "employer NI, pension and levy they add, spread over the months posts are filled.",
        "A leaver avoided saves agency cover while the post is vacant (6.5 months at £2,253 a "
        "month above a permanent worker) and one recruitment fee; nothing is counted for the "
        "work lost while a post is empty.",
        "A cut in points is the difference between the two annual leaving rates: 15% to 13% is "
        "a cut of 2 points.",
    )


def test_the_section_heads_its_answers_and_notes_the_visitors_figures():
    section = costs_break_even.section(offers_of(), 15.1, 1_000, 20)
    assert section.heading == "Do the incentives pay for themselves?"
    assert section.lead == (
        "Each leaver avoided saves agency cover while the post is vacant and the cost of "
        "recruiting again; the incentives pay for themselves if they keep enough leavers."
    )
    assert section.chart_note == (
        "The cut in the annual leaving rate needed for each offer's incentives to pay for "
        "themselves, by how long a vacancy takes to fill, at your leaving rate and agency cover."
    )
    # the leaving rate, then the months to fill, then the premium a month
    assert section.notes == assumptions(15.1, 20, 1_000)
    assert "(20 months at £1,000 a month above" in section.notes[2]


def test_the_chart_by_premium_is_explained_beneath_it():
    section = costs_break_even.section(offers_of(), 15.1, 1_000, 20, against="premium")
    assert section.chart_note == (
        "The cut in the annual leaving rate needed for each offer's incentives to pay for "
        "themselves, by how much more agency cover costs a year than a permanent worker, at "
        "your leaving rate and months to fill."
    )


def test_where_no_vacancy_is_long_enough_the_note_says_how_far_it_looked():
    # Only the 10% fee, £3,000, is saved with no agency cover
    section = costs_break_even.section(offers_of(share=10), 15.1, 0, 20)
    assert section.chart_note == (
        "No offer pays for itself at any length of vacancy up to 120 months at these figures."
    )


def test_the_table_gives_every_figure_of_the_answer():
    # 20 months × £1,000 = £20,000 a leaver; 1,575.60 / 20,000 = 7.878 points, 15.1 − 7.9;
    # 1,575.60 / 0.01, / 0.02, / 0.05; 1,575.60 / 0.151 = 10,434.437, up to the penny
    assert only_row(costs_break_even.section(offers_of(), 15.1, 1_000, 20)) == {
        "Offer": LABEL,
        "Cut needed at your figures": "7.9 points (15.1% to 7.2%)",
        "Incentives' cost a post a year now": "£1,575.60",
        "Each leaver saves": "£20,000",
        "Saving needed for a 1 point cut": "£157,560",
        "Saving needed for a 2 point cut": "£78,780",
        "Saving needed for a 5 point cut": "£31,512",
        "Least saving a leaver that pays": "£10,434.44",
    }


def test_below_two_percent_leaving_only_a_one_point_cut_is_priced():
    # 1.5%: a 2 or 5 point cut is more than leave. £20,000 × 1.5% = £300 saved at most, short
    # of £1,575.60; keeping everyone needs 1,575.60 / 0.015 = £105,040 a leaver
    section = costs_break_even.section(offers_of(), 1.5, 1_000, 20)
    row = only_row(section)
    assert row["Saving needed for a 1 point cut"] == "£157,560"
    assert row["Saving needed for a 2 point cut"] == "above the leaving rate"
    assert row["Saving needed for a 5 point cut"] == "above the leaving rate"
    assert row["Cut needed at your figures"] == "none pays: costs £1,575.60, saves at most £300"
    assert section.sentences[1] == (
        "For Test: Social worker to pay for itself, each leaver avoided must save £157,560 for "
        "a cut of 1 point."
    )


def test_below_one_percent_no_cut_is_priced_and_no_sentence_says_so():
    # 0.5%: £20,000 × 0.5% = £100 at most; keeping everyone needs 1,575.60 / 0.005 = £315,120
    section = costs_break_even.section(offers_of(), 0.5, 1_000, 20)
    assert section.sentences == (
        "**Test: Social worker** cannot pay for itself at £20,000 a leaver: the incentives cost "
        "£1,575.60 a post a year with no one leaving (£1,575.60 at today's 0.5%); even with no "
        "one leaving they would save at most £100 (0.5% of posts × £20,000). They pay only if "
        "a leaver costs at least £315,120, and then only by keeping everyone.",
    )
    assert only_row(section)["Least saving a leaver that pays"] == "£315,120"


def test_with_no_one_leaving_there_is_nothing_to_keep():
    section = costs_break_even.section(offers_of(), 0, 1_000, 20)
    assert section.sentences == (
        "**Test: Social worker** cannot pay for itself at £20,000 a leaver: the incentives cost "
        "£1,575.60 a post a year with no one leaving (£1,575.60 at today's 0%); even with no "
        "one leaving they would save at most £0 (0% of posts × £20,000). With no one leaving "
        "now, there are no leavers to keep.",
    )
    assert only_row(section)["Least saving a leaver that pays"] == "none"


def test_an_offer_without_incentives_needs_no_cut_in_the_table_either():
    row = only_row(costs_break_even.section(offers_of(offer(30_000)), 15.1, 1_000, 20))
    assert row["Cut needed at your figures"] == "none needed"
    assert row["Incentives' cost a post a year now"] == "£0"


def test_where_the_cost_rises_as_fewer_leave_a_smaller_cut_can_pay_first():
    # Keeping 16.0812 of the 59.56 points pays soonest: to 59.56 − 16.08 = 43.48%
    [sentence] = answer_sentences(LABEL, hand_answer())
    assert sentence == (
        "**Test: Social worker** cannot pay for itself at £1,000 a leaver: the incentives cost "
        "£262.60 a post a year with no one leaving (£13.50 at today's 59.56%); even with no one "
        "leaving they would save at most £595.60 (59.56% of posts × £1,000). They pay only if "
        "a leaver costs at least £292.06, and then only with a cut of about 16.1 points, to "
        "43.5%."
    )


def test_a_cut_as_large_as_the_rate_is_keeping_everyone():
    [sentence] = answer_sentences(LABEL, hand_answer(cut_that_pays_soonest=59.56))
    assert sentence.endswith("at least £292.06, and then only by keeping everyone.")


def test_an_answer_that_costs_nothing_needs_no_cut_whatever_else_it_says():
    assert answer_sentences(LABEL, hand_answer(cost_per_post_year=Decimal("0.00"))) == (
        "**Test: Social worker**: its incentives cost nothing beyond the salary, so need no cut.",
    )
    # a penny a post-year is something to pay for
    [sentence] = answer_sentences(LABEL, hand_answer(cost_per_post_year=Decimal("0.01")))
    assert "(£0.01 at today's 59.56%)" in sentence


def test_incentives_costing_pence_a_year_still_need_a_cut():
    # 60p a year is 5p a month with its NI, levy and pension: under £1 a post a year, yet a
    # cost: £20,000 a leaver covers it with a cut of under 0.05 points
    row = only_row(costs_break_even.section(offers_of(supplement_of(0.6)), 15.1, 1_000, 20))
    assert row["Incentives' cost a post a year now"].startswith("£0.")
    assert row["Cut needed at your figures"] == "0.0 points (15.1% to 15.1%)"


def test_a_vacancy_of_one_month_is_one_month_in_the_assumptions():
    assert "(1 month at £1,000 a month above" in assumptions(15.1, 1, 1_000)[2]
