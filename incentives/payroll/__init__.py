"""Take-home pay and employer cost, month by month, as a UK council payroll would work them.

Method, so figures agree everywhere:

* National Insurance and student loans are worked per monthly pay period against the rules in
  force on the pay date, as payroll does: a golden hello month is charged like any other
  (:mod:`.deductions`).
* LGPS member contributions: the band is set by the annual rate of regular pensionable pay in
  each scheme year, and contributions are rounded by running rounding within it
  (:mod:`.pension`). They are relieved from income tax (net pay arrangement) but not from NI.
* Income tax is the year's final liability on this job's pay in that tax year, spread over
  the year's months in proportion to taxable pay (:mod:`.income_tax`).
* Reimbursed qualifying relocation expenses are free of tax and NI up to the limit in force;
  a component marked not taxable is free of both.
* Employer cost is gross pay plus employer NI (councils cannot claim the Employment
  Allowance), employer pension contributions and the apprenticeship levy (0.5% of pay subject
  to employer NI, from 6 April 2017).

The payroll takes the engine's :class:`~incentives.engine.Schedule` (:mod:`.run`);
take-home and on-costs are defined once, in :mod:`.figures`.
"""

from incentives.payroll.figures import DEDUCTIONS, ON_COSTS, LeavingTotals, Payroll, Person
from incentives.payroll.run import run_payroll, totals_on_leaving
from incentives.payroll.take_home import TakeHome, take_home

__all__ = [
    "DEDUCTIONS",
    "ON_COSTS",
    "LeavingTotals",
    "Payroll",
    "Person",
    "TakeHome",
    "run_payroll",
    "take_home",
    "totals_on_leaving",
]
