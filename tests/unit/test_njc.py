"""The NJC spine and awards: published tables and agreed awards checking each other."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

import pytest

import incentives
from incentives.catalog import DataError
from incentives.njc import NJC_FILE, NjcError, load_njc_pay, pay_spine

SPINE = pay_spine()


def test_each_published_point_matches_the_year_before_raised_by_the_award():
    # Two sourced figures checking each other: every point a table records that can also be
    # derived from the year before by that year's award must agree to the pound.
    checked = 0
    for table in SPINE.data.tables:
        derived = SPINE.derived_from_previous(table.year)
        for point, salary in table.salaries.items():
            if point in derived and derived[point].derived:
                assert derived[point].pence == salary * 100, (table.year, point)
                checked += 1
    assert checked >= 1


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


def test_pay_point_22_rose_by_3850_over_the_two_years_to_april_2023():
    # SLCC: "pay point 22 ... increased over the same period by £3,850 (13.99 per cent)"
    assert SPINE.spine(2023)[22].pence - SPINE.spine(2021)[22].pence == 385_000


@pytest.mark.parametrize(
    ("on", "salary"),
    [
        (dt.date(2021, 4, 1), "34373"),  # Wychavon April 2021
        (dt.date(2022, 4, 1), "36298"),  # + £1,925
        (dt.date(2023, 4, 1), "38223"),  # + £1,925
        (dt.date(2024, 4, 1), "39513"),  # + £1,290
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
    # SCP 1's £1,925. 2018/19 (old spine, no table): £20,000 is above the estimated start of
    # SCP 20 (£18,747), so 2019's award for old SCP 29 and above (2%) cannot be assumed for it.
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
    with pytest.raises(NjcError, match=r"SCP 35 on 01 June 2024: not in the NJC tables"):
        incentives.njc_salary(35, dt.date(2024, 6, 1))


def test_the_future_award_default_is_a_marked_assumption():
    future = SPINE.data.future_award
    assert future.assumption is True
    assert future.percent == Decimal("3.2")


def test_a_bad_entry_names_the_file_and_the_entry(tmp_path: Path):
    text = NJC_FILE.read_text(encoding="utf-8").replace(
        "flat: 1290", "flat: 1290\n        percent: 2"
    )
    broken = tmp_path / "njc_pay.yaml"
    broken.write_text(text, encoding="utf-8")
    with pytest.raises(DataError) as raised:
        load_njc_pay(broken)
    assert "njc_pay.yaml" in str(raised.value)
    assert raised.value.field is not None and raised.value.field.startswith("awards.8.tiers.0")
    assert "exactly one of flat or percent" in str(raised.value)


def test_an_unknown_source_is_refused(tmp_path: Path):
    text = NJC_FILE.read_text(encoding="utf-8").replace("source: esalc-2024", "source: nowhere")
    broken = tmp_path / "njc_pay.yaml"
    broken.write_text(text, encoding="utf-8")
    with pytest.raises(DataError, match="the 2024 award cites unknown source 'nowhere'"):
        load_njc_pay(broken)
