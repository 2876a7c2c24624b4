"""``make check-data``: validate every data file, and list the offers that need reading again.

Each YAML file in ``data/`` is read by the loader the app uses for it, so a file that passes
here loads in the app. An error (bad YAML, an unknown field, a figure without a source, a
``superseded_by`` naming no offer of the same council, a missing date) fails the check with
the file, offer and field. Offers more than three years old, and offers whose sources have not
been read for a year, are listed for whoever keeps the data current; they do not fail it.

Run ``python -m incentives.check_data`` (``--data DIR`` for another folder, ``--today`` to
date the listings).
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from incentives import prices, uk_rules, workforce
from incentives.catalog import DEFAULT_DATA_DIR, DataError, load_offers
from incentives.model import HISTORICAL_AFTER_YEARS, Offer
from incentives.njc import load_njc_pay
from incentives.parameters import load_parameters
from incentives.pension_built_up import load_lgps_pension

RECHECK_AFTER_DAYS = 365
OFFERS_FILE = "councils.yaml"
PARAMETER_FILES: dict[str, tuple[str, ...]] = {
    "prices.yaml": prices.REQUIRED,
    "uk_rules.yaml": uk_rules.REQUIRED,
    "workforce.yaml": workforce.REQUIRED,
}
# Files with a model of their own: each loader validates its whole file.
MODEL_FILES: dict[str, Callable[[Path], object]] = {
    "njc_pay.yaml": load_njc_pay,
    "lgps_pension.yaml": load_lgps_pension,
}


@dataclass
class Report:
    """What the check found: errors fail it; the two lists are for the people keeping it current."""

    checked: list[str] = field(default_factory=list)  # one line per valid file
    errors: list[str] = field(default_factory=list)
    old: list[str] = field(default_factory=list)  # offers more than three years old
    unchecked: list[str] = field(default_factory=list)  # sources not read for a year

    @property
    def passed(self) -> bool:
        return not self.errors


def check_data(data_dir: Path, today: dt.date) -> Report:
    """Validate every YAML file in ``data_dir`` with its loader; list offers to read again."""
    report = Report()
    files = sorted(data_dir.glob("*.yaml")) + sorted(data_dir.glob("*.yml"))
    if not any(path.name == OFFERS_FILE for path in files):
        report.errors.append(f"{data_dir / OFFERS_FILE}: the offers file is missing")
    for path in files:
        loader = _loader_for(path.name)
        if loader is None:
            known = ", ".join([OFFERS_FILE, *PARAMETER_FILES, *MODEL_FILES])
            report.errors.append(f"{path}: no loader reads this file (known files: {known})")
            continue
        try:
            report.checked.append(loader(path, today, report))
        except DataError as error:
            report.errors.append(str(error))
    return report


def _loader_for(name: str) -> Callable[[Path, dt.date, Report], str] | None:
    if name == OFFERS_FILE:
        return _check_offers
    if name in PARAMETER_FILES:
        return _check_parameters
    if name in MODEL_FILES:
        return _check_model_file
    return None


def _check_offers(path: Path, today: dt.date, report: Report) -> str:
    offers = load_offers(path)
    for offer in offers.values():
        if offer.is_historical(today):
            report.old.append(f"{offer.id} ({offer.as_at}, {offer.status(today)})")
        if offer.checked is not None and (today - offer.checked).days > RECHECK_AFTER_DAYS:
            report.unchecked.append(f"{offer.id} (last read {offer.checked})")
    return f"{path.name}: {_offer_counts(offers.values(), today)}"


def _offer_counts(offers: Collection[Offer], today: dt.date) -> str:
    listed = list(offers)
    councils = {offer.council for offer in listed}
    current = sum(offer.status(today) == "current" for offer in listed)
    return f"{len(listed)} offers of {len(councils)} councils ({current} current), valid"


def _check_parameters(path: Path, today: dt.date, report: Report) -> str:
    parameters = load_parameters(path, PARAMETER_FILES[path.name])
    return f"{path.name}: {len(parameters.parameters)} parameters, valid"


def _check_model_file(path: Path, today: dt.date, report: Report) -> str:
    MODEL_FILES[path.name](path)
    return f"{path.name}: valid"


def render(report: Report) -> str:
    """The report as plain text for the terminal."""
    lines = [*report.checked]
    if report.errors:
        lines += ["", "ERRORS (fix these):", *(f"  {error}" for error in report.errors)]
    if report.old:
        lines += [
            "",
            f"Offers more than {HISTORICAL_AFTER_YEARS} years old (look for a newer scheme):",
            *(f"  {line}" for line in report.old),
        ]
    if report.unchecked:
        lines += [
            "",
            "Offers whose sources have not been read for a year (read again, update 'checked'):",
            *(f"  {line}" for line in report.unchecked),
        ]
    lines += ["", "check-data: " + ("passed" if report.passed else "FAILED")]
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Validate the data files in data/.")
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA_DIR, help="the data folder")
    parser.add_argument(
        "--today", type=dt.date.fromisoformat, default=None, help="date the listings (YYYY-MM-DD)"
    )
    arguments = parser.parse_args(argv)
    report = check_data(arguments.data, arguments.today or dt.date.today())
    print(render(report))
    return 0 if report.passed else 1


if __name__ == "__main__":
    sys.exit(main())
