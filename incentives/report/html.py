"""A report as one HTML document that stands alone: styles inline, charts inline SVG, no
scripts and nothing fetched when it is opened, so it can be mailed, filed or printed.

Every piece of text is escaped; the views' Markdown is rendered with raw HTML switched off.
"""

from __future__ import annotations

import functools
import html
import re
from importlib import resources

import pyarrow as pa
from markdown_it import MarkdownIt

from incentives.pages.views import Chart, Section
from incentives.report.content import Chapter, Report
from incentives.report.svg import FULL_WIDTH, HALF_WIDTH, chart_svg

_NUMBER = re.compile(r"^[−-]?£?[\d,]+(?:\.\d+)?%?$")
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
    chapters = [_chapter(index, chapter, figures) for index, chapter in enumerate(report.chapters)]
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


def _chapter(index: int, chapter: Chapter, figures: list[tuple[int, Chart]]) -> str:
    parts = "".join(_section(section, figures) for section in chapter.sections)
    return (
        f'<section class="chapter" id="chapter-{index}">\n'
        f"<h2>{html.escape(chapter.heading)}</h2>\n{parts}</section>\n"
    )


def _section(section: Section, figures: list[tuple[int, Chart]]) -> str:
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
        drawn = "".join(_figure(chart, paired, figures) for chart in section.charts)
        out.append(f'<div class="charts{" pair" if paired else ""}">{drawn}</div>\n')
    if section.chart_note:
        out.append(f'<p class="note">{html.escape(section.chart_note)}</p>\n')
    if section.table is not None:
        out.append(table_html(section.table))
    out += [f'<div class="note">{_markdown().render(note)}</div>\n' for note in section.notes]
    out.append("</div>\n")
    return "".join(out)


def _figure(chart: Chart, paired: bool, figures: list[tuple[int, Chart]]) -> str:
    number = len(figures) + 1
    figures.append((number, chart))
    svg = chart_svg(chart, HALF_WIDTH if paired else FULL_WIDTH)
    where = f' Its figures are in <a href="#figure-{number}">the table of figure {number}</a>.'
    return (
        f'<figure id="chart-{number}">{svg}<figcaption><strong>Figure {number}.</strong> '
        f"{html.escape(chart.description)}{where if chart.figures is not None else ''}"
        "</figcaption></figure>"
    )


def table_html(data: pa.Table) -> str:
    """A view's table: a header row repeated on each printed page, rows kept whole."""
    head = "".join(f'<th scope="col">{html.escape(name)}</th>' for name in data.column_names)
    rows = []
    for row in data.to_pylist():
        cells = []
        for value in row.values():
            text = "" if value is None else str(value)
            numeric = ' class="num"' if _NUMBER.match(text) else ""
            cells.append(f"<td{numeric}>{html.escape(text)}</td>")
        rows.append(f"<tr>{''.join(cells)}</tr>")
    return (
        f"<table>\n<thead><tr>{head}</tr></thead>\n<tbody>\n"
        + "\n".join(rows)
        + "\n</tbody>\n</table>\n"
    )


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
        return table_html(figures)
    year_ends = sorted({*range(11, months, 12), months - 1})
    return f'<p class="note">{YEAR_END_NOTE}</p>\n' + table_html(figures.take(year_ends))


def _about(report: Report) -> str:
    link = html.escape(report.share_link, quote=True)
    return (
        '<section class="chapter about" id="about">\n<h2>About this report</h2>\n'
        f"<p>Made on {report.made:%-d %B %Y} from the same page views the app shows.</p>\n"
        f"<p>{html.escape(report.data_version)}</p>\n"
        f'<p>Reopen the comparison: <a class="link" href="{link}">{link}</a></p>\n'
        "</section>\n"
    )
