"""The HTML report: the worked figures, one chart per chart shown, every source, and nothing
loaded from outside.

Worked figures, 3 years from April 2017 with no pay award, at the top of each scale:
Kirklees pays 35,696 salary + 1,500 supplement = 37,196 a year and a 2,000 golden hello in
month 1, so 3 × 37,196 + 2,000 = 113,588. Rotherham pays 38,720 + 5% (1,936) = 40,656 a year
and a retention lump sum of 2.5% of salary (968) each year: 3 × 41,624 = 124,872.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import html
import re
from decimal import Decimal
from html.parser import HTMLParser

import pytest

import incentives
from incentives import load_offers
from incentives.catalog import COUNCILS_FILE
from incentives.pages import compare, leaving
from incentives.pages.views import Display
from incentives.report import content, words
from incentives.report.html import stylesheet
from incentives.report.svg import chart_svg
from incentives.scenario import Scenario
from tests.builders import offer

OFFERS = load_offers()
KIRKLEES = OFFERS["kirklees-social-worker"]
ROTHERHAM = OFFERS["rotherham-social-worker"]
MADE = dt.date(2026, 12, 1)
# pay_award given: the default may follow the NJC awards, and these figures have none.
WORKED = Scenario(years=3, start=dt.date(2017, 4, 1), pay_award=Decimal(0))


@pytest.fixture(scope="module")
def document() -> str:
    return incentives.report([KIRKLEES, ROTHERHAM], WORKED, made=MADE)


class _Tags(HTMLParser):
    """Every start tag with its attributes, and the text, of a document."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def parsed(document: str) -> _Tags:
    tags = _Tags()
    tags.feed(document)
    return tags


def plain_text(document: str) -> str:
    body = document.split("</style>", 1)[1]
    return re.sub(r"\s+", " ", "".join(parsed(body).text))


def test_the_report_says_who_comes_out_ahead_and_by_how_much(document):
    # 124,872 − 113,588 = 11,284
    assert (
        "Rotherham: Social worker pays the most over 3 years: £124,872, £11,284 more than "
        "Kirklees: Experienced social worker (Level 3)." in plain_text(document)
    )


def table_rows(document: str, heading: str) -> list[list[str]]:
    """The body rows of the first table with a column named ``heading``."""
    for table in re.findall(r"<table>(.*?)</table>", document, re.S):
        if f">{heading}</th>" in table:
            return [
                [html.unescape(cell) for cell in re.findall(r"<td[^>]*>(.*?)</td>", row)]
                for row in re.findall(r"<tr>(.*?)</tr>", table.split("<tbody>")[1])
            ]
    raise AssertionError(f"no table has a column {heading!r}")


def test_the_year_by_year_table_holds_the_worked_totals(document):
    assert table_rows(document, "Gross pay to date") == [
        # Kirklees: 37,196 + 2,000 = 39,196, then + 37,196 = 76,392, then + 37,196 = 113,588
        ["Kirklees: Experienced social worker (Level 3)", "1", "£39,196", "£39,196"],
        ["Kirklees: Experienced social worker (Level 3)", "2", "£37,196", "£76,392"],
        ["Kirklees: Experienced social worker (Level 3)", "3", "£37,196", "£113,588"],
        # Rotherham: 41,624 a year
        ["Rotherham: Social worker", "1", "£41,624", "£41,624"],
        ["Rotherham: Social worker", "2", "£41,624", "£83,248"],
        ["Rotherham: Social worker", "3", "£41,624", "£124,872"],
    ]


def test_there_is_one_inline_chart_for_each_chart_the_pages_show(document):
    display = Display.of(WORKED)
    shown = [
        *compare.build([KIRKLEES, ROTHERHAM], WORKED, display, MADE).sections,
        *leaving.build([KIRKLEES, ROTHERHAM], WORKED, display).sections,
    ]
    charts = [chart for section in shown for chart in section.charts]
    # running total, totals by kind, one year-by-year chart per offer, and the leaving chart
    assert len(charts) == 5
    svgs = [attrs for tag, attrs in parsed(document).tags if tag == "svg"]
    assert [svg["aria-label"] for svg in svgs] == [chart.description for chart in charts]


