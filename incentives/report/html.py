"""A report as one HTML document that stands alone: styles inline, charts inline SVG, no
scripts and nothing fetched when it is opened, so it can be mailed, filed or printed.

Every piece of text is escaped; the views' Markdown is rendered with raw HTML switched off.
"""

from __future__ import annotations

import base64
import functools
import html
import re
from collections.abc import Sequence
from importlib import resources

import pyarrow as pa
from markdown_it import MarkdownIt

from incentives.pages.views import Chart, Section
from incentives.report.content import Chapter, Report
from incentives.report.svg import FULL_WIDTH, HALF_WIDTH, chart_svg

_NUMBER = re.compile(r"^[−-]?£?[\d,]+(?:\.\d+)?%?$")
_NUMERIC = ' class="num"'  # a cell holding a number: set right and never wrapped
# The first column of the views' month-by-month figure tables (incentives.pages: the running
# total by pay date, and the total by the month you leave, counted from 1).
MONTHLY_COLUMNS = frozenset({"Pay date", "Leave after (months)"})
MOST_MONTHS_PRINTED = 36  # a longer month-by-month table prints only its year ends
YEAR_END_NOTE = (
    "Printed here: the end of each year (every 12th month) and the last month. "
    "The HTML report and the app hold every month."
)


@functools.cache
def _markdown() -> MarkdownIt:
    """CommonMark with raw HTML off: text from a package or a source cannot become markup."""
    return MarkdownIt("commonmark", {"html": False})


@functools.cache
def stylesheet() -> str:
    return resources.files("incentives.report").joinpath("report.css").read_text("utf-8")


def render(report: Report, *, printed: bool = False) -> str:
    """The report as an HTML document; ``printed`` for the PDF, whose month-by-month figure
    tables keep only their year ends (laying out hundreds of rows is most of a PDF's time)."""
    figures: list[tuple[int, Chart]] = []  # numbered charts whose figures go in the appendix
    chapters = [
        _chapter(index, chapter, figures, printed) for index, chapter in enumerate(report.chapters)
    ]
    title = html.escape(report.title)
    contents = "".join(
        f'<li><a href="#chapter-{i}">{html.escape(c.heading)}</a></li>'
        for i, c in enumerate(report.chapters)
    )
    return (
        '<!DOCTYPE html>\n<html lang="en-GB">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{title}</title>\n<style>\n{stylesheet()}</style>\n</head>\n<body>\n"
        f'<header class="title-page">\n<h1>{title}</h1>\n'
        f'<p class="subtitle">{html.escape(report.subtitle)}</p>\n'
        f'<p class="made">Made on {report.made:%-d %B %Y}.</p>\n'
        f'<nav aria-label="Contents"><h2>Contents</h2><ol>{contents}'
        '<li><a href="#figures">The figures in each chart</a></li>'
        '<li><a href="#about">About this report</a></li></ol></nav>\n</header>\n'
        + "".join(chapters)
        + _appendix(figures, printed)
        + _about(report)
        + "</body>\n</html>\n"
    )


def _chapter(index: int, chapter: Chapter, figures: list[tuple[int, Chart]], printed: bool) -> str:
    parts = "".join(_section(section, figures, printed) for section in chapter.sections)
    return (
        f'<section class="chapter" id="chapter-{index}">\n'
        f"<h2>{html.escape(chapter.heading)}</h2>\n{parts}</section>\n"
    )


def _section(section: Section, figures: list[tuple[int, Chart]], printed: bool) -> str:
    """A view's section in the order the app shows it: heading, lead, sentences, charts and
    their note, table, notes."""
    out = ['<div class="part">\n']
    if section.heading:
        out.append(f"<h3>{html.escape(section.heading)}</h3>\n")
    if section.lead:
        out.append(f'<p class="lead">{html.escape(section.lead)}</p>\n')
    out += [_markdown().render(sentence) for sentence in section.sentences]
    if section.charts:
        paired = len(section.charts) > 1
        drawn = "".join(_figure(chart, paired, figures, printed) for chart in section.charts)
        out.append(f'<div class="charts{" pair" if paired else ""}">{drawn}</div>\n')
    if section.chart_note:
        out.append(f'<p class="note">{html.escape(section.chart_note)}</p>\n')
    if section.table is not None:
        out.append(table_html(section.table, printed))
    out += [f'<div class="note">{_markdown().render(note)}</div>\n' for note in section.notes]
    out.append("</div>\n")
    return "".join(out)


def _figure(chart: Chart, paired: bool, figures: list[tuple[int, Chart]], printed: bool) -> str:
    """The chart inline as SVG; for the PDF, the same SVG as an image with the same text
    alternative, which WeasyPrint draws alike without parsing and styling each of its
    hundreds of elements as part of the page (about a twentieth of a PDF's time)."""
    number = len(figures) + 1
    figures.append((number, chart))
    svg = chart_svg(chart, HALF_WIDTH if paired else FULL_WIDTH)
    if printed:
        data = base64.b64encode(svg.encode("utf-8")).decode("ascii")
        alt = html.escape(chart.description, quote=True)
        svg = f'<img src="data:image/svg+xml;base64,{data}" alt="{alt}">'
    where = f' Its figures are in <a href="#figure-{number}">the table of figure {number}</a>.'
    return (
        f'<figure id="chart-{number}">{svg}<figcaption><strong>Figure {number}.</strong> '
        f"{html.escape(chart.description)}{where if chart.figures is not None else ''}"
        "</figcaption></figure>"
    )


