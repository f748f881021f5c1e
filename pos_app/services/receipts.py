"""Sales, refunds, shift reports and kiosk ticket slips as documents for the receipt printer (``hardware.printers``).

A receipt shows the store, its licence, the receipt number (the printer adds it as a QR code or barcode for
returns), each line with its lots, discounts, tax per component, the total, the tenders (cards by their last
four digits only), cash rounding and change. A shift report is a ``ReportDocument``: label and amount rows that
the printer prints as plain lines, with no items and no receipt code. Every word comes from the message catalog
through ``ReceiptWords``, in the receipt's language(s) (receipt_words.py); without one, the current language.
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
from pos_app.domain.money import Money
from pos_app.domain.order import Order
from pos_app.domain.refund import Refund
from pos_app.domain.sale import SaleLine
from pos_app.domain.shift_report import CASH, ShiftReport
from pos_app.domain.tenders import CardApproval, CardTender
from pos_app.i18n.catalog import text
from pos_app.services.receipt_words import ReceiptWords
from pos_app.services.terminal import TerminalContext

Row = tuple[str, str]  # a label, and its value printed flush right ("" for a heading)


def money_text(cents: int) -> str:
    return Money.from_cents(cents).format()


# Receipts read amounts the way every screen does, through Money.format() (in the current language).
RECEIPT_LABELS = ReceiptLabels(money=money_text)


@dataclass(frozen=True)
class ReportDocument(ReceiptDocument):
    rows: tuple[Row, ...] = ()


def receipt_for_order(order: Order, context: TerminalContext, *, staff_name: str, reprint: bool = False,
                      printed_at: datetime | None = None, zone: tzinfo | None = None,
                      words: ReceiptWords | None = None) -> ReceiptDocument:
    words = words or ReceiptWords()
    return ReceiptDocument(
        **_header(context, order.order_number, printed_at, zone, words),
        staff_name=staff_name,
        title=words("receipt.reprint") if reprint else "",
        lines=tuple(
            ReceiptLine(line.name, line.quantity, line.unit_price.cents, line.gross.cents,
                        tuple(a.batch_lot for a in line.allocations))
            for line in order.lines
        ),
        subtotal_cents=order.subtotal.cents,
        discounts=_discounts(order, words),
        taxes=_taxes(order.tax_components, order.tax_rates, context, words),
        total_cents=order.total_amount.cents,
        tenders=tuple(
            _card(tender.approval) if isinstance(tender, CardTender) else ReceiptTender(CASH, tender.amount.cents)
            for tender in order.tenders
        ),
        cash_rounding_cents=order.cash_rounding.cents,
        change_cents=order.change_due.cents,
    )


def _discounts(order: Order, words: ReceiptWords) -> tuple[ReceiptDiscount, ...]:
    """Each promotion and code by the name customers see, with what it saved over the whole order; then each
    line's own discount (with its share of a cart discount)."""
    saved: dict[str, int] = {}
    for line in order.lines:
        for share in line.promotions:
            name = words("receipt.discount_code", code=share.code, name=share.name) if share.code else share.name
            saved[name] = saved.get(name, 0) + share.amount.cents
    manual = [ReceiptDiscount(words("receipt.line_discount", name=line.name),
                              (line.discount - line.promotion_discount).cents)
              for line in order.lines if line.discount != line.promotion_discount]
    return (*(ReceiptDiscount(name, cents) for name, cents in saved.items()), *manual)


def ticket_slip(number: str, qr_text: str, lines: Sequence[SaleLine], estimated_total: Money,
                context: TerminalContext, *, printed_at: datetime | None = None,
                zone: tzinfo | None = None, words: ReceiptWords | None = None) -> TicketSlip:
    """The slip a kiosk prints for a ticket sent to the counter; its QR code carries ``qr_text`` unchanged."""
    words = words or ReceiptWords()
    return TicketSlip(
        store_name=context.store_name,
        receipt_number=number,
        timestamp_text=words.moment(_local(printed_at or datetime.now(UTC), zone)),
        lines=tuple(ReceiptLine(line.product.name, line.quantity, line.product.unit_price.cents, line.gross.cents)
                    for line in lines),
        estimated_total_cents=estimated_total.cents,
        qr_data=qr_text,
        heading=words("receipt.ticket_heading"),
        estimate_label=words("receipt.ticket_estimate"),
        footer=(words("receipt.ticket_estimate_only"), words("receipt.ticket_bring")),
        labels=words.labels(),
    )


