"""A comparison as a document to take to a meeting: one HTML page that stands alone, or a PDF.

Both are built from the app's own page views (incentives.pages), so a figure in a report is
the figure the app shows::

    import incentives
    offers = incentives.load_offers()
    chosen = [offers["kirklees-social-worker"], offers["rotherham-social-worker"]]
    html = incentives.report(chosen, incentives.Scenario(years=3))
"""

from __future__ import annotations

import datetime as dt
import functools
import threading
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING

from incentives.model import Offer
from incentives.report import content
from incentives.report.html import render
from incentives.report.link import DEFAULT_BASE_URL
from incentives.scenario import Scenario

if TYPE_CHECKING:
    from weasyprint.text.fonts import FontConfiguration

# One font configuration serves every PDF (finding the fonts again costs each PDF time); Pango
# and fontconfig are not safe to share between threads, so one PDF is laid out at a time.
_LAYOUT = threading.Lock()


def report(
    offers: Mapping[str, Offer] | Iterable[Offer],
    scenario: Scenario,
    *,
    base_url: str = DEFAULT_BASE_URL,
    made: dt.date | None = None,
) -> str:
    """The comparison as one HTML document; ``base_url`` is where its share link opens the
    app, ``made`` the date it is dated (today unless given)."""
    return render(_content(offers, scenario, base_url, made))


def report_pdf(
    offers: Mapping[str, Offer] | Iterable[Offer],
    scenario: Scenario,
    *,
    base_url: str = DEFAULT_BASE_URL,
    made: dt.date | None = None,
) -> bytes:
    """The same document as an A4 PDF, with the fonts it uses embedded. Its month-by-month
    figure tables print the end of each year and the last month, and say that the HTML report
    and the app hold every month."""
    # WeasyPrint takes over a second to import and needs Pango: only a PDF pays for it.
    import weasyprint

    document = render(_content(offers, scenario, base_url, made), printed=True)
    with _LAYOUT:
        return bytes(weasyprint.HTML(string=document).write_pdf(font_config=_font_config()))


def _content(
    offers: Mapping[str, Offer] | Iterable[Offer],
    scenario: Scenario,
    base_url: str,
    made: dt.date | None,
) -> content.Report:
    chosen = list(offers.values() if isinstance(offers, Mapping) else offers)
    return content.build(chosen, scenario, made=made or dt.date.today(), base_url=base_url)


@functools.cache
def _font_config() -> FontConfiguration:
    from weasyprint.text.fonts import FontConfiguration

    return FontConfiguration()


__all__ = ["report", "report_pdf"]
