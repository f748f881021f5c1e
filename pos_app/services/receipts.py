"""Sales, refunds, shift reports and kiosk ticket slips as documents for the receipt printer (``hardware.printers``).

A receipt shows the store, its licence, the receipt number (the printer adds it as a QR code or barcode for
returns), each line with its lots, discounts, tax per component, the total, the tenders (cards by their last
four digits only), cash rounding and change. A shift report is a ``ReportDocument``: label and amount rows that
the printer prints as plain lines, with no items and no receipt code.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, tzinfo
from decimal import Decimal

from hardware.printers.document import (
    ReceiptDiscount,
    ReceiptDocument,
    ReceiptLabels,
    ReceiptLine,
    ReceiptTax,
    ReceiptTender,
    TicketSlip,
)
from pos_app.domain.cash_count import DENOMINATIONS
from pos_app.domain.formatting import format_number
from pos_app.domain.money import Money
from pos_app.domain.order import Order
from pos_app.domain.refund import Refund
from pos_app.domain.sale import SaleLine
from pos_app.domain.shift_report import CASH, ShiftReport
from pos_app.domain.tenders import CardApproval, CardTender
from pos_app.services.terminal import TerminalContext

Row = tuple[str, str]  # a label, and its value printed flush right ("" for a heading)


def money_text(cents: int) -> str:
    return Money.from_cents(cents).format()


# Receipts read amounts the way every screen does, through Money.format().
RECEIPT_LABELS = ReceiptLabels(money=money_text)


@dataclass(frozen=True)
class ReportDocument(ReceiptDocument):
    rows: tuple[Row, ...] = ()


def receipt_for_order(order: Order, context: TerminalContext, *, staff_name: str, reprint: bool = False,
                      printed_at: datetime | None = None, zone: tzinfo | None = None) -> ReceiptDocument:
    return ReceiptDocument(
        **_header(context, order.order_number, printed_at, zone),
        staff_name=staff_name,
        title="REPRINT" if reprint else "",
        lines=tuple(
            ReceiptLine(line.name, line.quantity, line.unit_price.cents, line.gross.cents,
                        tuple(a.batch_lot for a in line.allocations))
            for line in order.lines
        ),
        subtotal_cents=order.subtotal.cents,
        discounts=_discounts(order),
        taxes=_taxes(order.tax_components, order.tax_rates, context),
        total_cents=order.total_amount.cents,
        tenders=tuple(
            _card(tender.approval) if isinstance(tender, CardTender) else ReceiptTender(CASH, tender.amount.cents)
            for tender in order.tenders
        ),
        cash_rounding_cents=order.cash_rounding.cents,
        change_cents=order.change_due.cents,
    )


def _discounts(order: Order) -> tuple[ReceiptDiscount, ...]:
    """Each promotion and code by the name customers see, with what it saved over the whole order; then each
    line's own discount (with its share of a cart discount)."""
    saved: dict[str, int] = {}
    for line in order.lines:
        for share in line.promotions:
            name = f"Code {share.code}: {share.name}" if share.code else share.name
            saved[name] = saved.get(name, 0) + share.amount.cents
    manual = [ReceiptDiscount(f"Discount, {line.name}", (line.discount - line.promotion_discount).cents)
              for line in order.lines if line.discount != line.promotion_discount]
    return (*(ReceiptDiscount(name, cents) for name, cents in saved.items()), *manual)


def ticket_slip(number: str, qr_text: str, lines: Sequence[SaleLine], estimated_total: Money,
                context: TerminalContext, *, printed_at: datetime | None = None,
                zone: tzinfo | None = None) -> TicketSlip:
    """The slip a kiosk prints for a ticket sent to the counter; its QR code carries ``qr_text`` unchanged."""
    return TicketSlip(
        store_name=context.store_name,
        receipt_number=number,
        timestamp_text=f"{_local(printed_at or datetime.now(UTC), zone):%Y-%m-%d %H:%M}",
        lines=tuple(ReceiptLine(line.product.name, line.quantity, line.product.unit_price.cents, line.gross.cents)
                    for line in lines),
        estimated_total_cents=estimated_total.cents,
        qr_data=qr_text,
        labels=RECEIPT_LABELS,
    )


def receipt_for_refund(refund: Refund, order: Order, context: TerminalContext, *, staff_name: str,
                       printed_at: datetime | None = None, zone: tzinfo | None = None) -> ReceiptDocument:
    """The slip for money given back, in the tender it went back in; its receipt number (and code) is the sale's."""
    in_cash = refund.method == CASH
    if refund.card is not None:
        tender = _card(refund.card, "card refund")
    else:
        tender = ReceiptTender(f"{refund.method} refund", refund.paid_back().cents)
    return ReceiptDocument(
        **_header(context, order.order_number, printed_at, zone),
        staff_name=staff_name,
        title="REFUND",
        lines=tuple(
            ReceiptLine(order.line(line.line_id).name, line.quantity, order.line(line.line_id).unit_price.cents,
                        line.amount.cents, tuple(a.batch_lot for a in line.allocations))
            for line in refund.lines
        ),
        subtotal_cents=refund.subtotal.cents,
        taxes=_taxes(refund.tax_components, order.tax_rates, context),
        total_cents=refund.total.cents,
        tenders=(tender,),
        cash_rounding_cents=refund.cash_rounding().cents if in_cash else 0,
    )


def document_for_report(report: ShiftReport, context: TerminalContext, *,
                        zone: tzinfo | None = None) -> ReportDocument:
    as_of = _local(report.as_of, zone)
    return ReportDocument(
        **_header(context, f"{report.kind}-{context.store_code}-{report.terminal_no}-{as_of:%Y%m%d-%H%M}",
                  report.as_of, zone),
        staff_name=report.closed_by or report.opened_by,
        title=f"{report.kind} REPORT",
        lines=(),
        subtotal_cents=report.net_sales.cents,
        taxes=tuple(ReceiptTax(code, amount.cents) for code, amount in report.taxes.items()),
        total_cents=report.total_taken.cents,
        rows=report_rows(report, zone),
    )


