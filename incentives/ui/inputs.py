"""The scenario inputs, each bound to the URL so that a copied link reopens the same comparison."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal
from typing import Any, Literal

import streamlit as st

from incentives import njc_grades, sharing
from incentives.comparison import employer_pension_rate
from incentives.model import Money, Offer, current_first, short_council_name
from incentives.money import format_gbp, pence
from incentives.njc import default_future_award
from incentives.pages.provenance import figure_name
from incentives.pages.views import Display
from incentives.scenario import Scenario
from incentives.ui import keys, mine, showing
from incentives.ui.keys import URL

DEFAULT_OFFERS = ("kirklees-social-worker", "rotherham-social-worker")


@dataclass(frozen=True)
class Chosen:
    """What the visitor chose: the offers, the scenario to project them under, and how to
    show the amounts."""

    offer_ids: tuple[str, ...]
    scenario: Scenario
    display: Display


def open_old_links() -> None:
    """On the session's first run, the part an older link asks for without naming it (see
    :func:`sharing.from_before_the_tabs`). Before the widgets: on first opening, a bound
    widget keeps a value set here when the link has none."""
    if keys.LINK_NOTICES not in st.session_state:
        for key, value in sharing.from_before_the_tabs(st.query_params.to_dict()).items():
            st.session_state[key] = value


def link_notices(offers: dict[str, Offer]) -> list[str]:
    """Notices for a link's unusable values, worked out once, on the session's first run.

    Call it before any widget is drawn: widgets drop the values they cannot take from the URL.
    """
    if keys.LINK_NOTICES not in st.session_state:
        st.session_state[keys.LINK_NOTICES] = sharing.check_link(st.query_params.to_dict(), offers)
    notices: list[str] = st.session_state[keys.LINK_NOTICES]
    return notices


def scenario_sidebar(offers: dict[str, Offer]) -> Chosen:
    """The sidebar, shared by every page: what to show, the comparison, the candidate's
    circumstances, each offer's salary and unpublished figures, and the councils' costs."""
    with st.sidebar:
        measure = showing.measure_switch()
        money = showing.money_inputs()
        offer_ids, comparison = _comparison_inputs(offers)
        candidate = _candidate_inputs()
        salaries, assumed, step = _offer_inputs(offers, offer_ids)
        employer = _council_inputs(offers, offer_ids, comparison["start"])
    scenario = Scenario(
        **comparison,
        **money,
        **candidate,
        start_salary=salaries,
        annual_step=step,
        assumed=assumed,
        employer_pension_rate=employer,
    )
    return Chosen(tuple(offer_ids), scenario, Display.of(scenario, measure))


def missing_figures(offers: dict[str, Offer], chosen: Chosen) -> tuple[Chosen, list[str]]:
    """Ask, above every page, for figures an offer cannot be projected without; return the
    choice with those figures in its scenario, and the ids of the chosen offers that can be
    projected."""
    ready = []
    given = chosen.scenario.start_salary
    salaries = dict(given) if isinstance(given, Mapping) else {}  # the sidebar gives a mapping
    assumed = {offer_id: dict(paths) for offer_id, paths in chosen.scenario.assumed.items()}
    for offer_id in chosen.offer_ids:
        offer = offers[offer_id]
        if offer.salary.top.value is not None:
            ready.append(offer_id)
            continue
        with st.container(border=True):
            st.markdown(f"**{offer.label}**: the salary is not published.")
            top = assumption(offer, "salary.top", "Salary to assume (£ a year)")
            if top is None:
                st.caption("Enter a salary to include this offer.")
                continue
            assumed.setdefault(offer_id, {})["salary.top"] = top
            ready.append(offer_id)
            start = salaries.get(offer_id)
            if start is not None and start > top:
                del salaries[offer_id]
                st.caption("The starting salary you entered is above this salary: it is not used.")
    scenario = Scenario(**{**dict(chosen.scenario), "start_salary": salaries, "assumed": assumed})
    for offer_id in list(ready):
        problem = njc_grades.awards_problem(offers[offer_id], scenario)
        if problem is not None:
            ready.remove(offer_id)
            st.warning(
                f"**{offers[offer_id].label}** is left out under the NJC's agreed awards: "
                f"{problem}. To include it, choose “A percentage each April” under Pay awards.",
                icon=":material/block:",
            )
    return Chosen(chosen.offer_ids, scenario, chosen.display), ready


def _comparison_inputs(offers: dict[str, Offer]) -> tuple[list[str], dict[str, Any]]:
    """The offers chosen, and the scenario's years, start, pay award, leaving and step."""
    offers_by_label = {offer.label: offer.id for offer in offers.values()}
    chosen = _offer_picker(offers)
    years = st.slider(
        "Years to compare",
        int(sharing.YEARS.minimum),
        int(sharing.YEARS.maximum),
        3,
        key=sharing.YEARS.key,
        bind=URL,
    )
    months, month_labels = sharing.start_months(), sharing.start_month_labels()
    start_label = st.selectbox(
        "Start month",
        month_labels,
        index=months.index(dt.date(2017, 4, 1)),
        key=sharing.START,
        bind=URL,
        help="Pay dates fall on the last day of each month, and fix the tax year.",
    )
    award, future = _award_inputs()
    leave_after = None
    if st.toggle("Leaves before the end", key=sharing.LEAVING, bind=URL):
        leave_after = st.slider(
            "Leaves after (months)",
            1,
            12 * years,
            min(12, 12 * years),
            key=sharing.LEAVE_AFTER.key,
            bind=URL,
            help="Months 1 to N are worked and paid; clawbacks are deducted in month N.",
        )
    return [offers_by_label[label] for label in chosen], {
        "years": years,
        "start": months[month_labels.index(start_label)],
        "pay_award": award,
        "future_pay_award": future,
        "leave_after_months": leave_after,
    }


