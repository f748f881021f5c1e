"""The Receiving tab's lines table: one row per line (product, GTINs, expected, received, lots, reason, status),
sized once when the draft opens, then redrawn a row at a time as scans come in."""

from __future__ import annotations

from PySide6.QtWidgets import QHeaderView

from pos_app.domain.receiving import REASON_LABELS, ReceivingDraft, ReceivingLine
from pos_app.ui.backoffice.table import RowsTable

LINE_HEADERS = ("Product · SKU", "GTIN each · case", "Expected", "Received", "ASN lot", "Lots received", "Reason",
                "Status")
LOTS_COLUMN = 5


def lines_table() -> RowsTable:
    table = RowsTable(LINE_HEADERS, name="ReceivingLines", numeric=(2, 3))
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
    lots = "\n".join(f"{lot.batch_lot} ×{lot.quantity}" + (f" · exp {lot.expiry:%Y-%m-%d}" if lot.expiry else "")
                     + ("" if lot.on_asn else " · not on notice") for lot in line.lots)
    reason = line.effective_reason()
    case = f"{line.case_gtin} ×{line.case_quantity}" if line.case_gtin else "no case GTIN"
    return (f"{line.name}\n{line.sku}", f"{line.each_gtin or '–'}\n{case}", line.expected, line.quantity,
            line.asn_lot or "–", lots, REASON_LABELS[reason] if reason else "", line.status())
