"""The sales page's tables, in the console's words: each built from `sync.hub.analytics` over the chosen period
and the one before it, with what its chart draws. One builder per table, so a CSV export runs only its own."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from itertools import zip_longest

from sqlalchemy.orm import Session

from sync.hub.analytics import money, sales
from sync.hub.analytics.period import Period, Scope
from sync.hub.analytics.tables import AUTO, CENTS, COUNT, DAY, PERCENT, Column, Table, change, with_previous
from sync.hub.console import language
from sync.hub.console.web import _
from sync.hub.models import Store
from sync.hub.store_time import store_zone
from sync.mutations.reasons import AdjustmentReason

PRODUCTS_SHOWN = 25
TOP_SELLERS = 10
BRANDS_SHOWN = 15


def titles() -> dict[str, str]:
    """Each table's title, in the page's order."""
    return {
        "summary": _("Summary"),
        "by_hour": _("Sales by hour of the day"),
        "by_day": _("Sales by day"),
        "by_week": _("Sales by week"),
        "by_category": _("Sales by category"),
        "by_brand": _("Sales by brand"),
        "by_product": _("Sales by product"),
        "top_sellers": _("Top sellers (units)"),
        "by_staff": _("Sales by staff member"),
        "by_terminal": _("Sales by terminal"),
        "tax": _("Tax collected per component"),
        "discounts": _("Discounts and promotions"),
        "refunds_voids": _("Refunds and voids"),
        "payments": _("Payment mix"),
        "shrinkage": _("Shrinkage by reason"),
    }


def title(key: str) -> str:
    return titles()[key]


@dataclass(frozen=True)
class Both:
    """The period asked for and the one before it, each placed in the stores' time."""

    now: Scope
    before: Scope


def _previous(key: str = "net") -> list[Column]:
    return [Column(f"{key}_previous", _("Previous period"), CENTS), Column("change_percent", _("Change"), PERCENT)]


def summary(session: Session, both: Both) -> Table:
    now, before = (sales.totals(session, s) | money.refunds_and_voids(session, s) for s in (both.now, both.before))
    measures = [("orders", _("Sales"), COUNT), ("units", _("Units sold"), COUNT),
                ("gross", _("Gross sales"), CENTS), ("discounts", _("Discounts"), CENTS),
                ("net", _("Net sales (before tax)"), CENTS), ("tax", _("Tax collected on sales"), CENTS),
                ("total", _("Total taken (with tax)"), CENTS), ("basket", _("Average basket (net)"), CENTS),
                ("refunds", _("Refunds"), COUNT), ("refunds_total", _("Refunded (with tax)"), CENTS),
                ("voids", _("Voided sales"), COUNT), ("voids_total", _("Voided (with tax)"), CENTS)]
    return Table("summary", title("summary"), [Column("measure", _("Measure")), Column("now", _("This period"), AUTO),
                                           Column("previous", _("Previous period"), AUTO),
                                           Column("change_percent", _("Change"), PERCENT)],
                 [[title, now[key], before[key], change(now[key], before[key])] for key, title, _kind in measures],
                 chart="", row_kinds=[kind for _key, _title, kind in measures])


def by_hour(session: Session, both: Both) -> Table:
    now, before = ({row[0]: row for row in sales.by_time(session, s, "hour")} for s in (both.now, both.before))
    rows = []
    for hour in range(24):
        n, b = now.get(hour, [hour, 0, 0]), before.get(hour, [hour, 0, 0])
        rows.append([f"{hour:02d}:00", n[1], n[2], b[2], change(n[2], b[2])])
    return Table("by_hour", title("by_hour"), [
        Column("hour", _("Hour (store time)")), Column("sales", _("Sales"), COUNT),
        Column("net", _("Net sales"), CENTS), *_previous()], rows, label="hour", values=["net", "net_previous"])


