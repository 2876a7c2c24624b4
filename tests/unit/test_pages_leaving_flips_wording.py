"""What a reader sees on the leaving and flip pages, and the display choices behind them:
each heading, each table's columns in order, and the exact sentences for worked examples.

Worked figures from April 2017, no pay award. Kirklees: 37,196 a year (35,696 + 1,500) and a
2,000 golden hello in month 1. Rotherham: 40,656 a year (38,720 + 5%) and a retention lump sum
of 968 (2.5% of 38,720) in month 12.
"""

from __future__ import annotations

from typing import Any

from incentives import load_offers
from incentives.comparison import Comparison
from incentives.pages import flips, leaving
from incentives.pages.compute import pensionable_pay
from incentives.pages.views import Display
from incentives.scenario import Scenario
from tests.builders import golden_hello, offer
from tests.page_checks import CountedCompute

OFFERS = load_offers()
KIRKLEES = OFFERS["kirklees-social-worker"]
ROTHERHAM = OFFERS["rotherham-social-worker"]
ONE_YEAR = Scenario(pay_award=0, years=1)
KIRKLEES_LABEL = "Kirklees: Experienced social worker (Level 3)"
ROTHERHAM_LABEL = "Rotherham: Social worker"


def test_total_reward_is_followed_per_leaver_as_gross_pay_in_the_chosen_money():
    real = Scenario(pay_award=0, years=1, money="real", price_year=2024)
    display = Display.of(real, "total_reward")
    assert display == Display("total_reward", "in real terms, at 2024 prices")
    view = leaving.build([KIRKLEES, ROTHERHAM], real, display)
    assert view.to_date.heading == "Gross pay to date, by the month you leave"
    assert view.to_date.lead == "Amounts are in real terms, at 2024 prices."


def test_the_leaving_chart_says_what_staying_every_month_pays_each_offer():
    view = leaving.build([KIRKLEES, ROTHERHAM], ONE_YEAR, Display())
    [drawn] = view.to_date.charts
    # Twelve months: Kirklees 37,196 + 2,000 = 39,196; Rotherham 40,656 + 968 = 41,624
    assert drawn.description == (
        "Line chart of gross pay to date on leaving after each month from 1 to 12, one line "
        f"per offer. Staying all 12 months: {KIRKLEES_LABEL} £39,196; {ROTHERHAM_LABEL} £41,624."
    )


def test_present_values_without_a_rate_say_the_default_rate_they_use():
    # No discount rate set: the Green Book's 3.5% a year (data/prices)
    present = Scenario(pay_award=0, years=1, money="present_value")
    view = leaving.build([KIRKLEES], present, Display.of(present))
    assert view.to_date.lead == (
        "Amounts are as present values at the start, in 2017 prices, discounted at 3.5% a year."
    )


COUNCILS = ["One", "Two", "Three", "Four", "Five", "Six", "Seven"]
# Offers of a year at 30,000, 31,200, ... (1,200 more each), nothing else
NUMBERED = [
    offer(30_000 + 1_200 * n, id=name.lower(), council=f"{name} Council")
    for n, name in enumerate(COUNCILS)
]
SIX_FIGURES = (
    "Staying all 12 months: One: Social worker £30,000; Two: Social worker £31,200; "
    "Three: Social worker £32,400; Four: Social worker £33,600; Five: Social worker "
    "£34,800; Six: Social worker £36,000"
)


def test_a_chart_of_six_offers_lists_all_six():
    [drawn] = leaving.build(NUMBERED[:6], ONE_YEAR, Display()).to_date.charts
    assert drawn.description.endswith(SIX_FIGURES + ".")


def test_a_chart_of_seven_offers_lists_six_and_leaves_the_seventh_to_the_table():
    [drawn] = leaving.build(NUMBERED, ONE_YEAR, Display()).to_date.charts
    assert drawn.description.endswith(SIX_FIGURES + "; and 1 more in the table.")


