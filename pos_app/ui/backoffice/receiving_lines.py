"""The Receiving tab's lines table: one row per line (product, GTINs, expected, received, lots, reason, status),
sized once when the draft opens, then redrawn a row at a time as scans come in."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import QHeaderView

from pos_app.domain.receiving import ReceivingDraft, ReceivingLine
from pos_app.ui.backoffice.table import RowsTable
from pos_app.ui.backoffice.words import day, discrepancy_reason, number
from sync.mutations.reasons import DiscrepancyReason

LINE_HEADERS = (QT_TRANSLATE_NOOP("ReceivingLines", "Product · SKU"),
                QT_TRANSLATE_NOOP("ReceivingLines", "GTIN each · case"),
                QT_TRANSLATE_NOOP("ReceivingLines", "Expected"),
                QT_TRANSLATE_NOOP("ReceivingLines", "Received"), QT_TRANSLATE_NOOP("ReceivingLines", "ASN lot"),
                QT_TRANSLATE_NOOP("ReceivingLines", "Lots received"), QT_TRANSLATE_NOOP("ReceivingLines", "Reason"),
                QT_TRANSLATE_NOOP("ReceivingLines", "Status"))
LOTS_COLUMN = 5


def _translated(text: str) -> str:
    return QCoreApplication.translate("ReceivingLines", text)


def headers() -> list[str]:
    return [_translated(header) for header in LINE_HEADERS]


def lines_table() -> RowsTable:
    table = RowsTable(headers(), name="ReceivingLines", numeric=(2, 3))
    header = table.horizontalHeader()
    header.setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
    header.setSectionResizeMode(LOTS_COLUMN, QHeaderView.ResizeMode.Stretch)
    table.setColumnWidth(0, 280)
    table.setWordWrap(True)
    table.verticalHeader().setDefaultSectionSize(56)
    return table


def show_all(table: RowsTable, draft: ReceivingDraft) -> None:
    """Every row, columns sized to them once; a scan then redraws its row without measuring 500 again."""
    header = table.horizontalHeader()
    table.show_rows([line_row(line) for line in draft.lines])
    for column in range(1, len(LINE_HEADERS)):
        if column != LOTS_COLUMN:
            table.resizeColumnToContents(column)
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)


def line_row(line: ReceivingLine) -> tuple:
    exp = QCoreApplication.translate("ReceivingLines", " · exp {date}")
    not_on_notice = QCoreApplication.translate("ReceivingLines", " · not on notice")
    lots = "\n".join(f"{lot.batch_lot} ×{number(lot.quantity)}" + (exp.format(date=day(lot.expiry)) if lot.expiry
                                                                     else "")
                     + ("" if lot.on_asn else not_on_notice) for lot in line.lots)
    reason = line.effective_reason()
    case = (f"{line.case_gtin} ×{number(line.case_quantity)}" if line.case_gtin else
            QCoreApplication.translate("ReceivingLines", "no case GTIN"))
    return (f"{line.name}\n{line.sku}", f"{line.each_gtin or '–'}\n{case}", number(line.expected),
            number(line.quantity), line.asn_lot or "–", lots, discrepancy_reason(reason) if reason else "",
            line_status(line))


def relabel_reasons(choice, prompt: str) -> None:
    """The reason list's words again: its prompt, then each reason in the language spoken now."""
    choice.setItemText(0, prompt)
    for index in range(1, choice.count()):
        choice.setItemText(index, discrepancy_reason(DiscrepancyReason(choice.itemData(index))))


def line_status(line: ReceivingLine) -> str:
    """Where the line stands (the domain's ``status``), in the language spoken now."""
    if line.not_on_order:
        return {"received": QCoreApplication.translate("ReceivingLines", "Not ordered — receive"),
                "rejected": QCoreApplication.translate("ReceivingLines", "Not ordered — reject")}.get(
            line.decision or "", QCoreApplication.translate("ReceivingLines", "Not ordered — decide"))
    if line.quantity == line.expected:
        return QCoreApplication.translate("ReceivingLines", "Complete")
    if line.quantity > line.expected:
        return QCoreApplication.translate("ReceivingLines", "Over by {count}").format(
            count=number(line.quantity - line.expected))
    if line.quantity:
        return QCoreApplication.translate("ReceivingLines", "Short {count}").format(
            count=number(line.expected - line.quantity))
    return QCoreApplication.translate("ReceivingLines", "Waiting")