def receipt_for_refund(refund: Refund, order: Order, context: TerminalContext, *, staff_name: str,
                       printed_at: datetime | None = None, zone: tzinfo | None = None,
                       words: ReceiptWords | None = None) -> ReceiptDocument:
    """The slip for money given back, in the tender it went back in; its receipt number (and code) is the sale's."""
    words = words or ReceiptWords()
    in_cash = refund.method == CASH
    if refund.card is not None:
        tender = _card(refund.card, "card refund")
    else:
        tender = ReceiptTender(f"{refund.method} refund", refund.paid_back().cents)
    return ReceiptDocument(
        **_header(context, order.order_number, printed_at, zone, words),
        staff_name=staff_name,
        title=words("receipt.refund"),
        lines=tuple(
            ReceiptLine(order.line(line.line_id).name, line.quantity, order.line(line.line_id).unit_price.cents,
                        line.amount.cents, tuple(a.batch_lot for a in line.allocations))
            for line in refund.lines
        ),
        subtotal_cents=refund.subtotal.cents,
        taxes=_taxes(refund.tax_components, order.tax_rates, context, words),
        total_cents=refund.total.cents,
        tenders=(tender,),
        cash_rounding_cents=refund.cash_rounding().cents if in_cash else 0,
    )


def document_for_report(report: ShiftReport, context: TerminalContext, *,
                        zone: tzinfo | None = None, words: ReceiptWords | None = None) -> ReportDocument:
    words = words or ReceiptWords()
    as_of = _local(report.as_of, zone)
    return ReportDocument(
        **_header(context, f"{report.kind}-{context.store_code}-{report.terminal_no}-{as_of:%Y%m%d-%H%M}",
                  report.as_of, zone, words),
        staff_name=report.closed_by or report.opened_by,
        title=words("receipt.report_title", kind=report.kind),
        lines=(),
        subtotal_cents=report.net_sales.cents,
        taxes=tuple(ReceiptTax(code, amount.cents) for code, amount in report.taxes.items()),
        total_cents=report.total_taken.cents,
        rows=report_rows(report, zone, words),
    )


def report_rows(report: ShiftReport, zone: tzinfo | None = None,
                words: ReceiptWords | None = None) -> tuple[Row, ...]:
    w = words or ReceiptWords()
    m = w.amount
    closed = report.kind == "Z"
    closed_by = f" {report.closed_by}" if report.closed_by else ""
    rows: list[Row] = [
        (w("receipt.report_terminal", kind="Z" if closed else "X", terminal=str(report.terminal_no)), ""),
        (w("receipt.report_opened"), f"{w.moment(_local(report.opened_at, zone))} {report.opened_by}"),
        (w("receipt.report_closed" if closed else "receipt.report_as_of"),
         w.moment(_local(report.as_of, zone)) + closed_by),
        ("", ""),
        (w("receipt.report_sales_heading"), ""),
        (w("receipt.report_sales"), str(report.sales_count)),
        (w("receipt.report_gross_sales"), m(report.gross_sales)),
        (w("receipt.report_discounts"), m(-report.discounts)),
        (w("receipt.report_net_sales"), m(report.net_sales)),
        *((w.report_tax(code), m(amount)) for code, amount in report.taxes.items()),
        ("", ""),
        (w("receipt.report_tenders_heading"), ""),
        *((w.tender(method), m(amount)) for method, amount in report.tenders.items()),
        (w("receipt.cash_rounding"), m(report.cash_rounding)),
        ("", ""),
        (w("receipt.report_refunds_heading"), ""),
        (w("receipt.report_refunds"), str(report.refunds_count)),
        *((w.tender(f"{method} refunds"), m(-amount)) for method, amount in report.refunds.items()),
        (w("receipt.report_voids"), str(report.voids_count)),
        (w("receipt.report_voided_sales"), m(report.voids_total)),
        ("", ""),
        (w("receipt.report_drawer_heading"), ""),
        (w("receipt.report_opening_float"), m(report.opening_float)),
        (w("receipt.report_cash_sales"), m(report.tenders.get(CASH, Money.zero()))),
        (w("receipt.report_cash_refunds"), m(-report.refunds.get(CASH, Money.zero()))),
        (w("receipt.report_drops"), m(-report.drops)),
        (w("receipt.report_paid_outs"), m(-report.paid_outs)),
        (w("receipt.report_expected_cash"), m(report.expected_cash)),
    ]
    if report.counted_cash is not None and report.variance is not None:
        rows += [(w("receipt.report_counted_cash"), m(report.counted_cash)),
                 (w("receipt.report_variance"), m(report.variance)), ("", ""),
                 (w("receipt.report_count_heading"), "")]
        rows += [(f"{w.denomination(d.code, d.label)} x {report.closing_counts[d.code]}",
                  m(Money.from_cents(d.cents * report.closing_counts[d.code])))
                 for d in DENOMINATIONS if report.closing_counts.get(d.code)]
    return tuple(rows + card_batch_rows(report, w))