def test_every_cited_address_is_a_plain_link(document):
    hrefs = {attrs.get("href") for tag, attrs in parsed(document).tags if tag == "a"}
    cited = {str(s.url) for o in (KIRKLEES, ROTHERHAM) for s in o.sources.values() if s.url}
    assert cited and cited <= hrefs


def test_every_figure_is_there_with_its_quoted_words(document):
    for chosen in (KIRKLEES, ROTHERHAM):
        for _path, figure in chosen.figures():
            for citation in figure.cite:
                assert html.escape(f"“{citation.quote}”", quote=False) in document


def test_the_report_loads_nothing_from_outside(document):
    tags = parsed(document).tags
    cited = {str(s.url) for o in (KIRKLEES, ROTHERHAM) for s in o.sources.values() if s.url}
    share = content.build([KIRKLEES, ROTHERHAM], WORKED, made=MADE).share_link
    names = {tag for tag, _ in tags}
    assert not names & {"script", "link", "img", "iframe", "object", "embed", "image", "use"}
    assert not [attrs for _, attrs in tags if "src" in attrs]
    links = [attrs["href"] for _, attrs in tags if attrs.get("href")]
    assert links, "the report links its sources"
    for href in links:
        assert href.startswith("#") or href in cited or href == share, href
    style = stylesheet()
    assert "url(" not in style and "@import" not in style and "@font-face" not in style


def test_the_report_says_when_it_was_made_and_which_data_made_it(document):
    digest = hashlib.sha256(COUNCILS_FILE.read_bytes()).hexdigest()[:12]
    text = plain_text(document)
    assert "Made on 1 December 2026." in text
    assert f"SHA-256 {digest}" in text and f"version {incentives.__version__}" in text


def test_the_scenario_is_in_plain_words():
    scenario = Scenario(
        years=2,
        start=dt.date(2018, 9, 1),
        pay_award=Decimal("2.5"),
        leave_after_months=7,
        student_loans=("plan2",),
        pension=Decimal("5.5"),
        years_qualified=2,
        joins_as="staff in post",
        money="real",
        price_year=2024,
    )
    assert words.scenario_sentences([KIRKLEES], scenario) == (
        "**Start and years:** starting in September 2018 and compared over 2 years, to "
        "August 2020.",
        "**Pay award:** 2.5% on basic pay each 1 April after the start.",
        "**Leaving:** you leave after 7 months; any clawback is deducted in the month you leave.",
        "**Salary:** each offer at the top of its scale.",
        "**The candidate:** pays income tax in England, Wales or NI; student loans: Plan 2; "
        "pension: another scheme, 5.5% of pensionable pay; qualified 2 years ago, already "
        "working there.",
        "**Money:** amounts are in real terms, at 2024 prices.",
    )


def test_a_starting_salary_below_the_top_says_the_step_is_an_assumption():
    scenario = Scenario(start_salary={KIRKLEES.id: Decimal(30_000)}, annual_step=Decimal(3))
    [salary] = [
        s for s in words.scenario_sentences([KIRKLEES, ROTHERHAM], scenario) if "Salary" in s
    ]
    assert salary == (
        "**Salary:** Kirklees: Experienced social worker \\(Level 3\\) from £30,000 a year; "
        "rising up a scale the council does not publish by 3% a year (an assumption) until the "
        "top. Other offers at the top of their scale."
    )


def test_offers_published_over_three_years_before_are_marked_historical():
    # Kirklees's offer is dated 29 November 2016: historical by December 2026, not in June 2017
    [late] = words.offer_standing([KIRKLEES], WORKED, dt.date(2026, 12, 1))
    [early] = words.offer_standing([KIRKLEES], WORKED, dt.date(2017, 6, 1))
    assert "historical, not necessarily the offer today" in late
    assert "historical" not in early


def test_an_ended_offer_says_when_it_closed():
    leeds = OFFERS["leeds-social-worker"]  # the scheme closed on 30 June 2024
    [standing] = words.offer_standing([leeds], WORKED, dt.date(2026, 12, 1))
    assert "**Ended** on 30 June 2024." in standing
    [before] = words.offer_standing([leeds], WORKED, dt.date(2024, 6, 29))
    assert "Ended" not in before


