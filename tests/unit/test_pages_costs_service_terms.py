"""The service view's words, table and figures, pinned where a slip would show.

The offer is the one worked in test_pages_costs.py: a £1,200 a year supplement on £30,000 in
2017/18, employer's pension 17%, costing £1,575.60 a post a year whatever the leaving rate;
its recruitment fee at 10% is £3,000.
"""

from __future__ import annotations

from decimal import Decimal

import pytest

from incentives import VacancyCost, workforce
from incentives.leavers import curves_of
from incentives.pages import costs_break_even, costs_service
from incentives.pages.costs_break_even import priced
from incentives.pages.costs_service import (
    Service,
    ServiceView,
    kirklees_example,
    offer_sentence,
    service_view,
)
from tests.builders import golden_hello, offer
from tests.page_checks import COST_PAGE_YEAR, LABEL

SERVICE = Service(posts=100, annual_leaving_rate=15, agency_share=20)


def supplement(amount: float):
    return offer(
        30_000, {"kind": "supplement", "name": "Supplement", "from_month": 1, "amount": amount}
    )


def offers_of(package=None, share: float = 10) -> dict[str, costs_break_even.Priced]:
    with_incentives, salary_only = curves_of(package or supplement(1_200), COST_PAGE_YEAR)
    return {LABEL: priced(LABEL, with_incentives, salary_only, share)}


def test_a_vacancy_of_one_month_is_one_month_of_cover_in_the_note():
    section = costs_service.section(offers_of(), SERVICE, 1_000, 1, kirklees_example())
    assert "your vacancy cost (1 month of agency cover and a recruitment fee" in section.notes[0]


def test_kirklees_figures_are_worked_into_posts_and_a_leaving_rate_in_words():
    example = kirklees_example()
    source = workforce.figure("kirklees.social_worker_vacancies_fte").source
    # data/workforce.yaml: 32 left, 19 hired, 25% agency of about 1,300 staff (January 2017);
    # 20 FTE vacancies, 7% of a full workforce (September 2019): 20 / 0.07 = 285.7, about 286
    assert example.sentences == (
        "Kirklees told the Examiner that 32 social workers left and 19 were hired in the 12 "
        "months to January 2017: 13 fewer in post. About 25% of its roughly 1,300 children's "
        "services staff (all roles, not only social workers) were agency workers.",
        "Posts: about 286, an estimate: 20 FTE vacancies were 7% of a fully staffed workforce "
        f"in September 2019 (DfE figures, {source}); 20 ÷ 7% ≈ 286.",
        "Leaving rate: 32 ÷ 286 = 11.2% a year. The figures are of different years (2017 and "
        "2019): a worked example of using a council's own figures, not Kirklees today.",
        "Agency share: 25% of posts, taking the share of all children's services staff for "
        "social work posts; the council said frontline teams had more.",
    )


@pytest.mark.parametrize(
    ("figures", "refused"),
    [
        ((-1, 15, 20), "a service has 0 or more posts; -1"),
        ((float("inf"), 15, 20), "a service has 0 or more posts; inf"),
        ((100, 100.5, 20), "an annual leaving rate is a percentage from 0 to 100; 100.5"),
        ((100, -0.5, 20), "an annual leaving rate is a percentage from 0 to 100; -0.5"),
        ((100, 15, 100.5), "an agency share is a percentage of posts from 0 to 100; 100.5"),
        ((100, 15, -0.5), "an agency share is a percentage of posts from 0 to 100; -0.5"),
    ],
)
def test_a_service_with_a_figure_out_of_range_is_refused_naming_it(figures, refused):
    # the page bounds its inputs, but the library is called with any numbers: an agency
    # share of 100.5% would price more agency cover than there are posts, without a word
    with pytest.raises(ValueError, match=f"^{refused} was given$"):
        Service(*figures)


def test_a_service_at_the_edges_of_each_range_is_taken():
    # no posts, nobody leaving and no agency cover; and every post leaving and agency-covered
    assert Service(0, 0, 0).agency_share == 0
    assert Service(100, 100, 100).agency_share == 100


def test_a_cut_beyond_the_leaving_rate_is_refused_with_the_rate():
    with_incentives, salary_only = curves_of(supplement(1_200), COST_PAGE_YEAR)
    vacancy = VacancyCost(1_000, 20, 3_000)
    with pytest.raises(ValueError, match=r"^a cut is from 0 to the annual leaving rate \(15 "):
        service_view(SERVICE, with_incentives, salary_only, vacancy, cut=16)


