"""The parts every page view is made of: sections, charts, tables, downloads, display choices.

A view is a frozen record. Its sentences are Markdown; its tables are Arrow tables of text
cells, ready to show; its charts are Vega-Lite specifications with their data as Arrow tables,
each with a text alternative for screen readers and (unless a table on the page already holds
them) its figures as a table.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

import altair as alt
import pandas as pd
import pyarrow as pa

from incentives import prices
from incentives.scenario import Scenario
from incentives.vocabulary import LEAVING_MEASURES, MEASURES, LeavingMeasure, Measure


@dataclass(frozen=True)
class Chart:
    """A chart: its Vega-Lite specification, whose named datasets are in ``data``."""

    spec: Mapping[str, Any]  # without "datasets": see arrow_spec and inline_spec
    data: Mapping[str, pa.Table]  # the datasets the specification names
    description: str  # the text alternative: what the chart shows and its main figures
    figures: pa.Table | None  # the same figures as a table; None where the page shows them

    @cached_property
    def arrow_spec(self) -> dict[str, Any]:
        """The specification with each dataset as Arrow IPC bytes, as Streamlit takes it.

        Worked out once per chart, so a rerun that draws a cached view only redraws.
        """
        return {**self.spec, "datasets": {n: _ipc(t) for n, t in self.data.items()}}

    def inline_spec(self) -> dict[str, Any]:
        """The specification with each dataset as rows of plain values, for vega-embed."""
        return {**self.spec, "datasets": {n: _rows(t) for n, t in self.data.items()}}


@dataclass(frozen=True)
class Section:
    """Part of a page under one heading, in reading order: ``lead`` (a caption under the
    heading), the sentences, the charts with ``chart_note`` beneath them, the table, and the
    notes (captions after it)."""

    heading: str
    lead: str = ""
    sentences: tuple[str, ...] = ()  # Markdown paragraphs
    charts: tuple[Chart, ...] = ()
    chart_note: str = ""  # how to read the charts, or what the table beneath them holds
    table: pa.Table | None = None
    notes: tuple[str, ...] = ()


@dataclass(frozen=True)
class Csv:
    """A download: the figures behind a page, in full, as CSV."""

    label: str
    file_name: str
    data: bytes = field(repr=False)
    help: str | None = None


@dataclass(frozen=True)
class Display:
    """How amounts are shown: which measure, and in what money (words for a caption)."""

    measure: Measure = "gross"
    money_words: str = "in pounds as paid"

    @classmethod
    def of(cls, scenario: Scenario, measure: Measure = "gross") -> Display:
        return cls(measure=measure, money_words=money_words(scenario))

    @property
    def measure_name(self) -> str:
        return MEASURES[self.measure]

    @property
    def leaving_measure(self) -> LeavingMeasure:
        """The measure as the leaving curves carry it (see :meth:`per_leaver`)."""
        return self.measure if self.measure in LEAVING_MEASURES else "gross"

    def per_leaver(self) -> Display:
        """The display for pages that follow one worker month by month: total reward is
        counted for a comparison, not per leaver, so those pages show it as gross pay."""
        if self.measure in LEAVING_MEASURES:
            return self
        return Display(measure="gross", money_words=self.money_words)

    @property
    def amounts_are(self) -> str:
        return f"Amounts are {self.money_words}."


def money_words(scenario: Scenario) -> str:
    """How amounts are expressed, for a caption: 'in real terms, at 2024 prices'."""
    if scenario.money == "real":
        return f"in real terms, at {scenario.price_year or prices.latest_published_year()} prices"
    if scenario.money == "present_value":
        rate = (
            scenario.discount_rate
            if scenario.discount_rate is not None
            else prices.default_discount_rate()
        )
        return (
            f"as present values at the start, in {scenario.start.year} prices, "
            f"discounted at {rate}% a year"
        )
    return "in pounds as paid"


def chart(drawn: alt.TopLevelMixin, description: str, figures: pd.DataFrame | None = None) -> Chart:
    """A chart built by incentives.charts, with its data taken out as Arrow tables.

    Each data frame goes under a name the specification refers to, rather than into Altair's
    inline values. The chart is used up: its data are replaced by those names. Not validated
    again here: the chart builders' tests validate every kind of chart.
    """
    data: dict[str, pa.Table] = {}
    names: dict[int, str] = {}
    for part in [drawn, *getattr(drawn, "layer", [])]:
        if isinstance(part.data, pd.DataFrame):
            if id(part.data) not in names:
                names[id(part.data)] = f"data-{len(names)}"
                data[names[id(part.data)]] = table(part.data)
            part.data = alt.NamedData(name=names[id(part.data)])
    spec = drawn.to_dict(validate=False)
    spec.pop("datasets", None)
    return Chart(spec, data, description, None if figures is None else table(figures))


def table(frame: pd.DataFrame) -> pa.Table:
    return pa.Table.from_pandas(frame, preserve_index=False)


def listing(items: Iterable[str], most: int = 6) -> str:
    """Items joined for a sentence, the first ``most`` of them: a text alternative stays short
    and the table beneath has the rest."""
    items = list(items)
    shown = "; ".join(items[:most])
    rest = len(items) - most
    return f"{shown}; and {rest} more in the table." if rest > 0 else f"{shown}."


def records(frame: pd.DataFrame) -> list[Any]:
    """A frame's rows as named tuples, read by column name (``row.total``)."""
    return list(frame.itertuples(index=False))


def last_row(frame: pd.DataFrame) -> dict[str, float]:
    """Each column's value in the frame's last row."""
    return {str(column): float(value) for column, value in frame.iloc[-1].items()}


def csv_bytes(frame: pd.DataFrame) -> bytes:
    """Figures to the penny, as the downloads give them."""
    return frame.to_csv(index=False, float_format="%.2f").encode("utf-8")


def _ipc(data: pa.Table) -> bytes:
    sink = pa.BufferOutputStream()
    with pa.RecordBatchStreamWriter(sink, data.schema) as writer:
        writer.write_table(data)
    return bytes(sink.getvalue().to_pybytes())


def _rows(data: pa.Table) -> list[dict[str, Any]]:
    def plain(value: Any) -> Any:
        return value.isoformat() if isinstance(value, dt.date) else value

    return [{k: plain(v) for k, v in row.items()} for row in data.to_pylist()]
