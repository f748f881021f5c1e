"""The register once someone is signed in: the sale, its actions on F-keys and buttons, and every dialog.

Anything that talks to the card terminal or the printer runs in the background (``run_in_background``); the
SQLite writes are local and short, so they run here.
"""

from __future__ import annotations

import uuid
from decimal import Decimal

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QGridLayout, QLabel, QVBoxLayout, QWidget

from pos_app.domain.errors import DiscountOverCap
from pos_app.domain.money import Money
from pos_app.domain.staff import can_supervise
from pos_app.domain.tenders import CardTender
from pos_app.services.card_payments import CardOutcomeUnknown
from pos_app.services.shifts import VarianceNeedsManager
from pos_app.services.staff import StaffMember
from pos_app.ui.register.age_dialog import AgeCheckDialog
from pos_app.ui.register.card_wait import CardWaitDialog
from pos_app.ui.register.discount_dialog import DiscountDialog
from pos_app.ui.register.override import OverrideDialog
from pos_app.ui.register.refund_dialog import RefundDialog
from pos_app.ui.register.sale_panel import SalePanel
from pos_app.ui.register.shift_dialogs import CashMovementDialog, CloseShiftDialog, OpenShiftDialog, ReportDialog
from pos_app.ui.register.simple_dialogs import ParkedSalesDialog, QuantityDialog, VoidDialog
from pos_app.ui.register.tender_dialog import TenderDialog
from pos_app.ui.tasks import message_of, run_in_background
from pos_app.ui.widgets import touch_button

# (key, label, method): every main action has an F-key, shown on its button and in the legend.
ACTIONS = (
    ("F1", "Switch user", "switch_user"),
    ("F2", "Search", "focus_search"),
    ("F3", "Quantity", "change_quantity"),
    ("F4", "Remove item", "remove_line"),
    ("F5", "Item discount", "discount_line"),
    ("F6", "Cart discount", "discount_cart"),
    ("F7", "Age check", "check_age"),
    ("F8", "Park / resume", "park_or_resume"),
    ("F9", "Refund", "refund"),
    ("F10", "Void sale", "void_sale"),
    ("F11", "Drawer && shift", "drawer_menu"),
    ("F12", "Pay", "pay"),
)


