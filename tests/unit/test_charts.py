"""The chart builders: valid Vega-Lite, figures in tooltips as the tables show them, and
colour never the only cue. (The app skips validation on each run; these tests do it.)"""

from __future__ import annotations

import pandas as pd
import pytest

from incentives import charts


def luminance(hex_colour: str) -> float:
    """WCAG relative luminance of an sRGB colour like '#0b5cad'."""
    channels = [int(hex_colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast_with_white(hex_colour: str) -> float:
    return 1.05 / (luminance(hex_colour) + 0.05)


def monthly() -> pd.DataFrame:
    dates = pd.to_datetime(["2017-04-28", "2017-05-26"])
    return pd.DataFrame(
        {
            "label": ["A", "A", "B", "B"],
            "date": [*dates, *dates],
            "cumulative_gross": [1_000.0, 2_000.5, 900.0, 1_800.0],
        }
    )


def test_white_and_every_payment_colour_differ_by_at_least_three_to_one():
    # WCAG 1.4.11: parts of a chart need 3:1 against the white page
    for colour in [*charts.CATEGORY_COLOURS.values(), *charts.PART_COLOURS.values()]:
        assert contrast_with_white(colour) >= 3, colour


def test_the_contrast_check_itself_tells_light_from_dark():
    assert contrast_with_white("#000000") == pytest.approx(21)
    assert contrast_with_white("#ffff00") < 3  # yellow on white fails


def test_the_running_total_chart_is_valid_and_tells_offers_apart_by_dash_as_well():
    spec = charts.cumulative_chart(monthly(), "cumulative_gross", "Gross pay to date").to_dict()
    assert spec["encoding"]["color"]["field"] == "label"
    assert spec["encoding"]["strokeDash"]["field"] == "label"
    [rows] = spec["datasets"].values()
    assert [row["total_text"] for row in rows] == ["£1,000", "£2,000.50", "£900", "£1,800"]
    assert rows[0]["month_text"] == "April 2017"


def test_the_stacked_year_chart_colours_only_the_kinds_present_in_their_fixed_order():
    rows = pd.DataFrame(
        {
            "year": [1, 1, 1],
            "kind": ["Clawback", "Salary", "Golden hello"],
            "amount": [-2_000.0, 30_000.0, 2_000.0],
        }
    )
    spec = charts.stacked_years_chart(rows, "A", charts.CATEGORY_COLOURS).to_dict()
    scale = spec["encoding"]["color"]["scale"]
    assert scale["domain"] == ["Salary", "Golden hello", "Clawback"]
    assert scale["range"] == [charts.CATEGORY_COLOURS[k] for k in scale["domain"]]
    [data] = spec["datasets"].values()
    assert [row["amount_text"] for row in data] == ["-£2,000", "£30,000", "£2,000"]


def test_the_totals_chart_puts_the_largest_total_first():
    rows = pd.DataFrame(
        {
            "label": ["Small", "Small", "Large"],
            "kind": ["Salary", "Clawback", "Salary"],
            "amount": [10_000.0, -500.0, 20_000.0],
        }
    )
    spec = charts.totals_chart(rows, charts.CATEGORY_COLOURS, "Over the whole period").to_dict()
    assert spec["encoding"]["y"]["sort"] == ["Large", "Small"]


def test_the_line_chart_marks_offers_by_colour_dash_and_shape():
    data = pd.DataFrame({"label": ["A", "A", "B"], "month": [1, 2, 1], "value": [1.0, 2.5, None]})
    spec = charts.line_chart(data, "month", "Month", "value", "Cut", money=False).to_dict()
    assert {spec["encoding"][k]["field"] for k in ("color", "strokeDash", "shape")} == {"label"}
    [rows] = spec["datasets"].values()
    assert [row["value_text"] for row in rows] == ["1.0", "2.5"]  # the gap is left out


def test_the_tornado_chart_orders_assumptions_by_how_far_they_move_the_difference():
    rows = pd.DataFrame(
        {
            "assumption": ["Pay award", "Years compared"],
            "difference_min": [-100.0, -5_000.0],
            "difference_max": [100.0, 2_000.0],
            "difference_now": [0.0, -1_000.0],
            "swing": [200.0, 7_000.0],
        }
    )
    spec = charts.tornado_chart(rows, "A", "B").to_dict()
    bars = spec["layer"][0]
    assert bars["encoding"]["y"]["sort"] == ["Years compared", "Pay award"]
    assert bars["encoding"]["x"]["title"] == "A less B"


def test_every_region_colour_differs_from_white_by_at_least_three_to_one():
    for colour in charts.REGION_COLOURS.values():
        assert contrast_with_white(colour) >= 3, colour
    assert len(set(charts.REGION_COLOURS.values())) == len(charts.REGION_COLOURS)


def test_the_offers_chart_ranks_bars_and_marks_offers_no_longer_current():
    rows = pd.DataFrame(
        {
            "label": ["A", "B (ended)"],
            "region": ["London", "Wales"],
            "status": ["current", "ended"],
            "as_at": ["1 May 2024", "2 June 2023"],
            "amount": [1_000.0, 3_500.5],
        }
    )
    spec = charts.offers_chart(rows, "Incentives").to_dict()
    assert spec["encoding"]["y"]["sort"] == ["B (ended)", "A"]
    assert spec["encoding"]["strokeDash"]["scale"]["range"] == [[1, 0], [4, 2]]
    [data] = spec["datasets"].values()
    assert [row["amount_text"] for row in data] == ["£1,000", "£3,500.50"]
    assert [row["standing"] for row in data] == ["current", "no longer current"]


def test_a_long_amount_axis_title_is_broken_into_lines_that_fit_a_phone():
    # "Incentives over 3 years from April 2017" is 39 characters: 30 a line at most, so two
    rows = pd.DataFrame(
        {
            "label": ["A"],
            "region": ["London"],
            "status": ["current"],
            "as_at": ["x"],
            "amount": [1.0],
        }
    )
    spec = charts.offers_chart(rows, "Incentives over 3 years from April 2017").to_dict()
    assert spec["encoding"]["x"]["title"] == ["Incentives over 3 years from", "April 2017"]
    kinds = pd.DataFrame({"label": ["A"], "kind": ["Salary"], "amount": [1.0]})
    totals = charts.totals_chart(kinds, charts.CATEGORY_COLOURS, "Gross pay over 3 years").to_dict()
    assert totals["encoding"]["x"]["title"] == ["Gross pay over 3 years"]  # short: one line