def test_each_layer_of_the_tornado_names_a_dataset_the_chart_carries():
    view = flips.build(KIRKLEES, ROTHERHAM, Scenario(pay_award=0), Display())
    [drawn] = view.matters.charts
    layers = [part["data"]["name"] for part in drawn.spec["layer"] if "data" in part]
    # The bars and marks take the chart's data; the line at zero has a table of its own
    assert [drawn.spec["data"]["name"], *layers] == ["data-0", "data-1"]
    assert set(drawn.data) == {"data-0", "data-1"}


def test_the_leaving_download_gives_the_clawback_owed_on_leaving_each_month():
    hello = offer(30_000, golden_hello(2_000, within=12), id="hello", council="Hello Council")
    lines = leaving.build([hello], ONE_YEAR, Display()).csv.data.decode().splitlines()
    # Leaving after 1 month: 2,500 salary; the 2,000 golden hello paid and clawed back in full.
    # After 12 months: 30,000 + 2,000 kept, nothing owed
    first, last = lines[1].split(","), lines[12].split(",")
    assert (first[:3], first[-1]) == (["Hello: Social worker", "1", "2500.00"], "2000.00")
    assert (last[:3], last[-1]) == (["Hello: Social worker", "12", "32000.00"], "0.00")


def test_in_take_home_pay_the_month_worth_most_is_worth_its_take_home():
    view = leaving.build([KIRKLEES, ROTHERHAM], ONE_YEAR, Display("net"))
    assert view.to_date.heading == "Take-home pay to date, by the month you leave"
    _, rotherham = view.gains.sentences
    # Month 12 adds 4,356 gross (3,388 pay and the 968 lump sum); tax, NI and the pension
    # contribution come out of it, so it adds less than that to take-home pay
    assert rotherham.startswith(
        f"**{ROTHERHAM_LABEL}**: staying to month 12 rather than leaving after 11 adds £2,919.97 "
    )


def retention_lump(after_months: int, amount: int) -> dict[str, Any]:
    return {
        "kind": "one_off",
        "name": "Lump sum",
        "purpose": "retention",
        "pensionable": False,
        "instalments": [{"after_months": after_months, "amount": amount}],
    }


ONE = offer(30_000, id="one", council="One Council")
# The same 30,000 (2,500 a month) and a 1,000 lump sum in month 5
OTHER = offer(30_000, retention_lump(5, 1_000), id="other", council="Other Council")


def test_the_offer_ahead_from_the_first_month_they_differ_is_named_in_either_order():
    sentence = "**Other: Social worker** pays more than One: Social worker whenever you leave."
    for pair in ([ONE, OTHER], [OTHER, ONE]):
        overtaking = leaving.build(pair, ONE_YEAR, Display()).overtaking
        assert overtaking is not None and overtaking.sentences == (sentence,)


def test_the_lead_changes_hands_whichever_offer_is_named_first():
    overtaking = leaving.build([ROTHERHAM, KIRKLEES], ONE_YEAR, Display()).overtaking
    assert overtaking is not None
    assert overtaking.sentences == (
        f"{KIRKLEES_LABEL} pays more if you leave within months 1 to 6; {ROTHERHAM_LABEL} from "
        "month 7 on.",
    )


def test_each_month_that_stands_out_is_given_largest_first():
    two = offer(30_000, retention_lump(5, 1_000), retention_lump(11, 3_000), id="two",
                council="Two Council")  # fmt: skip
    view = leaving.build([two], ONE_YEAR, Display())
    # Month 11: 2,500 pay and the 3,000 lump sum; month 5: 2,500 and 1,000
    assert view.gains.sentences == (
        "**Two: Social worker**: staying to month 11 rather than leaving after 10 adds £5,500 "
        "(Lump sum falls due); staying to month 5 rather than leaving after 4 adds £3,500 "
        "(Lump sum falls due).",
    )
    [drawn] = view.to_date.charts
    assert drawn.figures is not None
    assert drawn.figures.column_names == ["Leave after (months)", "Two: Social worker"]
    assert drawn.spec["encoding"]["y"]["title"] == "Gross pay to date"


def test_the_leaving_page_asks_the_compute_it_is_given():
    compute = CountedCompute()
    leaving.build([KIRKLEES, ROTHERHAM], ONE_YEAR, Display(), compute)
    assert compute.asked == [KIRKLEES.id, ROTHERHAM.id]


