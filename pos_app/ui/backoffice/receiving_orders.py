"""The Receiving tab's first page: the store's purchase orders and shipping notices, with Open and Refresh."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget

from pos_app.ui.backoffice.table import RowsTable
from pos_app.ui.backoffice.words import day, number
from pos_app.ui.common.language import Retranslating
from pos_app.ui.common.widgets import touch_button

# The receiving service's words for an order's state, pieces joined by " · " (Shipped · receiving here).
STATUS_WORDS = (QT_TRANSLATE_NOOP("OrdersPage", "Ordered"), QT_TRANSLATE_NOOP("OrdersPage", "Shipped"),
                QT_TRANSLATE_NOOP("OrdersPage", "Partly received"), QT_TRANSLATE_NOOP("OrdersPage", "Received"),
                QT_TRANSLATE_NOOP("OrdersPage", "receiving here"),
                QT_TRANSLATE_NOOP("OrdersPage", "received here, sending"))


def order_status(words: str) -> str:
    return " · ".join(QCoreApplication.translate("OrdersPage", piece) if piece in STATUS_WORDS else piece
                      for piece in words.split(" · "))


class OrdersPage(Retranslating, QWidget):
    def __init__(self) -> None:
        super().__init__()
        self.orders: list = []
        self.table = RowsTable(("",) * 6, name="ReceivingOrders", numeric=(4, 5))
        self.open_button = touch_button("", primary=True)
        self.refresh_button = touch_button("")
        self.lead = QLabel(wordWrap=True)
        buttons = QHBoxLayout()
        buttons.addWidget(self.lead, 1)
        buttons.addWidget(self.refresh_button)
        buttons.addWidget(self.open_button)
        layout = QVBoxLayout(self)
        layout.addLayout(buttons)
        layout.addWidget(self.table, 1)
        self.retranslate()

    def retranslate(self) -> None:
        self.table.set_headers((self.tr("Purchase order"), self.tr("Status"), self.tr("Supplier"), self.tr("Expected"),
                                self.tr("Lines"), self.tr("Units")))
        self.open_button.setText(self.tr("Open"))
        self.refresh_button.setText(self.tr("Refresh"))
        self.lead.setText(self.tr("Purchase orders and shipping notices for this store. Open one to receive it."))
        self.show_orders(self.orders)

    def show_orders(self, orders: list) -> None:
        self.orders = orders
        self.table.show_rows([(order.po_number, order_status(order.status), order.vendor, day(order.expected),
                               number(order.lines), number(order.units)) for order in orders])
