"""Print the project's benchmark figures (``make bench``)."""

from __future__ import annotations

import gc
import itertools
import statistics
from decimal import Decimal
from functools import partial
from pathlib import Path
from typing import Any

import numpy as np
from streamlit.testing.v1 import AppTest

from benchmarks import first_render
from benchmarks.timing import measure, report
from incentives import (
    Scenario,
    build_schedule,
    compare,
    load_offers,
    report_pdf,
    take_home,
)
from incentives import report as html_report
from incentives.model import Offer
from incentives.retention import Curves, expected_costs
from incentives.sensitivity import flip_points
from incentives.sharing import assumption_key

ROOT = Path(__file__).resolve().parents[1]
# Offers that do not publish a salary need one assumed before they can be projected: the
# benchmarks assume £35,000 for each (an input for timing, not a figure about any council).
ASSUMED_TOP = 35_000


def every_offer_scenario(**fields: Any) -> tuple[dict[str, Offer], Scenario]:
    offers = load_offers()
    assumed = {
        o.id: {"salary.top": Decimal(ASSUMED_TOP)}
        for o in offers.values()
        if o.salary.top.value is None
    }
    return offers, Scenario(assumed=assumed, **fields)


def bench_app_rerun() -> None:
    offers = load_offers()
    app = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    app.query_params["offers"] = [offer.label for offer in offers.values()]
    app.query_params["years"] = "10"
    for offer in offers.values():
        if offer.salary.top.value is None:
            app.query_params[assumption_key(offer.id, "salary.top")] = str(ASSUMED_TOP)
    app.run()
    if app.exception:
        raise SystemExit(f"the app failed: {app.exception}")
    report(f"app rerun, all {len(offers)} offers over 10 years (AppTest)", measure(app.run), 150)


def bench_default_rerun_against_one_chart() -> None:
    """The default page's rerun against a one-chart Streamlit page's, both under AppTest."""
    medians = {}
    for name, script in (
        ("app", ROOT / "app.py"),
        ("one chart", first_render.HERE / "one_chart_app.py"),
    ):
        app = AppTest.from_file(str(script), default_timeout=60)
        app.run()
        if app.exception:
            raise SystemExit(f"{name} failed: {app.exception}")
        times = measure(app.run, repeat=20)
        medians[name] = statistics.median(times)
        report(f"rerun of the default page ({name}, AppTest)", times, 1_000)
    ratio = medians["app"] / medians["one chart"]
    verdict = "meets" if ratio <= 1.5 else "MISSES"
    print(
        f"{'default page rerun / one-chart page rerun':<62} {ratio:.2f}×  target ≤ 1.5×: {verdict}"
    )


def bench_leaving_grid() -> None:
    offers, scenario = every_offer_scenario(years=10)

    def grid() -> np.ndarray:
        return np.array([build_schedule(o, scenario).total_on_leaving() for o in offers.values()])

    totals = grid()
    assert totals.shape == (len(offers), 120)
    report(f"engine: {len(offers)} offers × leaving after months 1..120", measure(grid), 20)


def bench_take_home() -> None:
    salaries = [20_000 + 1_000 * i for i in range(40)]
    years = list(range(2016, 2027))

    def calls() -> None:
        for salary in salaries:
            for year in years:
                take_home(salary, year)

    count = len(salaries) * len(years)
    times = [t / count for t in measure(calls, repeat=10)]
    report(f"take_home(): one call (mean of {count} per run)", times, 100, unit="µs")


def bench_full_comparison() -> None:
    offers, scenario = every_offer_scenario(years=10)
    ten = list(itertools.islice(itertools.cycle(offers.values()), 10))
    distinct = len({offer.id for offer in ten})
    table = compare(ten, scenario)
    assert {"net", "employer_cost"} <= set(table.columns)
    report(
        f"compare() with take-home and cost: 10 offers ({distinct} distinct) × 10 years",
        measure(lambda: compare(ten, scenario), repeat=20),
        50,
    )


def bench_leaving_and_expected_cost() -> None:
    offers, scenario = every_offer_scenario(years=10)
    rates = np.linspace(0, 100, 100)  # percent

    def work() -> None:
        for offer in offers.values():
            curves = Curves.of(offer, scenario)
            table = expected_costs(curves, rates)
            assert len(table) == 100

    report(
        f"leaving curves (120 months) + expected cost at 100 rates, {len(offers)} offers",
        measure(work, repeat=10),
        50,
    )


def bench_flip_points() -> None:
    offers = load_offers()
    pair = offers["kirklees-social-worker"], offers["rotherham-social-worker"]
    for money in ("nominal", "present_value"):
        scenario = Scenario(years=3, money=money)
        table = flip_points(*pair, scenario)
        report(
            f"flip points, one pair, {len(table)} assumptions ({money})",
            measure(partial(flip_points, *pair, scenario), repeat=10),
            100,
        )


def bench_report() -> None:
    """The downloadable report of 10 offers over 10 years: views, charts as SVG, and the PDF."""
    offers, scenario = every_offer_scenario(years=10)
    ten = list(itertools.islice(offers.values(), 10))
    assert "<svg" in html_report(ten, scenario)
    report(
        "report (HTML, charts as SVG): 10 offers × 10 years",
        measure(lambda: html_report(ten, scenario), repeat=5, warmup=1),
        2_000,
    )
    report(
        "report as PDF (WeasyPrint): 10 offers × 10 years",
        measure(lambda: report_pdf(ten, scenario), repeat=3, warmup=1),
        2_000,
    )


def main() -> None:
    # As the app does once it has started (app.py): long-lived objects leave the collector's
    # view, so garbage collection stops re-scanning them on every pass.
    load_offers()
    gc.collect()
    gc.freeze()
    bench_leaving_grid()
    bench_take_home()
    bench_full_comparison()
    bench_leaving_and_expected_cost()
    bench_flip_points()
    bench_report()
    bench_default_rerun_against_one_chart()
    bench_app_rerun()  # after the library: the app test leaves Streamlit's runtime loaded
    first_render.report()


if __name__ == "__main__":
    main()