def _days(session: Session, scope: Scope, kind: str, period: Period) -> list[list]:
    found = {row[0]: row for row in sales.by_time(session, scope, kind)}
    if kind == "day":
        keys = [d.isoformat() for d in period.each_day()]
    else:
        first = period.first - timedelta(days=period.first.weekday())
        keys = [(first + timedelta(weeks=n)).isoformat() for n in range((period.last - first).days // 7 + 1)]
    return [found.get(key, [key, 0, 0]) for key in keys]


def _series(session: Session, both: Both, kind: str) -> list[list]:
    """Day n (or week n) of the period next to day n of the one before."""
    now = _days(session, both.now, kind, both.now.period)
    before = _days(session, both.before, kind, both.before.period)
    blank = [None, None, None]
    return [[n[0], n[1], n[2], b[0], b[2], change(n[2], b[2])]
            for n, b in zip_longest(now, before, fillvalue=blank) if n[0] is not None]


def by_day(session: Session, both: Both) -> Table:
    return Table("by_day", title("by_day"), [
        Column("day", _("Day"), DAY), Column("sales", _("Sales"), COUNT), Column("net", _("Net sales"), CENTS),
        Column("previous_day", _("Same day of the previous period"), DAY), *_previous()],
        _series(session, both, "day"), chart="line", label="day", values=["net", "net_previous"])


def by_week(session: Session, both: Both) -> Table:
    return Table("by_week", title("by_week"), [
        Column("week", _("Week of (Monday)"), DAY), Column("sales", _("Sales"), COUNT),
        Column("net", _("Net sales"), CENTS),
        Column("previous_week", _("Same week of the previous period"), DAY), *_previous()],
        _series(session, both, "week"), label="week", values=["net", "net_previous"],
        note=_("A week at either end of the period holds only its days inside the period."))


def _by_name(session: Session, both: Both, dimension: str, nameless: str) -> list[list]:
    now, before = (sales.items(session, s)[dimension] for s in (both.now, both.before))
    rows = with_previous(now, before, 0, 2)
    for row in rows:
        row[0] = row[0] or nameless
    return rows


def by_category(session: Session, both: Both) -> Table:
    return Table("by_category", title("by_category"), [
        Column("category", _("Category")), Column("units", _("Units"), COUNT), Column("net", _("Net sales"), CENTS),
        *_previous()], _by_name(session, both, "category", _("Uncategorised")), chart="doughnut", label="category",
        values=["net"])


def by_brand(session: Session, both: Both) -> Table:
    return Table("by_brand", title("by_brand"), [
        Column("brand", _("Brand")), Column("units", _("Units"), COUNT), Column("net", _("Net sales"), CENTS),
        *_previous()], _by_name(session, both, "brand", _("No brand")), label="brand", values=["net", "net_previous"],
        shown=BRANDS_SHOWN)


def by_product(session: Session, both: Both) -> Table:
    rows = with_previous(sales.items(session, both.now)["product"], sales.items(session, both.before)["product"], 0, 3)
    return Table("by_product", title("by_product"), [
        Column("sku", _("SKU")), Column("product", _("Product")), Column("units", _("Units"), COUNT),
        Column("net", _("Net sales"), CENTS), *_previous()], rows, chart="", shown=PRODUCTS_SHOWN,
        note=_("The page shows the first %(n)s products; the CSV holds them all.", n=PRODUCTS_SHOWN))


def top_sellers(session: Session, both: Both) -> Table:
    rows = sorted(sales.items(session, both.now)["product"], key=lambda r: (-r[2], -r[3], r[0]))[:TOP_SELLERS]
    return Table("top_sellers", title("top_sellers"), [
        Column("sku", _("SKU")), Column("product", _("Product")), Column("units", _("Units"), COUNT),
        Column("net", _("Net sales"), CENTS)], rows, chart="hbar", label="product", values=["units"])


def by_staff(session: Session, both: Both) -> Table:
    rows = with_previous(sales.by_staff(session, both.now), sales.by_staff(session, both.before), 0, 2)
    return Table("by_staff", title("by_staff"), [
        Column("staff", _("Staff member")), Column("sales", _("Sales"), COUNT), Column("net", _("Net sales"), CENTS),
        Column("basket", _("Average basket"), CENTS), *_previous()], rows, label="staff",
        values=["net", "net_previous"])


def by_terminal(session: Session, both: Both) -> Table:
    rows = with_previous(sales.by_terminal(session, both.now), sales.by_terminal(session, both.before), 0, 2)
    for row in rows:
        row[0] = row[0] or _("Entered on the hub")
    return Table("by_terminal", title("by_terminal"), [
        Column("terminal", _("Terminal")), Column("sales", _("Sales"), COUNT), Column("net", _("Net sales"), CENTS),
        *_previous()], rows, label="terminal", values=["net", "net_previous"])


def tax(session: Session, both: Both) -> Table:
    rows = with_previous(money.tax(session, both.now), money.tax(session, both.before), 0, 3)
    return Table("tax", title("tax"), [
        Column("component", _("Component")), Column("on_sales", _("On sales"), CENTS),
        Column("refunded", _("Refunded"), CENTS), Column("collected", _("Collected"), CENTS),
        *_previous("collected")], rows, label="component", values=["collected", "collected_previous"])


def discounts(session: Session, both: Both) -> Table:
    kinds = {"all": _("All"), "promotion": _("Promotion"), "code": _("Discount code")}
    before = {(r[0], r[1]): r[3] for r in money.discounts(session, both.before)}
    rows = [[kinds[kind], name or _("Every discount"), n, amount, before.get((kind, name)),
             change(amount, before.get((kind, name)))] for kind, name, n, amount in money.discounts(session, both.now)]
    return Table("discounts", title("discounts"), [
        Column("kind", _("Kind")), Column("name", _("Name")), Column("orders", _("Sales"), COUNT),
        Column("amount", _("Amount"), CENTS), *_previous("amount")], rows, label="name", values=["amount"],
        note=_("A sale can take a promotion and a code at once, so the rows below the first overlap it."))


def refunds_and_voids(session: Session, both: Both) -> Table:
    now, before = (money.refunds_and_voids(session, s) for s in (both.now, both.before))
    rows = [[_("Refunds"), now["refunds"], now["refunds_net"], now["refunds_tax"], now["refunds_total"],
             before["refunds_total"], change(now["refunds_total"], before["refunds_total"])],
            [_("Voids"), now["voids"], now["voids_net"], now["voids_tax"], now["voids_total"],
             before["voids_total"], change(now["voids_total"], before["voids_total"])]]
    return Table("refunds_voids", title("refunds_voids"), [
        Column("kind", _("Kind")), Column("count", _("Count"), COUNT), Column("net", _("Before tax"), CENTS),
        Column("tax", _("Tax"), CENTS), Column("total", _("Total"), CENTS), *_previous("total")], rows,
        label="kind", values=["total", "total_previous"],
        note=_("Totals include the cash rounding; a refund counts on the day it was made, a void on its sale's day."))


def payments(session: Session, both: Both) -> Table:
    rows = with_previous(money.payment_mix(session, both.now), money.payment_mix(session, both.before), 0, 4)
    methods = {"cash": _("Cash"), "card": _("Card"), "gift_card": _("Gift card")}
    for row in rows:
        row[0] = methods.get(row[0], row[0])
    return Table("payments", title("payments"), [
        Column("method", _("Method")), Column("payments", _("Payments"), COUNT), Column("taken", _("Taken"), CENTS),
        Column("paid_back", _("Paid back"), CENTS), Column("net", _("Net"), CENTS), *_previous()], rows,
        chart="doughnut", label="method", values=["taken"])


def reason_labels() -> dict[str, str]:
    return {AdjustmentReason.DAMAGED: _("Damaged"), AdjustmentReason.DESTROYED: _("Destroyed"),
            AdjustmentReason.EXPIRED: _("Expired"), AdjustmentReason.THEFT_OR_LOSS: _("Theft or loss"),
            AdjustmentReason.SAMPLE_OR_TESTING: _("Sample or testing"),
            AdjustmentReason.RETURNED_TO_SUPPLIER: _("Returned to supplier"),
            AdjustmentReason.RECALL_QUARANTINE: _("Recall quarantine"), AdjustmentReason.FOUND: _("Found"),
            AdjustmentReason.DATA_CORRECTION: _("Data correction"), AdjustmentReason.COUNT: _("Stock count"),
            "": _("No reason given")}


def shrinkage(session: Session, both: Both) -> Table:
    rows = with_previous(money.shrinkage(session, both.now), money.shrinkage(session, both.before), 0, 3)
    labels = reason_labels()
    for row in rows:
        row[0] = labels.get(row[0], row[0])
    return Table("shrinkage", title("shrinkage"), [
        Column("reason", _("Reason")), Column("adjustments", _("Adjustments"), COUNT),
        Column("units", _("Units"), COUNT), Column("value", _("Value at cost"), CENTS), *_previous("value")], rows,
        label="reason", values=["units"], note=_("Units taken out are negative; found stock is positive."))


BUILDERS: dict[str, Callable[[Session, Both], Table]] = {
    "summary": summary, "by_hour": by_hour, "by_day": by_day, "by_week": by_week, "by_category": by_category,
    "by_brand": by_brand, "by_product": by_product, "top_sellers": top_sellers, "by_staff": by_staff,
    "by_terminal": by_terminal, "tax": tax, "discounts": discounts, "refunds_voids": refunds_and_voids,
    "payments": payments, "shrinkage": shrinkage,
}


def build(session: Session, stores: list[Store], period: Period, only: str | None = None) -> list[Table]:
    both = Both(Scope.of(session, stores, period), Scope.of(session, stores, period.previous()))
    return [builder(session, both) for key, builder in BUILDERS.items() if only in (None, key)]


def chart_of(table: Table) -> dict | None:
    """A table's chart, its days named in the request's language (the figures stay numbers; the page's script
    writes them in its language)."""
    return table.chart_data(language.day)


def today_of(stores: list[Store]) -> date:
    return datetime.now(store_zone(stores[0])).date() if stores else date.today()