def card_batch_notice(report: ShiftReport) -> str | None:
    """What the person closing the shift must not miss about the card batch (the rows are at the report's end)."""
    batch = report.card_batch
    if batch is None:
        return text("receipt.card_batch_not_closed_notice", problem=report.card_batch_problem) \
            if report.card_batch_problem else None
    if batch.balanced:
        return None
    count = len(batch.mismatches)
    return text("receipt.card_batch_mismatch_one" if count == 1 else "receipt.card_batch_mismatch",
                count=count, difference=batch.difference)


def card_batch_rows(report: ShiftReport, words: ReceiptWords | None = None) -> list[Row]:
    """The card batch closed with the Z, and each transaction that does not match, so it can be traced."""
    w = words or ReceiptWords()
    batch = report.card_batch
    if batch is None:
        return [("", ""), (w("receipt.card_batch_heading"), ""),
                (w("receipt.card_batch_not_closed"), w("receipt.card_batch_close_later"))] \
            if report.card_batch_problem else []
    rows: list[Row] = [
        ("", ""), (w("receipt.card_batch_heading"), f"#{batch.batch_number}"),
        (w("receipt.card_batch_terminal", count=str(batch.terminal_count)), w.amount(batch.terminal_net)),
        (w("receipt.card_batch_pos", count=str(batch.pos_count)), w.amount(batch.pos_net)),
        (w("receipt.card_batch_difference"), w.amount(batch.difference)),
        (w("receipt.card_batch_matches" if batch.balanced else "receipt.card_batch_no_match"), ""),
    ]
    for mismatch in batch.mismatches:
        amounts = " / ".join(f"{side} {w.amount(amount)}" for side, amount in
                             ((w("receipt.card_batch_side_pos"), mismatch.pos_amount),
                              (w("receipt.card_batch_side_terminal"), mismatch.terminal_amount)) if amount)
        rows.append((w.card_mismatch(mismatch.transaction_kind, mismatch.reference, mismatch.kind.value), amounts))
    return rows


def _header(context: TerminalContext, number: str, printed_at: datetime | None, zone: tzinfo | None,
            words: ReceiptWords) -> dict:
    footer = context.settings.get("receipt_footer")
    return dict(
        store_name=context.store_name,
        store_address=context.address_lines,
        licence_number=context.license_number or "",
        receipt_number=number,
        timestamp_text=words.moment(_local(printed_at or datetime.now(UTC), zone)),
        footer=(footer,) if isinstance(footer, str) and footer.strip() else (),
        labels=words.labels(),
    )


def _local(moment: datetime, zone: tzinfo | None) -> datetime:
    # Without the store's zone, the terminal's own clock zone is the store's in practice.
    return moment.astimezone(zone) if zone is not None else moment.astimezone()


def _taxes(amounts: dict[str, Money], rates: dict[str, Decimal], context: TerminalContext,
           words: ReceiptWords) -> tuple[ReceiptTax, ...]:
    known = {c.code: c.rate for c in context.tax_components} | dict(rates)
    return tuple(ReceiptTax(words.tax(code, known[code] * 100 if code in known else None), amount.cents)
                 for code, amount in amounts.items())


def _card(approval: CardApproval, kind: str = "card") -> ReceiptTender:
    return ReceiptTender(kind, approval.amount.cents, brand=approval.brand, last4=approval.last4,
                         auth_code=approval.auth_code)
