"""The customer display's window: the store's name on top, and below it the store between sales or the sale.

It follows the register through signals only (``follow``): the sale panel's snapshot after every change, the
payment status while money is taken, the finished order. The finished sale stays up with its change until the next
scan or ``receipt_ms``, whichever comes first; then the slides or the logo return. The window never takes the
keyboard, so the scanner and the cashier's typing stay with the register.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QHBoxLayout, QLabel, QStackedWidget, QVBoxLayout, QWidget

from pos_app.domain.order import Order
from pos_app.domain.payment import PaymentStatus
from pos_app.ui.common.sale_snapshot import SaleSnapshot
from pos_app.ui.customer_display.idle import IdlePictures, IdleScreen
from pos_app.ui.customer_display.sale_page import SalePage

if TYPE_CHECKING:
    from pos_app.ui.register.register_screen import RegisterScreen

RECEIPT_MS = 30_000  # the thanks and the change stay up this long when no one scans the next sale


def is_compact(width: int, height: int) -> bool:
    """A small screen (1280x800, 1024x768, a window on the register's screen): the type is set smaller so the
    lines and the figures both fit; a full-HD screen, either way round, has the large type."""
    return min(width, height) < 1000 and max(width, height) < 1600


class CustomerDisplay(QWidget):
    def __init__(self, store_name: str, tax_codes: list[str], pictures: IdlePictures | None = None, *,
                 receipt_ms: int = RECEIPT_MS) -> None:
        super().__init__(None, Qt.WindowType.Window | Qt.WindowType.WindowDoesNotAcceptFocus)
        self.setObjectName("CustomerDisplay")
        self.setWindowTitle(self.tr("{store} — Customer display").format(store=store_name))
        self.setAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating)
        self.setAttribute(Qt.WidgetAttribute.WA_QuitOnClose, False)  # the register's window decides when to quit
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)

        header = QWidget(objectName="DisplayHeader")
        row = QHBoxLayout(header)
        row.setContentsMargins(32, 12, 32, 12)
        self.store_label = QLabel(store_name, objectName="DisplayStore")
        row.addWidget(self.store_label)
        self.idle = IdleScreen(store_name, pictures or IdlePictures())
        self.sale = SalePage(tax_codes)
        self.pages = QStackedWidget()
        self.pages.addWidget(self.idle)
        self.pages.addWidget(self.sale)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(header)
        layout.addWidget(self.pages, 1)

        self.setProperty("compact", False)
        self.showing = "idle"  # "idle", "sale", or "receipt" (the sale just completed, with its change)
        self._sale: SaleSnapshot | None = None
        self._paying: PaymentStatus | None = None  # while the register's payment dialog is up
        self.receipt_timer = QTimer(self, singleShot=True, interval=receipt_ms, timeout=self.show_idle)
        self.show_idle()

    def follow(self, register: RegisterScreen) -> None:
        """Listen to the register; the display has no way to reach back into the sale."""
        register.panel.sale_shown.connect(self.show_sale)
        register.checkout.paid.connect(self.show_payment)
        register.checkout.completed.connect(self.show_completed)

    def show_sale(self, sale: SaleSnapshot | None) -> None:
        self._sale = sale
        if sale is None:
            if self.showing != "receipt":  # parked, voided, or emptied line by line
                self.show_idle()
            return
        self.receipt_timer.stop()
        self.sale.show_sale(sale, self._paying or sale.payment)
        self._show("sale")

    def show_payment(self, status: PaymentStatus | None) -> None:
        """What the payment dialog shows; None when it closes unpaid (any money taken stays on the sale)."""
        self._paying = status
        if self.showing == "sale" and self._sale is not None:
            self.sale.show_payment(status or self._sale.payment)

    def show_completed(self, order: Order) -> None:
        # The register starts the next, empty sale just before it says this one is complete: the page still has
        # this sale's lines. Without any (opened after they were rung up) there is nothing to thank for.
        if not self.sale.cart_model.rowCount():
            return
        self._paying = None
        self.sale.show_order(order)
        self._show("receipt")
        self.receipt_timer.start()

    def show_idle(self) -> None:
        self.receipt_timer.stop()
        self.sale.payment.clear()
        self._show("idle")

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        compact = is_compact(self.width(), self.height())
        self.sale.fit(self.width(), self.height(), compact=compact)
        if self.property("compact") != compact:
            self.setProperty("compact", compact)
            for widget in (self, *self.findChildren(QWidget)):  # the theme's [compact="true"] rules apply anew
                widget.style().unpolish(widget)
                widget.style().polish(widget)

    def _show(self, showing: str) -> None:
        self.showing = showing
        self.pages.setCurrentWidget(self.idle if showing == "idle" else self.sale)
        if showing == "idle":
            self.idle.start()
        else:
            self.idle.stop()
