"""The kiosk window: full screen, customers only. Attract, age gate, browse, product, cart, ticket (or paying by
card here, where the store allows it).

Nothing of the register is here or reachable: no sign-in, no F-keys, no refunds, voids or drawer. Closing the
window, Esc and Alt+F4 do nothing; staff leave with a manager's PIN behind a two-second press on the logo, and
that exit is audited. A kiosk whose replica has no catalog yet says it is being set up, and looks again.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QHBoxLayout, QMainWindow, QVBoxLayout, QWidget

from pos_app.services.errors import NotSetUp
from pos_app.services.kiosk_catalog import ProductCard
from pos_app.ui.common.language import Retranslating
from pos_app.ui.common.widgets import NoticeBar
from pos_app.ui.device_events import DeviceEvents
from pos_app.ui.kiosk.browse import BrowseScreen
from pos_app.ui.kiosk.cart import KioskCart
from pos_app.ui.kiosk.cart_screen import CartBar, CartScreen
from pos_app.ui.kiosk.idle import IdleWatcher, after_next_paint, set_startup_heap_aside
from pos_app.ui.kiosk.language import KioskLanguage
from pos_app.ui.kiosk.pay_flow import PayFlow
from pos_app.ui.kiosk.pay_screen import PayScreen
from pos_app.ui.kiosk.product_page import ProductPage
from pos_app.ui.kiosk.scan_targets import KioskScans
from pos_app.ui.kiosk.screens import AgeGateScreen, AttractScreen, SetupScreen, StillThere
from pos_app.ui.kiosk.send_flow import SendFlow
from pos_app.ui.kiosk.staff_exit import StaffExitScreen
from pos_app.ui.kiosk.ticket_screen import TicketScreen
from pos_app.ui.kiosk.widgets import LongPressLogo, ScreenStack, kiosk_button
from pos_app.ui.tasks import message_of, wait_for_background_work
from pos_app.ui.terminal_services import TerminalServices
from pos_app.ui.wedge_filter import WedgeScanFilter

log = logging.getLogger(__name__)
SETUP_CHECK_MS = 10_000
TICKET_SHOWN_MS = 60_000  # then the next customer's attract screen
COMPACT_HEIGHT = 1000  # px: below this (1280x800) the big tiles and pictures shrink to fit


class KioskWindow(Retranslating, QMainWindow):
    def __init__(self, terminal: TerminalServices, *, idle_warning_s: int = 60, idle_reset_s: int = 90,
                 devices: DeviceEvents | None = None, language: str | None = None) -> None:
        """``language``: the terminal's own, which each new customer starts in (by default the one spoken now)."""
        super().__init__()
        self.t = terminal
        self.language = KioskLanguage(self, language)
        self._context = None
        self._may_close = False
        self._closed = False
        self.shopping = False
        self.verified_id = None  # an ID scanned at this kiosk that passed the age check, for this customer only
        self.setWindowFlag(Qt.WindowType.FramelessWindowHint)
        self.idle = IdleWatcher(idle_warning_s, idle_reset_s, self)
        self.idle.install(QApplication.instance())
        self.stack = ScreenStack()
        self.notice = NoticeBar()
        self.logo = LongPressLogo("")
        self.logo.long_pressed.connect(self.ask_for_staff)
        self.start_over_button = kiosk_button("", name="StartOver")
        self.start_over_button.clicked.connect(self.start_over)
        header = QWidget(objectName="KioskHeader")
        row = QHBoxLayout(header)
        row.setContentsMargins(24, 8, 24, 8)
        row.addWidget(self.logo)
        row.addStretch(1)
        row.addWidget(self.start_over_button)
        row.addWidget(self.language.toggle)
        central = QWidget(objectName="KioskRoot")
        layout = QVBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(header)
        layout.addWidget(self.notice)
        layout.addWidget(self.stack, 1)
        self.cart_bar_slot = QVBoxLayout()
        layout.addLayout(self.cart_bar_slot)
        self.setCentralWidget(central)
        self.still_there = StillThere(central)
        self.still_there.carry_on.connect(self._carry_on)
        self.idle.warn.connect(self.still_there.ask)
        self.idle.reset.connect(self.start_over)

        self.setup = SetupScreen()
        self.stack.addWidget(self.setup)
        self.ready = False
        self.wedge = WedgeScanFilter(parent=self)
        self.wedge.install(QApplication.instance())
        self.devices = devices or DeviceEvents(terminal.scanner, terminal.id_reader)
        self._setup_timer = QTimer(self, interval=SETUP_CHECK_MS, timeout=self._check_setup)
        self._ticket_timer = QTimer(self, singleShot=True, interval=TICKET_SHOWN_MS, timeout=self.start_over)
        self.retranslate()
        self._check_setup()
        if not self.ready:
            self._setup_timer.start()
        self.devices.start()

    # --- setting up ------------------------------------------------------------------------------------

    def _check_setup(self) -> None:
        try:
            context = self.t.context
            ready = self.t.kiosk_catalog.is_set_up()
        except NotSetUp:
            context, ready = None, False
        if context is not None:
            self._context = context
            self.logo.setText(context.store_name)
            self.retranslate()
        if not ready:
            self._show(self.setup)
            self.start_over_button.hide()
            return
        self._setup_timer.stop()
        self._build(context)

    def _build(self, context) -> None:
        t = self.t
        self.ready = True
        self.cart = KioskCart(t.kiosk_catalog, context, promotions=t.sales.promotions, store_now=t.sales.store_now)
        self.attract = AttractScreen(context.store_name)
        self.age_gate = AgeGateScreen(context.min_age, context.province_code,
                                      id_scanning=t.id_reader is not None or t.scanner is not None)
        self.browse = BrowseScreen(t.kiosk_catalog)
        self.product_page = ProductPage()
        self.cart_screen = CartScreen(self.cart, [c.code for c in context.tax_components])
        self.ticket = TicketScreen()
        self.pay_screen = PayScreen()
        self.staff_exit = StaffExitScreen(t.kiosk_exit, context.terminal_no)
        for screen in (self.attract, self.age_gate, self.browse, self.product_page, self.cart_screen,
                       self.ticket, self.pay_screen, self.staff_exit):
            self.stack.addWidget(screen)
        self.cart_bar = CartBar(self.cart)
        self.cart_bar_slot.addWidget(self.cart_bar)
        self.scans = KioskScans(self, t)
        self.sending = SendFlow(self, t)
        self.payment = PayFlow(self, t)
        self.attract.started.connect(self.show_age_gate)
        self.age_gate.confirmed.connect(self.confirm_age)
        self.age_gate.declined.connect(self.turn_away)
        self.browse.product_chosen.connect(self.show_product)
        self.product_page.back_requested.connect(lambda: self._show(self.browse))
        self.product_page.add_requested.connect(self.add_to_cart)
        self.cart_bar.open_cart.connect(self.show_cart)
        self.cart_screen.keep_shopping.connect(lambda: self._show(self.browse))
        self.cart_screen.start_over.connect(self.start_over)
        self.cart_screen.send_requested.connect(self.sending.send)
        self.cart_screen.pay_requested.connect(self.payment.pay)
        self.cart_screen.refused.connect(self.say)
        self.ticket.done.connect(self.start_over)
        self.staff_exit.cancelled.connect(self._staff_cancelled)
        self.staff_exit.approved.connect(self._staff_approved)
        self.wedge.scanned.connect(self.scans.handle_scan)
        self.devices.scanned.connect(self.scans.handle_scan)
        self.devices.id_read.connect(self.scans.id_card)
        self.devices.id_unreadable.connect(self.scans.id_unreadable)
        self._arrange()
        self.show_attract()
        self.payment.start()
        set_startup_heap_aside()

    # --- the customer's way through --------------------------------------------------------------------

    def show_attract(self) -> None:
        self.idle.stop()
        self.language.next_customer()  # the next customer starts in the terminal's language
        self._show(self.attract)
        after_next_paint(self.attract, self._while_nobody_is_here)

    def _while_nobody_is_here(self) -> None:
        if self.ready and self.stack.currentWidget() is self.attract:
            self.t.kiosk_catalog.prepare()

    def show_age_gate(self) -> None:
        self.age_gate.say("")
        self.age_gate.confirm_button.setEnabled(True)
        self._show(self.age_gate)
        self.idle.start()

    def confirm_age(self) -> None:
        """The customer's "I am 19 or older" is this kiosk's age check: logged, with no staff member, first."""
        try:
            self.t.age_checks.kiosk_confirmed()
        except Exception as error:
            self.age_gate.say(message_of(error))
            return
        self.begin_shopping()

    def begin_shopping(self) -> None:
        self.shopping = True
        self.browse.start()
        self._show(self.browse)
        self.idle.start()

    def turn_away(self) -> None:
        self.age_gate.turn_away()
        self.age_gate.confirm_button.setEnabled(False)  # after an under-age ID, a tap cannot say otherwise
        QTimer.singleShot(6_000, self, lambda: self.stack.currentWidget() is self.age_gate and self.show_attract())

    def show_cart(self) -> None:
        self.cart_screen.refresh()  # stock may have gone since the items were added: flag them now
        self._show(self.cart_screen)

    def show_paying(self) -> None:
        self._show(self.pay_screen)

    def refuse_under_age(self) -> None:
        """An ID scanned while shopping says the customer is under age: the cart goes, and the gate says why."""
        self.shopping = False
        self.verified_id = None
        self.cart.clear()
        self.show_age_gate()
        self.turn_away()

    def show_product(self, card: ProductCard) -> None:
        try:
            card = self.t.kiosk_catalog.product(card.sku)  # with its description, and stock as of now
        except Exception as error:
            self.say(message_of(error))
            return
        self.product_page.show_product(card)
        self._show(self.product_page)

    def add_to_cart(self, card: ProductCard) -> bool:
        try:
            self.cart.add(card)
        except Exception as error:  # the 30 g limit, the stock, a product gone: the cart stays as it was
            self.say(message_of(error))
            return False
        self.notice.show_message(self.tr("Added {name} to your cart.").format(name=card.name), kind="success")
        return True

    def start_over(self) -> None:
        """The next customer: empty cart, attract screen."""
        if not self.ready or self.payment.paying:
            return  # never in the middle of a card payment: its outcome brings the next screen
        self._ticket_timer.stop()
        self.shopping = False
        self.verified_id = None
        self.cart.clear()
        self.still_there.hide()
        self.show_attract()

    def show_ticket(self, number: str, qr_text: str, *, printed: bool) -> None:
        self.idle.stop()
        self.cart.clear()
        self.ticket.show_ticket(number, qr_text, printed=printed)
        self._show(self.ticket)
        self._ticket_timer.start()

    def retranslate(self) -> None:
        context = self._context
        self.setWindowTitle(self.tr("{store} — Kiosk {number}").format(store=context.store_name,
                                                                         number=context.terminal_no)
                            if context is not None else self.tr("Kiosk"))
        self.start_over_button.setText(self.tr("Start over"))
        self.language.retranslate()
        self.notice.hide()  # a sentence in the language before

    def say(self, text: str, kind: str = "error") -> None:
        self.notice.show_message(text, kind=kind)

    @property
    def current(self) -> QWidget:
        return self.stack.currentWidget()

    def _show(self, screen: QWidget) -> None:
        self.notice.hide()
        self.stack.setCurrentWidget(screen)
        shopping = screen in (getattr(self, "browse", None), getattr(self, "product_page", None))
        if hasattr(self, "cart_bar"):
            self.cart_bar.setVisible(shopping)
        in_session = screen not in (self.setup, getattr(self, "attract", None), getattr(self, "pay_screen", None))
        self.start_over_button.setVisible(self.ready and in_session)

    def _carry_on(self) -> None:
        self.still_there.hide()
        self.idle.start()

    # --- staff -----------------------------------------------------------------------------------------

    def ask_for_staff(self) -> None:
        if not self.ready or self.payment.paying:
            return
        self._before_staff = self.current
        self.staff_exit.reset()
        self._show(self.staff_exit)
        self.idle.start()

    def _staff_cancelled(self) -> None:
        self._show(self._before_staff)

    def _staff_approved(self, manager) -> None:
        log.info("Kiosk mode closed by %s", manager.staff_code)
        self.release()

    def release(self) -> None:
        """Close for good: after a manager's approval, or when a screenshot or a test is done with the window."""
        self._may_close = True
        self.close()

    # --- locked down -----------------------------------------------------------------------------------

    def keyPressEvent(self, event) -> None:  # noqa: N802 - Qt's name
        event.accept()  # Esc, F1-F12 and every other key lead nowhere here

    def closeEvent(self, event) -> None:  # noqa: N802
        if not self._may_close:
            event.ignore()  # the close button, Alt+F4 or a window manager's close: only staff may close
            return
        self._closed = True
        self.idle.stop()
        self.idle.uninstall(QApplication.instance())
        self.wedge.uninstall(QApplication.instance())
        self._setup_timer.stop()
        self._ticket_timer.stop()
        self.devices.stop()
        wait_for_background_work(10_000)
        super().closeEvent(event)

    def resizeEvent(self, event) -> None:  # noqa: N802
        super().resizeEvent(event)
        self._arrange()
        if self.still_there.isVisible():
            self.still_there.setGeometry(self.centralWidget().rect())

    def _arrange(self) -> None:
        if self.ready:
            portrait = self.height() > self.width()
            compact = self.height() < COMPACT_HEIGHT
            self.browse.arrange(compact)
            self.product_page.arrange(portrait, compact)
            self.cart_screen.arrange(portrait)
            self.staff_exit.arrange(portrait)
            self.ticket.arrange(compact)
