"""The register once someone is signed in: the sale, the F-key table, where each scan goes, and the notices.

The work behind the keys lives in flows: ``CartFlow`` (quantity, discounts, park), ``CheckoutFlow`` (age check,
pay, card, complete, print), ``RefundFlow`` (refund, void), ``ShiftFlow`` (drawer and shift) and ``TicketsFlow``
(kiosk tickets). Every scan,
from the serial scanner or a keyboard wedge, is read once (``pos_app.services.scanning``) and comes back by
kind to ``RegisterScans``: a product to the sale, a receipt to the refund or void, an ID to the age check, a
kiosk ticket's QR code to the tickets, and
with a dialog up, handled, kept for the sale or refused with a sentence and a sound (see scan_routing).
"""

from __future__ import annotations

from operator import attrgetter

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QGridLayout, QLabel, QSizePolicy, QVBoxLayout, QWidget

from hardware.codes.id_card import IdCard
from hardware.ports import ScanEvent
from pos_app.domain.staff import can_supervise
from pos_app.services.scanning import ScanDispatcher
from pos_app.services.staff import StaffMember
from pos_app.ui.common.language import Retranslating
from pos_app.ui.common.widgets import touch_button
from pos_app.ui.register.cart_flow import CartFlow
from pos_app.ui.register.checkout_flow import CheckoutFlow
from pos_app.ui.register.dialog_stack import DialogStack
from pos_app.ui.register.open_sale_flow import OpenSaleFlow
from pos_app.ui.register.override import OverrideDialog
from pos_app.ui.register.refund_flow import RefundFlow
from pos_app.ui.register.sale_panel import SalePanel
from pos_app.ui.register.scan_routing import SIGN_IN_FIRST, RegisterScans
from pos_app.ui.register.shift_flow import ShiftFlow
from pos_app.ui.register.tickets_flow import TicketsFlow
from pos_app.ui.terminal_services import TerminalServices

# (key, label, what it runs): every main action has an F-key, shown on its button and in the legend.
ACTIONS = (
    ("F1", QT_TRANSLATE_NOOP("RegisterScreen", "Switch user"), "switch_user"),
    ("F2", QT_TRANSLATE_NOOP("RegisterScreen", "Search"), "focus_search"),
    ("F3", QT_TRANSLATE_NOOP("RegisterScreen", "Quantity"), "cart.change_quantity"),
    ("F4", QT_TRANSLATE_NOOP("RegisterScreen", "Remove item"), "cart.remove_line"),
    ("F5", QT_TRANSLATE_NOOP("RegisterScreen", "Item discount"), "cart.discount_line"),
    ("F6", QT_TRANSLATE_NOOP("RegisterScreen", "Cart discount"), "cart.discount_cart"),
    ("F7", QT_TRANSLATE_NOOP("RegisterScreen", "Age check"), "checkout.check_age"),
    ("F8", QT_TRANSLATE_NOOP("RegisterScreen", "Park / resume"), "cart.park_or_resume"),
    ("F9", QT_TRANSLATE_NOOP("RegisterScreen", "Refund"), "refunds.refund"),
    ("F10", QT_TRANSLATE_NOOP("RegisterScreen", "Void sale"), "refunds.void_sale"),
    ("F11", QT_TRANSLATE_NOOP("RegisterScreen", "Drawer && shift"), "shifts.drawer_menu"),
    ("F12", QT_TRANSLATE_NOOP("RegisterScreen", "Pay"), "checkout.pay"),
    # F1-F12 are all taken. Kiosk tickets sit on Shift+F8, beside F8 (park / resume): both are carts waiting for
    # the counter, and a shifted F-key is one hand, no reach. Its button is the tall one at the end of the grid,
    # with the count waiting on it. A discount code is Shift+F6, beside F6 (cart discount): both come off the cart.
    ("Shift+F8", QT_TRANSLATE_NOOP("RegisterScreen", "Kiosk\ntickets"), "tickets.show_list"),
    ("Shift+F6", QT_TRANSLATE_NOOP("RegisterScreen", "Discount code"), "cart.enter_code"),
)
# Where the shifted keys' buttons go: a column of their own at the end of the grid (row, column, rows, columns).
SHIFTED_PLACES = {"Shift+F8": (0, 4, 2, 1), "Shift+F6": (2, 4, 1, 1)}


