"""LGPS (Scotland) member contributions: tiered, not banded, with their own limits each year."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from incentives import take_home
from incentives.catalog import DataError
from incentives.payroll.pension import scottish_rate
from incentives.pension_built_up import PENSION_FILE, LgpsPension, lgps_pension, load_lgps_pension


def _derived_only() -> LgpsPension:
    """The file's data with the published tables taken out: every year by the rule alone."""
    data = lgps_pension()
    tiers = data.scotland_member_tiers.model_copy(update={"published": {}})
    return data.model_copy(update={"scotland_member_tiers": tiers})


def test_the_regulation_s_rule_reproduces_the_published_2023_24_tiers() -> None:
    # Base x 1.012 (2015) x 1 (2016) x 1.01 x 1.03 x 1.024 x 1.017 x 1.005 x 1.031 x 1.101
    # = 1.25076…: 20,300 -> 25,390 -> £25,300; 24,800 -> 31,019 -> £31,000;
    # 34,000 -> 42,526 -> £42,500; 45,300 -> 56,659 -> £56,600 (each rounded down to £100).
    published = lgps_pension().scottish_tiers(2023)
    assert _derived_only().scottish_tiers(2023) == published
    assert [limit for limit, _ in published] == [25_300, 31_000, 42_500, 56_600, None]


def test_the_2015_16_tiers_are_the_base_raised_by_1_2_percent_and_rounded_down() -> None:
    # 20,300 x 1.012 = 20,543.6 -> 20,500; 24,800 -> 25,097.6 -> 25,000;
    # 34,000 -> 34,408 -> 34,400; 45,300 -> 45,843.6 -> 45,800. No increase in April 2016.
    limits = [20_500, 25_000, 34_400, 45_800, None]
    assert [limit for limit, _ in lgps_pension().scottish_tiers(2015)] == limits
    assert [limit for limit, _ in lgps_pension().scottish_tiers(2016)] == limits


@pytest.mark.parametrize(
    ("annual", "rate_ppm"),
    [
        (2_530_000, 55_000),  # £25,300: all in the first tier, 5.5%
        # £25,301: 25,300 x 5.5% + 1 x 7.25% = 1,391.5725 / 25,301 = 5.500069% -> 5.5001%
        (2_530_100, 55_001),
        # £31,000: 1,391.50 + 5,700 x 7.25% (413.25) = 1,804.75 / 31,000 = 5.821774% -> 5.8218%
        (3_100_000, 58_218),
        # £100,000: 1,391.50 + 413.25 + 11,500 x 8.5% (977.50) + 14,100 x 9.5% (1,339.50)
        # + 43,400 x 12% (5,208) = 9,329.75 -> 9.32975% -> 9.3298% (half up)
        (10_000_000, 93_298),
    ],
)
def test_the_scottish_rate_blends_the_tiers_in_2023_24(annual: int, rate_ppm: int) -> None:
    assert scottish_rate(2023, annual) == rate_ppm


def test_a_member_in_scotland_pays_the_tiered_rate_not_the_english_band() -> None:
    # £31,000 in 2023/24. Scotland: 5.8218% x 31,000 = 1,804.758 -> £1,804.76 (running
    # rounding over the year). England and Wales: band £25,901-£42,100, 6.5% = £2,015.00.
    assert take_home(31_000, 2023, region="scotland").pension == Decimal("1804.76")
    assert take_home(31_000, 2023, region="england").pension == Decimal("2015.00")


def test_the_fifty_fifty_section_in_scotland_pays_half_the_blend() -> None:
    # 5.8218% / 2 = 2.9109% x 31,000 = 902.379 -> £902.38
    assert take_home(31_000, 2023, region="scotland", pension="lgps-50-50").pension == Decimal(
        "902.38"
    )


def test_after_the_last_recorded_april_the_tiers_carry_forward() -> None:
    data = lgps_pension()
    last = max(data.revaluation.rates)
    assert data.scottish_tiers(last + 1) == data.scottish_tiers(last)


def test_a_top_tier_with_a_limit_is_refused_naming_the_file(tmp_path: Path) -> None:
    text = PENSION_FILE.read_text(encoding="utf-8").replace(
        "{up_to: null, rate: 12}", "{up_to: 99999, rate: 12}", 1
    )
    broken = tmp_path / "lgps_pension.yaml"
    broken.write_text(text, encoding="utf-8")
    with pytest.raises(DataError) as raised:
        load_lgps_pension(broken)
    assert "lgps_pension.yaml" in str(raised.value)
    assert "only the last one has no limit" in str(raised.value)
