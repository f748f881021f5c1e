"""Taking the money: the stock and age checks before it, cash and card tenders, completing the sale, printouts.

Payment does not start while a line can't be sold (checked again on F12), nor while the age is unchecked; an ID
refused in the sale leaves only another ID or a manager's override (PIN and reason).

The card terminal and the printer are talked to in the background (``run_in_background``); the sale's own
SQLite writes are local and short, so they run on the GUI thread.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, Signal

from pos_app.domain.errors import DomainError, UnsellableItem
from pos_app.domain.money import Money, sum_money
from pos_app.domain.tenders import CardTender
from pos_app.services.card_payments import CardOutcomeUnknown
from pos_app.ui.common.language import money
from pos_app.ui.register.age_dialog import AgeCheckDialog
from pos_app.ui.register.card_wait import CardWaitDialog
from pos_app.ui.register.override import OverrideDialog
from pos_app.ui.register.tender_dialog import TenderDialog
from pos_app.ui.tasks import message_of, run_in_background

if TYPE_CHECKING:
    from hardware.codes.id_card import IdCard
    from pos_app.ui.register.register_screen import RegisterScreen


class CheckoutFlow(QObject):
    completed = Signal(object)  # pos_app.domain.order.Order, saved and queued for the hub
    # The sale's PaymentStatus each time the payment dialog shows a change in it; None when the dialog is put away
    # with the sale unpaid.
    paid = Signal(object)
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
            screen.notify(self.tr("Only a sale with cannabis needs an age check."), kind="info")
            return
        checks, age = self.t.age_checks, sales.sale.age

        def attest() -> None:
            try:
                outcome = checks.attest(sales, screen.staff)
            except DomainError as refused:  # an ID was refused in this sale: the button is gone, but be sure
                dialog.show_error(refused.message)
                return
            dialog.show_outcome(True, outcome.message)
            self.age_checked.emit(True)

        def override() -> None:
            dialog.reject()
            self._override_age(then)

        dialog = AgeCheckDialog(screen, min_age=checks.min_age, province=self.t.context.province_code,
                                on_attest=attest, on_override=override,
                                refusal=age.refusal if age.refused else None)
        if then is not None:
            dialog.accepted.connect(then)
        screen.show_dialog(dialog)

    def _override_age(self, then=None) -> None:
        """A manager's PIN and reason pass a sale whose ID was refused; audited and logged as an age check."""
        screen, sales = self.screen, self.t.sales

        def approved(manager) -> None:
            try:
                outcome = self.t.age_checks.override(sales, screen.staff, manager, dialog.reason)
            except Exception as error:
                screen.notify(message_of(error))
                return
            self.age_checked.emit(True)
            screen.notify(outcome.message, kind="success")
            if then is not None:
                then()

        dialog = OverrideDialog(screen, self.t.login, action="age check override",
                                reason=self.tr("An ID was refused in this sale. A manager who has checked the "
                                               "customer's age can let it go on: the reason first, then the "
                                               "manager's code and PIN."),
                                ask_why=self.tr("Reason, e.g. valid passport checked"),
                                on_approved=approved)
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

    def _stock_covers_the_cart(self, *, paying: bool = False) -> bool:
        """Check the cart's stock again; a line that can't be sold is marked and named, with what to do.

        ``paying``: the stock went while the customer was paying. The cash handed over comes off the sale, to be
        given back, so the cart is an unpaid one again; a card payment is money moved, and stays on it.
        """
        sales = self.t.sales
        try:
            sales.check_stock()
        except UnsellableItem as unsellable:
            after = _give_back_cash(sales.sale) if paying else ""
            self.screen.panel.refresh()
            self.screen.notify(f"{unsellable.message}{after}")
            return False
        return True

    def pay(self) -> None:
        screen, sales = self.screen, self.t.sales
        if not sales.has_open_sale:
            screen.notify(self.tr("There is nothing to pay for yet. Scan an item first."), kind="info")
            return
        if not self._stock_covers_the_cart():  # before the age check: no point checking an ID for it
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
        dialog.status_shown.connect(self.paid)
        dialog.rejected.connect(lambda: self.paid.emit(None))
        # Building it may already have completed a sale paid in full earlier (or found its stock gone).
        if sales.has_open_sale and not sales.sale.stock_problems:
            self.paid.emit(sales.payment_status())
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
            screen.card_state = self.tr("Card terminal: ready")
            wait.state = "done"
            wait.accept()
            screen.status_changed.emit()
            tender.refresh()
            self.card_approved.emit(approval)

        def failed(error: Exception) -> None:
            if isinstance(error, CardOutcomeUnknown):
                screen.card_state = self.tr("Card terminal: not answering")
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
            # Stock recalled or gone since payment began: back to the cart with the line marked, money kept.
            if not self._stock_covers_the_cart(paying=True):
                tender.reject()
                return
            tender.show_error(message_of(error))
            return
        tender.accept()
        screen.last_order = order
        sales.start_sale(screen.staff)
        screen.panel.refresh()
        took_cash = any(not isinstance(t, CardTender) for t in order.tenders)
        done = (self.tr("Sale {number} complete. Change due: {change}.") if order.change_due
                else self.tr("Sale {number} complete.")).format(number=order.order_number,
                                                                change=money(order.change_due))
        screen.notify(done, kind="success")
        if took_cash:  # large, for the cashier counting it out, until the next scan
            screen.panel.show_change(order.change_due)
        staff_name = screen.staff.name
        self.print_job(lambda: self.t.printing.print_sale(order, staff_name, open_drawer=took_cash),
                       done)
        screen.status_changed.emit()
        self.completed.emit(order)

    # --- printing ------------------------------------------------------------------------------------------

    def print_job(self, job, done_text: str, *, printed_text: str | None = None) -> None:
        """Print (or open the drawer) in the background; a failure becomes a notice with Reprint on it, and
        ``printed_text``, if given, is shown once it has printed."""
        screen = self.screen

        def finished(outcome) -> None:
            self.refresh_printer_state()
            if not outcome.ok:
                screen.notify(f"{done_text} {outcome.message}", kind="warning", action=self.tr("Reprint  Ctrl+R"),
                              handler=self.reprint)
            elif printed_text is not None:
                screen.notify(outcome.message or printed_text, kind="success")
            screen.status_changed.emit()

        def crashed(error: Exception) -> None:
            screen.notify(self.tr("{done} The receipt did not print: {why}").format(
                done=done_text, why=message_of(error)), kind="warning", action=self.tr("Reprint  Ctrl+R"),
                handler=self.reprint)

        run_in_background(job, finished, crashed, owner=self)

    def reprint(self) -> None:
        self.screen.notify(self.tr("Printing the last receipt again…"), kind="info")
        self.print_job(self.t.printing.reprint_last, self.tr("Reprint:"),
                       printed_text=self.tr("The last receipt was printed again."))

    def refresh_printer_state(self) -> None:
        def shown(label: str) -> None:
            self.screen.printer_state = label
            self.screen.status_changed.emit()

        run_in_background(self.t.printing.printer_status_label, shown, _ignore, owner=self)


def _give_back_cash(sale) -> str:
    """Take the cash tenders off ``sale``; the sentence telling the cashier what to do with the money."""
    cash = [t for t in sale.tenders if not isinstance(t, CardTender)]
    for tender in cash:
        sale.remove_tender(tender)
    said = " " + QCoreApplication.translate("CheckoutFlow", "The sale is not complete.")
    if cash:
        said += " " + QCoreApplication.translate(
            "CheckoutFlow", "Give the customer back the {amount} cash they handed over.").format(
            amount=money(sum_money(t.amount for t in cash)))
    if any(isinstance(t, CardTender) for t in sale.tenders):
        said += " " + QCoreApplication.translate("CheckoutFlow", "The card payment stays on the sale.")
    return said


def _ignore(_value) -> None:
    return None