def kirklees_first() -> flips.FlipsView:
    """The page built in each test that reads it, so mutation testing sees the test use it."""
    return flips.build(KIRKLEES, ROTHERHAM, Scenario(pay_award=0), Display())


def test_the_flip_page_has_its_title_headings_and_intro():
    view = kirklees_first()
    assert view.title == "What flips the lead"
    assert [section.heading for section in view.sections] == [
        "What would change the answer",
        "Which assumptions matter most",
    ]
    assert view.intro == (
        "For two offers: the value of each assumption at which the other offer comes out "
        "ahead, and how far each one moves the difference between them. Each assumption is "
        "moved across its range with the others as set in the sidebar; amounts are gross pay, "
        "in pounds as paid."
    )


def test_the_flip_sentences_come_widest_swing_first_each_in_its_own_words():
    # Years: 1 year -2,428 (39,196 - 41,624) to 10 years -42,280: a swing of 39,852.
    # Months: Kirklees ahead after 1 month, 3,099.67 + 2,000 against 3,388 (+1,711.67),
    # and behind from month 7 (23,697.67 against 23,716).
    assert kirklees_first().changes.sentences == (
        f"**Years compared**: {ROTHERHAM_LABEL} stays ahead from 1 year to 10 years; the "
        "difference moves by £39,852.",
        f"**{KIRKLEES_LABEL}** pays more if you leave within 6 months; **{ROTHERHAM_LABEL}** "
        "from month 7.",
        f"**Annual leaving rate**: {ROTHERHAM_LABEL} is ahead below 87.15%; "
        f"**{KIRKLEES_LABEL}** from 87.15%.",
        f"**Starting below the top of the scale**: {ROTHERHAM_LABEL} stays ahead from 0% to "
        "30%; the difference moves by £4,958.",
        f"**Pay award each April**: {ROTHERHAM_LABEL} stays ahead from 0% to 10%; the "
        "difference moves by £1,837.68.",
    )


def test_the_flip_table_gives_every_assumption_in_the_order_of_the_sentences():
    table = kirklees_first().matters.table
    assert table is not None
    assert table.column_names == [
        "Assumption",
        "Now",
        "Range tried",
        "Lead changes at",
        "Least difference",
        "Greatest difference",
    ]
    # Three years compared, so 36 months; Kirklees less Rotherham over them: -11,284
    # (113,588 - 124,872); the leaving rate now, 15.1%, is shown to two places
    assert [tuple(row.values()) for row in table.to_pylist()] == [
        ("Years compared", "3 years", "1 year to 10 years", "never", "-£42,280", "-£2,428"),
        ("Months before leaving", "36 months", "1 month to 36 months", "7 months", "-£11,284",
         "£1,711.67"),
        ("Annual leaving rate", "15.10%", "0% to 100%", "87.15%", "-£11,284", "£1,711.67"),
        ("Starting below the top of the scale", "0%", "0% to 30%", "never", "-£11,284",
         "-£6,326"),
        ("Pay award each April", "0%", "0% to 10%", "never", "-£13,121.68", "-£11,284"),
    ]  # fmt: skip


def test_the_tornado_names_the_assumption_that_moves_the_difference_most():
    [drawn] = kirklees_first().matters.charts
    assert drawn.description == (
        f"Bar chart of how far each assumption moves the difference between {KIRKLEES_LABEL} "
        f"and {ROTHERHAM_LABEL}, widest first. Years compared moves it most, from -£42,280 to "
        "-£2,428. The table below gives every bar."
    )
    assert drawn.figures is None  # the table beneath holds them
    assert kirklees_first().matters.chart_note == (
        f"Each bar spans the difference ({KIRKLEES_LABEL} less {ROTHERHAM_LABEL}) as the "
        "assumption moves across its range; the black mark is where it stands now; right of "
        "the dashed line the first offer is ahead. The table below gives the same figures."
    )


def test_the_pensionable_pay_of_no_offers_still_has_its_columns():
    empty = pensionable_pay(Comparison.of([], ONE_YEAR))
    assert empty.columns.tolist() == ["offer", "pensionable", "non_pensionable"]
