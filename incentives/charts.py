"""Altair charts: pure functions from the comparison's tables to chart specifications.

Amounts reach the charts in pounds; tooltips carry pre-formatted "£1,234.56" text so the
figures read the same as in the tables, whatever locale the browser has. Every colour is at
least 3:1 against white (WCAG non-text contrast) and is never the only cue: lines also differ
in dash, and every chart has a table with the same figures beside it (see incentives.pages.views).
"""

from __future__ import annotations

import textwrap

import altair as alt
import pandas as pd

from incentives.money import format_pounds

# Kinds of payment, and where pay goes: label -> colour.
CATEGORY_COLOURS = {
    "Salary": "#4a5a6a",
    "Supplement": "#0b5cad",
    "Golden hello": "#00704a",
    "Retention": "#8e3a80",
    "Relocation": "#6b5a00",
    "Other one-off": "#1f1f1f",
    "Clawback": "#b3261e",
}
PART_COLOURS = {
    "Take-home pay": "#00704a",
    "Gross pay": "#4a5a6a",
    "Income tax": "#b3261e",
    "National Insurance": "#8e3a80",
    "Student loan": "#6b5a00",
    "Pension contribution": "#0b5cad",
    "Employer NI": "#8e3a80",
    "Employer pension": "#0b5cad",
    "Apprenticeship levy": "#6b5a00",
    "Extra annual leave": "#00704a",
    "Registration fee paid": "#6b5a00",
}
POUNDS_AXIS = "(datum.value < 0 ? '−£' : '£') + format(abs(datum.value), ',.0f')"
# Stretch to the page's width but keep the plot's own height, so legends add to it.
_FIT_WIDTH = alt.AutoSizeParams(type="fit-x", contains="padding")
# On a phone's width, names beside bars take at most two fifths of it and legends stack in one
# column with shorter names, so bars, axes and legends all fit; on wider screens they stay as
# they were (260 px names, three legend columns, 320 px legend labels).
_NARROW_LABELS = alt.ExprRef(expr="min(260, containerSize()[0] * 0.4)")
_LEGEND_COLUMNS = alt.ExprRef(expr="containerSize()[0] < 500 ? 1 : 3")
_LEGEND_LABELS = alt.ExprRef(expr="min(320, containerSize()[0] * 0.6)")
_NARROW_TITLE = 30  # characters a line: an axis title under a bar chart 390 px wide
_NARROW_TICKS = alt.ExprRef(expr="containerSize()[0] < 500 ? 3 : ceil(width / 40)")  # Vega's own


def money_text(values: pd.Series) -> list[str]:
    return [format_pounds(v) for v in values]


def cumulative_chart(monthly: pd.DataFrame, value: str, y_title: str) -> alt.Chart:
    """A line per offer of the running total, month by month.

    ``monthly`` has ``label``, ``date`` and the ``value`` column, in pounds.
    """
    data = monthly[["label", "date", value]].rename(columns={value: "total"})
    data = data.assign(month_text=data["date"].dt.strftime("%B %Y"))
    return _stepped_totals(
        data,
        alt.X("date:T", title="Pay date", axis=alt.Axis(format="%b %Y", labelAngle=0)),
        alt.Tooltip("month_text:N", title="Month"),
        y_title,
    )


def stacked_years_chart(
    rows: pd.DataFrame, title: str, colours: dict[str, str], y_max: float | None = None
) -> alt.Chart:
    """One offer's money per service year, stacked by ``kind`` (negative amounts below zero).

    ``rows`` has ``year``, ``kind`` (a key of ``colours``) and ``amount`` in pounds.
    """
    kinds = [k for k in colours if k in set(rows["kind"])]
    data = rows.assign(
        amount_text=money_text(rows["amount"]), kind_order=[kinds.index(k) for k in rows["kind"]]
    )
    scale = alt.Scale(domain=kinds, range=[colours[k] for k in kinds])
    y_scale = alt.Scale(domainMax=y_max) if y_max else alt.Undefined
    return (
        alt.Chart(data, title=title)
        .mark_bar(stroke="white", strokeWidth=0.5)
        .encode(
            x=alt.X("year:O", title="Year of service", axis=alt.Axis(labelAngle=0)),
            y=alt.Y(
                "amount:Q", title="In the year", scale=y_scale, axis=alt.Axis(labelExpr=POUNDS_AXIS)
            ),
            color=alt.Color(
                "kind:N", title=None, scale=scale, legend=alt.Legend(orient="bottom", columns=2)
            ),
            order=alt.Order("kind_order:Q"),
            tooltip=[
                alt.Tooltip("year:O", title="Year"),
                alt.Tooltip("kind:N", title="Part"),
                alt.Tooltip("amount_text:N", title="Amount"),
            ],
        )
        .properties(width="container", height=240, autosize=_FIT_WIDTH)
    )


