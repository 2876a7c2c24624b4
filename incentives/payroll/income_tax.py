"""Income tax: the tax year's final liability on this job's pay (no other income assumed),
the personal allowance tapered above its income limit, spread over the year's months in
proportion to taxable pay. Pay awards, steps and one-off sums land in the tax year of the
month they are paid. The taper's reduction and the liability are rounded half up.
"""

from __future__ import annotations

import numpy as np

from incentives.money import PPM, half_up
from incentives.uk_rules import TaxTables, YearRuns

EVERY_YEAR = slice(None)  # the tables' rows in order: one view each, no copies


def liability(
    tables: TaxTables, taxable: np.ndarray, rows: np.ndarray | slice = EVERY_YEAR
) -> np.ndarray:
    """Income tax in pence on each year's taxable pay, under the rules of the tax year at
    ``rows`` (each of the tables' years in turn unless given), the allowance tapered above
    its income limit."""
    income = np.maximum(taxable, 0)
    allowance = tables.personal_allowance[rows]
    over = income - tables.taper_income_limit[rows]
    if over.max(initial=0) > 0:  # the allowance tapers away above the limit
        reduction = half_up(np.maximum(over, 0) * tables.taper_rate[rows], PPM)
        allowance = np.maximum(allowance - reduction, 0)
    chargeable = np.maximum(income - allowance, 0)[:, None]
    lower, upper = tables.lower[rows], tables.upper[rows]
    portions = np.minimum(np.maximum(chargeable, lower), upper) - lower
    return half_up((portions * tables.rates[rows]).sum(axis=1), PPM)


def by_month(
    taxable: np.ndarray, yearly_taxable: np.ndarray, yearly_tax: np.ndarray, tax_year: YearRuns
) -> np.ndarray:
    """Each tax year's liability spread over its months in proportion to taxable pay: each
    month charges the liability on the pay to date, less what was charged already."""
    year = tax_year.group
    total = yearly_taxable[year]
    owed = yearly_tax[year]
    charged = (total > 0) & (owed != 0)
    running = tax_year.before(taxable) + taxable
    to_date = np.where(charged, half_up(owed * running, np.where(charged, total, 1)), 0)
    return to_date - tax_year.previous(to_date)
