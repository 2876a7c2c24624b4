"""Pay under the NJC's agreed awards: published salaries uprated from their pay year, grades
on spinal points climbing a point a year, and the assumed award after the last agreed year."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from pydantic import ValidationError

from incentives import Scenario, build_schedule, compare, load_offers
from incentives.njc import NjcError
from incentives.njc_grades import awards_problem, fill_top_from_points
from tests.builders import offer

APRIL_2017 = dt.date(2017, 4, 1)


@pytest.fixture(scope="module")
def offers():
    return load_offers()


def yearly_salary(package, scenario: Scenario) -> list[Decimal]:
    """The annual basic salary in force in the first month of each service year (£)."""
    basic = build_schedule(package, scenario).basic
    return [Decimal(int(basic[12 * year])) / 100 for year in range(scenario.years)]


def test_the_default_scenario_applies_the_agreed_awards():
    assert Scenario().pay_award == "njc"
    assert Scenario(pay_award=2).pay_award == Decimal(2)


def test_kirklees_november_2016_salary_is_raised_by_the_2017_and_2018_awards(offers):
    # Kirklees published £35,696 on 29 November 2016: pay year 2016/17. From 1 April 2017 the
    # 2017/18 award (1%) applies: 35,696 × 1.01 = £36,052.96. From 1 April 2018 the 2018/19
    # award is 2% on SCP 20 and above, and £35,696 is far above SCP 20 (£19,430 in 2017/18):
    # 36,052.96 × 1.02 = 36,774.0192 -> £36,774.02 (half up to the penny; a salary
    # off the spine keeps its pennies, only spine points are whole pounds).
    kirklees = offers["kirklees-social-worker"]
    scenario = Scenario(years=2, start=APRIL_2017)
    assert yearly_salary(kirklees, scenario) == [Decimal("36052.96"), Decimal("36774.02")]
    # Gross adds the £1,500 supplement each year (in pounds: it stays as published) and the
    # £2,000 golden hello in year 1: 39,552.96 and 38,274.02.
    table = compare([kirklees], scenario)
    assert table["gross"].tolist() == [39_552.96, 38_274.02]


def test_a_salary_on_a_spine_point_gets_the_flat_award_of_its_year():
    # £34,373 is SCP 30 in 2021/22. Published in June 2021 and started in April 2022, it is
    # raised by the 2022/23 award of £1,925: £36,298. Started in April 2021: as published.
    package = offer(34_373, as_at="2021-06-01")
    assert yearly_salary(package, Scenario(years=1, start=dt.date(2022, 4, 1))) == [36_298]
    assert yearly_salary(package, Scenario(years=1, start=dt.date(2021, 4, 1))) == [34_373]


def test_an_offer_on_points_climbs_its_grade_a_point_each_april():
    # Grade SCP 28-30, published June 2022, starting April 2022 on the bottom point:
    # 2022/23 SCP 28 = 32,798 + 1,925 = £34,723; April 2023 (12 months in post) SCP 29 =
    # 33,486 + 1,925 + 1,925 = £37,336; April 2024 SCP 30 = 34,373 + 3,850 + 1,290 = £39,513;
    # April 2025 the top already: SCP 30 × 1.032 = 40,777.42 -> £40,777.
    package = offer(None, as_at="2022-06-01", salary={"njc_points": {"lowest": 28, "highest": 30}})
    assert package.salary.top.value == Decimal(36_298)  # SCP 30 on 1 June 2022
    scenario = Scenario(years=4, start=dt.date(2022, 4, 1), start_salary=34_723)
    assert yearly_salary(package, scenario) == [34_723, 37_336, 39_513, 40_777]


def test_the_first_april_increment_waits_for_six_months_in_post():
    # Joining in November 2022: on 1 April 2023 only five months in post, so still SCP 28
    # (2023/24: 32,798 + 3,850 = £36,648); on 1 April 2024, SCP 29 (33,486 + 3,850 + 1,290).
    package = offer(None, as_at="2022-06-01", salary={"njc_points": {"lowest": 28, "highest": 30}})
    scenario = Scenario(years=2, start=dt.date(2022, 11, 1), start_salary=34_723)
    basic = build_schedule(package, scenario).basic
    assert basic[5] == 3_664_800  # April 2023, month 6
    assert basic[17] == 3_862_600  # April 2024, month 18


def test_anniversary_increments_when_the_offer_says_so():
    package = offer(
        None,
        as_at="2022-06-01",
        salary={"njc_points": {"lowest": 28, "highest": 30, "increments": "anniversary"}},
    )
    scenario = Scenario(years=2, start=dt.date(2022, 11, 1), start_salary=34_723)
    basic = build_schedule(package, scenario).basic
    assert basic[5] == 3_664_800  # April 2023: still SCP 28, now £36,648
    assert basic[11] == 3_664_800  # October 2023, a month short of a year: still SCP 28
    assert basic[12] == 3_733_600  # November 2023, the anniversary: SCP 29 (£37,336)


def test_joining_in_october_has_the_six_months_for_the_first_april_increment():
    # October 2022 to March 2023 is six months in post by 1 April 2023 (month 7): SCP 29 then,
    # 33,486 + 1,925 + 1,925 = £37,336 (November's joiner, above, waits a year).
    package = offer(None, as_at="2022-06-01", salary={"njc_points": {"lowest": 28, "highest": 30}})
    scenario = Scenario(years=1, start=dt.date(2022, 10, 1), start_salary=34_723)
    basic = build_schedule(package, scenario).basic
    assert (basic[5], basic[6]) == (3_472_300, 3_733_600)  # March, then April 2023


def test_a_starting_salary_picks_the_highest_point_paying_no_more():
    # Grade SCP 28-30 in June 2022: 28 £34,723, 29 £35,411, 30 £36,298. £35,411 exactly is
    # SCP 29; a penny less is SCP 28; below the grade's bottom, its bottom point, SCP 28.
    package = offer(None, as_at="2022-06-01", salary={"njc_points": {"lowest": 28, "highest": 30}})
    start = dt.date(2022, 4, 1)
    on = {
        given: yearly_salary(package, Scenario(years=1, start=start, start_salary=given))
        for given in (Decimal("35411"), Decimal("35410.99"), Decimal("30000"))
    }
    assert on == {
        Decimal("35411"): [35_411],
        Decimal("35410.99"): [34_723],
        Decimal("30000"): [34_723],
    }


def test_a_scale_in_pounds_climbs_a_step_each_year_then_takes_the_awards():
    # £30,000 and £32,000 published June 2022 (2022/23). Starting April 2023 on £30,000: the
    # 2023 award's £1,925 -> £31,925; April 2024, the next step, £32,000 + 1,925 + 1,290 =
    # £35,215 from the first month of year 2.
    scale = offer(32_000, as_at="2022-06-01", salary={"points_below_top": [{"value": 30_000}]})
    scenario = Scenario(years=2, start=dt.date(2023, 4, 1), start_salary=30_000)
    basic = build_schedule(scale, scenario).basic
    assert (basic[11], basic[12]) == (3_192_500, 3_521_500)


def test_points_need_the_offers_date_and_a_recorded_spine():
    points = {"njc_points": {"lowest": 28, "highest": 30}}
    for top in (None, 36_298):
        with pytest.raises(ValidationError, match=r"error, a salary given as njc_points needs th"):
            offer(top, as_at=None, salary=points)
    with pytest.raises(ValidationError, match=r"SCP 28 on 01 January 2017: not in the NJC tables"):
        offer(36_000, as_at="2017-01-01", salary=points)
    with pytest.raises(ValidationError, match=r"njc_points.highest"):
        offer(None, as_at="2022-06-01", salary={"njc_points": {"lowest": 28}})


def test_a_top_filled_from_points_keeps_what_was_given_beside_it():
    raw = {
        "as_at": "2022-06-01",
        "salary": {
            "top": {"value": None, "cite": [{"source": "s", "quote": "SCP 28-30"}]},
            "njc_points": {"lowest": 28, "highest": 30},
        },
    }
    filled = fill_top_from_points(raw)["salary"]["top"]  # type: ignore[index]
    assert filled == {
        "value": Decimal(36_298),
        "cite": [{"source": "s", "quote": "SCP 28-30"}],
        "note": "SCP 30 on the NJC spine on 01 June 2022",
    }


def test_points_and_pounds_together_must_agree():
    points = {"njc_points": {"lowest": 28, "highest": 30}}
    assert offer(36_298, as_at="2022-06-01", salary=points).salary.top.value == 36_298
    with pytest.raises(ValidationError, match=r"salary.top £36,000 is not SCP 30"):
        offer(36_000, as_at="2022-06-01", salary=points)


def test_points_on_a_spine_not_recorded_are_refused_naming_the_point_and_date():
    with pytest.raises(ValidationError, match=r"SCP 30 on 01 January 2017: not in the NJC tables"):
        offer(None, as_at="2017-01-01", salary={"njc_points": {"lowest": 28, "highest": 30}})


def test_a_percentage_award_keeps_its_meaning_for_an_offer_on_points():
    # pay_award=2: the June 2022 points in pounds, climbed on anniversaries, 2% each April
    # after the start. Year 1 SCP 28 £34,723; year 2 SCP 29 £35,411 × 1.02 = £36,119.22.
    package = offer(None, as_at="2022-06-01", salary={"njc_points": {"lowest": 28, "highest": 30}})
    scenario = Scenario(years=2, start=dt.date(2022, 4, 1), start_salary=34_723, pay_award=2)
    assert yearly_salary(package, scenario) == [Decimal("34723"), Decimal("36119.22")]


def test_after_the_last_agreed_year_the_future_award_applies():
    # £40,000 in 2025/26. From April 2026 no award is agreed: by default the assumed 3.2%
    # (£41,280), or whatever the user sets.
    package = offer(40_000, as_at="2025-06-01")
    start = dt.date(2025, 4, 1)
    assert yearly_salary(package, Scenario(years=2, start=start)) == [40_000, 41_280]
    chosen = Scenario(years=2, start=start, future_pay_award=0)
    assert yearly_salary(package, chosen) == [40_000, 40_000]


def test_a_grade_on_points_past_the_last_agreed_year_rises_by_the_future_award_in_pounds():
    # SCP 30 in 2025/26: 2024/25's 39,513 × 1.032 = 40,777.416 -> £40,777 (derived). April
    # 2026, no award agreed: the assumed 3.2%, 40,777 × 1.032 = 42,081.864 -> £42,082; April
    # 2027: 42,082 × 1.032 = 43,428.624 -> £43,429, each year in whole pounds as the spine is.
    # With 2% set instead: 40,777 × 1.02 = 41,592.54 -> £41,593.
    scp_30 = {"njc_points": {"lowest": 30, "highest": 30}}
    top_point = offer(None, as_at="2025-06-01", salary=scp_30)
    start = dt.date(2025, 4, 1)
    assert yearly_salary(top_point, Scenario(years=3, start=start)) == [40_777, 42_082, 43_429]
    two_percent = Scenario(years=2, start=start, future_pay_award=2)
    assert yearly_salary(top_point, two_percent) == [40_777, 41_593]


def test_a_deleted_point_moves_its_worker_to_the_next_point_up():
    # SCP 2 is deleted from 1 April 2026: a grade of SCP 2 alone pays SCP 3 from then, SCP 3's
    # 2025/26 £24,796 × 1.032 = 25,589.472 -> £25,589 (not SCP 2's £24,413 × 1.032 = £25,194).
    bottom = offer(None, as_at="2025-06-01", salary={"njc_points": {"lowest": 2, "highest": 2}})
    assert yearly_salary(bottom, Scenario(years=2, start=dt.date(2025, 4, 1))) == [24_413, 25_589]


def test_take_home_and_cost_rise_with_the_agreed_awards(offers):
    rotherham = offers["rotherham-social-worker"]
    agreed = compare([rotherham], Scenario(years=2, start=APRIL_2017))
    none = compare([rotherham], Scenario(years=2, start=APRIL_2017, pay_award=0))
    for column in ("gross", "net", "employer_cost"):
        assert (agreed[column] > none[column]).all()


def test_pay_the_stored_old_spine_cannot_award_is_named_before_a_page_is_drawn():
    # £17,000 published in 2016/17 (as at 1 January 2017) is below £17,891, where 2017's 1%
    # starts; the flat pounds below it need salaries no stored page gives.
    low = offer(17_000)
    within_its_pay_year = Scenario(start=dt.date(2016, 4, 1), years=1)  # to March 2017
    into_the_next = Scenario(start=dt.date(2016, 5, 1), years=1)  # April 2017 is month 12
    assert awards_problem(low, within_its_pay_year) is None
    assert "£17,000.00 in 2016/17 cannot be given the 2017/18" in (
        awards_problem(low, into_the_next) or ""
    )
    assert awards_problem(low, Scenario(start=APRIL_2017, pay_award=1)) is None
    # To March 2019, through 2018's 2% from £19,430 in 2017/18: £19,237.62 × 1.01 =
    # 19,429.9962 -> £19,430.00 (half up to the penny) gets it; £19,237.61 × 1.01 =
    # 19,429.9861 -> £19,429.99 does not.
    two_years = Scenario(start=APRIL_2017, years=2)
    assert awards_problem(offer(Decimal("19237.62")), two_years) is None
    assert "£19,429.99 in 2017/18 cannot be given the 2018/19" in (
        awards_problem(offer(Decimal("19237.61")), two_years) or ""
    )
    assert awards_problem(offer(30_000), Scenario(start=APRIL_2017, years=10)) is None
    # A starting salary below the top is the lowest pay, and is the one checked.
    started_low = Scenario(start=APRIL_2017, start_salary={"test-offer": 17_890})
    assert "£17,890.00 in 2016/17" in (awards_problem(offer(30_000), started_low) or "")
    # A salary not published is asked for first; the assumption given is then checked.
    assert awards_problem(offer(None), Scenario(start=APRIL_2017)) is None
    assumed = Scenario(start=APRIL_2017, assumed={"test-offer": {"salary.top": 16_000}})
    assert "£16,000.00 in 2016/17" in (awards_problem(offer(None), assumed) or "")


def test_a_2011_salary_is_carried_through_the_freeze_and_the_awards_before_2016():
    # Kent's £35,724 as at 1 January 2011 (pay year 2010/11). 2011/12 and 2012/13: the pay
    # freeze. 2013: 1% -> 36,081.24. 2014: 2.2% from 1 January 2015 -> 36,081.24 × 1.022 =
    # 36,875.02728 -> £36,875.03. 2015: none (the 2014 deal ran to March 2016). 2016: 1% ->
    # 37,243.7803 -> £37,243.78. 2017: 1% -> 37,616.2178 -> £37,616.22 from April 2017.
    kent_2011 = offer(35_724, as_at="2011-01-01")
    assert yearly_salary(kent_2011, Scenario(start=APRIL_2017, years=1)) == [Decimal("37616.22")]
    assert yearly_salary(kent_2011, Scenario(start=dt.date(2016, 4, 1), years=1)) == [
        Decimal("37243.78")
    ]


def test_a_salary_published_before_january_2015_gets_the_2014_award():
    # The 2014 award was paid from 1 January 2015. £30,000 published in July 2014 is before it:
    # 30,000 × 1.022 = 30,660, no award in 2015, then 1% in 2016: £30,966.60 in April 2016.
    # £30,660 published in February 2015 already has it: 30,660 × 1.01 = £30,966.60 too.
    # (Were the award dated 1 April 2014, July's £30,000 would reach only £30,300.)
    april_2016 = Scenario(start=dt.date(2016, 4, 1), years=1)
    assert yearly_salary(offer(30_000, as_at="2014-07-01"), april_2016) == [Decimal("30966.60")]
    assert yearly_salary(offer(30_660, as_at="2015-02-01"), april_2016) == [Decimal("30966.60")]


def test_a_salary_published_before_the_recorded_awards_is_refused_naming_the_year():
    before_2007 = offer(30_000, as_at="2006-06-01")
    with pytest.raises(NjcError, match=r"^Test: Social worker: .*no NJC award for 2007/08 in njc_"):
        compare([before_2007], Scenario(start=APRIL_2017))
    assert "no NJC award for 2007/08" in (
        awards_problem(before_2007, Scenario(start=APRIL_2017)) or ""
    )


def test_a_2007_salary_is_carried_through_the_2008_and_2009_awards():
    # £35,000 in 2007/08. 2008: 2.45% and the arbitrators' 0.3%: 35,000 × 1.0275 = £35,962.50.
    # 2009: 1% above SCP 10 -> 36,322.125 -> £36,322.13. The freeze to 2012/13; 2013: 1% ->
    # 36,685.3513 -> £36,685.35; 2014: 2.2% -> 37,492.4277 -> £37,492.43; 2016: 1% ->
    # 37,867.3543 -> £37,867.35; 2017: 1% -> 38,246.0235 -> £38,246.02 from April 2017.
    june_2007 = offer(35_000, as_at="2007-06-01")
    assert yearly_salary(june_2007, Scenario(start=APRIL_2017, years=1)) == [Decimal("38246.02")]