def leaving_chart(curves: pd.DataFrame, value: str, y_title: str) -> alt.Chart:
    """A line per offer of the total received on leaving after each month.

    ``curves`` has ``label``, ``leave_after_months`` and the ``value`` column, in pounds.
    """
    data = curves[["label", "leave_after_months", value]].rename(columns={value: "total"})
    return _stepped_totals(
        data,
        alt.X(
            "leave_after_months:Q",
            title="Leave after this many months",
            axis=alt.Axis(tickMinStep=1, format="d"),
        ),
        alt.Tooltip("leave_after_months:Q", title="Leave after (months)"),
        y_title,
    )


def _stepped_totals(
    data: pd.DataFrame, x: alt.X, x_tooltip: alt.Tooltip, y_title: str
) -> alt.Chart:
    """A line per offer (``label``) of ``total`` in pounds, stepping at each payment, told
    apart by dash as well as colour."""
    data = data.assign(total_text=money_text(data["total"]))
    legend = alt.Legend(orient="bottom", columns=1, labelLimit=_LEGEND_LABELS)
    return (
        alt.Chart(data)
        .mark_line(interpolate="step-after", strokeWidth=2.5)
        .encode(
            x=x,
            y=alt.Y("total:Q", title=y_title, axis=alt.Axis(labelExpr=POUNDS_AXIS)),
            color=alt.Color("label:N", title="Offer", legend=legend),
            strokeDash=alt.StrokeDash("label:N", legend=legend),
            tooltip=[
                alt.Tooltip("label:N", title="Offer"),
                x_tooltip,
                alt.Tooltip("total_text:N", title=y_title),
            ],
        )
        .properties(width="container", height=320, autosize=_FIT_WIDTH)
    )


def line_chart(
    data: pd.DataFrame,
    x: str,
    x_title: str,
    y: str,
    y_title: str,
    money: bool,
    x_money: bool = False,
) -> alt.Chart:
    """A line per offer (``label``) of ``y`` against ``x``; pounds or plain numbers (``y``
    in pounds if ``money``, ``x`` in whole pounds if ``x_money``, else whole numbers)."""
    shown = data[["label", x, y]].dropna()
    text = money_text(shown[y]) if money else [f"{v:,.1f}" for v in shown[y]]
    shown = shown.assign(value_text=text)
    axis = alt.Axis(labelExpr=POUNDS_AXIS) if money else alt.Axis()
    x_axis = (
        alt.Axis(labelExpr=POUNDS_AXIS, tickMinStep=1)
        if x_money
        else alt.Axis(tickMinStep=1, format="d")
    )
    x_tip = (
        alt.Tooltip(f"{x}:Q", title=x_title, format=",.0f")
        if x_money
        else alt.Tooltip(f"{x}:Q", title=x_title)
    )
    legend = alt.Legend(orient="bottom", columns=1, labelLimit=_LEGEND_LABELS)
    return (
        alt.Chart(shown)
        .mark_line(strokeWidth=2.5, point=alt.OverlayMarkDef(size=30))
        .encode(
            x=alt.X(f"{x}:Q", title=x_title, axis=x_axis),
            y=alt.Y(f"{y}:Q", title=y_title, axis=axis),
            color=alt.Color("label:N", title="Offer", legend=legend),
            strokeDash=alt.StrokeDash("label:N", legend=legend),
            shape=alt.Shape("label:N", legend=legend),
            tooltip=[
                alt.Tooltip("label:N", title="Offer"),
                x_tip,
                alt.Tooltip("value_text:N", title=y_title),
            ],
        )
        .properties(width="container", height=280, autosize=_FIT_WIDTH)
    )


def tornado_chart(rows: pd.DataFrame, first: str, second: str) -> alt.Chart:
    """Each assumption's range of the difference between two offers, widest first.

    ``rows`` has ``assumption``, ``difference_min``, ``difference_max``, ``difference_now``
    and ``swing`` in pounds: first offer less second.
    """
    order = rows.sort_values("swing", ascending=False)["assumption"].tolist()
    data = rows.assign(
        low_text=money_text(rows["difference_min"]),
        high_text=money_text(rows["difference_max"]),
        now_text=money_text(rows["difference_now"]),
    )
    y = alt.Y("assumption:N", sort=order, title=None, axis=alt.Axis(labelLimit=260))
    x_title = f"{first} less {second}"
    bars = (
        alt.Chart(data)
        .mark_bar(color="#0b5cad", height=18)
        .encode(
            x=alt.X("difference_min:Q", title=x_title, axis=alt.Axis(labelExpr=POUNDS_AXIS)),
            x2="difference_max:Q",
            y=y,
            tooltip=[
                alt.Tooltip("assumption:N", title="Assumption"),
                alt.Tooltip("low_text:N", title="Least difference"),
                alt.Tooltip("high_text:N", title="Greatest difference"),
                alt.Tooltip("now_text:N", title="Difference now"),
            ],
        )
    )
    now = (
        alt.Chart(data)
        .mark_tick(color="#1f1f1f", thickness=3, size=26)
        .encode(x="difference_now:Q", y=y)
    )
    zero = (
        alt.Chart(pd.DataFrame({"x": [0]}))
        .mark_rule(color="#b3261e", strokeDash=[4, 3])
        .encode(x="x:Q")
    )
    return (bars + now + zero).properties(
        width="container", height=48 * len(rows) + 40, autosize=_FIT_WIDTH
    )


