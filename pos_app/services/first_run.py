"""Setting up a new terminal: the language, pairing with the hub, the number and mode, the devices, the first sync.

The first-run wizard (``pos_app.ui.wizard``) drives this; each step's failure is a ``SetupProblem`` code that the
screen turns into one translated sentence with a Retry. What a step settles is saved when the step succeeds, and
only then: the language and the device choices in terminal.toml (whole-file replace), the pairing and the terminal
number in the database. The database itself is opened only at pairing, so a wizard cancelled before it leaves the
folder as it was (apart from the language chosen); one cancelled later is paired and resumes after the pairing.
"""

from __future__ import annotations

import socket
import time
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from sqlalchemy import func, select

from pos_app.config import Settings, load_settings
from pos_app.i18n import set_language
from pos_app.modes import mode_refusal
from pos_app.persistence import store_repository
from pos_app.persistence.models import OcsProduct
from pos_app.persistence.sync_state import ensure_sync_state
from pos_app.persistence.unit_of_work import UnitOfWork
from pos_app.services.errors import ServiceError
from pos_app.settings_file import save_settings
from sync.client.transport import HubClient

if TYPE_CHECKING:
    from pos_app.bootstrap import Terminal

PAPER_WIDTHS = (58, 80)
MAX_TERMINAL_NO = 999
SETUP_MODES = ("register", "kiosk", "backoffice")
HUB_CHECK_TIMEOUT_S = 5.0
DEVICE_TIMEOUT_S = 3.0


class SetupProblem(StrEnum):
    HUB_URL_INVALID = "hub_url_invalid"
    HUB_UNREACHABLE = "hub_unreachable"
    CODE_MISSING = "code_missing"
    CODE_REFUSED = "code_refused"  # unknown, expired or already used
    TERMINAL_NO_INVALID = "terminal_no_invalid"
    PRINTER_UNREACHABLE = "printer_unreachable"
    PRINTER_OFFLINE = "printer_offline"
    PRINTER_COVER_OPEN = "printer_cover_open"
    PRINTER_PAPER_OUT = "printer_paper_out"
    CARD_TERMINAL_SILENT = "card_terminal_silent"
    SYNC_FAILED = "sync_failed"


class SetupFailed(ServiceError):
    """One step did not succeed; ``problem`` says which way (the wizard words each problem for its screen), and
    the message (catalog key ``setup_failed.<problem>[.<variant>]``) says it for the log."""

    code = "setup_failed"

    def __init__(self, problem: SetupProblem, variant: str | None = None, /, **params: object) -> None:
        super().__init__(f"{self.code}.{problem.value}" + (f".{variant}" if variant else ""), **params)
        self.problem = problem


@dataclass(frozen=True)
class SetupState:
    """Where a wizard starts: from the language, or (paired already) from the terminal's number."""

    paired: bool
    has_store: bool
    hub_url: str | None
    terminal_no: int
    settings: Settings


@dataclass(frozen=True)
class StoreReady:
    store_name: str
    products: int


def setup_needed(terminal: Terminal) -> bool:
    """True while this terminal has no store: a fresh install, or a set-up cut short after pairing. (A store
    without a hub, as `pos-app demo-data` makes, is set up: it sells on its own.)"""
    with terminal.session_factory() as session:
        return store_repository.the_store(session) is None


def _answers(url: str) -> bool:
    hub = HubClient(url, timeout=HUB_CHECK_TIMEOUT_S)
    try:
        return hub.healthy()
    finally:
        hub.close()


def clean_hub_url(text: str) -> str:
    url = text.strip().rstrip("/")
    if "://" not in url:
        url = "http://" + url  # people type the address as the console shows it in the browser bar, or without
    parts = urlsplit(url)
    try:
        port_ok = parts.port is None or 0 < parts.port < 65536
    except ValueError:
        port_ok = False
    if parts.scheme not in ("http", "https") or not parts.hostname or not port_ok or parts.query or " " in url:
        raise SetupFailed(SetupProblem.HUB_URL_INVALID, text=text)
    return url