def table_html(data: pa.Table, printed: bool = False) -> str:
    """A view's table: a header row repeated on each printed page, rows kept whole; for the
    PDF, with its columns' widths set (:func:`column_widths`)."""
    head = "".join(f'<th scope="col">{html.escape(name)}</th>' for name in data.column_names)
    texts = [
        ["" if value is None else str(value) for value in row.values()] for row in data.to_pylist()
    ]
    numeric = [[bool(_NUMBER.match(text)) for text in row] for row in texts]
    rows = [
        "<tr>"
        + "".join(
            f"<td{_NUMERIC if number else ''}>{html.escape(text)}</td>"
            for text, number in zip(row, numbers, strict=True)
        )
        + "</tr>"
        for row, numbers in zip(texts, numeric, strict=True)
    ]
    opening = "<table>"
    widths = column_widths(data.column_names, texts, numeric) if printed else None
    if widths is not None:
        cols = "".join(f'<col style="width: {width:.1f}%">' for width in widths)
        opening = f'<table class="sized"><colgroup>{cols}</colgroup>'
    return (
        f"{opening}\n<thead><tr>{head}</tr></thead>\n<tbody>\n"
        + "\n".join(rows)
        + "\n</tbody>\n</table>\n"
    )


# About how many characters of table text fit across an A4 page's text width: 178 mm of
# 8.5 pt DejaVu Sans, whose letters average about 0.55 em; a digit is 0.64 em, and each cell's
# padding (0.45 em a side) takes about two characters.
_TABLE_LINE = 108
_DIGIT = 1.2  # characters
_PADDING = 2  # characters
_BOLD = 1.3  # a heading's bold letters are wider, and a capital wider still


def column_widths(
    names: Sequence[str], rows: Sequence[Sequence[str]], numeric: Sequence[Sequence[bool]]
) -> list[float] | None:
    """Each column's share of the table's width, in percent, sized as a browser's automatic
    table layout sizes it but by counting characters: at least its longest word (a number's
    whole text, as numbers do not wrap), and what is left shared in proportion to how much
    more its longest text needs. WeasyPrint then lays the table out at these widths instead
    of measuring every cell's text twice more (about a tenth of a PDF's time). None when the
    longest words alone would not fit: the automatic layout is left to settle that."""
    longest = [_BOLD * _width(name) for name in names]
    least = [_BOLD * max(map(_width, name.split()), default=0) for name in names]
    for row, numbers in zip(rows, numeric, strict=True):
        for column, (text, number) in enumerate(zip(row, numbers, strict=True)):
            longest[column] = max(longest[column], _width(text))
            word = _width(text) if number else max(map(_width, text.split()), default=0)
            least[column] = max(least[column], word)
    least = [width + _PADDING for width in least]
    longest = [width + _PADDING for width in longest]
    if sum(least) > _TABLE_LINE:
        return None
    if sum(longest) <= _TABLE_LINE:
        chars = longest  # (the spare width is shared in proportion to these)
    else:
        spare = (_TABLE_LINE - sum(least)) / (sum(longest) - sum(least))
        chars = [low + (high - low) * spare for low, high in zip(least, longest, strict=True)]
    return [100 * count / sum(chars) for count in chars]


def _width(text: str) -> float:
    """The width of ``text`` in average characters, digits being wider."""
    return len(text) + (_DIGIT - 1) * sum(character.isdigit() for character in text)


def _appendix(figures: list[tuple[int, Chart]], printed: bool) -> str:
    """Each chart's figures as a table, for readers who cannot see the chart or want exact
    amounts (the app opens them beneath the chart)."""
    parts = [
        f'<div class="part" id="figure-{number}"><h3>Figure {number}</h3>\n'
        f'<p class="lead">{html.escape(chart.description)}</p>\n'
        f"{_figures_table(chart.figures, printed)}</div>\n"
        for number, chart in figures
        if chart.figures is not None
    ]
    return (
        '<section class="chapter" id="figures">\n<h2>The figures in each chart</h2>\n'
        + ("".join(parts) or "<p>Every chart's figures are in the tables above.</p>\n")
        + "</section>\n"
    )


def _figures_table(figures: pa.Table, printed: bool) -> str:
    """A chart's figures; in print, a table of more than three years of months shows the end
    of each year and the last month, and says where every month is."""
    months = figures.num_rows
    if (
        not printed
        or months <= MOST_MONTHS_PRINTED
        or figures.column_names[0] not in MONTHLY_COLUMNS
    ):
        return table_html(figures, printed)
    year_ends = sorted({*range(11, months, 12), months - 1})
    return f'<p class="note">{YEAR_END_NOTE}</p>\n' + table_html(figures.take(year_ends), printed)


def _about(report: Report) -> str:
    link = html.escape(report.share_link, quote=True)
    return (
        '<section class="chapter about" id="about">\n<h2>About this report</h2>\n'
        f"<p>Made on {report.made:%-d %B %Y} from the same page views the app shows.</p>\n"
        f"<p>{html.escape(report.data_version)}</p>\n"
        f'<p>Reopen the comparison: <a class="link" href="{link}">{link}</a></p>\n'
        "</section>\n"
    )
