"""Taking the money: the age check before it, cash and card tenders, completing the sale, and the printouts.

The card terminal and the printer are talked to in the background (``run_in_background``); the sale's own
SQLite writes are local and short, so they run on the GUI thread.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from pos_app.domain.money import Money
from pos_app.domain.tenders import CardTender
from pos_app.services.card_payments import CardOutcomeUnknown
from pos_app.ui.register.age_dialog import AgeCheckDialog
from pos_app.ui.register.card_wait import CardWaitDialog
from pos_app.ui.register.tender_dialog import TenderDialog
from pos_app.ui.tasks import message_of, run_in_background

if TYPE_CHECKING:
    from hardware.codes.id_card import IdCard
    from pos_app.ui.register.register_screen import RegisterScreen


class CheckoutFlow(QObject):
    completed = Signal(object)  # pos_app.domain.order.Order, saved and queued for the hub
    card_wait_opened = Signal(object)  # the CardWaitDialog the customer is tapping, inserting or swiping against
    card_approved = Signal(object)  # the CardApproval, now a tender on the sale
    card_failed = Signal(str)  # declined, cancelled, or no answer: the sentence on the card wait dialog
    age_checked = Signal(bool)  # an ID or an attestation was recorded: passed or not

    def __init__(self, screen: RegisterScreen) -> None:
        super().__init__(screen)
        self.screen = screen
        self.t = screen.t
        self.card_wait: CardWaitDialog | None = None

    # --- the age check -------------------------------------------------------------------------------------

    def check_age(self, then=None) -> None:
        screen, sales = self.screen, self.t.sales
        if not sales.has_open_sale or not sales.sale.has_cannabis:
            screen.notify("Only a sale with cannabis needs an age check.", kind="info")
            return
        checks = self.t.age_checks

        def attest() -> None:
            outcome = checks.attest(sales, screen.staff)
            dialog.show_outcome(True, outcome.message)
            self.age_checked.emit(True)

        dialog = AgeCheckDialog(screen, min_age=checks.min_age, province=self.t.context.province_code,
                                on_attest=attest)
        if then is not None:
            dialog.accepted.connect(then)
        screen.show_dialog(dialog)

    def id_read(self, card: IdCard) -> None:
        """An ID from the ID reader or the scanner: checked in the age check, opened for it if need be."""
        if not isinstance(self.screen.dialog, AgeCheckDialog):
            self.check_age()
        dialog = self.screen.dialog
        if isinstance(dialog, AgeCheckDialog):
            outcome = self.t.age_checks.check_id(self.t.sales, card, self.screen.staff)
            dialog.show_outcome(outcome.passed, outcome.message)
            self.age_checked.emit(outcome.passed)

    def id_unreadable(self, message: str) -> None:
        dialog = self.screen.dialog
        if isinstance(dialog, AgeCheckDialog):
            outcome = self.t.age_checks.record_unreadable(self.t.sales, self.screen.staff, message)
            dialog.show_outcome(False, outcome.message)
            self.age_checked.emit(False)
        else:
            self.screen.notify(message)

    # --- payment -------------------------------------------------------------------------------------------

    def pay(self) -> None:
        screen, sales = self.screen, self.t.sales
        if not sales.has_open_sale:
            screen.notify("There is nothing to pay for yet. Scan an item first.", kind="info")
            return
        if sales.sale.needs_age_check:
            self.check_age(then=self.pay)
            return
        try:
            sales.sale.check_ready_for_payment()
        except Exception as error:
            screen.notify(message_of(error))
            return
        dialog = TenderDialog(screen, sales, card_enabled=self.t.card_payments is not None,
                              on_card=lambda amount: self._charge_card(dialog, amount),
                              on_settled=lambda: self._complete_sale(dialog))
        if sales.has_open_sale:  # building it may already have completed a sale paid in full earlier
            screen.show_dialog(dialog)

    def _charge_card(self, tender: TenderDialog, amount: Money) -> None:
        screen, cards, sales = self.screen, self.t.card_payments, self.t.sales
        assert cards is not None

        def check(reference: str) -> None:
            run_in_background(lambda: cards.check(sales, reference), approved, failed, owner=self)

        def cancel() -> None:
            run_in_background(cards.cancel, _ignore, _ignore, owner=self)

        wait = CardWaitDialog(tender, amount, on_cancel=cancel, on_check=check)

        def approved(approval) -> None:
            screen.card_state = "Card terminal: ready"
            wait.state = "done"
            wait.accept()
            screen.status_changed.emit()
            tender.refresh()
            self.card_approved.emit(approval)

        def failed(error: Exception) -> None:
            if isinstance(error, CardOutcomeUnknown):
                screen.card_state = "Card terminal: not answering"
                wait.show_unknown(error.message, error.reference)
            else:
                wait.show_refused(message_of(error))
            screen.status_changed.emit()
            self.card_failed.emit(message_of(error))

        self.card_wait = wait
        screen.show_dialog(wait)  # on the register's stack: a scan meanwhile is refused in it, not lost
        self.card_wait_opened.emit(wait)
        run_in_background(lambda: cards.charge(sales, amount), approved, failed, owner=self)

    def _complete_sale(self, tender: TenderDialog) -> None:
        screen, sales = self.screen, self.t.sales
        try:
            order = sales.complete()
        except Exception as error:
            tender.show_error(message_of(error))
            return
        tender.accept()
        screen.last_order = order
        sales.start_sale(screen.staff)
        screen.panel.refresh()
        took_cash = any(not isinstance(t, CardTender) for t in order.tenders)
        change = f" Change due: {order.change_due}." if order.change_due else ""
        screen.notify(f"Sale {order.order_number} complete.{change}", kind="success")
        staff_name = screen.staff.name
        self.print_job(lambda: self.t.printing.print_sale(order, staff_name, open_drawer=took_cash),
                       f"Sale {order.order_number} complete.{change}")
        screen.status_changed.emit()
        self.completed.emit(order)

    # --- printing ------------------------------------------------------------------------------------------

    def print_job(self, job, done_text: str) -> None:
        """Print (or open the drawer) in the background; a failure becomes a notice with Reprint on it."""
        screen = self.screen

        def finished(outcome) -> None:
            self.refresh_printer_state()
            if not outcome.ok:
                screen.notify(f"{done_text} {outcome.message}", kind="warning", action="Reprint  Ctrl+R",
                              handler=self.reprint)
            screen.status_changed.emit()

        def crashed(error: Exception) -> None:
            screen.notify(f"{done_text} The receipt did not print: {message_of(error)}", kind="warning",
                          action="Reprint  Ctrl+R", handler=self.reprint)

        run_in_background(job, finished, crashed, owner=self)

    def reprint(self) -> None:
        self.print_job(self.t.printing.reprint_last, "Reprint:")

    def refresh_printer_state(self) -> None:
        def shown(label: str) -> None:
            self.screen.printer_state = label
            self.screen.status_changed.emit()

        run_in_background(self.t.printing.printer_status_label, shown, _ignore, owner=self)


def _ignore(_value) -> None:
    return None