class FirstRun:
    """The steps of setting up one data folder; ``open_terminal`` opens its database (only when pairing)."""

    def __init__(self, data_dir, open_terminal: Callable[[Settings], Terminal], *,
                 terminal: Terminal | None = None) -> None:
        self.data_dir = data_dir
        self._open_terminal = open_terminal
        self._terminal = terminal
        self.hub_url: str | None = None

    @property
    def terminal(self) -> Terminal | None:
        """The terminal's database, once pairing opened it (or the caller handed it in)."""
        return self._terminal

    def settings(self) -> Settings:
        return load_settings(self.data_dir)

    def state(self) -> SetupState:
        settings = self.settings()
        terminal = self._terminal
        if terminal is None:
            return SetupState(False, False, None, 1, settings)
        with terminal.session_factory() as session:
            row = ensure_sync_state(session)
            state = SetupState(row.hub_url is not None and row.terminal_id is not None,
                               store_repository.the_store(session) is not None, row.hub_url, row.terminal_no,
                               settings)
        return state

    # --- 1. language ------------------------------------------------------------------------------------

    def choose_language(self, language: str) -> None:
        set_language(language)  # refuses a language the terminal does not speak, before anything is saved
        save_settings(self.data_dir, {"language": language})

    # --- 2. the hub -------------------------------------------------------------------------------------

    def check_hub(self, text: str) -> str:
        """The hub's address, cleaned, once the hub answers there; it is kept for pairing."""
        url = clean_hub_url(text)
        if not _answers(url):
            raise SetupFailed(SetupProblem.HUB_UNREACHABLE, url=url)
        self.hub_url = url
        return url

    # --- 3. pairing -------------------------------------------------------------------------------------

    def pair(self, code: str) -> None:
        """Pair with the checked hub: a refused code or a hub gone quiet leaves the terminal as it was."""
        code = code.strip()
        if not code:
            raise SetupFailed(SetupProblem.CODE_MISSING)
        if self.hub_url is None:
            raise SetupFailed(SetupProblem.HUB_URL_INVALID, "unchecked")
        terminal = self._terminal or self._open_terminal(self.settings())
        self._terminal = terminal
        try:
            terminal.sync.pair(self.hub_url, code, terminal_name=socket.gethostname())
        except ServiceError as error:
            # Either the hub went quiet, or it answered and refused the code (unknown, expired, used, or its
            # store closed): asking the hub again tells the two apart.
            problem = SetupProblem.CODE_REFUSED if _answers(self.hub_url) else SetupProblem.HUB_UNREACHABLE
            raise SetupFailed(problem, url=self.hub_url, detail=error.message) from None

    # --- 4. number and mode -----------------------------------------------------------------------------

    def choose_terminal(self, number: int, mode: str) -> None:
        if not 1 <= number <= MAX_TERMINAL_NO:
            raise SetupFailed(SetupProblem.TERMINAL_NO_INVALID, number=number)
        refusal = mode_refusal(mode)
        if refusal:
            raise ValueError(refusal)
        terminal = self._require_terminal()
        uow = UnitOfWork(terminal.session_factory)
        with uow as session:
            ensure_sync_state(session).terminal_no = number
            uow.commit()
        save_settings(self.data_dir, {"mode": mode})

    # --- 5. devices -------------------------------------------------------------------------------------

    def detected_ports(self) -> list[str]:
        """Serial ports on this computer (a scanner or a card terminal on USB shows up as one)."""
        from serial.tools.list_ports import comports

        return sorted(port.device for port in comports())

    def detected_printers(self) -> list[str]:
        """USB receipt printers the system made a device for."""
        return [f"file://{path}" for path in sorted(map(str, Path("/dev/usb").glob("lp*")))]

    def scanner(self, url: str):
        """A serial scanner at ``url`` (not started); a wedge scanner needs nothing."""
        from hardware.scanners.serial_scanner import SerialScanner

        return SerialScanner(url.strip())

    def test_printer(self, url: str, paper_width: int) -> None:
        """Print a test page; a printer that is not ready says why, as its status reports it."""
        from hardware.errors import HardwareError
        from hardware.printers.adapter import EscposPrinter, PrinterNotReady

        printer = EscposPrinter(url.strip(), paper_width=paper_width, timeout_s=DEVICE_TIMEOUT_S)
        try:
            status = printer.status()
            if not status.ready:
                raise PrinterNotReady(status)
            printer.print_lines(test_page_lines(paper_width, printer.columns), title="Test page / Page d'essai")
        except PrinterNotReady as error:
            raise SetupFailed(_printer_problem(error.status), detail=str(error)) from None
        except HardwareError as error:
            raise SetupFailed(SetupProblem.PRINTER_UNREACHABLE, detail=str(error)) from None

    def card_terminal_answers(self, url: str) -> None:
        from hardware.diagnostics import DeviceConfig, list_devices

        report = next(r for r in list_devices(DeviceConfig(payment_url=url.strip()), timeout_s=DEVICE_TIMEOUT_S)
                      if r.device == "payment terminal")
        if not report.ok:
            raise SetupFailed(SetupProblem.CARD_TERMINAL_SILENT, detail=report.detail)

    def save_devices(self, *, scanner_url: str | None, printer_url: str | None, paper_width: int,
                     payment_url: str | None) -> None:
        if paper_width not in PAPER_WIDTHS:
            raise ValueError(f"The paper is {' or '.join(map(str, PAPER_WIDTHS))} mm wide.")
        save_settings(self.data_dir, hardware={
            "scanner_url": scanner_url or None, "printer_url": printer_url or None,
            "payment_url": payment_url or None, "paper_width_mm": paper_width})

    # --- 6. first sync ----------------------------------------------------------------------------------

    def first_sync(self, progress: Callable[[int, int], None] | None = None) -> StoreReady:
        """Bring the store's snapshot; ``progress(done, total)`` is called from this (a worker's) thread."""
        terminal = self._require_terminal()
        listener = _PullProgress(progress) if progress is not None else None
        if listener is not None:
            terminal.sync.listeners.add(listener)
        try:
            terminal.sync.bootstrap()
        except ServiceError as error:
            raise SetupFailed(SetupProblem.SYNC_FAILED, detail=error.message) from None
        finally:
            if listener is not None:
                terminal.sync.listeners.remove(listener)
        return self.store_ready()

    def store_ready(self) -> StoreReady:
        terminal = self._require_terminal()
        with terminal.session_factory() as session:
            store = store_repository.the_store(session)
            products = session.scalar(select(func.count()).select_from(OcsProduct)
                                      .where(OcsProduct.is_active.is_(True))) or 0
            return StoreReady(store.name if store else "", products)

    def _require_terminal(self) -> Terminal:
        if self._terminal is None:
            raise RuntimeError("Pair the terminal first.")
        return self._terminal


class _PullProgress:
    def __init__(self, report: Callable[[int, int], None]) -> None:
        self._report = report

    def progress(self, phase: str, done: int, total: int) -> None:
        if phase == "pull":
            self._report(done, total)

    def status_changed(self, _status) -> None:
        pass

    def alert(self, _message: str) -> None:
        pass


def test_page_lines(paper_width: int, columns: int) -> list[str]:
    return [
        time.strftime("%Y-%m-%d %H:%M"),
        f"{paper_width} mm / {columns}",
        "àâçéèêëîïôûùüÿ ÀÂÇÉÈÊËÎÏÔÛÙÜ",
        "0123456789" * (columns // 10),
    ]


def _printer_problem(status) -> SetupProblem:
    if status.paper_end:
        return SetupProblem.PRINTER_PAPER_OUT
    if status.cover_open:
        return SetupProblem.PRINTER_COVER_OPEN
    return SetupProblem.PRINTER_OFFLINE
