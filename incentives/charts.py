"""Altair charts: pure functions from the comparison's tables to chart specifications.

Amounts reach the charts in pounds; tooltips carry pre-formatted "£1,234.56" text so the
figures read the same as in the tables, whatever locale the browser has.
"""

from __future__ import annotations

import altair as alt
import pandas as pd

from incentives.model import CATEGORY_LABELS
from incentives.money import format_gbp

# Colours for kinds of payment, each at least 3:1 against white (WCAG non-text contrast).
CATEGORY_COLOURS = {
    "Salary": "#4a5a6a",
    "Supplement": "#0b5cad",
    "Golden hello": "#00704a",
    "Retention": "#8e3a80",
    "Relocation": "#6b5a00",
    "Other one-off": "#1f1f1f",
    "Clawback": "#b3261e",
}
# Stretch to the page's width but keep the plot's own height, so legends add to it.
_FIT_WIDTH = alt.AutoSizeParams(type="fit-x", contains="padding")
POUNDS_AXIS = "'£' + format(datum.value, ',.0f')"


def _money_text(values: pd.Series) -> list[str]:
    return [format_gbp(round(v * 100)) for v in values]


def cumulative_chart(
    monthly: pd.DataFrame, value: str = "cumulative_gross", title: str = ""
) -> alt.Chart:
    """A line per offer of the running total paid, month by month.

    ``monthly`` has ``label``, ``date`` and the ``value`` column, in pounds.
    """
    data = monthly[["label", "date", value]].rename(columns={value: "total"})
    data = data.assign(
        total_text=_money_text(data["total"]), month_text=data["date"].dt.strftime("%B %Y")
    )
    return (
        alt.Chart(data, title=title or "Total paid to date")
        .mark_line(interpolate="step-after", strokeWidth=2.5)
        .encode(
            x=alt.X("date:T", title="Pay date", axis=alt.Axis(format="%b %Y", labelAngle=0)),
            y=alt.Y("total:Q", title="Paid to date", axis=alt.Axis(labelExpr=POUNDS_AXIS)),
            color=alt.Color(
                "label:N",
                title="Offer",
                legend=alt.Legend(orient="bottom", columns=1, labelLimit=0),
            ),
            strokeDash=alt.StrokeDash("label:N", legend=None),
            tooltip=[
                alt.Tooltip("label:N", title="Offer"),
                alt.Tooltip("month_text:N", title="Month"),
                alt.Tooltip("total_text:N", title="Paid to date"),
            ],
        )
        .properties(width="container", height=320, autosize=_FIT_WIDTH)
    )


def components_chart(
    by_category: pd.DataFrame, title: str, y_max: float | None = None
) -> alt.Chart:
    """One offer's pay per service year, stacked by kind of payment (clawbacks below zero).

    ``by_category`` has ``year``, ``category`` and ``amount`` in pounds.
    """
    data = by_category.assign(
        kind=[CATEGORY_LABELS[c] for c in by_category["category"]],
        amount_text=_money_text(by_category["amount"]),
    )
    kinds = [k for k in CATEGORY_COLOURS if k in set(data["kind"])]
    scale = alt.Scale(domain=kinds, range=[CATEGORY_COLOURS[k] for k in kinds])
    y_scale = alt.Scale(domainMax=y_max) if y_max else alt.Undefined
    return (
        alt.Chart(data, title=title)
        .mark_bar(stroke="white", strokeWidth=0.5)
        .encode(
            x=alt.X("year:O", title="Year of service", axis=alt.Axis(labelAngle=0)),
            y=alt.Y(
                "amount:Q",
                title="Paid in the year",
                scale=y_scale,
                axis=alt.Axis(labelExpr=POUNDS_AXIS),
            ),
            color=alt.Color(
                "kind:N",
                title="Payment",
                scale=scale,
                legend=alt.Legend(orient="bottom", columns=2),
            ),
            order=alt.Order("kind_order:Q"),
            tooltip=[
                alt.Tooltip("year:O", title="Year"),
                alt.Tooltip("kind:N", title="Payment"),
                alt.Tooltip("amount_text:N", title="Amount"),
            ],
        )
        .transform_calculate(kind_order=f"indexof({kinds!r}, datum.kind)")
        .properties(width="container", height=240, autosize=_FIT_WIDTH)
    )
