"""Lay a ReceiptDocument out in rows for a given paper width. Pure: no printer involved.

80 mm paper holds 48 columns of font A, 58 mm holds 32. Double-width text takes two columns a character.
"""

from __future__ import annotations

import textwrap
from dataclasses import dataclass
from decimal import Decimal
from typing import Literal

from hardware.codes.receipt_code import PREFIX as RECEIPT_PREFIX
from hardware.errors import HardwareError
from hardware.printers.document import (
    PlainSlip,
    PrintDocument,
    ReceiptDocument,
    ReceiptLabels,
    ReceiptLine,
    ReceiptTender,
    TicketSlip,
)

COLUMNS = {80: 48, 58: 32}
Align = Literal["left", "center", "right"]


@dataclass(frozen=True)
class TextRow:
    text: str
    align: Align = "left"
    bold: bool = False
    double_width: bool = False
    double_height: bool = False


@dataclass(frozen=True)
class CodeRow:
    data: str
    kind: Literal["qr", "code128"] = "qr"


Row = TextRow | CodeRow


def columns_for(paper_width_mm: int) -> int:
    try:
        return COLUMNS[paper_width_mm]
    except KeyError:
        raise HardwareError(
            f"The paper width must be 80 or 58 mm, not {paper_width_mm}. Fix the printer settings."
        ) from None


def layout_document(
    doc: PrintDocument, columns: int, code_kind: Literal["qr", "code128"] = "qr"
) -> list[Row]:
    if isinstance(doc, TicketSlip):
        return layout_ticket_slip(doc, columns)
    if isinstance(doc, PlainSlip):
        return layout_plain_slip(doc, columns)
    return layout_receipt(doc, columns, code_kind)


def layout_plain_slip(slip: PlainSlip, columns: int) -> list[Row]:
    rows: list[Row] = [TextRow(slip.title, "center", bold=True, double_height=True), TextRow("-" * columns)]
    for line in slip.lines:
        rows += [TextRow(piece, bold=line.bold) for piece in textwrap.wrap(line.text, columns) or [""]]
        if line.barcode:
            rows += [CodeRow(line.barcode, "code128"), TextRow(line.barcode, "center")]
    return rows


def layout_ticket_slip(slip: TicketSlip, columns: int) -> list[Row]:
    """The number big enough to call out, then the lines, the estimate and the QR code the register scans."""
    rule = TextRow("-" * columns)
    rows: list[Row] = [TextRow(slip.title, "center", bold=True, double_height=True)] if slip.title else []
    rows += [TextRow(piece, "center", bold=True) for piece in textwrap.wrap(slip.store_name, columns) or [""]]
    rows += [TextRow(slip.timestamp_text, "center"), rule, TextRow(slip.heading, "center")]
    rows.append(TextRow(slip.receipt_number, "center", bold=True, double_width=True, double_height=True))
    rows.append(rule)
    for line in slip.lines:
        rows += _item_rows(line, columns, slip.labels)
    rows.append(rule)
    rows += [TextRow(text, bold=True, double_height=True) for text in
             two_columns(slip.estimate_label, slip.labels.money(slip.estimated_total_cents), columns)]
    rows += [TextRow(line, "center") for line in _wrap_all(slip.footer, columns)]
    rows += [CodeRow(slip.qr_data, "qr"), TextRow(slip.receipt_number, "center", bold=True)]
    return rows


