"""The NJC spine and awards: published tables and agreed awards checking each other."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

import pytest

import incentives
from incentives.catalog import DataError
from incentives.njc import NJC_FILE, NjcError, PaySpine, SpinePoint, load_njc_pay, pay_spine

SPINE = pay_spine()


def test_each_published_point_matches_the_year_before_raised_by_the_award():
    # Two sourced figures checking each other: every point a table records that can also be
    # derived from the year before by that year's award (each year rounded half up to the
    # pound, as the NJC publishes) must agree to the pound.
    checked: dict[int, list[int]] = {}
    for table in SPINE.data.tables:
        derived = SPINE.derived_from_previous(table.year)
        for point, salary in table.salaries.items():
            if point in derived and derived[point].derived:
                assert derived[point].pence == salary * 100, (table.year, point)
                checked.setdefault(table.year, []).append(point)
    # 2018/19 (old spine): SCP 8 from 2017/18 by the £1,380 award. 2020/21 (NHS Health Careers):
    # SCP 1 and 2 from the 2019 points by 2.75%. 2021/22 (Wychavon): SCP 1-9, 11, 12 and 14
    # from the 2020/21 points, e.g. SCP 3: 18,562 × 1.0175 = 18,886.835 -> £18,887. 2022/23
    # (Schools Choice): SCP 2, 18,516 + 1,925 = £20,441. 2023/24 (The Key): SCP 2, 20,441 +
    # 1,925 = £22,366. 2024/25 (Hertfordshire): SCP 2-18, 20, 22-31 and 38-43 by the flat
    # awards, from Wychavon's April 2021 table or (10, 13, 16) the April 2020 one. 2025/26
    # (Hertfordshire, July 2025): SCP 2-13 from the 2024/25 table by 3.2%, e.g. 23,656 × 1.032
    # = 24,412.992 -> £24,413 and 28,163 × 1.032 = 29,064.216 -> £29,064.
    assert sorted(checked) == [2018, 2020, 2021, 2022, 2023, 2024, 2025]
    assert checked[2018] == [8]
    assert checked[2020] == [1, 2]
    assert checked[2021] == [1, 2, 3, 4, 5, 6, 7, 8, 9, 11, 12, 14]
    assert checked[2022] == [2]
    assert checked[2023] == [2]
    assert len(checked[2024]) == 34
    assert {2, 10, 13, 16, 30, 43} <= set(checked[2024])
    assert checked[2025] == list(range(2, 14))


def test_april_2020_points_missing_from_april_2021_reach_the_april_2024_table():
    # NHS Health Careers, April 2020: SCP 10 £21,322, 13 £22,627, 16 £24,012; Wychavon's April
    # 2021 page skips them. By 1.75% and then £1,925 + £1,925 + £1,290 = £5,140:
    # 21,322 × 1.0175 = 21,695.135 -> £21,695 + 5,140 = £26,835;
    # 22,627 × 1.0175 = 23,022.9725 -> £23,023 + 5,140 = £28,163;
    # 24,012 × 1.0175 = 24,432.21 -> £24,432 + 5,140 = £29,572: Hertfordshire's 2024/25 figures.
    assert SPINE.spine(2021)[10] == SpinePoint(2_169_500, derived=True)
    assert SPINE.data.table(2024).salaries[10] == 26_835  # type: ignore[union-attr]
    assert SPINE.derived_from_previous(2024)[10].pence == 2_683_500
    assert SPINE.derived_from_previous(2024)[13].pence == 2_816_300
    assert SPINE.derived_from_previous(2024)[16].pence == 2_957_200


def test_scp_15_of_april_2020_is_not_recorded_where_the_page_misprints_it():
    # The page's "Point 15 £23,514" × 1.0175 = 23,925.5 -> £23,926, not Wychavon's April 2021
    # £23,953; 23,953 / 1.0175 = 23,540.5, and 2019's 2% steps give 22,911 × 1.0275 = 23,541.
    assert 15 not in SPINE.data.table(2020).salaries  # type: ignore[union-attr]
    assert round(Decimal(23_514) * Decimal("1.0175")) != 23_953
    assert 15 not in SPINE.spine(2020)
    assert SPINE.spine(2021)[15] == SpinePoint(2_395_300, derived=False)


def test_the_2016_and_2017_awards_give_one_percent_from_scp_18_and_refuse_pay_below_it():
    # Employee Benefits: "staff who earn at least £17,714 a year receive a 1% pay rise in April
    # 2016"; North Yorkshire: "An extra 1% on scp18 and above" in both years. £17,714.00 in
    # 2015/16 -> × 1.01 = £17,891.14 in 2016/17; SCP 18 of 2016/17 is £17,891 in whole
    # pounds, and £17,891.00 -> × 1.01 = £18,069.91 in 2017/18. A penny under either start
    # falls among the flat tiers, whose salaries no stored page gives.
    assert SPINE.award_on_salary(1_771_400, 2016, 0) == 1_789_114
    assert SPINE.award_on_salary(1_789_100, 2017, 0) == 1_806_991
    with pytest.raises(NjcError, match=r"£17,713.99 in 2015/16 cannot be given the 2016/17"):
        SPINE.award_on_salary(1_771_399, 2016, 0)
    with pytest.raises(NjcError, match=r"below £17,714 it needs salaries of the old spine"):
        SPINE.award_on_salary(1_771_399, 2016, 0)
    with pytest.raises(NjcError, match=r"£17,890.99 in 2016/17 cannot be given the 2017/18"):
        SPINE.award_on_salary(1_789_099, 2017, 0)


def test_the_2016_and_2017_awards_are_flat_pounds_on_the_lowest_points():
    # North Yorkshire, 17 May 2016: 2016 "£900 per annum on scp 6-10 ... £175 per annum on scp
    # 17"; 2017 "£500 per annum on scp 6 and 7 ... £225 per annum on scp 17".
    flat_2016 = {t.points: t.flat for t in SPINE.data.award(2016).tiers if t.flat}
    flat_2017 = {t.points: t.flat for t in SPINE.data.award(2017).tiers if t.flat}
    assert flat_2016 == {(6, 10): 900, (11, 12): 300, (13, 14): 250, (15, 16): 200, (17, 17): 175}
    assert flat_2017[(6, 7)] == 500 and flat_2017[(8, 8)] == 475 and flat_2017[(17, 17)] == 225
    assert SPINE.data.award(2017).tiers[-1].points == (18, None)


def test_old_scp_8_rose_by_the_2018_flat_award():
    # Rebmark: "SCP 8 will increase from £15,246 to £16,626 per year (up 9.05%)":
    # 15,246 + 1,380 = 16,626; 1,380 / 15,246 = 9.052%, the GMB letter's "9.052%".
    assert SPINE.spine(2017)[8].pence == 1_524_600
    assert SPINE.derived_from_previous(2018)[8].pence == 1_662_600
    assert round(Decimal(1_380) / Decimal(15_246) * 100, 3) == Decimal("9.052")


def test_old_scp_20_of_2017_is_where_the_2018_percentage_starts():
    # CVA: "2% for those on current salaries from £19,430"; 2018/19 SCP 20 is derived:
    # 19,430 × 1.02 = 19,818.6 -> £19,819 (marked derived, no 2018/19 table gives it).
    assert SPINE.data.award(2018).tiers[-1].from_salary == 19_430
    assert SPINE.spine(2018)[20] == SpinePoint(1_981_900, derived=True)
    assert incentives.njc_salary(20, dt.date(2017, 4, 1)) == Decimal(19_430)
    # £19,430.00 in 2017/18 gets the 2%: £19,818.60 (off-spine pay keeps its pennies). £19,000
    # sits between SCP 19 and 20; SCP 19's 2017/18 salary is not in a stored page.
    assert SPINE.award_on_salary(1_943_000, 2018, 0) == 1_981_860
    with pytest.raises(NjcError, match=r"£19,000.00 in 2017/18 cannot be given the 2018/19"):
        SPINE.award_on_salary(1_900_000, 2018, 0)


def test_old_scps_8_and_9_pair_into_new_scp_2_two_percent_above_new_scp_1():
    # Rebmark: "SCP 8 and SCP 9 will be merged to form SCP 2 ... £17,711 per year – an
    # increase of 6.5%": (17,711 - 16,626) / 16,626 = 6.526%. Pact HR: "Equal steps of 2.0%"
    # from new SCP 1 (£17,364): 17,364 × 1.02 = 17,711.28 -> £17,711.
    old_8, new_1, new_2 = SPINE.spine(2018)[8], SPINE.spine(2019)[1], SPINE.spine(2019)[2]
    assert round(Decimal(100 * (new_2.pence - old_8.pence)) / old_8.pence, 1) == Decimal("6.5")
    assert round(Decimal(new_1.pence) * Decimal("1.02") / 100) * 100 == new_2.pence
    assert "old 8 and 9 into new 2" in (SPINE.data.award(2019).pairing or "")


def test_new_scp_1_of_2019_reaches_the_april_2021_table_when_each_year_is_rounded_to_the_pound():
    # Pact HR: new SCP 1 is £17,364 from 1 April 2019. 2020: 17,364 × 1.0275 = 17,841.51,
    # published tables are whole pounds, so £17,842. 2021 (2.75% on the bottom point):
    # 17,842 × 1.0275 = 18,332.655 -> £18,333, the Wychavon April 2021 figure. Without the
    # rounding in between, 17,364 × 1.0275² = 18,332.14 -> £18,332: the NJC rounds each year.
    assert SPINE.spine(2019)[1].pence == 1_736_400
    assert SPINE.spine(2020)[1].pence == 1_784_200
    assert SPINE.derived_from_previous(2021)[1].pence == 1_833_300
    assert SPINE.data.table(2021).salaries[1] == 18_333  # type: ignore[union-attr]
    assert round(Decimal(17_364) * Decimal("1.0275") ** 2) == 18_332


@pytest.mark.parametrize(
    ("year", "point", "published_percent"),
    [
        # NIPSA 2022: £1,925 "equates to 10.50% for SCP1 and no less than 4.04% for SCP43"
        (2022, 1, Decimal("10.50")),  # 1,925 / 18,333 = 10.500%
        (2022, 43, Decimal("4.04")),  # 1,925 / 47,665 = 4.039%
        # SLCC 2023: "a pay increase of 9.42 per cent for employees on pay point 2"
        (2023, 2, Decimal("9.42")),  # 1,925 / (18,516 + 1,925) = 9.417%
        # Nottingham UNISON 2024: "5.77% on ... SCP 2, 2.5% on SCP 43"
        (2024, 2, Decimal("5.77")),  # 1,290 / 22,366 = 5.768%
        (2024, 43, Decimal("2.50")),  # 1,290 / 51,515 = 2.504%
    ],
)
def test_the_flat_awards_equal_the_percentages_published_for_the_previous_years_table(
    year, point, published_percent
):
    before = SPINE.spine(year - 1)[point].pence
    after = SPINE.spine(year)[point].pence
    assert round(Decimal(100 * (after - before)) / before, 2) == published_percent


def test_the_2021_threshold_for_1_75_percent_is_scp_2_of_2020_from_both_sides():
    # New SCP 2 of 2019 raised by 2.75%: 17,711 × 1.0275 = 18,198.05 -> £18,198; Wychavon's
    # 2021/22 SCP 2 less 1.75%: 18,516 / 1.0175 = 18,197.5 -> £18,198. Both give the threshold.
    assert SPINE.spine(2020)[2].pence == 1_819_800
    assert SPINE.data.award(2021).tiers[-1].from_salary == 18_198
    assert round(Decimal(18_516) / Decimal("1.0175")) == 18_198


def test_scp_32_of_april_2021_is_not_recorded_where_two_pages_disagree():
    # Hertfordshire 2024/25 SCP 32 £41,511 - £5,140 of awards = £36,371; Wychavon's page says
    # £36,271 (its W33's figure). Neither 2021/22 figure is recorded; 2024/25 is published.
    assert 32 not in SPINE.data.table(2021).salaries  # type: ignore[union-attr]
    assert SPINE.spine(2024)[32] == SpinePoint(4_151_100, derived=False)
    with pytest.raises(NjcError, match=r"SCP 32 on 01 June 2022: not in the NJC tables"):
        incentives.njc_salary(32, dt.date(2022, 6, 1))


def test_pay_point_22_rose_by_3850_over_the_two_years_to_april_2023():
    # SLCC: "pay point 22 ... increased over the same period by £3,850 (13.99 per cent)"
    assert SPINE.spine(2023)[22].pence - SPINE.spine(2021)[22].pence == 385_000


@pytest.mark.parametrize(
    ("on", "salary"),
    [
        (dt.date(2021, 4, 1), "34373"),  # Wychavon April 2021
        (dt.date(2022, 4, 1), "36298"),  # + £1,925
        (dt.date(2023, 4, 1), "38223"),  # + £1,925
        (dt.date(2024, 4, 1), "39513"),  # + £1,290, and Hertfordshire's 2024/25 table
        (dt.date(2025, 4, 1), "40777"),  # × 1.032 = 40,777.42 -> £40,777
        (dt.date(2026, 3, 31), "40777"),  # the 2025/26 pay year runs to 31 March
    ],
)
def test_scp_30_through_each_award_year(on, salary):
    assert incentives.njc_salary(30, on) == Decimal(salary)


def test_above_the_spine_the_2023_and_2024_awards_are_percentages():
    # £60,000 in 2022/23 is above SCP 43 (£49,590): 3.88% -> £62,328.00, not + £1,925.
    assert SPINE.award_on_salary(6_000_000, 2023, 0) == 6_232_800
    # £51,000 in 2023/24 is below SCP 43 (£51,515): the SCP 42 flat £1,290.
    assert SPINE.award_on_salary(5_100_000, 2024, 0) == 5_229_000


def test_a_salary_between_points_gets_the_award_of_the_point_below():
    # 2021/22: £18,400 sits between SCP 1 (£18,333) and SCP 2 (£18,516), so the 2022 award is
    # SCP 1's £1,925. 2018/19 (old spine, no full table): £20,000 is above SCP 20 but below
    # the estimated old SCP 29 (£26,470), so 2019's 2% for old SCP 29 and up cannot be assumed.
    assert SPINE.award_on_salary(1_840_000, 2022, 0) == 1_840_000 + 192_500
    with pytest.raises(NjcError, match=r"£20,000.00 in 2018/19 cannot be given the 2019/20"):
        SPINE.award_on_salary(2_000_000, 2019, 0)


def test_deleted_points_are_refused_from_their_deletion_date():
    assert incentives.njc_salary(1, dt.date(2023, 3, 31)) == Decimal(20_258)  # 18,333 + 1,925
    with pytest.raises(NjcError, match=r"SCP 1 on 01 April 2023: the point was deleted"):
        incentives.njc_salary(1, dt.date(2023, 4, 1))


def test_a_date_outside_the_tables_names_the_point_and_the_date():
    with pytest.raises(NjcError, match=r"SCP 30 on 01 April 2026: the NJC tables cover"):
        incentives.njc_salary(30, dt.date(2026, 4, 1))
    with pytest.raises(NjcError, match=r"SCP 30 on 01 June 2017: not in the NJC tables"):
        incentives.njc_salary(30, dt.date(2017, 6, 1))


def test_a_point_no_stored_page_publishes_is_not_invented():
    # SCP 35 is first published in Hertfordshire's 2024/25 table; earlier years stay unknown.
    with pytest.raises(NjcError, match=r"SCP 35 on 01 June 2023: not in the NJC tables"):
        incentives.njc_salary(35, dt.date(2023, 6, 1))
    assert incentives.njc_salary(35, dt.date(2024, 6, 1)) == Decimal(44_711)
    # 2025/26 derived from it: 44,711 × 1.032 = 46,141.752 -> £46,142.
    assert incentives.njc_salary(35, dt.date(2025, 6, 1)) == Decimal(46_142)


def test_the_future_award_default_is_a_marked_assumption():
    future = SPINE.data.future_award
    assert future.assumption is True
    assert future.percent == Decimal("3.2")


def changed_file(tmp_path: Path, old: str, new: str) -> Path:
    """A copy of the data file with ``old`` (which it must hold) replaced by ``new``."""
    text = NJC_FILE.read_text(encoding="utf-8")
    assert old in text
    changed = tmp_path / "njc_pay.yaml"
    changed.write_text(text.replace(old, new, 1), encoding="utf-8")
    return changed


def test_a_bad_entry_names_the_file_and_the_entry(tmp_path: Path):
    broken = changed_file(tmp_path, "flat: 1290", "flat: 1290\n        percent: 2")
    with pytest.raises(DataError) as raised:
        load_njc_pay(broken)
    assert "njc_pay.yaml" in str(raised.value)
    # The 2024 award is the seventeenth, counting from 2008's.
    assert raised.value.field is not None and raised.value.field.startswith("awards.16.tiers.0")
    assert "exactly one of flat or percent" in str(raised.value)


def test_the_2014_award_is_the_last_paid_until_january_2015():
    # 31 December 2014 is paid at 2013/14 rates; 1 January 2015 has the 2014 award; every
    # other year's award is paid from its 1 April.
    assert SPINE.data.awards_year_on(dt.date(2014, 12, 31)) == 2013
    assert SPINE.data.awards_year_on(dt.date(2015, 1, 1)) == 2014
    assert SPINE.data.awards_year_on(dt.date(2015, 4, 1)) == 2015
    assert SPINE.data.awards_year_on(dt.date(2014, 4, 1)) == 2013
    assert SPINE.data.awards_year_on(dt.date(2031, 5, 1)) == 2031  # future awards, from April
    assert SPINE.data.award(2014).effective == dt.date(2015, 1, 1)
    assert SPINE.data.award(2013).effective == dt.date(2013, 4, 1)


def test_pay_at_the_top_point_gets_the_point_award_and_only_pay_above_it_the_percentage():
    # 2023: £1,925 on SCPs 2 to 43, 3.88% above the top. SCP 43 in 2022/23 is 47,665 + 1,925 =
    # £49,590: exactly that gets the £1,925 (£51,515.00, not 49,590 × 1.0388 = £51,514.09);
    # a penny more is above the spine: 49,590.01 × 1.0388 = 51,514.102388 -> £51,514.10.
    assert SPINE.spine(2022)[43].pence == 4_959_000
    assert SPINE.award_on_salary(4_959_000, 2023, 0) == 5_151_500
    assert SPINE.award_on_salary(4_959_001, 2023, 0) == 5_151_410


def test_pay_below_the_lowest_point_gets_the_award_of_the_lowest_point():
    # £20,000 in 2022/23 is below SCP 1 (18,333 + 1,925 = £20,258), the lowest point, which is
    # deleted in April 2023: the pay gets the award's first tier, £1,925, so £21,925.
    assert next(iter(SPINE.spine(2022).values())).pence == 2_025_800
    assert SPINE.award_on_salary(2_000_000, 2023, 0) == 2_192_500


def test_a_spine_built_from_the_file_works_each_year_out_on_first_asking():
    # Built here, not at import, so each test sees the spine worked out from the data file.
    fresh = PaySpine(load_njc_pay())
    assert fresh.spine(2024)[30] == SpinePoint(3_951_300, derived=False)
    assert fresh.spine(2019)[1] == SpinePoint(1_736_400, derived=False)  # a new point, published
    assert fresh.spine(2018)[20] == SpinePoint(1_981_900, derived=True)


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        ("source: esalc-2024", "source: nowhere", "the 2024 award cites unknown source 'nowhere'"),
        (  # the future award's cite, the one quote indented six spaces under its source
            "judicium-2025\n      quote",
            "nowhere\n      quote",
            "future_award cites unknown source 'nowhere'",
        ),
        ("starts: 2015-01-01", "starts: 2015-04-01", "the 2014 award starts outside 2014/15"),
        ("        from_salary: 17714\n", "", "the 2016 award's tiers need a from_salary"),
    ],
)
def test_an_inconsistent_file_is_refused_saying_why(tmp_path: Path, old, new, message):
    with pytest.raises(DataError, match=message):
        load_njc_pay(changed_file(tmp_path, old, new))


def test_pay_in_2020_between_scp_1_and_2_gets_the_bottom_points_2021_award():
    # 2021: 2.75% on SCP 1 (£17,842 in 2020/21), 1.75% from SCP 2 (£18,198). £18,000.00 sits
    # between: SCP 1's 2.75% -> £18,495.00. £18,198.00 gets 1.75% -> 18,516.465 -> £18,516.47.
    # Below SCP 1 the award is not known (the 2020/21 spine has no lower point).
    assert SPINE.award_on_salary(1_800_000, 2021, 0) == 1_849_500
    assert SPINE.award_on_salary(1_819_800, 2021, 0) == 1_851_647
    with pytest.raises(NjcError, match=r"£17,841.99 in 2020/21 cannot be given the 2021/22"):
        SPINE.award_on_salary(1_784_199, 2021, 0)


def test_a_point_in_the_first_recorded_year_is_looked_up_not_refused_as_out_of_range():
    # 2008/09 is the first award year; its spine is not recorded, so the lookup says that.
    with pytest.raises(NjcError, match=r"SCP 30 on 01 June 2008: not in the NJC tables recorded"):
        incentives.njc_salary(30, dt.date(2008, 6, 1))
    with pytest.raises(NjcError, match=r"SCP 30 on 01 June 2007: the NJC tables cover 2008/09"):
        incentives.njc_salary(30, dt.date(2007, 6, 1))
