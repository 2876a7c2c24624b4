"""Print the project's benchmark figures (``make bench``)."""

from __future__ import annotations

from pathlib import Path

import numpy as np
from streamlit.testing.v1 import AppTest

from benchmarks.timing import measure, report
from incentives import Scenario, build_schedule, load_offers
from incentives.sharing import assumption_key

ROOT = Path(__file__).resolve().parents[1]
ASSUMED_SALARY = {"kirklees-team-manager": {"salary.top": 40_000}}


def every_offer_scenario(**fields) -> tuple[dict, Scenario]:
    offers = load_offers()
    return offers, Scenario(assumed=ASSUMED_SALARY, **fields)


def bench_app_rerun() -> None:
    offers = load_offers()
    app = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    app.query_params["offers"] = [offer.label for offer in offers.values()]
    app.query_params["years"] = "10"
    app.query_params[assumption_key("kirklees-team-manager", "salary.top")] = "40000"
    app.run()
    if app.exception:
        raise SystemExit(f"the app failed: {app.exception}")
    report(f"app rerun, all {len(offers)} offers over 10 years (AppTest)", measure(app.run), 150)


def bench_leaving_grid() -> None:
    offers, scenario = every_offer_scenario(years=10)

    def grid() -> np.ndarray:
        return np.array([build_schedule(o, scenario).total_on_leaving() for o in offers.values()])

    totals = grid()
    assert totals.shape == (len(offers), 120)
    report(f"engine: {len(offers)} offers × leaving after months 1..120", measure(grid), 20)


def main() -> None:
    bench_app_rerun()
    bench_leaving_grid()


if __name__ == "__main__":
    main()
