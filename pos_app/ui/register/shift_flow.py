"""F11, the drawer and the shift: open with a counted float, cash drops and paid-outs, no sale, X and Z reports."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from pos_app.domain.money import Money
from pos_app.services.shifts import VarianceNeedsManager
from pos_app.ui.common.language import money
from pos_app.ui.register.drawer_menu import DrawerMenu
from pos_app.ui.register.override import OverrideDialog
from pos_app.ui.register.shift_dialogs import CashMovementDialog, CloseShiftDialog, OpenShiftDialog, ReportDialog
from pos_app.ui.tasks import message_of, run_in_background

if TYPE_CHECKING:
    from pos_app.ui.register.register_screen import RegisterScreen


class ShiftFlow(QObject):
    shift_opened = Signal(object)  # the open shift
    shift_closed = Signal(object)  # its Z report

    def __init__(self, screen: RegisterScreen) -> None:
        super().__init__(screen)
        self.screen = screen
        self.t = screen.t

    def drawer_menu(self) -> None:
        self.screen.show_dialog(DrawerMenu(self.screen, self, shift_open=self.screen.shift is not None))

    def _print(self, job, done_text: str) -> None:
        self.screen.checkout.print_job(job, done_text)

    def reprint(self) -> None:
        self.screen.checkout.reprint()

    def no_sale(self) -> None:
        staff = self.screen.staff
        self.screen.supervised("no sale", self.tr("Opening the drawer without a sale needs a manager's approval."),
                               lambda approver: self._print(
                                   lambda: self.t.printing.open_drawer(staff, reason="no_sale", approver=approver),
                                   self.tr("No sale.")))

    def open_shift(self) -> None:
        screen = self.screen

        def count(counts: dict[str, int]) -> str | None:
            try:
                screen.shift = self.t.shifts.open_shift(screen.staff, counts)
            except Exception as error:
                return message_of(error)
            self.t.sales.cash_session_id = screen.shift.id
            screen.notify(self.tr("Shift open with a float of {amount}.").format(
                amount=money(screen.shift.opening_float)), kind="success")
            self.shift_opened.emit(screen.shift)
            return None

        screen.show_dialog(OpenShiftDialog(screen, count))

    def cash_movement(self) -> None:
        screen = self.screen
        staff = screen.staff

        def save(kind: str, amount: Money, reason: str) -> None:
            try:
                if kind == "drop":
                    self.t.shifts.cash_drop(staff, amount, reason or None)
                else:
                    self.t.shifts.paid_out(staff, amount, reason)
            except Exception as error:
                dialog.show_error(message_of(error))
                return
            dialog.accept()
            saved = (self.tr("Cash drop of {amount} saved.") if kind == "drop"
                     else self.tr("Paid-out of {amount} saved.")).format(amount=money(amount))
            self._print(lambda: self.t.printing.open_drawer(staff, reason=kind), saved)
            screen.notify(saved, kind="success")

        dialog = CashMovementDialog(screen, save)
        screen.show_dialog(dialog)

    def x_report(self) -> None:
        try:
            report = self.t.shifts.x_report()
        except Exception as error:
            self.screen.notify(message_of(error))
            return
        self.screen.show_dialog(ReportDialog(self.screen, report, lambda: self._print(
            lambda: self.t.printing.print_report(report), self.tr("X report.")), zone=self.t.store_clock.zone))

    def close_shift(self) -> None:
        screen = self.screen
        if self.t.sales.has_open_sale:
            screen.notify(self.tr("Finish or park the sale on screen before closing the shift."))
            return
        try:
            expected = self.t.shifts.x_report().expected_cash
        except Exception as error:
            screen.notify(message_of(error))
            return
        if not self.t.card_batches.available:
            self._count_and_close(expected, None, None)
            return
        # The card batch closes first, so the Z shows whether the card terminal's day matches ours.
        screen.notify(self.tr("Closing the card terminal's batch…"), kind="info")

        def closed(check) -> None:
            self._count_and_close(expected, check, None)

        def not_closed(error: Exception) -> None:
            screen.notify(message_of(error))
            self._count_and_close(expected, None, message_of(error))

        run_in_background(lambda: self.t.card_batches.close_batch(screen.staff), closed, not_closed, owner=self)

    def _count_and_close(self, expected: Money, card_batch, card_batch_problem: str | None) -> None:
        screen = self.screen

        def close(counts: dict[str, int], approver=None) -> None:
            try:
                report = self.t.shifts.close_shift(screen.staff, counts, approver=approver, card_batch=card_batch,
                                                   card_batch_problem=card_batch_problem)
            except VarianceNeedsManager as over:
                screen.show_dialog(OverrideDialog(dialog, self.t.login, action="shift variance",
                                                  reason=over.message,
                                                  on_approved=lambda manager: close(counts, manager)))
                return
            except Exception as error:
                dialog.show_error(message_of(error))
                return
            dialog.accept()
            screen.shift = None
            self.t.sales.cash_session_id = None
            screen.last_order = None
            self._print(lambda: self.t.printing.print_report(report), self.tr("Shift closed."))
            z = ReportDialog(screen, report, lambda: self._print(lambda: self.t.printing.print_report(report),
                                                                 self.tr("Z report.")), zone=self.t.store_clock.zone)
            z.finished.connect(lambda _: screen.switch_user())
            screen.show_dialog(z)
            self.shift_closed.emit(report)

        dialog = CloseShiftDialog(screen, expected=expected, limit=self.t.shifts.variance_limit(), on_close=close)
        screen.show_dialog(dialog)
