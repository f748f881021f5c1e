"""What the screens may use of the terminal, and nothing else.

``pos_app.bootstrap.Terminal`` (the composition root) provides it; a screen is given a ``TerminalServices`` and
never the database, the settings or the secrets. Services are imported for typing only: a till shows its window
before it loads the printer, sync or card code (see bootstrap).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from hardware.ports import IdReader, Scanner
    from pos_app.services.age_checks import AgeCheckService
    from pos_app.services.backoffice import BackOfficeServices
    from pos_app.services.card_payments import CardPayments
    from pos_app.services.card_recovery import CardRecovery
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


class TerminalServices(Protocol):
    @property
    def context(self) -> TerminalContext: ...

    @property
    def store_clock(self) -> StoreClock:
        """The store's wall clock: every time shown on screen is read through it."""
        ...

    @property
    def login(self) -> LoginService: ...

    @property
    def sales(self) -> SaleService: ...

    @property
    def catalog(self) -> CatalogQueries: ...

    @property
    def kiosk_catalog(self) -> KioskCatalog: ...

    @property
    def kiosk_exit(self) -> KioskExit: ...

    @property
    def scans(self) -> ScanReader: ...

    @property
    def age_checks(self) -> AgeCheckService: ...

    @property
    def card_payments(self) -> CardPayments | None:
        """None when no card terminal is set up."""
        ...

    @property
    def kiosk_checkout(self) -> KioskCheckout | None:
        """Paying by card at the kiosk; None when the store has it off, or no card terminal is set up."""
        ...

    @property
    def card_recovery(self) -> CardRecovery:
        """Card payments a crash left unanswered or without a sale: settled, found and voided."""
        ...

    @property
    def refunds(self) -> RefundService: ...

    @property
    def voids(self) -> VoidService: ...

    @property
    def shifts(self) -> ShiftService: ...

    @property
    def printing(self) -> PrintService: ...

    @property
    def status(self) -> StatusService: ...

    @property
    def sync(self) -> SyncService: ...

    @property
    def kiosk_tickets(self) -> KioskTicketService:
        """Kiosk tickets: the kiosk sends its cart; a register lists, loads, claims and closes tickets."""
        ...

    @property
    def backoffice(self) -> BackOfficeServices:
        """Receiving, put-away, counts, adjustments, recalls and stock look-ups, for the back-office window."""
        ...

    @property
    def scanner(self) -> Scanner | None:
        """A serial scanner, when one is set up; a keyboard-wedge scanner needs nothing here."""
        ...

    @property
    def id_reader(self) -> IdReader | None: ...
