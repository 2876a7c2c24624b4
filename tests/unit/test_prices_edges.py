"""Real-terms factors where the visitor leaves a choice to the defaults, or sets their own."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from incentives.prices import factors, latest_published_year


def test_real_terms_default_to_the_prices_of_the_last_year_with_published_cpi():
    # data/prices.yaml publishes CPI up to 2024 (2.5%); 2025 is not published, so it takes
    # the 2% target: a pound paid in 2024 stays a pound, one paid in 2025 is 1 / 1.02
    assert latest_published_year() == 2024
    paid = [dt.date(2024, 6, 28), dt.date(2025, 6, 27)]
    result = factors(paid, dt.date(2024, 4, 1), "real")
    assert result is not None
    assert result.tolist() == pytest.approx([1, 1 / 1.02])


def test_an_assumed_inflation_is_used_for_the_years_not_yet_published():
    # In 2025 prices, at 5% a year after 2024: a pound paid in 2026 is worth 1 / 1.05
    paid = [dt.date(2026, 6, 26)]
    result = factors(paid, dt.date(2025, 4, 1), "real", price_year=2025, inflation=Decimal(5))
    assert result is not None
    assert result.tolist() == pytest.approx([1 / 1.05])


def test_a_present_value_discounts_at_the_rate_given():
    # At 10% a year (not the Green Book's 3.5%), in the start year's prices: months 1 and 2
    # are discounted by 1.1^(1/12) and 1.1^(2/12), 0.992089 and 0.984240
    paid = [dt.date(2025, 4, 25), dt.date(2025, 5, 23)]
    result = factors(paid, dt.date(2025, 4, 1), "present_value", discount_rate=Decimal(10))
    assert result is not None
    assert result.tolist() == pytest.approx([0.992089, 0.984240], abs=1e-6)
