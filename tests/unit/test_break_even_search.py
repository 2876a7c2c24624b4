"""The break-even search on its grid of cuts: the cost weighed is the one at the leaving rate
asked about, and a cut smaller than the grid's first step is still found."""

from __future__ import annotations

import pytest

from incentives import Scenario, break_even
from incentives.break_even_search import CutCosts, VacancyCost
from incentives.retention import Curves
from tests.builders import golden_hello, offer

# 2025/26, no pension: each pound of incentive costs £1 + 15% employer NI + 0.5% levy
SCENARIO = Scenario(pay_award=0, start="2025-04-01", years=1, pension=0)


def test_the_cost_weighed_is_the_one_at_the_leaving_rate_asked_about():
    # A £1,200 golden hello in month 1, kept by everyone: £1,200 + £180 NI + £6 levy = £1,386
    # per hire whenever they leave. At 50% a year the monthly chance of leaving is
    # q = 1 − 0.5^(1/12) = 0.056126, and a post is filled (1 − 0.5) / q = 8.90858 months of
    # the year, so the hello costs 12 × 1,386 / 8.90858 = £1,866.96 a post-year. At the
    # grid's next rate (49.95%) posts are filled longer and it costs about 75p less.
    result = break_even(offer(24_000, golden_hello(1_200)), SCENARIO, 50, VacancyCost(0, 0, 4_500))
    assert result.incentive_cost_per_post_year == pytest.approx(1_866.96, abs=0.005)


def test_a_cut_smaller_than_the_first_step_tried_is_found():
    # £24 a year as £2 a month: £2 + 30p NI + 1p levy = £2.31 a month, £27.72 a post-year at
    # any leaving rate. A leaver costing £100,000 pays for it with a cut of
    # 27.72 / 100,000 = 0.02772 points, under the grid's first step of 50 / 1,000 = 0.05.
    premium = offer(24_000, {"kind": "supplement", "name": "Premium", "amount": 24})
    result = break_even(premium, SCENARIO, 50, VacancyCost(0, 0, 100_000))
    assert result.incentive_cost_per_post_year == pytest.approx(27.72)
    assert result.required_cut == pytest.approx(0.02772, abs=1e-9)  # points


def test_the_grid_tries_every_thousandth_of_the_leaving_rate():
    package = offer(24_000, golden_hello(1_200))
    with_incentives = Curves.of(package, SCENARIO)
    salary_only = Curves.of(package.model_copy(update={"components": ()}), SCENARIO)
    grid = CutCosts.of(with_incentives, salary_only, 50)
    # 1,001 cuts from none to the whole 50 points, 50 / 1,000 = 0.05 apart
    assert len(grid.cuts) == 1_001
    assert (grid.cuts[0], grid.cuts[1], grid.cuts[-1]) == (0, pytest.approx(0.05), 50)


@pytest.mark.parametrize(
    ("figures", "refused"),
    [
        ((-1, 3, 5_000), "agency premium a month \\(£\\) is 0 or more; -1"),
        ((1_000, -0.5, 5_000), "months to fill a post is 0 or more; -0.5"),
        ((1_000, 3, -1), "recruitment cost a hire \\(£\\) is 0 or more; -1"),
        ((1_000, float("inf"), 5_000), "months to fill a post is 0 or more; inf"),
        ((1_000, 3, float("nan")), "recruitment cost a hire \\(£\\) is 0 or more; nan"),
    ],
)
def test_a_vacancy_cost_with_a_negative_or_endless_figure_is_refused_naming_it(figures, refused):
    # −£1,000 a month for 3 months would make each leaver save the council money
    with pytest.raises(ValueError, match=f"^a vacancy's {refused} was given$"):
        VacancyCost(*figures)


def test_a_vacancy_that_costs_nothing_is_taken():
    # no agency cover, filled at once, no fee: each leaver costs £0
    assert VacancyCost(0, 0, 0).per_leaver == 0
