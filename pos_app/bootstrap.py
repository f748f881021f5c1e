"""The composition root: the one place that opens the database and wires services together."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import date
from functools import cached_property
from typing import TYPE_CHECKING

from sqlalchemy import Engine
from sqlalchemy.orm import Session, sessionmaker

from pos_app.config import Settings
from pos_app.logging_setup import configure_logging
from pos_app.persistence.database import WalCheckpointer, make_engine, make_session_factory
from pos_app.persistence.migrate import upgrade_to_head
from pos_app.secrets import ID_HASH_SALT, KIOSK_TICKET_KEY, PIN_PEPPER, SecretStore

# Each service is imported where it is first built, not here: a till shows its window before it needs the
# printer (python-escpos), sync (httpx) or the ID reader, and importing them all took about a second.
if TYPE_CHECKING:
    from hardware.ids.reader import SerialIdReader
    from hardware.ports import PaymentTerminal
    from hardware.scanners.serial_scanner import SerialScanner
    from pos_app.services.age_checks import AgeCheckService
    from pos_app.services.backoffice import BackOfficeServices
    from pos_app.services.card_payments import CardPayments
    from pos_app.services.card_recovery import CardRecovery
    from pos_app.services.card_settlement import CardSettlementService
    from pos_app.services.catalog_queries import CatalogQueries
    from pos_app.services.clock import StoreClock
    from pos_app.services.kiosk_catalog import KioskCatalog
    from pos_app.services.kiosk_checkout import KioskCheckout
    from pos_app.services.kiosk_exit import KioskExit
    from pos_app.services.kiosk_tickets import KioskTicketService
    from pos_app.services.login import LoginService
    from pos_app.services.printing import PrintService
    from pos_app.services.refunds import RefundService
    from pos_app.services.scanning import ScanReader
    from pos_app.services.selling import SaleService
    from pos_app.services.shifts import ShiftService
    from pos_app.services.status import StatusService
    from pos_app.services.sync_service import SyncService
    from pos_app.services.terminal import TerminalContext
    from pos_app.services.voids import VoidService

log = logging.getLogger(__name__)


@dataclass
class Terminal:
    settings: Settings
    engine: Engine
    session_factory: sessionmaker[Session]
    secrets: SecretStore
    checkpointer: WalCheckpointer | None = None

    @cached_property
    def context(self) -> TerminalContext:
        from pos_app.services.terminal import load_terminal_context

        return load_terminal_context(self.session_factory, date.today())

    @cached_property
    def store_clock(self) -> StoreClock:
        from pos_app.services.clock import StoreClock

        return StoreClock(self.context.zone)

    @property
    def pin_pepper(self) -> str:
        return self.secrets.get_or_create(PIN_PEPPER)

    @cached_property
    def sales(self) -> SaleService:
        from pos_app.services.promotions import PromotionCatalog
        from pos_app.services.selling import SaleService

        promotions = PromotionCatalog(self.session_factory, self.context.store_id, self.context.zone)
        return SaleService(self.session_factory, self.context, promotions=promotions)

    @cached_property
    def refunds(self) -> RefundService:
        from pos_app.services.refunds import RefundService

        return RefundService(self.session_factory)

    @cached_property
    def status(self) -> StatusService:
        from pos_app.services.status import StatusService

        return StatusService(self.session_factory)

    @cached_property
    def catalog(self) -> CatalogQueries:
        from pos_app.services.catalog_queries import CatalogQueries

        return CatalogQueries(self.session_factory, self.context.store_id)

    @cached_property
    def kiosk_catalog(self) -> KioskCatalog:
        from pos_app.services.kiosk_catalog import KioskCatalog

        return KioskCatalog(self.session_factory, self.context.store_id)

    @cached_property
    def kiosk_exit(self) -> KioskExit:
        from pos_app.services.kiosk_exit import KioskExit

        return KioskExit(self.session_factory, self.login, self.context.store_id)

    @cached_property
    def age_checks(self) -> AgeCheckService:
        from pos_app.services.age_checks import AgeCheckService

        return AgeCheckService(self.session_factory, self.context, self.secrets.get_or_create(ID_HASH_SALT).encode())

    @cached_property
    def scans(self) -> ScanReader:
        from pos_app.services.scanning import ScanReader

        # An ID's age is counted on the store's date, not the machine's.
        return ScanReader(self.secrets.get_or_create(ID_HASH_SALT).encode(), today=self.store_clock.today)

    @cached_property
    def voids(self) -> VoidService:
        from pos_app.services.voids import VoidService

        return VoidService(self.session_factory, self.card_terminal)

    @cached_property
    def login(self) -> LoginService:
        from pos_app.services.login import LoginService

        return LoginService(self.session_factory, self.context, self.pin_pepper)

    @cached_property
    def shifts(self) -> ShiftService:
        from pos_app.services.shifts import ShiftService

        return ShiftService(self.session_factory, self.context)

    @cached_property
    def printing(self) -> PrintService:
        """Starts the print queue's thread when a printer is configured; ``close()`` stops it."""
        from pos_app.services.devices import build_print_service

        return build_print_service(self.settings, self.context, self.session_factory)

    @cached_property
    def card_terminal(self) -> PaymentTerminal | None:
        from pos_app.services.devices import card_terminal

        return card_terminal(self.settings)

    @cached_property
    def card_batches(self) -> CardSettlementService:
        """Closing the card terminal's daily batch and checking it against our card payments (at the Z)."""
        from pos_app.services.card_settlement import CardSettlementService

        return CardSettlementService(self.session_factory, self.card_terminal, self.context)

    @cached_property
    def card_payments(self) -> CardPayments | None:
        terminal = self.card_terminal
        if terminal is None:
            return None
        from pos_app.services.card_payments import CardPayments

        return CardPayments(self.session_factory, terminal)

    @cached_property
    def kiosk_checkout(self) -> KioskCheckout | None:
        """Paying by card at the kiosk, when the store turned it on (kiosk_payment) and a card terminal is set up."""
        settings = self.settings
        if settings.kiosk_payment != "card":
            return None
        cards = self.card_payments
        if cards is None:
            log.warning("kiosk_payment is \"card\" but no card terminal is set up (payment_url): the kiosk sends "
                        "every cart to the counter.")
            return None
        from pos_app.services.kiosk_checkout import KioskCheckout

        assert settings.kiosk_staff_code is not None  # the settings refuse "card" without it
        return KioskCheckout(self.session_factory, self.context, cards, self.card_recovery, self.age_checks,
                             settings.kiosk_staff_code, promotions=self.sales.promotions)

    @cached_property
    def card_recovery(self) -> CardRecovery:
        from pos_app.services.card_recovery import CardRecovery

        return CardRecovery(self.session_factory, self.card_terminal, self.context)

    @cached_property
    def scanner(self) -> SerialScanner | None:
        url = self.settings.hardware.scanner_url
        if not url:
            return None
        from hardware.scanners.serial_scanner import SerialScanner

        return SerialScanner(url)

    @cached_property
    def id_reader(self) -> SerialIdReader | None:
        url = self.settings.hardware.id_reader_url
        if not url:
            return None
        from hardware.ids.reader import SerialIdReader

        return SerialIdReader(url, salt=self.secrets.get_or_create(ID_HASH_SALT).encode())

    @cached_property
    def kiosk_tickets(self) -> KioskTicketService:
        from pos_app.services.kiosk_tickets import KioskTicketService

        key = self.secrets.get(KIOSK_TICKET_KEY)
        if key is None:
            # Not paired yet (a demo without a hub): tickets are signed with a key of this terminal alone, so
            # only this terminal can read their QR codes. Pairing brings the store's key.
            log.warning("No store ticket key yet (the terminal is not paired); kiosk ticket codes are signed with "
                        "a key of this terminal only.")
            key = self.secrets.get_or_create(KIOSK_TICKET_KEY)
        return KioskTicketService(self.session_factory, self.context, key.encode())

    @cached_property
    def backoffice(self) -> BackOfficeServices:
        from pos_app.services.backoffice import build_backoffice

        # The store's day comes from the hub (each terminal keeps only its own sales); asked when the tab shows.
        return build_backoffice(self.session_factory, self.context, self.store_clock, self.printing,
                                lambda day: self.sync.store_summary(day))

    @cached_property
    def sync(self) -> SyncService:
        from pos_app.services.sync_service import SyncService

        return SyncService(self.engine, self.session_factory, self.secrets)

    def __enter__(self) -> Terminal:
        return self

    def __exit__(self, *_exc) -> None:
        self.close()

    def close(self) -> None:
        # Only what was started: reading a cached property here would start it just to stop it.
        started = vars(self)
        if "printing" in started:
            started["printing"].close()
        close_link = getattr(started.get("card_terminal"), "close", None)
        if close_link is not None:
            close_link()
        self.engine.dispose()
        if self.checkpointer is not None:
            self.checkpointer.stop()


def open_terminal(settings: Settings, *, log_to_file: bool = True) -> Terminal:
    settings.data_dir.mkdir(parents=True, exist_ok=True)
    if log_to_file:
        configure_logging(settings.log_dir)
    engine = make_engine(settings.db_path, background_checkpoints=True)
    backup = upgrade_to_head(engine, settings.db_path)
    if backup is not None:
        log.info("Database upgraded; the copy from before is %s", backup)
    checkpointer = WalCheckpointer(settings.db_path)
    checkpointer.start()
    return Terminal(settings, engine, make_session_factory(engine), SecretStore(settings.data_dir), checkpointer)
