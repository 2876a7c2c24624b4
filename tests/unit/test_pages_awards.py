"""The pay awards a comparison applies, year by year, each with its source."""

from __future__ import annotations

import datetime as dt

from incentives import Scenario, load_offers
from incentives.njc import pay_spine
from incentives.pages import awards
from tests.builders import offer

OFFERS = load_offers()
APRIL_2017 = dt.date(2017, 4, 1)


def rows(section) -> list[dict[str, str]]:
    return section.table.to_pylist()


def test_kirklees_over_three_years_lists_the_2017_to_2019_awards_with_their_sources():
    # Published November 2016 (2016/17); from April 2017 for 3 years, to March 2020.
    section = awards.applied([OFFERS["kirklees-social-worker"]], Scenario(start=APRIL_2017))
    assert section.heading == "Pay awards in these figures"
    assert section.lead == "From publication (2016/17) to the last month."
    listed = rows(section)
    assert [r["Pay year"] for r in listed] == ["2017/18", "2018/19", "2019/20"]
    assert listed[0]["Paid from"] == "1 April 2017"
    assert listed[0]["Award"].endswith("£225 on SCP 17; 1% on SCP 18 and above")
    assert listed[0]["Source"].startswith("Pay: National Pay Award Confirmation")
    assert listed[0]["Source"].endswith(", 17 May 2016")
    assert "renumbered 1 to 43 in April 2019" in section.notes[0]


def test_the_earliest_offer_of_several_sets_the_first_year():
    chosen = [OFFERS["kirklees-social-worker"], offer(30_000, as_at="2014-07-01")]
    listed = rows(awards.applied(chosen, Scenario(start=APRIL_2017, years=1)))
    assert [r["Pay year"] for r in listed] == ["2014/15", "2015/16", "2016/17", "2017/18"]
    assert listed[0]["Paid from"] == "1 January 2015"  # the 2014 award's own date
    assert listed[1]["Award"] == "No award"


def test_years_past_the_last_agreed_one_show_the_assumed_award_and_whose_it_is():
    # Published in 2024/25; from April 2025 for 3 years: 2025/26 agreed, then 2026/27 and
    # 2027/28 assumed, in one row.
    package = offer(40_000, as_at="2024-06-01")
    start = dt.date(2025, 4, 1)
    [agreed, assumed] = rows(awards.applied([package], Scenario(start=start, years=3)))
    assert agreed["Pay year"] == "2025/26"
    assert assumed["Pay year"] == "2026/27 on"
    assert assumed["Award"] == "3.2% a year, assumed: no award is agreed"
    assert assumed["Source"] == "Assumed: the last agreed award (2025/26) carried on"
    mine = Scenario(start=start, years=3, future_pay_award=2.5)
    [_, chosen] = rows(awards.applied([package], mine))
    assert chosen["Award"].startswith("2.5% a year") and chosen["Source"] == "Your assumption"
    # A horizon ending in 2025/26 has no assumed year.
    assert len(rows(awards.applied([package], Scenario(start=start, years=1)))) == 1


def test_a_percentage_award_is_stated_instead_of_the_agreed_ones():
    section = awards.applied([OFFERS["kirklees-social-worker"]], Scenario(pay_award=2))
    assert section.table is None
    assert section.sentences == (
        "Basic pay rises by 2% each 1 April after the start, as set under Pay awards (not the "
        "NJC's agreed awards).",
    )


def test_no_award_between_publication_and_the_last_month_is_said_so():
    # Published June 2025, so 2025/26's award is in the salary; the horizon ends March 2026.
    package = offer(40_000, as_at="2025-06-01")
    section = awards.applied([package], Scenario(start=dt.date(2025, 4, 1), years=1))
    assert section.table is None
    assert section.sentences == ("No pay award falls between publication and the last month.",)


def test_each_award_in_words():
    data = pay_spine().data
    assert awards.describe(data.award(2011)) == "No award"
    assert awards.describe(data.award(2023)) == (
        "£1,925 on SCP 2 to 43; 3.88% above SCP 43; SCP 1 deleted"
    )
    assert awards.describe(data.award(2019)) == (
        "2% on SCP 29 and above; the spine rebuilt as SCP 1 to 43, new SCP 1 at £17,364"
    )
    assert awards.describe(data.award(2021)) == "2.75% on SCP 1; 1.75% on SCP 2 and above"


def test_pay_published_before_the_recorded_awards_lists_those_recorded_and_says_so():
    # June 2006 is pay year 2006/07; the file's awards start with 2008/09's.
    section = awards.applied([offer(30_000, as_at="2006-06-01")], Scenario(start=APRIL_2017))
    assert section.lead == "From publication (2006/07) to the last month."
    assert rows(section)[0]["Pay year"] == "2008/09"
    assert section.notes[0] == (
        "The awards before 2008/09 are not recorded, so pay published in 2006/07 cannot be "
        "carried forward by them."
    )
    # Published in 2007/08, 2008/09's award is the next one: nothing is missing.
    section = awards.applied([offer(30_000, as_at="2007-06-01")], Scenario(start=APRIL_2017))
    assert rows(section)[0]["Pay year"] == "2008/09"
    assert not section.notes[0].startswith("The awards before")