def layout_receipt(
    doc: ReceiptDocument, columns: int, code_kind: Literal["qr", "code128"] = "qr"
) -> list[Row]:
    labels = doc.labels
    rule = TextRow("-" * columns)
    rows: list[Row] = []
    if doc.title:
        rows.append(TextRow(doc.title, "center", bold=True, double_height=True))
    for piece in textwrap.wrap(doc.store_name, columns // 2) or [""]:
        rows.append(TextRow(piece, "center", bold=True, double_width=True, double_height=True))
    rows += [TextRow(line, "center") for line in _wrap_all(doc.store_address, columns)]
    rows += [TextRow(f"{labels.licence}: {doc.licence_number}", "center"), rule]
    rows += [TextRow(f"{labels.receipt} {doc.receipt_number}")]
    rows += [
        TextRow(text)
        for text in two_columns(doc.timestamp_text, f"{labels.served_by}: {doc.staff_name}", columns)
    ]
    rows.append(rule)
    for line in doc.lines:
        rows += _item_rows(line, columns, labels)
    rows.append(rule)
    amount = labels.money
    rows += _amount_rows(labels.subtotal, amount(doc.subtotal_cents), columns)
    for discount in doc.discounts:
        rows += _amount_rows(discount.label, amount(-abs(discount.amount_cents)), columns)
    if doc.discounts:  # the customer's saving in one figure, worded apart from the amounts that add up
        saved = sum(abs(discount.amount_cents) for discount in doc.discounts)
        rows += [TextRow(line, bold=True) for line in textwrap.wrap(f"{labels.you_saved} {amount(saved)}", columns)]
    for tax in doc.taxes:
        rows += _amount_rows(tax.label, amount(tax.amount_cents), columns)
    rows += [
        TextRow(text, bold=True, double_height=True)
        for text in two_columns(labels.total, amount(doc.total_cents), columns)
    ]
    rows.append(rule)
    for tender in doc.tenders:
        rows += _amount_rows(_tender_label(tender, labels), amount(tender.amount_cents), columns)
    if doc.cash_rounding_cents:
        rows += _amount_rows(labels.cash_rounding, amount(doc.cash_rounding_cents), columns)
    if doc.change_cents:
        rows += _amount_rows(labels.change, amount(doc.change_cents), columns, bold=True)
    if doc.footer:
        rows.append(rule)
        rows += [TextRow(line, "center") for line in _wrap_all(doc.footer, columns)]
    rows.append(CodeRow(RECEIPT_PREFIX + doc.receipt_number, code_kind))
    rows.append(TextRow(doc.receipt_number, "center"))
    return rows


def two_columns(left: str, right: str, columns: int) -> list[str]:
    """`left` flush left and `right` flush right on one line, or `right` on a line of its own if too long."""
    if len(left) + 1 + len(right) <= columns:
        return [left + " " * (columns - len(left) - len(right)) + right]
    wrapped = textwrap.wrap(left, columns) or [""]
    last = wrapped[-1]
    if len(last) + 1 + len(right) <= columns:
        return wrapped[:-1] + [last + " " * (columns - len(last) - len(right)) + right]
    return wrapped + [piece.rjust(columns) for piece in textwrap.wrap(right, columns) or [""]]


def _item_rows(line: ReceiptLine, columns: int, labels: ReceiptLabels) -> list[Row]:
    rows: list[Row] = [
        TextRow(text) for text in two_columns(line.name, labels.money(line.line_total_cents), columns)
    ]
    if Decimal(line.quantity) != 1:
        rows.append(TextRow(f"  {_quantity(line.quantity)} x {labels.money(line.unit_price_cents)}"))
    if line.lots:
        lots = f"  {labels.lot}: {', '.join(line.lots)}"
        rows += [TextRow(text) for text in textwrap.wrap(lots, columns, subsequent_indent="    ")]
    return rows


def _amount_rows(label: str, amount: str, columns: int, bold: bool = False) -> list[Row]:
    return [TextRow(text, bold=bold) for text in two_columns(label, amount, columns)]


def _tender_label(tender: ReceiptTender, labels: ReceiptLabels) -> str:
    """'VISA ****4242 Auth A1B2C3' for a card paying; a card refund keeps its kind: 'Card refund VISA ****4242'."""
    label = labels.tender(tender.kind)
    if tender.brand or tender.last4:
        card = f"{tender.brand} ****{tender.last4}".strip()
        label = card if tender.kind == "card" and tender.brand else f"{label} {card}"
    if tender.auth_code:
        label += f" {labels.auth} {tender.auth_code}"
    return label


def _quantity(quantity: Decimal | int) -> str:
    return format(Decimal(quantity).normalize(), "f")


def _wrap_all(lines: tuple[str, ...], columns: int) -> list[str]:
    return [piece for line in lines for piece in (textwrap.wrap(line, columns) or [""])]