def report_rows(report: ShiftReport, zone: tzinfo | None = None) -> tuple[Row, ...]:
    closed = report.kind == "Z"
    rows: list[Row] = [
        (f"{'Z' if closed else 'X'} report, terminal {report.terminal_no}", ""),
        ("Opened", f"{_local(report.opened_at, zone):%Y-%m-%d %H:%M} {report.opened_by}"),
        ("Closed" if closed else "As of",
         f"{_local(report.as_of, zone):%Y-%m-%d %H:%M}" + (f" {report.closed_by}" if report.closed_by else "")),
        ("", ""),
        ("SALES", ""),
        ("Sales", str(report.sales_count)),
        ("Gross sales", str(report.gross_sales)),
        ("Discounts", str(-report.discounts)),
        ("Net sales", str(report.net_sales)),
        *((f"Tax {code}", str(amount)) for code, amount in report.taxes.items()),
        ("", ""),
        ("TENDERS", ""),
        *((method.capitalize(), str(amount)) for method, amount in report.tenders.items()),
        ("Cash rounding", str(report.cash_rounding)),
        ("", ""),
        ("REFUNDS AND VOIDS", ""),
        ("Refunds", str(report.refunds_count)),
        *((f"{method.capitalize()} refunds", str(-amount)) for method, amount in report.refunds.items()),
        ("Voids", str(report.voids_count)),
        ("Voided sales", str(report.voids_total)),
        ("", ""),
        ("DRAWER", ""),
        ("Opening float", str(report.opening_float)),
        ("Cash sales", str(report.tenders.get(CASH, Money.zero()))),
        ("Cash refunds", str(-report.refunds.get(CASH, Money.zero()))),
        ("Drops", str(-report.drops)),
        ("Paid-outs", str(-report.paid_outs)),
        ("Expected cash", str(report.expected_cash)),
    ]
    if report.counted_cash is not None and report.variance is not None:
        rows += [("Counted cash", str(report.counted_cash)), ("Variance", str(report.variance)), ("", ""),
                 ("COUNT", "")]
        rows += [(f"{d.label} x {report.closing_counts[d.code]}",
                  str(Money.from_cents(d.cents * report.closing_counts[d.code])))
                 for d in DENOMINATIONS if report.closing_counts.get(d.code)]
    return tuple(rows + card_batch_rows(report))


def card_batch_notice(report: ShiftReport) -> str | None:
    """What the person closing the shift must not miss about the card batch (the rows are at the report's end)."""
    batch = report.card_batch
    if batch is None:
        return f"The card batch was not closed. {report.card_batch_problem}" if report.card_batch_problem else None
    if batch.balanced:
        return None
    count = len(batch.mismatches)
    return (f"The card batch does not match the card payments recorded here: {count} "
            f"{'transaction' if count == 1 else 'transactions'}, {batch.difference} in all. Tell a manager; each "
            "one is listed at the end of the report.")


def card_batch_rows(report: ShiftReport) -> list[Row]:
    """The card batch closed with the Z, and each transaction that does not match, so it can be traced."""
    batch = report.card_batch
    if batch is None:
        return [("", ""), ("CARD BATCH", ""), ("Not closed", "close it again later")] \
            if report.card_batch_problem else []
    rows: list[Row] = [
        ("", ""), ("CARD BATCH", f"#{batch.batch_number}"),
        (f"Card terminal ({batch.terminal_count})", str(batch.terminal_net)),
        (f"Card payments at the POS ({batch.pos_count})", str(batch.pos_net)),
        ("Difference", str(batch.difference)),
        ("Matches" if batch.balanced else "DOES NOT MATCH", ""),
    ]
    for mismatch in batch.mismatches:
        amounts = " / ".join(f"{side} {amount}" for side, amount in
                             (("POS", mismatch.pos_amount), ("terminal", mismatch.terminal_amount)) if amount)
        rows.append((f"{mismatch.transaction_kind} {mismatch.reference}: {mismatch.words}", amounts))
    return rows


def _header(context: TerminalContext, number: str, printed_at: datetime | None, zone: tzinfo | None) -> dict:
    footer = context.settings.get("receipt_footer")
    return dict(
        store_name=context.store_name,
        store_address=context.address_lines,
        licence_number=context.license_number or "",
        receipt_number=number,
        timestamp_text=f"{_local(printed_at or datetime.now(UTC), zone):%Y-%m-%d %H:%M}",
        footer=(footer,) if isinstance(footer, str) and footer.strip() else (),
        labels=RECEIPT_LABELS,
    )


def _local(moment: datetime, zone: tzinfo | None) -> datetime:
    # Without the store's zone, the terminal's own clock zone is the store's in practice.
    return moment.astimezone(zone) if zone is not None else moment.astimezone()


def _taxes(amounts: dict[str, Money], rates: dict[str, Decimal], context: TerminalContext) -> tuple[ReceiptTax, ...]:
    known = {c.code: c.rate for c in context.tax_components} | dict(rates)
    return tuple(
        ReceiptTax(f"{code} {format_number(known[code] * 100, 3)}%" if code in known else code, amount.cents)
        for code, amount in amounts.items()
    )


def _card(approval: CardApproval, kind: str = "card") -> ReceiptTender:
    return ReceiptTender(kind, approval.amount.cents, brand=approval.brand, last4=approval.last4,
                         auth_code=approval.auth_code)