def totals_chart(rows: pd.DataFrame, colours: dict[str, str], x_title: str) -> alt.Chart:
    """One bar per offer (``label``) of its total over the horizon, stacked by ``kind``;
    largest total first. Negative amounts (clawbacks) extend left of zero."""
    kinds = [k for k in colours if k in set(rows["kind"])]
    totals = rows.groupby("label")["amount"].sum().sort_values(ascending=False)
    data = rows.assign(
        amount_text=money_text(rows["amount"]), kind_order=[kinds.index(k) for k in rows["kind"]]
    )
    scale = alt.Scale(domain=kinds, range=[colours[k] for k in kinds])
    return (
        alt.Chart(data)
        .mark_bar(stroke="white", strokeWidth=0.5)
        .encode(
            y=alt.Y(
                "label:N",
                sort=totals.index.tolist(),
                title=None,
                axis=alt.Axis(labelLimit=_NARROW_LABELS),
            ),
            x=alt.X(
                "amount:Q",
                title=textwrap.wrap(x_title, _NARROW_TITLE),  # lines that fit a phone's width
                axis=alt.Axis(labelExpr=POUNDS_AXIS, tickCount=_NARROW_TICKS),
            ),
            color=alt.Color(
                "kind:N",
                title=None,
                scale=scale,
                legend=alt.Legend(orient="bottom", columns=_LEGEND_COLUMNS),
            ),
            order=alt.Order("kind_order:Q"),
            tooltip=[
                alt.Tooltip("label:N", title="Offer"),
                alt.Tooltip("kind:N", title="Part"),
                alt.Tooltip("amount_text:N", title="Amount"),
            ],
        )
        .properties(width="container", height=30 * len(totals) + 30, autosize=_FIT_WIDTH)
    )


# Where each council is: region -> colour, each at least 3:1 against white.
REGION_COLOURS = {
    "North East": "#0b5cad",
    "North West": "#00704a",
    "Yorkshire and the Humber": "#8e3a80",
    "East Midlands": "#b3261e",
    "West Midlands": "#6b5a00",
    "East of England": "#00695c",
    "London": "#1f1f1f",
    "South East": "#a63d00",
    "South West": "#4a5a6a",
    "Wales": "#c2185b",
    "Scotland": "#283593",
    "Northern Ireland": "#5d4037",
}


def offers_chart(rows: pd.DataFrame, x_title: str) -> alt.Chart:
    """A bar per offer of ``amount`` (pounds), largest first, coloured by ``region``.

    ``rows`` has ``label`` (naming the status where not current), ``region``, ``status``,
    ``amount`` and ``as_at`` text. Offers no longer current have a pale fill inside a dashed
    outline of their region's colour, as well as the status in their name.
    """
    order = rows.sort_values("amount", ascending=False, kind="stable")["label"].tolist()
    regions = [r for r in REGION_COLOURS if r in set(rows["region"])]
    data = rows.assign(
        amount_text=money_text(rows["amount"]),
        standing=["current" if s == "current" else "no longer current" for s in rows["status"]],
    )
    colour = alt.Scale(domain=regions, range=[REGION_COLOURS[r] for r in regions])
    standing = ["current", "no longer current"]
    legend = alt.Legend(orient="bottom", columns=_LEGEND_COLUMNS)
    return (
        alt.Chart(data)
        .mark_bar(strokeWidth=1.5)
        .encode(
            y=alt.Y("label:N", sort=order, title=None, axis=alt.Axis(labelLimit=_NARROW_LABELS)),
            x=alt.X(
                "amount:Q",
                title=textwrap.wrap(x_title, _NARROW_TITLE),  # lines that fit a phone's width
                axis=alt.Axis(labelExpr=POUNDS_AXIS, tickCount=_NARROW_TICKS),
            ),
            color=alt.Color("region:N", title="Region", scale=colour, legend=legend),
            stroke=alt.Stroke("region:N", scale=colour, legend=None),
            fillOpacity=alt.FillOpacity(
                "standing:N",
                title="Offer",
                scale=alt.Scale(domain=standing, range=[1.0, 0.3]),
                legend=alt.Legend(orient="bottom"),
            ),
            strokeDash=alt.StrokeDash(
                "standing:N", scale=alt.Scale(domain=standing, range=[[1, 0], [4, 2]]), legend=None
            ),
            tooltip=[
                alt.Tooltip("label:N", title="Offer"),
                alt.Tooltip("region:N", title="Region"),
                alt.Tooltip("status:N", title="Status"),
                alt.Tooltip("as_at:N", title="As at"),
                alt.Tooltip("amount_text:N", title=x_title),
            ],
        )
        .properties(width="container", height=22 * len(order) + 60, autosize=_FIT_WIDTH)
    )
