"""The scenario inputs, each bound to the URL so that a copied link reopens the same comparison."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal

import streamlit as st

from incentives import prices, sharing
from incentives.comparison import employer_pension_rate
from incentives.model import Money, Offer, short_council_name
from incentives.money import format_gbp, pence
from incentives.njc import default_future_award
from incentives.scenario import Scenario
from incentives.ui import mine
from incentives.ui.provenance import figure_name

DEFAULT_OFFERS = ("kirklees-social-worker", "rotherham-social-worker")
_URL = "query-params"


@dataclass
class Choices:
    """What the visitor chose, gathered from the widgets before anything is computed."""

    offer_ids: list[str]
    years: int
    start: dt.date
    pay_award: Decimal | str  # "njc": the NJC's agreed awards
    annual_step: Decimal
    leave_after_months: int | None
    measure: str = "gross"
    money: str = "nominal"
    price_year: int | None = None
    inflation: Decimal | None = None
    discount_rate: Decimal | None = None
    region: str = "england"
    student_loans: tuple[str, ...] = ()
    pension: str | Decimal = "lgps"
    future_pay_award: Decimal | None = None
    start_salary: dict[str, Decimal] = field(default_factory=dict)
    assumed: dict[str, dict[str, Decimal]] = field(default_factory=dict)
    employer_pension_rate: dict[str, Decimal] = field(default_factory=dict)
    years_qualified: int | None = None
    joins_as: str = "new starter"

    def scenario(self) -> Scenario:
        return Scenario(
            years=self.years,
            start=self.start,
            pay_award=self.pay_award,
            future_pay_award=self.future_pay_award,
            annual_step=self.annual_step,
            leave_after_months=self.leave_after_months,
            start_salary=self.start_salary,
            assumed=self.assumed,
            region=self.region,
            student_loans=self.student_loans,
            pension=self.pension,
            employer_pension_rate=self.employer_pension_rate,
            money=self.money,
            price_year=self.price_year,
            inflation=self.inflation,
            discount_rate=self.discount_rate,
            years_qualified=self.years_qualified,
            joins_as=self.joins_as,
        )

    def money_words(self) -> str:
        """How amounts are expressed, for a caption: 'in real terms, at 2024 prices'."""
        if self.money == "real":
            return f"in real terms, at {self.price_year or prices.latest_published_year()} prices"
        if self.money == "present_value":
            rate = (
                self.discount_rate
                if self.discount_rate is not None
                else prices.default_discount_rate()
            )
            return (
                f"as present values at the start, in {self.start.year} prices, "
                f"discounted at {rate}% a year"
            )
        return "in pounds as paid"


def link_notices(offers: dict[str, Offer]) -> list[str]:
    """Notices for a link's unusable values, worked out once, on the session's first run.

    Call it before any widget is drawn: widgets drop the values they cannot take from the URL.
    """
    if "link_notices" not in st.session_state:
        st.session_state.link_notices = sharing.check_link(st.query_params.to_dict(), offers)
    return st.session_state.link_notices


def scenario_sidebar(offers: dict[str, Offer]) -> Choices:
    """The sidebar, shared by every page: what to show, the comparison, the candidate's
    circumstances, each offer's salary and unpublished figures, and the councils' costs."""
    with st.sidebar:
        measure = _measure_switch()
        money = _money_inputs()
        choices = _comparison_inputs(offers)
        choices.measure = measure
        choices.money, choices.price_year, choices.inflation, choices.discount_rate = money
        _candidate_inputs(choices)
        _offer_inputs(offers, choices)
        _council_inputs(offers, choices)
    return choices


def missing_figures(offers: dict[str, Offer], choices: Choices) -> list[str]:
    """Ask, above every page, for figures an offer cannot be projected without; return the ids
    of the chosen offers that can be projected."""
    ready = []
    for offer_id in choices.offer_ids:
        offer = offers[offer_id]
        if offer.salary.top.value is not None:
            ready.append(offer_id)
            continue
        with st.container(border=True):
            st.markdown(f"**{offer.label}**: the salary is not published.")
            top = assumption(offer, "salary.top", "Salary to assume (£ a year)", choices)
            if top is None:
                st.caption("Enter a salary to include this offer.")
                continue
            ready.append(offer_id)
            start = choices.start_salary.get(offer_id)
            if start is not None and start > top:
                del choices.start_salary[offer_id]
                st.caption("The starting salary you entered is above this salary: it is not used.")
    return ready


def _comparison_inputs(offers: dict[str, Offer]) -> Choices:
    labels = {offer.label: offer.id for offer in offers.values()}
    if sharing.OFFERS not in st.session_state:
        st.session_state[sharing.OFFERS] = [offers[i].label for i in DEFAULT_OFFERS if i in offers]
    added = [label for label in mine.labels_to_select() if label in labels]
    if added:
        kept = [label for label in st.session_state[sharing.OFFERS] if label in labels]
        st.session_state[sharing.OFFERS] = [*kept, *(a for a in added if a not in kept)]
    st.header("Your comparison")
    chosen = st.multiselect(
        "Offers to compare",
        list(labels),
        key=sharing.OFFERS,
        bind=_URL,
        placeholder="Choose one or more offers",
    )
    years = st.slider(
        "Years to compare",
        int(sharing.YEARS.minimum),
        int(sharing.YEARS.maximum),
        3,
        key=sharing.YEARS.key,
        bind=_URL,
    )
    months, month_labels = sharing.start_months(), sharing.start_month_labels()
    start_label = st.selectbox(
        "Start month",
        month_labels,
        index=months.index(dt.date(2017, 4, 1)),
        key=sharing.START,
        bind=_URL,
        help="Pay dates fall on the last day of each month, and fix the tax year.",
    )
    awards = st.radio(
        "Pay awards",
        list(sharing.AWARDS),
        key=sharing.AWARD_KIND,
        bind=_URL,
        horizontal=True,
        help="The NJC's awards as agreed each year (flat pounds on some points, percentages "
        "on others), each from its 1 April; or one percentage every April after the start. "
        "Supplements stated in pounds stay as published; those stated as a percentage "
        "follow basic pay.",
    )
    future: Decimal | None = None
    if sharing.AWARDS[awards] == "njc":
        future = _two_places(
            st.number_input(
                "Pay award each April after 2025/26 (%)",
                min_value=sharing.FUTURE_AWARD.minimum,
                max_value=sharing.FUTURE_AWARD.maximum,
                value=float(default_future_award()),
                step=0.25,
                key=sharing.FUTURE_AWARD.key,
                bind=_URL,
                help="An assumption: no award after 2025/26 has been agreed. The default "
                "carries forward the last agreed award (3.2% in 2025/26).",
            )
        )
        award: Decimal | str = "njc"
    else:
        award = _two_places(
            st.number_input(
                "Pay award each April (%)",
                min_value=sharing.PAY_AWARD.minimum,
                max_value=sharing.PAY_AWARD.maximum,
                value=0.0,
                step=0.25,
                key=sharing.PAY_AWARD.key,
                bind=_URL,
                help="Raises basic pay on each 1 April after the start.",
            )
        )
    leave_after = None
    if st.toggle("Leaves before the end", key=sharing.LEAVING, bind=_URL):
        leave_after = st.slider(
            "Leaves after (months)",
            1,
            12 * years,
            min(12, 12 * years),
            key=sharing.LEAVE_AFTER.key,
            bind=_URL,
            help="Months 1 to N are worked and paid; clawbacks are deducted in month N.",
        )
    with st.expander("Salary scale"):
        step = st.number_input(
            "Yearly step up an unpublished scale (%)",
            min_value=sharing.ANNUAL_STEP.minimum,
            max_value=sharing.ANNUAL_STEP.maximum,
            value=3.0,
            step=0.5,
            key=sharing.ANNUAL_STEP.key,
            bind=_URL,
            help="An assumption, not a published figure: when you start below the top and "
            "the council does not publish its scale points, pay rises by this much on each "
            "anniversary until it reaches the top.",
        )
    return Choices(
        offer_ids=[labels[label] for label in chosen],
        years=years,
        start=months[month_labels.index(start_label)],
        pay_award=award,
        future_pay_award=future,
        annual_step=_two_places(step),
        leave_after_months=leave_after,
    )


def _candidate_inputs(choices: Choices) -> None:
    st.header("You")
    region = st.radio(
        "Where you pay income tax",
        list(sharing.REGIONS),
        key=sharing.REGION,
        bind=_URL,
        horizontal=True,
    )
    loans = st.multiselect(
        "Student loans",
        list(sharing.LOANS),
        key=sharing.STUDENT_LOANS,
        bind=_URL,
        placeholder="None",
        help="Plan 1, 2, 4 and 5 loans share one deduction above the lowest threshold; a "
        "postgraduate loan is deducted as well.",
    )
    pension = st.selectbox(
        "Pension",
        list(sharing.PENSIONS),
        key=sharing.PENSION,
        bind=_URL,
        help="The Local Government Pension Scheme's member rate depends on your pay band; "
        "the 50/50 section pays half. Contributions are relieved from tax, not from NI.",
    )
    qualified = st.number_input(
        "Years since you qualified",
        min_value=int(sharing.YEARS_QUALIFIED.minimum),
        max_value=int(sharing.YEARS_QUALIFIED.maximum),
        value=None,
        step=1,
        key=sharing.YEARS_QUALIFIED.key,
        bind=_URL,
        placeholder="Not given: every payment counts",
        help="Payments a council reserves by experience (three years' post-qualifying "
        "experience, not in the ASYE) are left out when you do not qualify. 0: in your ASYE.",
    )
    in_post = st.toggle(
        "Already working there",
        key=sharing.IN_POST,
        bind=_URL,
        help="Staff in post get retention payments for staff in post, not golden hellos "
        "for new starters. Counts only when years since you qualified are given.",
    )
    choices.years_qualified = None if qualified is None else int(qualified)
    choices.joins_as = "staff in post" if in_post else "new starter"
    choices.region = sharing.REGIONS[region]
    choices.student_loans = tuple(sharing.LOANS[loan] for loan in loans)
    choice = sharing.PENSIONS[pension]
    if choice == "none":
        choices.pension = Decimal(0)
    elif choice == "other":
        share = st.number_input(
            "Your contribution to the other scheme (% of pensionable pay)",
            min_value=sharing.PENSION_SHARE.minimum,
            max_value=sharing.PENSION_SHARE.maximum,
            value=5.0,
            step=0.5,
            key=sharing.PENSION_SHARE.key,
            bind=_URL,
        )
        choices.pension = _two_places(share)
    else:
        choices.pension = choice


def _offer_inputs(offers: dict[str, Offer], choices: Choices) -> None:
    if not choices.offer_ids:
        return
    with st.expander("Starting salaries and unpublished figures"):
        for offer_id in choices.offer_ids:
            offer = offers[offer_id]
            st.markdown(f"**{offer.label}**")
            starting_salary(offer, choices)
            for path in offer.unpublished():
                if path != "salary.top":
                    unit = "£" if isinstance(offer.figure(path), Money) else "%"
                    assumption(offer, path, f"{figure_name(offer, path)} ({unit})", choices)


def _council_inputs(offers: dict[str, Offer], choices: Choices) -> None:
    councils: dict[str, list[Offer]] = {}
    for offer_id in choices.offer_ids:
        councils.setdefault(offers[offer_id].council, []).append(offers[offer_id])
    with st.expander("The councils' pension costs"):
        st.caption(
            "Employer LGPS contribution rates. Where a council does not publish its rate, the "
            "national average employer rate is assumed: enter the council's own to replace it."
        )
        for council, its_offers in councils.items():
            rate = st.number_input(
                f"{short_council_name(council)} (%)",
                min_value=sharing.EMPLOYER_RATE.minimum,
                max_value=sharing.EMPLOYER_RATE.maximum,
                value=None,
                step=0.5,
                key=sharing.employer_rate_key(council),
                bind=_URL,
                placeholder=_employer_default(its_offers[0], choices.start),
            )
            if rate is not None:
                for offer in its_offers:
                    choices.employer_pension_rate[offer.id] = _two_places(rate)


def _employer_default(offer: Offer, start: dt.date) -> str:
    """The employer rate used unless the visitor gives one, and where it comes from."""
    default = employer_pension_rate(offer, Scenario(start=start))
    basis = "published" if default.basis == "published" else "national average, assumed"
    return f"{default.percent.normalize():f}% ({basis})"


def starting_salary(offer: Offer, choices: Choices) -> None:
    """An optional starting salary below the top of the offer's scale."""
    top = offer.salary.top.value
    value = st.number_input(
        "Starting salary (£ a year; blank: the top of the scale)",
        min_value=0.0,
        max_value=float(top) if top is not None else sharing.AMOUNT.maximum,
        value=None,
        step=500.0,
        key=sharing.salary_key(offer.id),
        bind=_URL,
        placeholder=f"{format_gbp(pence(top))} (top)"
        if top is not None
        else "the top of the scale",
    )
    if value is not None:
        choices.start_salary[offer.id] = _two_places(value)


