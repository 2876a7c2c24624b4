"""LGPS pension built up: 1/49 of each year's pensionable pay, revalued each April by CPI."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

import numpy as np
import pytest

from incentives import Scenario, compare, load_offers
from incentives.catalog import DataError
from incentives.engine import pay_dates
from incentives.pension_built_up import PENSION_FILE, built_up, load_lgps_pension, pensionable_pay
from tests.builders import offer

APRIL_2017 = dt.date(2017, 4, 1)


@pytest.fixture(scope="module")
def rotherham():
    return load_offers()["rotherham-social-worker"]


def test_rotherham_one_year_builds_a_49th_of_its_pensionable_pay(rotherham):
    # Pensionable pay £38,720 + the 5% supplement (£1,936) = £40,656; the 2.5% retention lump
    # sum is not pensionable. 40,656 / 49 = 829.714… -> £829.71 (half up to the penny).
    table = compare([rotherham], Scenario(years=1, start=APRIL_2017, pay_award=0))
    assert table["pension_built_up"].tolist() == [829.71]
    assert table["cumulative_pension"].tolist() == [829.71]


def test_the_fifty_fifty_section_builds_half(rotherham):
    # 40,656 / 98 = 414.857… -> £414.86
    scenario = Scenario(years=1, start=APRIL_2017, pay_award=0, pension="lgps-50-50")
    assert compare([rotherham], scenario)["pension_built_up"].tolist() == [414.86]


def test_the_account_is_revalued_each_april_by_the_previous_septembers_cpi(rotherham):
    # Year 1: 829.7142857. April 2018 (+3.0%): 854.6057143; + year 2's 829.7142857 =
    # 1,684.32. April 2019 (+2.4%): 1,724.74368; + 829.7142857 = 2,554.457966 -> £2,554.46.
    table = compare([rotherham], Scenario(years=3, start=APRIL_2017, pay_award=0))
    assert table["pension_built_up"].tolist() == [829.71, 829.71, 829.71]
    assert table["cumulative_pension"].tolist() == [829.71, 1_684.32, 2_554.46]


def test_the_big_revaluation_of_april_2023_is_applied():
    # £49,000 a year from April 2022 builds £1,000 a year. April 2023: +10.1% -> 1,101.00,
    # + 1,000 = 2,101.00. April 2024: +6.7% -> 2,241.767, + 1,000 = 3,241.767 -> £3,241.77.
    dates = pay_dates(dt.date(2022, 4, 1), 36)
    monthly = np.full(36, 49_000 * 100 // 12, dtype=np.int64)
    monthly[11::12] += 49_000 * 100 - 12 * (49_000 * 100 // 12)  # each year sums to £49,000
    earned, account = built_up(monthly, dates, region="england", pension="lgps")
    assert earned.tolist() == [100_000, 100_000, 100_000]
    assert account.tolist() == [100_000, 210_100, 324_177]


def test_april_2026_is_revalued_by_the_cpi_to_september_2025():
    # East Sussex Pension Fund: CPI to September 2025 "was 3.8%"; North East Scotland Pension
    # Fund: "the 3.8% increase in April 2026" (the order itself not read). £4,900 in 2025/26
    # builds £100.00; April 2026 × 1.038 = 103.80, + 100.00 = £203.80. The scenario's 10%
    # inflation is not used.
    dates = pay_dates(dt.date(2025, 4, 1), 24)
    monthly = np.full(24, 4_900 * 100 // 12, dtype=np.int64)
    monthly[11::12] += 4_900 * 100 - 12 * (4_900 * 100 // 12)  # each year sums to £4,900
    earned, account = built_up(
        monthly, dates, region="england", pension="lgps", inflation=Decimal(10)
    )
    assert load_lgps_pension().revaluation.rates[2026].percent == Decimal("3.8")
    assert earned.tolist() == [10_000, 10_000]
    assert account.tolist() == [10_000, 20_380]


def test_after_the_last_recorded_revaluation_the_assumed_inflation_applies():
    # April 2026 is the last recorded (3.8%); April 2027 uses the scenario's inflation.
    dates = pay_dates(dt.date(2026, 4, 1), 24)
    monthly = np.full(24, 4_900 * 100 // 12 + 1, dtype=np.int64)  # 408.34 a month
    earned, account = built_up(
        monthly, dates, region="england", pension="lgps", inflation=Decimal(10)
    )
    # 12 × 408.34 = 4,900.08 / 49 = 100.0016 -> £100.00; April 2027 × 1.10 = 110.0018,
    # + 100.0016 = 210.0034 -> £210.00
    assert max(load_lgps_pension().revaluation.rates) == 2026
    assert earned.tolist() == [10_000, 10_000]
    assert account.tolist() == [10_000, 21_000]


def test_scotland_builds_a_49th_too_and_opting_out_builds_nothing():
    package = offer(49_000, as_at="2017-01-01")
    scotland = Scenario(years=1, start=APRIL_2017, pay_award=0, region="scotland")
    assert compare([package], scotland)["pension_built_up"].tolist() == [1_000]
    opted_out = Scenario(years=1, start=APRIL_2017, pay_award=0, pension=0)
    assert compare([package], opted_out)["pension_built_up"].tolist() == [0]


def test_the_region_picks_the_scheme_whose_fraction_is_used():
    # Both schemes build 1/49 today, so a copy of the data with Scotland's at 1/50 shows the
    # region choosing: £49,000 / 50 = £980 in Scotland, £1,000 elsewhere.
    data = load_lgps_pension()
    scotland = data.accrual["scotland"].model_copy(update={"main": 50})
    changed = data.model_copy(update={"accrual": {**data.accrual, "scotland": scotland}})
    dates = pay_dates(APRIL_2017, 12)
    monthly = np.full(12, 49_000 * 100 // 12, dtype=np.int64)
    monthly[11] += 49_000 * 100 - 12 * (49_000 * 100 // 12)
    built = {
        region: built_up(monthly, dates, region=region, pension="lgps", data=changed)[0].tolist()
        for region in ("scotland", "england")
    }
    assert built == {"scotland": [98_000], "england": [100_000]}


def test_a_year_builds_its_pay_over_49_rounded_once_at_the_half_penny():
    # £40,656.03 a year is 4,065,603 pence: / 49 = 82,971.489… -> 82,971p, £829.71. One penny
    # more of pay in a year (4,065,604 / 49 = 82,971.51…) would round up to £829.72.
    dates = pay_dates(APRIL_2017, 24)
    monthly = np.full(24, 4_065_603 // 12, dtype=np.int64)
    monthly[11::12] += 4_065_603 - 12 * (4_065_603 // 12)  # each year sums to £40,656.03
    earned, _ = built_up(monthly, dates, region="england", pension="lgps")
    assert earned.tolist() == [82_971, 82_971]


def test_compare_revalues_past_the_last_recorded_april_by_the_scenarios_inflation():
    # £30,000 from April 2026, no award: each year 30,000 / 49 = 612.2449 -> £612.24. April
    # 2027 has no recorded rate: at 5% inflation 612.2449 × 1.05 + 612.2449 = 61,500 / 49 =
    # 1,255.102 -> £1,255.10; at the 2% target, 30,000 × 2.02 / 49 = 1,236.73.
    package = offer(30_000, as_at="2026-06-01")
    start = dt.date(2026, 4, 1)
    at_five = Scenario(years=2, start=start, pay_award=0, inflation=5)
    assert compare([package], at_five)["cumulative_pension"].tolist() == [612.24, 1_255.10]
    target = Scenario(years=2, start=start, pay_award=0)
    assert compare([package], target)["cumulative_pension"].tolist() == [612.24, 1_236.73]


def test_no_pensionable_line_builds_no_pay():
    paid = np.array([[100, 200], [5, 7]], dtype=np.int64)
    assert pensionable_pay(paid, [False, False]).tolist() == [0, 0]
    assert pensionable_pay(paid, [True, True]).tolist() == [105, 207]


def test_leaving_stops_the_building_but_the_account_is_still_revalued():
    # £49,000 a year, leaving after 6 months: 24,500 / 49 = £500 in year 1. April 2018: +3%.
    package = offer(49_000, as_at="2017-01-01")
    scenario = Scenario(years=2, start=APRIL_2017, pay_award=0, leave_after_months=6)
    table = compare([package], scenario)
    assert table["pension_built_up"].tolist() == [500, 0]
    assert table["cumulative_pension"].tolist() == [500, 515]


def test_a_bad_revaluation_names_the_file_and_the_entry(tmp_path: Path):
    text = PENSION_FILE.read_text(encoding="utf-8").replace("percent: 10.1", "percent: lots")
    broken = tmp_path / "lgps_pension.yaml"
    broken.write_text(text, encoding="utf-8")
    with pytest.raises(DataError) as raised:
        load_lgps_pension(broken)
    assert "lgps_pension.yaml" in str(raised.value)
    assert raised.value.field == "revaluation.rates.2023.percent"