class RegisterScreen(Retranslating, QWidget):
    signed_out = Signal()
    status_changed = Signal()
    dialog_shown = Signal(object)  # the dialog now on screen
    dialog_closed = Signal()  # a dialog went away; the one under it, if any, is on screen again
    sale_in_front = Signal()  # every dialog is closed: the sale has the keyboard and kept scans went in

    def __init__(self, terminal: TerminalServices) -> None:
        super().__init__(objectName="RegisterScreen")
        self.t = terminal
        self.staff: StaffMember | None = None
        self.shift = None
        self.last_order = None
        self.dialogs = DialogStack(self)
        self.dialogs.shown.connect(self.dialog_shown)
        self.dialogs.closed.connect(self._dialog_closed)
        self.dialogs.emptied.connect(self._back_to_sale)
        self.printer_state = self.tr("Printer: checking…")
        self.card_state = self.tr("Card terminal: ready") if terminal.card_payments else self.tr(
            "Card terminal: not set up")

        self.panel = SalePanel(terminal.sales, terminal.catalog, [c.code for c in terminal.context.tax_components])
        self.panel.can_sell = self._selling_refusal
        self.panel.notice.action_clicked.connect(self._notice_action)
        self._notice_action_handler = None
        self.cart, self.checkout = CartFlow(self), CheckoutFlow(self)
        self.refunds, self.shifts = RefundFlow(self), ShiftFlow(self)
        self.open_sale = OpenSaleFlow(self)
        self.tickets = TicketsFlow(self)
        self.routing = RegisterScans(self)
        self.scans = ScanDispatcher(terminal.scans, self.routing)

        grid = QGridLayout()
        self.action_buttons = {}
        for index, (key, _label, action) in enumerate(ACTIONS):
            run = attrgetter(action)(self)
            button = touch_button("", primary=(key == "F12"), name="ActionButton")
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.clicked.connect(lambda _=False, run=run: run())
            if key.startswith("F"):
                grid.addWidget(button, index // 4, index % 4)
            else:  # kiosk tickets tall enough for its count to be seen across the counter, the code below it
                button.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Expanding)
                grid.addWidget(button, *SHIFTED_PLACES[key])
            self.action_buttons[key] = button
            QShortcut(QKeySequence(key), self, activated=run, context=Qt.ShortcutContext.WindowShortcut)
        self.tickets.attach(self.action_buttons["Shift+F8"])
        self.checkout.completed.connect(lambda _order: self.tickets.refresh())
        QShortcut(QKeySequence("Ctrl+R"), self, activated=self.checkout.reprint,
                  context=Qt.ShortcutContext.WindowShortcut)
        self.legend = QLabel(objectName="KeyLegend", wordWrap=True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 8, 12, 4)
        layout.addWidget(self.panel, 1)
        layout.addLayout(grid)
        layout.addWidget(self.legend)
        self.retranslate()

    def retranslate(self) -> None:
        for key, label, _action in ACTIONS:
            text = QCoreApplication.translate("RegisterScreen", label)
            shown_key = key.replace("Shift+", self.tr("Shift+"))  # Maj+ on a French keyboard
            self.action_buttons[key].setText(f"{text}\n{shown_key}")
        self.legend.setText(self.tr("Each button shows its key.  Shift+F6: discount code.  Ctrl+R reprints the "
                                    "last receipt.  Esc closes a dialog."))

    # --- who is at the till ------------------------------------------------------------------------------

    def begin(self, staff: StaffMember) -> None:
        self.staff = staff
        restored = self.open_sale.resume(staff)  # the sale this till left unfinished, if any
        self.shift = self.t.shifts.current()
        self.t.sales.cash_session_id = self.shift.id if self.shift else None
        self.panel.refresh()
        self.panel.notice.hide()
        self.panel.show_change(None)
        if restored is not None:
            self.notify(self.open_sale.restored_notice(restored), kind="info")
        self.open_sale.check_unsettled()
        if self.shift is None:
            self.shifts.open_shift()
        else:
            self.open_sale.ask_about_cards(reason="recovered")
        self.panel.scan_field.setFocus()
        self.status_changed.emit()

    def switch_user(self) -> None:
        if self.t.sales.has_open_sale:
            self.notify(self.tr("Finish or park the sale (F8) before switching user."))
            return
        if self.staff is not None:
            self.t.login.sign_out(self.staff)
        self.staff = None
        self.signed_out.emit()

    def may_close(self, close_again) -> bool:
        """False while card money is on an unfinished sale: the cashier is asked to finish it or void the cards,
        and ``close_again`` runs once they are voided. The cart itself is kept on disk for the next start."""
        if self.staff is None:
            return True
        wait = self.checkout.card_wait
        if wait is not None and wait.isVisible() and wait.state in ("waiting", "checking"):
            self.notify(self.tr("A card payment is in progress. Wait for the card terminal, then close the "
                                "register."))
            return False
        return not self.open_sale.ask_about_cards(reason="closing", then_close=close_again)

    def focus_search(self) -> None:
        self.panel.scan_field.setFocus()
        self.panel.scan_field.selectAll()

    def _selling_refusal(self) -> str | None:
        if self.shift is None:
            return self.tr("The shift is not open. Count the float to open it (F11, Open shift) before selling.")
        return None

    def supervised(self, action: str, reason: str, then) -> None:
        """Run ``then(approver)`` at once for a manager, or after a manager approves on this screen."""
        assert self.staff is not None
        if can_supervise(self.staff.role):
            then(None)
            return
        self.show_dialog(OverrideDialog(self, self.t.login, action=action, reason=reason, on_approved=then))

    # --- notices and dialogs -------------------------------------------------------------------------------

    def notify(self, message: str, *, kind: str = "error", action: str | None = None, handler=None) -> None:
        self._notice_action_handler = handler
        self.panel.notice.show_message(message, kind=kind, action=action)

    def _notice_action(self) -> None:
        if self._notice_action_handler is not None:
            self._notice_action_handler()

    @property
    def dialog(self):
        """The dialog on screen (the newest of those open), or None when the sale is in front."""
        return self.dialogs.top

    def show_dialog(self, dialog) -> None:
        self.dialogs.open(dialog)

    def _dialog_closed(self) -> None:
        self.panel.refresh()
        self.status_changed.emit()
        self.dialog_closed.emit()

    def _back_to_sale(self) -> None:
        self.routing.sale_in_front()
        self.panel.scan_field.setFocus()
        self.sale_in_front.emit()

    # --- scans: one path, routed by what was scanned (pos_app.ui.register.scan_routing) --------------------

    def handle_scan(self, event: ScanEvent) -> None:
        """Every scan lands here, from the serial scanner or the wedge, whatever has focus."""
        if self.staff is None:
            self.routing.refuse(SIGN_IN_FIRST)
        else:
            self.scans.dispatch(event)

    # --- the ID reader (a device of its own; its cards join the scan path's age check) ---------------------

    def on_id_read(self, card: IdCard) -> None:
        if self.staff is None:
            self.routing.refuse(SIGN_IN_FIRST)
        else:
            self.routing.id_card(card)

    def on_id_unreadable(self, message: str) -> None:
        if self.staff is None:
            self.routing.refuse(SIGN_IN_FIRST)
        else:
            self.routing.id_unreadable(message)

    def refresh_printer_state(self) -> None:
        self.checkout.refresh_printer_state()
