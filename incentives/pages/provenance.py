"""Where each figure comes from: the value, its sources and the words quoted from them."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from decimal import Decimal

from incentives.model import Money, Offer, OneOff, Retention, Supplement
from incentives.money import format_gbp, pence

_MARKDOWN = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~$])")


def escape_markdown(text: str) -> str:
    """Text shown literally as Markdown, whatever characters it holds."""
    return _MARKDOWN.sub(r"\\\1", text)


def figure_name(offer: Offer, path: str) -> str:
    """A reader's name for the figure at ``path``."""
    parts = path.split(".")
    if parts[0] == "salary":
        return "Salary, top of the scale" if parts[1] == "top" else "Salary, a lower point"
    if parts[0] == "employer_pension_rate":
        return "Employer pension contribution (%)"
    component = offer.components[int(parts[1])]
    if isinstance(component, Supplement):
        return f"{component.name} ({'£ a year' if parts[2] == 'amount' else '% of basic'})"
    if isinstance(component, OneOff):
        number = int(parts[3]) + 1
        part = f", instalment {number}" if len(component.instalments) > 1 else ""
        return f"{component.name}{part}"
    if isinstance(component, Retention):
        tier = component.tiers[int(parts[3])]
        return f"{component.name}, from year {tier.from_year}"
    return path


def figure_value(figure: Money | object, assumed: Decimal | None) -> str:
    value = getattr(figure, "value", None)
    shown = value if value is not None else assumed
    if shown is None:
        return "not published (counted as £0 until you enter an assumption)"
    text = format_gbp(pence(shown)) if isinstance(figure, Money) else f"{shown.normalize():f}%"
    return text if value is not None else f"not published; your assumption: {text}"


def figure_rows(offer: Offer, assumed: Mapping[str, Decimal]) -> list[dict[str, str]]:
    """One row per figure: name, value (or 'not published'), source and quoted words."""
    rows = []
    for path, figure in offer.figures():
        # Two quotes from one page name the page once
        sources = [offer.sources[key] for key in dict.fromkeys(c.source for c in figure.cite)]
        rows.append(
            {
                "Figure": figure_name(offer, path),
                "Value": figure_value(figure, assumed.get(path)),
                "Source": "; ".join(f"{s.publication}, {s.date:%-d %B %Y}" for s in sources) or "—",
                "Quoted words": " / ".join(f"“{c.quote}”" for c in figure.cite) or "—",
                "Note": figure.note or "",
            }
        )
    return rows


def _link(url: str) -> str:
    """A URL that cannot end a Markdown link early: its parentheses percent-encoded. (Any
    space is encoded already: addresses are validated as ``HttpUrl``, which writes one as
    ``%20`` but leaves parentheses as they are.)"""
    return url.replace("(", "%28").replace(")", "%29")


def sources_list(offer: Offer) -> str:
    """Markdown list of the offer's sources, linked where the address is known."""
    items = []
    for source in offer.sources.values():
        title = escape_markdown(source.publication)
        line = f"[{title}]({_link(str(source.url))})" if source.url else title
        note = f" {escape_markdown(source.note)}" if source.note else ""
        items.append(f"- {line}, {source.date:%-d %B %Y}.{note}")
    return "**Sources**\n\n" + "\n".join(items) if items else ""


def dated(offer: Offer, today: dt.date) -> str:
    """When the offer was published, how long ago, and whether that makes it historical."""
    if offer.age_in_years(today) is None:
        read = f" (read {offer.as_at:%-d %B %Y})" if offer.as_at else ""
        return f"undated: the source gives no date{read}, so it may not be current"
    years = offer.age_in_years(today) or 0
    age = "this year" if years < 1 else f"{int(years)} year{'s' if int(years) != 1 else ''} ago"
    flag = ": historical, not necessarily the offer today" if offer.is_historical(today) else ""
    return f"{offer.as_at:%-d %B %Y} ({age}){flag}"


def dated_short(offer: Offer, today: dt.date) -> str:
    """'Nov 2016 (historical)', 'Apr 2025', or 'undated', for a table cell."""
    if offer.age_in_years(today) is None:
        return "undated"
    return f"{offer.as_at:%b %Y}" + (" (historical)" if offer.is_historical(today) else "")
