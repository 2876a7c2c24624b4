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
from collections.abc import Iterable, Mapping

from incentives.model import Offer
from incentives.report import content
from incentives.report.html import render
from incentives.report.link import DEFAULT_BASE_URL
from incentives.scenario import Scenario


def report(
    offers: Mapping[str, Offer] | Iterable[Offer],
    scenario: Scenario,
    *,
    base_url: str = DEFAULT_BASE_URL,
    made: dt.date | None = None,
) -> str:
    """The comparison as one HTML document; ``base_url`` is where its share link opens the
    app, ``made`` the date it is dated (today unless given)."""
    chosen = list(offers.values() if isinstance(offers, Mapping) else offers)
    return render(content.build(chosen, scenario, made=made or dt.date.today(), base_url=base_url))


def report_pdf(
    offers: Mapping[str, Offer] | Iterable[Offer],
    scenario: Scenario,
    *,
    base_url: str = DEFAULT_BASE_URL,
    made: dt.date | None = None,
) -> bytes:
    """The same document as an A4 PDF, with the fonts it uses embedded."""
    # WeasyPrint takes over a second to import and needs Pango: only a PDF pays for it.
    import weasyprint

    document = report(offers, scenario, base_url=base_url, made=made)
    return bytes(weasyprint.HTML(string=document).write_pdf())


__all__ = ["report", "report_pdf"]
