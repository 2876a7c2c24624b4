"""National Insurance, student loans and the apprenticeship levy: worked per monthly pay
period, on the pay subject to NI, against the rules in force on the pay date.

NICs are rounded to the penny with a halfpenny or less disregarded (SSCR 2001 reg 12);
student loan deductions are rounded down to whole pounds; the levy is rounded half up.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from incentives.money import PPM, down, half_down, half_up, whole_pounds
from incentives.uk_rules import PayCalendar
from incentives.vocabulary import POSTGRADUATE_PLAN, UNDERGRADUATE_PLANS, LoanPlan


def employee_ni(pay: np.ndarray, cal: PayCalendar) -> np.ndarray:
    """The main rate between the primary threshold and the upper earnings limit, the
    additional rate above it."""
    main = np.maximum(np.minimum(pay, cal.upper_earnings_limit) - cal.primary_threshold, 0)
    above = np.maximum(pay - cal.upper_earnings_limit, 0)
    return half_down(cal.employee_main_rate * main + cal.employee_additional_rate * above, PPM)


def employer_ni(pay: np.ndarray, cal: PayCalendar) -> np.ndarray:
    """Above the secondary threshold; councils cannot claim the Employment Allowance."""
    return half_down(cal.employer_rate * np.maximum(pay - cal.secondary_threshold, 0), PPM)


def apprenticeship_levy(pay: np.ndarray, cal: PayCalendar) -> np.ndarray:
    """0.5% of pay subject to employer NI, from 6 April 2017 (the rate is 0 before)."""
    return half_up(cal.apprenticeship_levy_rate * pay, PPM)


def student_loans(pay: np.ndarray, plans: Sequence[LoanPlan], cal: PayCalendar) -> np.ndarray:
    """One undergraduate deduction above the lowest threshold held, plus any postgraduate one,
    each rounded down to whole pounds."""
    total = np.zeros(pay.shape, pay.dtype)
    undergraduate = [cal.loan_thresholds[p] for p in plans if p in UNDERGRADUATE_PLANS]
    charges = []
    if undergraduate:
        charges.append((np.min(undergraduate, axis=0), cal.undergraduate_loan_rate))
    if POSTGRADUATE_PLAN in plans:
        charges.append((cal.loan_thresholds[POSTGRADUATE_PLAN], cal.postgraduate_loan_rate))
    for annual_threshold, rate in charges:
        # rate × (pay − threshold / 12), rounded down to whole pounds
        total += whole_pounds(down(np.maximum(12 * pay - annual_threshold, 0) * rate, 12 * PPM))
    return total
