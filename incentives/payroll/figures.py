"""What a payroll produces: each month's pay, deductions and employer on-costs, and who for.

Take-home pay and the cost to the council are defined here once, as gross pay less the
:data:`DEDUCTIONS` and gross pay plus the :data:`ON_COSTS`.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

import numpy as np

from incentives.scenario import Scenario
from incentives.vocabulary import LgpsSection, LoanPlan, TaxRegion

DEDUCTIONS = ("income_tax", "employee_ni", "student_loan", "pension")  # gross to take-home
ON_COSTS = ("employer_ni", "employer_pension", "apprenticeship_levy")  # gross to employer cost


@dataclass(frozen=True)
class Person:
    """What about the worker changes their deductions."""

    region: TaxRegion = "england"  # "england" (England, Wales and Northern Ireland) or "scotland"
    student_loans: tuple[LoanPlan, ...] = ()
    pension: LgpsSection | Decimal = "lgps"  # an LGPS section, or percent of pay (0: opted out)

    @classmethod
    def of(cls, scenario: Scenario) -> Person:
        return cls(scenario.region, scenario.student_loans, scenario.pension)

    @property
    def opted_out(self) -> bool:
        return not isinstance(self.pension, str) and self.pension == 0


@dataclass(frozen=True)
class BeforeIncomeTax:
    """Each month's gross pay, deductions and on-costs in pence, income tax apart (it is the
    tax year's, spread over its months)."""

    gross: np.ndarray
    employee_ni: np.ndarray
    student_loan: np.ndarray
    pension: np.ndarray
    employer_ni: np.ndarray
    employer_pension: np.ndarray
    apprenticeship_levy: np.ndarray

    @property
    def kept_before_tax(self) -> np.ndarray:
        """Gross pay less every deduction but income tax."""
        return self.gross - self.employee_ni - self.student_loan - self.pension

    @property
    def employer_cost(self) -> np.ndarray:
        """Gross pay plus every on-cost."""
        return self.gross + self.employer_ni + self.employer_pension + self.apprenticeship_levy


@dataclass(frozen=True)
class Payroll(BeforeIncomeTax):
    """Monthly figures in pence, one array entry per pay date."""

    income_tax: np.ndarray

    @property
    def net(self) -> np.ndarray:
        """Take-home pay: gross pay less every deduction."""
        return self.kept_before_tax - self.income_tax


@dataclass(frozen=True)
class LeavingTotals:
    """Take-home and cost to the council to date, in pence, on leaving after each month, and
    month by month for someone who stays."""

    net: np.ndarray
    employer_cost: np.ndarray
    stay_net: np.ndarray  # the stayer's take-home month by month (income tax spread by the year)
    stay_employer_cost: np.ndarray
