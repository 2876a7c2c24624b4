"""Mutation testing of the rules with mutmut, and the score for each module.

mutmut (configured under [tool.mutmut] in pyproject.toml) copies the code into mutants/,
changes it one small way at a time (a ``<`` for a ``<=``, a 2 for a 3, a dropped argument)
and runs the unit tests that reach the changed function. A mutant the tests notice is
killed; one they do not notice survived. Each survivor is either a gap in the tests or
equivalent to the original (it cannot change any result); docs/surviving-mutants.md lists
the ones examined, and mutants named there are counted as equivalent here.

    python -m scripts.mutation                      # every module in pyproject.toml
    python -m scripts.mutation retention sharing    # some of them
    python -m scripts.mutation --report retention   # the score of the last run, no new run
    python -m scripts.mutation --survivors sharing  # and the name of each survivor

Modules are run one at a time so the time each takes is known. It is slow (minutes per
module), so it is not part of ``make test``.
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import time
import tomllib
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EXPLAINED = ROOT / "docs" / "surviving-mutants.md"
KILLED = {1, 3, 36, 37, -24, 24, 152, 255}  # test failure, pytest error, timeout, type check
SURVIVED, NO_TESTS = {0}, {5, 33}


@dataclass(frozen=True)
class Score:
    module: str
    killed: int
    survived: tuple[str, ...]  # not explained in docs/surviving-mutants.md
    equivalent: int  # survived, and explained there
    untested: tuple[str, ...]  # no test reaches the function
    unrun: int

    @property
    def counted(self) -> int:
        """Mutants that could be told apart from the code, and were run."""
        return self.killed + len(self.survived) + len(self.untested)

    @property
    def percent(self) -> float:
        return 100 * self.killed / self.counted if self.counted else 100.0

    def line(self) -> str:
        if not self.counted:
            return f"{self.module:<12} not run ({self.unrun} mutants)"
        return (
            f"{self.module:<12} {self.killed:>5} killed {len(self.survived):>4} survived "
            f"{len(self.untested):>4} untested {self.equivalent:>4} equivalent  "
            f"score {self.percent:5.1f}%" + (f"  ({self.unrun} not run)" if self.unrun else "")
        )


def modules() -> list[str]:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    return [  # incentives/payroll/run.py -> payroll.run
        ".".join(Path(path).relative_to("incentives").with_suffix("").parts)
        for path in config["tool"]["mutmut"]["only_mutate"]
    ]


def explained() -> set[str]:
    """Mutant names written in backticks in docs/surviving-mutants.md."""
    if not EXPLAINED.exists():
        return set()
    return set(re.findall(r"`(incentives\.[\w.ǁ]+__mutmut_\d+)`", EXPLAINED.read_text("utf-8")))


def score(module: str) -> Score:
    meta = ROOT / "mutants" / "incentives" / f"{module.replace('.', '/')}.py.meta"
    codes = json.loads(meta.read_text(encoding="utf-8"))["exit_code_by_key"]
    known = explained()
    kinds = Counter[str]()
    survived, untested = [], []
    for name, code in codes.items():
        if code is None:
            kinds["unrun"] += 1
        elif code in KILLED:
            kinds["killed"] += 1
        elif code in SURVIVED and name in known:
            kinds["equivalent"] += 1
        elif code in SURVIVED:
            survived.append(name)
        elif code in NO_TESTS:
            untested.append(name)
        else:
            kinds["unrun"] += 1  # skipped, interrupted or suspicious: run it again
    return Score(
        module, kinds["killed"], tuple(survived), kinds["equivalent"], tuple(untested),
        kinds["unrun"],
    )  # fmt: skip


def run(module: str, jobs: int) -> float:
    """Run mutmut on one module's mutants; the seconds it took."""
    started = time.monotonic()
    command = [sys.executable, "-m", "mutmut", "run", "--max-children", str(jobs)]
    subprocess.run([*command, f"incentives.{module}.*"], cwd=ROOT, check=False)
    return time.monotonic() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("module", nargs="*", help="module names, e.g. retention (default: all)")
    parser.add_argument("--jobs", type=int, default=1, help="mutants run at once (default 1)")
    parser.add_argument("--report", action="store_true", help="score the last run only")
    parser.add_argument("--survivors", action="store_true", help="list each survivor")
    options = parser.parse_args()
    chosen = options.module or modules()
    unknown = set(chosen) - set(modules())
    if unknown:
        parser.error(f"not in [tool.mutmut] only_mutate: {', '.join(sorted(unknown))}")
    timings = {} if options.report else {m: run(m, options.jobs) for m in chosen}
    print()
    for module in chosen:
        result = score(module)
        took = f"  in {timings[module] / 60:.1f} min" if module in timings else ""
        print(result.line() + took)
        if options.survivors:
            for name in (*result.survived, *result.untested):
                print(f"    {name}")
    print("\nSee a mutant with: .venv/bin/mutmut show NAME")


if __name__ == "__main__":
    main()