def _offer_picker(offers: dict[str, Offer]) -> list[str]:
    """The labels of the offers chosen: current offers listed first, the others marked with
    their status.

    The marks are only shown: the link keeps the plain labels, so links made before them (and
    links to an offer that has since become historical) still open the same offers. Streamlit
    would keep the shown names in the link, so this list keeps its link itself.
    """
    today = dt.date.today()
    listed = current_first(offers.values(), today)
    labels = [offer.label for offer in listed]
    shown = {offer.label: offer.label_with_status(today) for offer in listed}
    if sharing.OFFERS not in st.session_state:
        linked = st.query_params.get_all(sharing.OFFERS)
        defaults = [offers[i].label for i in DEFAULT_OFFERS if i in offers]
        usable = [label for label in dict.fromkeys(linked) if label in shown]
        # A link whose offers are all unknown opens the defaults, as a link without any does
        st.session_state[sharing.OFFERS] = usable or defaults
    added = [label for label in mine.labels_to_select() if label in shown]
    if added:
        kept = [label for label in st.session_state[sharing.OFFERS] if label in shown]
        st.session_state[sharing.OFFERS] = [*kept, *(a for a in added if a not in kept)]
    st.header("Your comparison")
    chosen: list[str] = st.multiselect(
        "Offers to compare",
        labels,
        format_func=lambda label: shown.get(label, label),
        key=sharing.OFFERS,
        placeholder="Choose one or more offers",
    )
    if st.query_params.get_all(sharing.OFFERS) != chosen:
        if chosen:
            st.query_params[sharing.OFFERS] = chosen
        else:
            st.query_params.pop(sharing.OFFERS, None)
    return chosen


def _award_inputs() -> tuple[Decimal | Literal["njc"], Decimal | None]:
    """The NJC's agreed awards (the default) and the award assumed after them, or one
    percentage every April."""
    awards = showing.choice(
        "Pay awards",
        sharing.AWARDS,
        sharing.AWARD_KIND,
        help="The NJC's awards as agreed each year (flat pounds on some points, percentages "
        "on others), each from its 1 April; or one percentage every April after the start. "
        "Supplements stated in pounds stay as published; those stated as a percentage "
        "follow basic pay.",
    )
    if awards == "njc":
        future = showing.bound_number(
            sharing.FUTURE_AWARD,
            "Pay award each April after 2025/26 (%)",
            value=float(default_future_award()),
            step=0.25,
            help="An assumption: no award after 2025/26 has been agreed. The default "
            "carries forward the last agreed award (3.2% in 2025/26).",
        )
        return "njc", showing.two_places(future)
    award = showing.bound_number(
        sharing.PAY_AWARD,
        "Pay award each April (%)",
        value=0.0,
        step=0.25,
        help="Raises basic pay on each 1 April after the start.",
    )
    return showing.two_places(award), None


