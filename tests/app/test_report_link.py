"""The report's share link reopens the same comparison: the app, opened from it, shows the
headline and summary the report was built from."""

from __future__ import annotations

import datetime as dt
import urllib.parse
from decimal import Decimal

from incentives import load_offers, sharing
from incentives.pages import compare
from incentives.pages.views import Display
from incentives.report.link import share_link, share_params
from incentives.scenario import Scenario
from tests.app.pages import run

OFFERS = load_offers()
CHOSEN = [OFFERS["kirklees-social-worker"], OFFERS["brent-social-worker"]]
SCENARIO = Scenario(
    years=2,
    start=dt.date(2018, 9, 1),
    pay_award=Decimal("2.5"),
    leave_after_months=20,
    start_salary={"kirklees-social-worker": Decimal(30_000)},
    assumed={"brent-social-worker": {"salary.top": Decimal(45_000)}},
    student_loans=("plan2",),
    years_qualified=4,
    joins_as="staff in post",
    employer_pension_rate={"kirklees-social-worker": Decimal("17.5")},
)


def as_query(params: list[tuple[str, str]]) -> dict[str, str | list[str]]:
    """The parameters as the app reads them: a repeated name gives a list."""
    query: dict[str, list[str]] = {}
    for key, value in params:
        query.setdefault(key, []).append(value)
    return {key: values if len(values) > 1 else values[0] for key, values in query.items()}


def test_the_link_carries_every_choice_under_the_apps_parameter_names():
    query = as_query(share_params(CHOSEN, SCENARIO))
    assert sharing.check_link(query, OFFERS) == []
    assert query[sharing.OFFERS] == [offer.label for offer in CHOSEN]
    assert (query[sharing.YEARS.key], query[sharing.START]) == ("2", "September 2018")
    assert (query[sharing.PAY_AWARD.key], query[sharing.LEAVE_AFTER.key]) == ("2.5", "20")
    assert query[sharing.AWARD_KIND] == "A percentage each April"
    assert query[sharing.LEAVING] == "true" and query[sharing.STUDENT_LOANS] == "Plan 2"
    assert (query[sharing.YEARS_QUALIFIED.key], query[sharing.IN_POST]) == ("4", "true")
    assert query[sharing.salary_key("kirklees-social-worker")] == "30000"
    assert query[sharing.assumption_key("brent-social-worker", "salary.top")] == "45000"
    assert query[sharing.employer_rate_key(CHOSEN[0].council)] == "17.5"


def test_the_link_keeps_the_njc_awards_and_the_award_assumed_after_them():
    njc = Scenario(pay_award="njc", future_pay_award=Decimal("2.75"))
    query = as_query(share_params(CHOSEN[:1], njc))
    assert sharing.check_link(query, OFFERS) == []
    assert query[sharing.AWARD_KIND] == "NJC agreed awards"
    assert query[sharing.FUTURE_AWARD.key] == "2.75" and sharing.PAY_AWARD.key not in query


def test_the_link_opens_the_app_at_the_base_address_given():
    link = share_link(CHOSEN, SCENARIO, base_url="https://pay.example.org/")
    parts = urllib.parse.urlsplit(link)
    assert (parts.scheme, parts.netloc, parts.path) == ("https", "pay.example.org", "/")
    assert urllib.parse.parse_qsl(parts.query) == share_params(CHOSEN, SCENARIO)


def test_the_app_opened_from_the_link_shows_the_reports_comparison():
    app = run(**as_query(share_params(CHOSEN, SCENARIO)))
    assert not app.exception
    view = compare.build(CHOSEN, SCENARIO, Display.of(SCENARIO), dt.date.today())
    [headline] = view.leader.sentences
    assert headline in [markdown.value for markdown in app.markdown]
    shown = next(t.value for t in app.table if "Behind the first" in t.value.columns)
    assert shown.to_dict("list") == view.leader.table.to_pydict()