def test_a_payment_reserved_for_others_is_marked_not_for_this_candidate():
    oxfordshire = OFFERS["oxfordshire-social-worker"]  # golden hello: 3 years qualified
    made, salary = dt.date(2026, 12, 1), {oxfordshire.id: {"salary.top": Decimal(40_000)}}
    [newly] = words.offer_standing([oxfordshire], Scenario(years_qualified=1, assumed=salary), made)
    [experienced] = words.offer_standing(
        [oxfordshire], Scenario(years_qualified=3, assumed=salary), made
    )
    assert "**Not for this candidate:** Golden hello, not for you: needs three years'" in newly
    assert "Not for this candidate" not in experienced
    assert "**Conditional:** Golden hello, depends on: three years'" in experienced


def test_the_assumptions_you_supplied_are_listed_beside_those_left_at_zero():
    brent = OFFERS["brent-social-worker"]  # publishes neither its salary nor a one-off's amount
    assert brent.unpublished() == ["salary.top", "components.1.instalments.0.amount"]
    scenario = Scenario(assumed={brent.id: {"salary.top": Decimal(45_000)}})
    [section, pay_awards] = content.assumptions_chapter([brent], scenario).sections
    assert pay_awards.heading == "Pay awards in these figures"
    [salary, one_off] = section.table.to_pylist()
    assert salary == {
        "Offer": brent.label,
        "Figure": "Salary, top of the scale",
        "Value used": "not published; your assumption: £45,000",
    }
    assert one_off["Value used"] == "not published (counted as £0 until you enter an assumption)"


def test_print_styles_keep_rows_whole_and_start_each_chapter_on_a_new_a4_page(document):
    style = document.split("<style>", 1)[1].split("</style>", 1)[0]
    assert "size: A4" in style
    assert "tr { break-inside: avoid; }" in style
    assert "thead { display: table-header-group; }" in style
    assert ".chapter { break-before: page; }" in style


def test_text_from_a_package_cannot_become_markup():
    package = offer(30_000, id="yours-test", council="<script>alert(1)</script> Council")
    document = incentives.report([package], Scenario(years=1, pay_award=Decimal(0)), made=MADE)
    assert "<script" not in document
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in document


def test_the_report_names_its_chapters_in_reading_order(document):
    report = content.build([KIRKLEES, ROTHERHAM], WORKED, made=MADE)
    assert [chapter.heading for chapter in report.chapters] == [
        "The comparison",
        "What each council's offer pays",
        "If you leave early",
        "Take-home pay and cost to the council",
        "Your assumptions",
        "Where the figures come from",
    ]
    headings = [s.heading for s in report.chapters[3].sections]
    assert headings[:2] == [
        "Take-home pay: who comes out ahead",
        "Cost to the council: who comes out ahead",
    ]
    # and after them, the figures in each chart and what made the report
    assert document.count('<section class="chapter') == 6 + 2


def test_charts_are_drawn_at_the_page_width_not_an_unmeasured_container():
    long_name = offer(30_000, id="yours-long", council="A Council " + "With A Long Name " * 6)
    view = compare.build([KIRKLEES, long_name], WORKED, Display.of(WORKED), MADE)
    [totals] = view.made_of.charts
    svg = chart_svg(totals)
    assert 'width="600"' in svg.split(">", 1)[0]  # the full text width of an A4 page
    # the app limits a label to 40% of its container (at most 260 px): the long name is cut
    assert "With A Long Name" in svg and "…" in svg


def test_the_njc_awards_are_named_with_the_award_assumed_after_the_last_agreed_one():
    njc = Scenario(pay_award="njc", future_pay_award=Decimal("2.75"))
    [award] = [s for s in words.scenario_sentences([KIRKLEES], njc) if "Pay award" in s]
    assert award == (
        "**Pay award:** the NJC's agreed awards, each from its 1 April; after the last agreed "
        "one, 2.75% each April (an assumption)."
    )