class RegisterScreen(QWidget):
    signed_out = Signal()
    status_changed = Signal()

    def __init__(self, terminal) -> None:
        super().__init__(objectName="RegisterScreen")
        self.t = terminal
        self.staff: StaffMember | None = None
        self.shift = None
        self.last_order = None
        self.dialog = None  # the dialog on screen, if any; scans go to it when it takes them
        self.printer_state = "Printer: checking…"
        self.card_state = "Card terminal: ready" if terminal.card_payments else "Card terminal: not set up"

        self.panel = SalePanel(terminal.sales, terminal.catalog, [c.code for c in terminal.context.tax_components])
        self.panel.can_sell = self._selling_refusal
        self.panel.notice.action_clicked.connect(self._notice_action)
        self._notice_action_handler = None

        grid = QGridLayout()
        self.action_buttons = {}
        for index, (key, label, method) in enumerate(ACTIONS):
            button = touch_button(f"{label}\n{key}", primary=(key == "F12"), name="ActionButton")
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.clicked.connect(getattr(self, method))
            grid.addWidget(button, index // 4, index % 4)
            self.action_buttons[key] = button
            QShortcut(QKeySequence(key), self, activated=getattr(self, method),
                      context=Qt.ShortcutContext.WindowShortcut)
        QShortcut(QKeySequence("Ctrl+R"), self, activated=self.reprint,
                  context=Qt.ShortcutContext.WindowShortcut)
        self.legend = QLabel("Each button shows its key.  Ctrl+R reprints the last receipt.  Esc closes a dialog.",
                             objectName="KeyLegend")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 8, 12, 4)
        layout.addWidget(self.panel, 1)
        layout.addLayout(grid)
        layout.addWidget(self.legend)

    # --- who is at the till ------------------------------------------------------------------------------

    def begin(self, staff: StaffMember) -> None:
        self.staff = staff
        self.t.sales.start_sale(staff)
        self.shift = self.t.shifts.current()
        self.t.sales.cash_session_id = self.shift.id if self.shift else None
        self.panel.refresh()
        self.panel.notice.hide()
        if self.shift is None:
            self.open_shift()
        self.panel.scan_field.setFocus()
        self.status_changed.emit()

    def switch_user(self) -> None:
        if self.t.sales.has_open_sale:
            self.notify("Finish or park the sale (F8) before switching user.")
            return
        if self.staff is not None:
            self.t.login.sign_out(self.staff)
        self.staff = None
        self.signed_out.emit()

    def _selling_refusal(self) -> str | None:
        if self.shift is None:
            return "The shift is not open. Count the float to open it (F11, Open shift) before selling."
        return None

    # --- notices -------------------------------------------------------------------------------------------

    def notify(self, message: str, *, kind: str = "error", action: str | None = None, handler=None) -> None:
        self._notice_action_handler = handler
        self.panel.notice.show_message(message, kind=kind, action=action)

    def _notice_action(self) -> None:
        if self._notice_action_handler is not None:
            self._notice_action_handler()

    def _show(self, dialog) -> None:
        self.dialog = dialog
        dialog.finished.connect(lambda _: self._dialog_closed(dialog))
        dialog.open()

    def _dialog_closed(self, dialog) -> None:
        if self.dialog is dialog:
            self.dialog = None
        self.panel.refresh()
        self.panel.scan_field.setFocus()
        self.status_changed.emit()

    def handle_scan(self, text: str) -> None:
        """Every scan lands here, from the serial scanner or the wedge, whatever has focus."""
        if self.dialog is not None and hasattr(self.dialog, "handle_scan"):
            self.dialog.handle_scan(text)
        elif isinstance(self.dialog, AgeCheckDialog):
            self._id_payload(text)
        elif self.dialog is None and self.staff is not None:
            self.panel.handle_scan(text)

    def _supervised(self, action: str, reason: str, then) -> None:
        """Run ``then(approver)`` at once for a manager, or after a manager approves on this screen."""
        assert self.staff is not None
        if can_supervise(self.staff.role):
            then(None)
            return
        self._show(OverrideDialog(self, self.t.login, action=action, reason=reason, on_approved=then))

    # --- the cart ------------------------------------------------------------------------------------------

    def focus_search(self) -> None:
        self.panel.scan_field.setFocus()
        self.panel.scan_field.selectAll()

    def _line_or_notice(self):
        line = self.panel.selected_line() if self.t.sales.has_open_sale else None
        if line is None:
            self.notify("Scan an item first, then choose it in the cart.", kind="info")
        return line

    def change_quantity(self) -> None:
        line = self._line_or_notice()
        if line is None:
            return

        def set_quantity(quantity: int) -> None:
            try:
                self.t.sales.set_quantity(line.line_id, quantity)
            except Exception as error:
                dialog.show_error(message_of(error))
                return
            dialog.accept()

        dialog = QuantityDialog(self, line.product.name, line.quantity, set_quantity)
        self._show(dialog)

    def remove_line(self) -> None:
        line = self._line_or_notice()
        if line is None:
            return
        try:
            self.t.sales.remove_line(line.line_id)
        except Exception as error:
            self.notify(message_of(error))
        self.panel.refresh()

    def discount_line(self) -> None:
        line = self._line_or_notice()
        if line is not None:
            self._discount(f"{line.product.name}", lambda approver, percent, amount: self.t.sales.discount_line(
                line.line_id, percent=percent, amount=amount, approver=approver))

    def discount_cart(self) -> None:
        if not self.t.sales.has_open_sale:
            self.notify("Scan items before giving a cart discount.", kind="info")
            return
        self._discount("whole cart", lambda approver, percent, amount: self.t.sales.discount_cart(
            percent=percent, amount=amount, approver=approver))

    def _discount(self, target: str, apply) -> None:
        def attempt(percent: Decimal | None, amount: Money | None) -> None:
            try:
                apply(None, percent, amount)
            except DiscountOverCap as over:
                what = f"{percent}%" if percent is not None else str(amount)

                def approved(approver: StaffMember) -> None:
                    try:
                        apply(approver, percent, amount)
                    except Exception as error:  # over even the manager's cap
                        self.notify(message_of(error))
                    self.panel.refresh()

                dialog.accept()
                self._show(OverrideDialog(self, self.t.login, action=f"discount {what} on {target}",
                                          reason=over.message, on_approved=approved))
                return
            dialog.accept()

        dialog = DiscountDialog(self, target=target, on_apply=attempt)
        self._show(dialog)

    # --- age check, park -----------------------------------------------------------------------------------

    def check_age(self, then=None) -> None:
        sales = self.t.sales
        if not sales.has_open_sale or not sales.sale.has_cannabis:
            self.notify("Only a sale with cannabis needs an age check.", kind="info")
            return
        checks = self.t.age_checks
        dialog = AgeCheckDialog(self, min_age=checks.min_age, province=self.t.context.province_code,
                                on_attest=lambda: dialog.show_outcome(True, checks.attest(sales, self.staff).message))
        if then is not None:
            dialog.accepted.connect(then)
        self._show(dialog)

    def on_id_read(self, card) -> None:
        if isinstance(self.dialog, AgeCheckDialog):
            outcome = self.t.age_checks.check_id(self.t.sales, card, self.staff)
            self.dialog.show_outcome(outcome.passed, outcome.message)

    def on_id_unreadable(self, message: str) -> None:
        if isinstance(self.dialog, AgeCheckDialog):
            outcome = self.t.age_checks.record_unreadable(self.t.sales, self.staff, message)
            self.dialog.show_outcome(False, outcome.message)

    def _id_payload(self, text: str) -> None:
        try:
            card = self.t.age_checks.read_id(text)
        except Exception as error:
            self.on_id_unreadable(message_of(error))
            return
        self.on_id_read(card)

    def park_or_resume(self) -> None:
        sales = self.t.sales

        def park(label: str) -> None:
            try:
                info = sales.park(label)
            except Exception as error:
                dialog.show_error(message_of(error))
                return
            dialog.accept()
            self.notify(f"Parked: {info.label}. Resume it with F8.", kind="info")

        def resume(info) -> None:
            try:
                missing = sales.resume(info.id)
            except Exception as error:
                dialog.show_error(message_of(error))
                return
            dialog.accept()
            if missing:
                self.notify(f"These items can no longer be sold and were left out: {', '.join(missing)}.")

        dialog = ParkedSalesDialog(self, sales.parked(), can_park=sales.has_open_sale, on_park=park,
                                   on_resume=resume)
        self._show(dialog)

    # --- payment -------------------------------------------------------------------------------------------

    def pay(self) -> None:
        sales = self.t.sales
        if not sales.has_open_sale:
            self.notify("There is nothing to pay for yet. Scan an item first.", kind="info")
            return
        if sales.sale.needs_age_check:
            self.check_age(then=self.pay)
            return
        try:
            sales.sale.check_ready_for_payment()
        except Exception as error:
            self.notify(message_of(error))
            return
        dialog = TenderDialog(self, sales, card_enabled=self.t.card_payments is not None,
                              on_card=lambda amount: self._charge_card(dialog, amount),
                              on_settled=lambda: self._complete_sale(dialog))
        if sales.has_open_sale:  # building it may already have completed a sale paid in full earlier
            self._show(dialog)

    def _charge_card(self, tender: TenderDialog, amount: Money) -> None:
        cards, sales = self.t.card_payments, self.t.sales
        terminal = self.t.card_terminal

        def check(reference: str) -> None:
            run_in_background(lambda: cards.check(sales, reference), approved, failed, owner=self)

        def cancel() -> None:
            run_in_background(terminal.cancel, _ignore, _ignore, owner=self)

        wait = CardWaitDialog(tender, amount, on_cancel=cancel, on_check=check)

        def approved(_approval) -> None:
            self.card_state = "Card terminal: ready"
            wait.state = "done"
            wait.accept()
            self.status_changed.emit()
            tender.refresh()

        def failed(error: Exception) -> None:
            if isinstance(error, CardOutcomeUnknown):
                self.card_state = "Card terminal: not answering"
                wait.show_unknown(error.message, error.reference)
            else:
                wait.show_refused(message_of(error))
            self.status_changed.emit()

        self.card_wait = wait
        wait.open()
        run_in_background(lambda: cards.charge(sales, amount), approved, failed, owner=self)

    def _complete_sale(self, tender: TenderDialog) -> None:
        sales = self.t.sales
        try:
            order = sales.complete()
        except Exception as error:
            tender.show_error(message_of(error))
            return
        tender.accept()
        self.last_order = order
        sales.start_sale(self.staff)
        self.panel.refresh()
        took_cash = any(not isinstance(t, CardTender) for t in order.tenders)
        change = f" Change due: {order.change_due}." if order.change_due else ""
        self.notify(f"Sale {order.order_number} complete.{change}", kind="success")
        self._print(lambda: self.t.printing.print_sale(order, self.staff.name, open_drawer=took_cash),
                    f"Sale {order.order_number} complete.{change}")
        self.status_changed.emit()

    # --- printing ------------------------------------------------------------------------------------------

    def _print(self, job, done_text: str) -> None:
        def finished(outcome) -> None:
            self.refresh_printer_state()
            if not outcome.ok:
                self.notify(f"{done_text} {outcome.message}", kind="warning", action="Reprint  Ctrl+R",
                            handler=self.reprint)
            self.status_changed.emit()

        def crashed(error: Exception) -> None:
            self.notify(f"{done_text} The receipt did not print: {message_of(error)}", kind="warning",
                        action="Reprint  Ctrl+R", handler=self.reprint)

        run_in_background(job, finished, crashed, owner=self)

    def reprint(self) -> None:
        self._print(self.t.printing.reprint_last, "Reprint:")

    def refresh_printer_state(self) -> None:
        def shown(label: str) -> None:
            self.printer_state = label
            self.status_changed.emit()

        run_in_background(self.t.printing.printer_status_label, shown, _ignore, owner=self)

    # --- refunds and voids ---------------------------------------------------------------------------------

    def refund(self) -> None:
        if self.t.sales.has_open_sale:
            self.notify("Finish or park the sale on screen before a refund.")
            return
        dialog = RefundDialog(self, self.t.refunds, card_enabled=self.t.card_payments is not None,
                              on_refund=lambda *args: self._supervised(
                                  f"refund {args[0]}", "A refund needs a manager's approval.",
                                  lambda approver: self._refund(dialog, approver, *args)))
        self._show(dialog)

    def _refund(self, dialog: RefundDialog, approver, number: str, quantities, restock, method: str) -> None:
        refunds = self.t.refunds
        refund_id = uuid.uuid4()

        def record(card_approval=None) -> None:
            try:
                refund = refunds.refund(number, quantities, staff=self.staff, approver=approver, method=method,
                                        restock=restock, card_approval=card_approval, refund_id=refund_id)
            except Exception as error:
                dialog.show_error(message_of(error))
                return
            dialog.accept()
            amount = refund.cash_total() if method == "cash" else refund.total
            text = f"Refunded {amount} on sale {number} ({'cash' if method == 'cash' else 'to the card'})."
            self.notify(text, kind="success")
            order = dialog.order
            self._print(lambda: self.t.printing.print_refund(refund, order, self.staff.name,
                                                              open_drawer=method == "cash"), text)

        if method == "cash":
            record()
            return
        try:
            amount = refunds.preview(number, quantities, restock=restock).total
        except Exception as error:
            dialog.show_error(message_of(error))
            return
        dialog.refund_button.setEnabled(False)
        dialog.show_error("Follow the card terminal: the refund is on its way to the customer's card…")
        def refused(error: Exception) -> None:
            dialog.refund_button.setEnabled(True)
            dialog.show_error(message_of(error))

        run_in_background(lambda: self.t.card_payments.refund_to_card(refund_id, amount), record, refused,
                          owner=self)

    def void_sale(self) -> None:
        if self.t.sales.has_open_sale:
            self.notify("Finish or park the sale on screen before voiding another one.")
            return
        last = self.last_order.order_number if self.last_order else None
        dialog = VoidDialog(self, last_number=last, on_void=lambda number: self._supervised(
            f"void {number}", "Voiding a sale needs a manager's approval.",
            lambda approver: self._void(dialog, approver, number)))
        self._show(dialog)

    def _void(self, dialog: VoidDialog, approver, number: str) -> None:
        dialog.void_button.setEnabled(False)
        shift_id = self.shift.id if self.shift else None

        def done(order) -> None:
            dialog.accept()
            self.notify(f"Sale {number} is voided: {order.total_amount} goes back the way it was paid.",
                        kind="success")
            if any(not isinstance(t, CardTender) for t in order.tenders):
                self._print(lambda: self.t.printing.open_drawer(self.staff, reason="void", approver=approver),
                            f"Sale {number} voided.")

        def failed(error: Exception) -> None:
            dialog.void_button.setEnabled(True)
            dialog.show_error(message_of(error))

        run_in_background(lambda: self.t.voids.void(number, staff=self.staff, approver=approver,
                                                    current_shift_id=shift_id, reason=dialog.reason),
                          done, failed, owner=self)

    # --- drawer and shift ----------------------------------------------------------------------------------

    def drawer_menu(self) -> None:
        from pos_app.ui.register.drawer_menu import DrawerMenu

        self._show(DrawerMenu(self, shift_open=self.shift is not None))

    def no_sale(self) -> None:
        self._supervised("no sale", "Opening the drawer without a sale needs a manager's approval.",
                         lambda approver: self._print(
                             lambda: self.t.printing.open_drawer(self.staff, reason="no_sale", approver=approver),
                             "No sale."))

    def open_shift(self) -> None:
        def count(counts: dict[str, int]) -> str | None:
            try:
                self.shift = self.t.shifts.open_shift(self.staff, counts)
            except Exception as error:
                return message_of(error)
            self.t.sales.cash_session_id = self.shift.id
            self.notify(f"Shift open with a float of {self.shift.opening_float}.", kind="success")
            return None

        self._show(OpenShiftDialog(self, count))

    def cash_movement(self) -> None:
        def save(kind: str, amount: Money, reason: str) -> None:
            try:
                if kind == "drop":
                    self.t.shifts.cash_drop(self.staff, amount, reason or None)
                else:
                    self.t.shifts.paid_out(self.staff, amount, reason)
            except Exception as error:
                dialog.show_error(message_of(error))
                return
            dialog.accept()
            label = "Cash drop" if kind == "drop" else "Paid-out"
            self._print(lambda: self.t.printing.open_drawer(self.staff, reason=kind), f"{label} of {amount} saved.")
            self.notify(f"{label} of {amount} saved.", kind="success")

        dialog = CashMovementDialog(self, save)
        self._show(dialog)

    def x_report(self) -> None:
        try:
            report = self.t.shifts.x_report()
        except Exception as error:
            self.notify(message_of(error))
            return
        self._show(ReportDialog(self, report, lambda: self._print(lambda: self.t.printing.print_report(report),
                                                                  "X report.")))

    def close_shift(self) -> None:
        if self.t.sales.has_open_sale:
            self.notify("Finish or park the sale on screen before closing the shift.")
            return
        try:
            expected = self.t.shifts.x_report().expected_cash
        except Exception as error:
            self.notify(message_of(error))
            return

        def close(counts: dict[str, int], approver=None) -> None:
            try:
                report = self.t.shifts.close_shift(self.staff, counts, approver=approver)
            except VarianceNeedsManager as over:
                self._show(OverrideDialog(dialog, self.t.login, action="shift variance", reason=over.message,
                                          on_approved=lambda manager: close(counts, manager)))
                return
            except Exception as error:
                dialog.show_error(message_of(error))
                return
            dialog.accept()
            self.shift = None
            self.t.sales.cash_session_id = None
            self.last_order = None
            self._print(lambda: self.t.printing.print_report(report), "Shift closed.")
            z = ReportDialog(self, report, lambda: self._print(lambda: self.t.printing.print_report(report),
                                                               "Z report."))
            z.finished.connect(lambda _: self.switch_user())
            self._show(z)

        dialog = CloseShiftDialog(self, expected=expected, limit=self.t.shifts.variance_limit(), on_close=close)
        self._show(dialog)


def _ignore(_value) -> None:
    return None