def assumption(offer: Offer, path: str, label: str, choices: Choices) -> Decimal | None:
    """An input for a figure the council does not publish; records and returns the value."""
    value = st.number_input(
        label,
        min_value=sharing.AMOUNT.minimum,
        max_value=sharing.AMOUNT.maximum,
        value=None,
        step=100.0,
        key=sharing.assumption_key(offer.id, path),
        bind=_URL,
        placeholder="not published: enter an assumption",
    )
    if value is None:
        return None
    amount = _two_places(value)
    choices.assumed.setdefault(offer.id, {})[path] = amount
    return amount


def _measure_switch() -> str:
    """Gross, take-home, cost to the council or total reward, for every chart and table."""
    label = st.segmented_control(
        "Show amounts as",
        list(sharing.VIEWS),
        default="Gross pay",
        required=True,
        key=sharing.VIEW,
        bind=_URL,
    )
    return sharing.VIEWS[label or "Gross pay"]


def _money_inputs() -> tuple[str, int | None, Decimal | None, Decimal | None]:
    """Pounds as paid, in real terms (at a chosen year's prices) or as present values."""
    label = st.radio(
        "Money",
        list(sharing.MONEY),
        key=sharing.MONEY_KEY,
        bind=_URL,
        horizontal=True,
        help="Real terms scale each year's pay by consumer prices (ONS CPI, then the "
        "future inflation you set). Present values also discount each payment back to "
        "the start (HM Treasury's Green Book rate by default).",
    )
    money = sharing.MONEY[label or "Pounds as paid"]
    price_year = inflation = discount = None
    if money == "real":
        latest = prices.latest_published_year()
        price_year = st.number_input(
            "At the prices of the year",
            min_value=int(sharing.PRICE_YEAR.minimum),
            max_value=int(sharing.PRICE_YEAR.maximum),
            value=latest,
            step=1,
            key=sharing.PRICE_YEAR.key,
            bind=_URL,
        )
    if money != "nominal":
        inflation = st.number_input(
            "Future inflation, a year (%)",
            min_value=sharing.INFLATION.minimum,
            max_value=sharing.INFLATION.maximum,
            value=float(prices.default_inflation()),
            step=0.25,
            key=sharing.INFLATION.key,
            bind=_URL,
            help=f"For years after {prices.latest_published_year()}, the last with published CPI. "
            "Default: the government's 2% CPI inflation target.",
        )
    if money == "present_value":
        discount = st.number_input(
            "Discount rate, a year (%)",
            min_value=sharing.DISCOUNT_RATE.minimum,
            max_value=sharing.DISCOUNT_RATE.maximum,
            value=float(prices.default_discount_rate()),
            step=0.25,
            key=sharing.DISCOUNT_RATE.key,
            bind=_URL,
            help="Default: HM Treasury's Green Book discount rate, a real rate.",
        )
    return (
        money,
        int(price_year) if price_year is not None else None,
        None if inflation is None else _two_places(inflation),
        None if discount is None else _two_places(discount),
    )


def _two_places(value: float) -> Decimal:
    return Decimal(str(value)).quantize(Decimal("0.01"))