def test_the_cost_with_a_cut_is_the_cost_at_the_lower_rate():
    # A £1,000 golden hello on joining costs more the more posts are refilled: with a 5 point
    # cut from 15% it costs what it does at 10%, less than at 15% (or at 20%)
    with_incentives, salary_only = curves_of(offer(30_000, golden_hello(1_000)), COST_PAGE_YEAR)
    vacancy = VacancyCost(1_000, 20, 3_000)
    cut = service_view(SERVICE, with_incentives, salary_only, vacancy, cut=5)
    at_ten = service_view(
        Service(100, 10, 20), with_incentives, salary_only, vacancy, cut=0
    ).incentive_cost_without_cut
    assert cut.incentive_cost_with_cut == at_ten < cut.incentive_cost_without_cut


def test_the_agency_share_after_a_large_cut_stops_at_none():
    # 20% − 15 points × 20 months / 12 = 20 − 25: no agency share left, not less
    with_incentives, salary_only = curves_of(supplement(1_200), COST_PAGE_YEAR)
    view = service_view(
        SERVICE, with_incentives, salary_only, VacancyCost(1_000, 20, 3_000), cut=15
    )
    assert view.agency_share_after == 0.0


def hand_view(net: str, cost: str = "157560.00") -> ServiceView:
    return ServiceView(
        cut=5, leavers_now=15, leavers_with_cut=10, leavers_avoided=5,
        incentive_cost_without_cut=Decimal(cost), incentive_cost_with_cut=Decimal(cost),
        agency_spend_now=Decimal("240000.00"), agency_spend_saved=Decimal("100000.00"),
        recruitment_saved=Decimal("15000.00"), net_saving=Decimal(net), agency_share_after=11.7,
    )  # fmt: skip


def test_the_net_saving_is_a_saving_from_nothing_up_and_a_spend_below():
    assert offer_sentence(LABEL, hand_view("0.00"), True).endswith(
        ": net, the service saves £0 a year."
    )
    assert offer_sentence(LABEL, hand_view("0.50"), True).endswith(
        ": net, the service saves £0.50 a year."
    )
    assert offer_sentence(LABEL, hand_view("-0.50"), True).endswith(
        ": net, the service spends £0.50 a year more than it saves."
    )


def test_incentives_costing_the_service_pence_are_still_a_cost():
    sentence = offer_sentence(LABEL, hand_view("0.00", cost="0.50"), True)
    assert sentence.startswith("**Test: Social worker** must cut leaving by 5.0 points")


def test_an_offer_that_pays_says_the_cut_it_needs_across_the_service():
    # A leaver saves 20 × £1,000 + £3,000 = £23,000; 1,575.60 / 23,000 = 6.8504 points:
    # 6.85 of 100 posts kept, saving 6.8504 × 20,000 = £137,008.70 of cover and
    # 6.8504 × 3,000 = £20,551.30 of fees; agency share 20 − 6.8504 × 20 / 12 = 8.58%
    section = costs_service.section(offers_of(), SERVICE, 1_000, 20, kirklees_example())
    assert section.sentences[1].startswith(
        "**Test: Social worker** must cut leaving by 6.9 points, keeping 6.9 of the 15.0 "
        "leavers a year. Its incentives cost £157,560 a year across the service at today's "
        "rate and £157,560 at the lower one; the leavers kept save agency cover of "
        "£137,008.70 and recruitment of £20,551.30: net, the service "
    )
    assert section.table is not None
    [row] = section.table.to_pylist()
    del row["Net saving a year"]  # £0 to within the penny each part is rounded to
    assert row == {
        "Offer": LABEL,
        "Cut (points)": "6.9",
        "Leavers to keep a year": "6.9",
        "Incentives a year, today's rate": "£157,560",
        "Incentives a year, with the cut": "£157,560",
        "Agency spend saved": "£137,008.70",
        "Recruitment saved": "£20,551.30",
        "Agency share after (%)": "8.6",
    }


def test_the_notes_say_what_the_service_view_assumes():
    section = costs_service.section(offers_of(), SERVICE, 1_000, 20, kirklees_example())
    assert section.notes == (
        "Each offer's cut is the one it needs at the service's own turnover and your vacancy "
        "cost (20 months of agency cover and a recruitment fee per leaver kept). The "
        "incentives are paid to every post, including those whose holders would have stayed "
        "anyway; the agency share after assumes every vacancy is covered by an agency worker.",
    )


def test_the_worked_example_is_introduced_and_its_figures_explained_beneath():
    example = kirklees_example()
    section = costs_service.section(offers_of(), example.service, 1_000, 20, example)
    assert section.lead == (
        "Kirklees's own published figures, as a worked example; change them to your council's."
    )
    assert section.notes[1:] == example.sentences