def _candidate_inputs() -> dict[str, Any]:
    """Where the candidate pays tax, their student loans, pension, experience and whether
    they already work there."""
    st.header("You")
    region = showing.choice("Where you pay income tax", sharing.REGIONS, sharing.REGION)
    loans = st.segmented_control(
        "Student loans",
        list(sharing.LOANS),
        selection_mode="multi",
        key=sharing.STUDENT_LOANS,
        bind=URL,
        help="Plan 1, 2, 4 and 5 loans share one deduction above the lowest threshold; a "
        "postgraduate loan is deducted as well.",
    )
    choice = showing.choice(
        "Pension",
        sharing.PENSIONS,
        sharing.PENSION,
        help="The Local Government Pension Scheme's member rate depends on your pay band; "
        "the 50/50 section pays half. Contributions are relieved from tax, not from NI.",
    )
    contribution: str | Decimal = choice
    if choice == "none":
        contribution = Decimal(0)
    elif choice == "other":
        share = showing.bound_number(
            sharing.PENSION_SHARE,
            "Your contribution to the other scheme (% of pensionable pay)",
            value=5.0,
            step=0.5,
        )
        contribution = showing.two_places(share)
    qualified = showing.bound_number(
        sharing.YEARS_QUALIFIED,
        "Years since you qualified",
        value=None,
        step=1,
        help="Payments a council reserves by experience (three years' post-qualifying "
        "experience, not in the ASYE) are left out when you do not qualify. 0: in your ASYE.",
        placeholder="Not given: every payment counts",
    )
    in_post = st.toggle(
        "Already working there",
        key=sharing.IN_POST,
        bind=URL,
        help="Staff in post get retention payments for staff in post, not golden hellos "
        "for new starters. Counts only when years since you qualified are given.",
    )
    return {
        "region": region,
        "student_loans": tuple(sharing.LOANS[loan] for loan in loans),
        "pension": contribution,
        "years_qualified": None if qualified is None else int(qualified),
        "joins_as": "staff in post" if in_post else "new starter",
    }


def _offer_inputs(
    offers: dict[str, Offer], offer_ids: list[str]
) -> tuple[dict[str, Decimal], dict[str, dict[str, Decimal]], Decimal]:
    """Each chosen offer's starting salary and assumed figures, where the visitor gives them,
    and the yearly step up a scale the council does not publish.

    Each input names its offer in its label rather than under a heading of its own: every
    element costs the browser time to draw when the page opens."""
    salaries: dict[str, Decimal] = {}
    assumed: dict[str, dict[str, Decimal]] = {}
    with st.popover("Starting salaries and unpublished figures", width="stretch"):
        step = showing.bound_number(
            sharing.ANNUAL_STEP,
            "Yearly step up an unpublished scale (%)",
            value=3.0,
            step=0.5,
            help="An assumption, not a published figure: when you start below the top and "
            "the council does not publish its scale points, pay rises by this much on each "
            "anniversary until it reaches the top.",
        )
        for offer_id in offer_ids:
            offer = offers[offer_id]
            salary = starting_salary(offer)
            if salary is not None:
                salaries[offer_id] = salary
            for path in offer.unpublished():
                if path != "salary.top":
                    unit = "£" if isinstance(offer.figure(path), Money) else "%"
                    name = f"**{offer.label}**: {figure_name(offer, path)} ({unit})"
                    value = assumption(offer, path, name)
                    if value is not None:
                        assumed.setdefault(offer_id, {})[path] = value
    return salaries, assumed, showing.two_places(step)


def _council_inputs(
    offers: dict[str, Offer], offer_ids: list[str], start: dt.date
) -> dict[str, Decimal]:
    """Employer pension rates the visitor gives, for each chosen offer of the council."""
    rates: dict[str, Decimal] = {}
    councils: dict[str, list[Offer]] = {}
    for offer_id in offer_ids:
        councils.setdefault(offers[offer_id].council, []).append(offers[offer_id])
    with st.popover("The councils' pension costs", width="stretch"):
        st.caption(
            "Employer LGPS contribution rates. Where a council does not publish its rate, the "
            "national average employer rate is assumed: enter the council's own to replace it."
        )
        for council, its_offers in councils.items():
            rate = showing.bound_number(
                sharing.EMPLOYER_RATE,
                f"{short_council_name(council)} (%)",
                value=None,
                step=0.5,
                key=sharing.employer_rate_key(council),
                placeholder=_employer_default(its_offers[0], start),
            )
            if rate is not None:
                for offer in its_offers:
                    rates[offer.id] = showing.two_places(rate)
    return rates


def _employer_default(offer: Offer, start: dt.date) -> str:
    """The employer rate used unless the visitor gives one, and where it comes from."""
    default = employer_pension_rate(offer, Scenario(start=start))
    basis = "published" if default.basis == "published" else "national average, assumed"
    return f"{default.percent.normalize():f}% ({basis})"


def starting_salary(offer: Offer) -> Decimal | None:
    """An optional starting salary below the top of the offer's scale."""
    top = offer.salary.top.value
    value = showing.bound_number(
        sharing.AMOUNT,
        f"**{offer.label}**: starting salary (£ a year; blank: the top of the scale)",
        value=None,
        step=500.0,
        key=sharing.salary_key(offer.id),
        maximum=None if top is None else float(top),
        placeholder="the top of the scale" if top is None else f"{format_gbp(pence(top))} (top)",
    )
    return None if value is None else showing.two_places(value)


def assumption(offer: Offer, path: str, label: str) -> Decimal | None:
    """An input for a figure the council does not publish."""
    value = showing.bound_number(
        sharing.AMOUNT,
        label,
        value=None,
        step=100.0,
        key=sharing.assumption_key(offer.id, path),
        placeholder="not published: enter an assumption",
    )
    return None if value is None else showing.two_places(value)
