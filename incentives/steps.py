"""Where staying one more month pays most, and where one offer overtakes another.

Both read an offer's leaving curves (:class:`incentives.retention.Curves`): the totals on
leaving after each month, and each payment's part in them.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from incentives.retention import Curves


@dataclass(frozen=True)
class Gain:
    """What staying one more month adds, and the payment that makes the step."""

    month: int  # leaving after this month instead of the month before
    amount: float  # pounds gained
    reason: str


def biggest_gains(curves: Curves, measure: str = "gross", top: int = 3) -> list[Gain]:
    """The months where staying one more month gains more than another month's pay, largest
    first: a lump sum falling due, or a clawback tapering or ending.

    ``measure`` is "gross", "net" or "employer_cost". Months that only add regular pay (salary
    and supplements) are left out; an offer without such steps gives an empty list.
    """
    values = getattr(curves, measure)
    lines = curves.schedule.lines
    events = [i for i, line in enumerate(lines) if line.category not in ("salary", "supplement")]
    moves = np.diff(curves.by_line, axis=1)  # moves[:, i]: leaving after i + 2 rather than i + 1
    gains = []
    for index in np.flatnonzero(np.any(moves[events] != 0, axis=0)) if events else []:
        month = int(index) + 2
        line = max(events, key=lambda i: abs(int(moves[i, index])))
        if lines[line].category == "clawback":
            name = lines[line].name.removeprefix("Clawback: ").lower()
            still_owed = curves.by_line[line, month - 1] < 0
            reason = (
                f"less of the {name} is clawed back"
                if still_owed
                else f"the {name} is no longer clawed back"
            )
        else:
            reason = f"{lines[line].name} falls due"
        gains.append(Gain(month, float(values[month - 1] - values[month - 2]) / 100, reason))
    return sorted(gains, key=lambda gain: -gain.amount)[:top]


def crossings(first: np.ndarray, second: np.ndarray) -> list[int]:
    """Months at which the lead between two curves changes hands: from that month on (until
    the next crossing) the other offer pays more. Ties carry the earlier lead."""
    lead = np.sign(first - second)
    months, current = [], 0
    for month, sign in enumerate(lead, start=1):
        if sign and sign != current:
            if current:
                months.append(month)
            current = sign
    return months
