"""The one place where tests turn a rate in percent into what the public API takes today.

The API is moving to percent everywhere (``pension=6.5`` is 6.5%, an annual leaving rate of
15.1 is 15.1%). Until it does, the annual leaving rate of ``expected_cost``, ``break_even``
and ``cohort`` is a fraction of one. When the API switches, change this function to return
``percent`` unchanged and every test written with it follows.
"""

from __future__ import annotations


def leaving_rate(percent: float) -> float:
    """An annual leaving rate given in percent, as the API takes it (today: a fraction)."""
    return percent / 100
