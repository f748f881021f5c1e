"""Installing a terminal in a store: from an empty data folder, through the first-run wizard, to a sale at the register.

The real hub (PostgreSQL under uvicorn, the demo tenant) makes the pairing codes; the scanner, the receipt printer and
the card terminal are their simulators on real sockets. A person types the hub's address, scans the console's QR code
(a scanner that types, so through the wedge filter), tests each device and waits for the first sync.
"""

from __future__ import annotations

import tomllib
from datetime import timedelta

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import select

from pos_app.bootstrap import open_terminal
from pos_app.config import load_settings
from pos_app.i18n import DEFAULT_LANGUAGE, set_language
from pos_app.services.first_run import FirstRun
from pos_app.ui.register.tender_dialog import TenderDialog
from pos_app.ui.tasks import wait_for_background_work
from pos_app.ui.wizard import window as steps
from pos_app.ui.wizard.window import FirstRunWizard
from tests.ui.register_driver import HUMAN_KEY_MS, Cashier, wired

HUB_WITHIN_MS = 20_000
SYNC_WITHIN_MS = 90_000


@pytest.fixture(autouse=True)
def _english_after():
    yield
    set_language("en")  # the language is one switch for the whole process


class Installer:
    """The person setting up the terminal, at the wizard."""

    def __init__(self, qtbot, folder, *, start: int | None = None, terminal=None) -> None:
        self.qtbot = qtbot
        self.folder = folder
        self.setup = FirstRun(folder, lambda settings: open_terminal(settings, log_to_file=False), terminal=terminal)
        self.wizard = FirstRunWizard(self.setup)
        qtbot.addWidget(self.wizard)
        if start is not None:
            self.wizard.setStartId(start)
        self.wizard.resize(1280, 800)
        self.wizard.show()
        self.wizard.restart()

    @property
    def page(self):
        return self.wizard.currentPage()

    def click(self, button) -> None:
        assert button.isVisible() and button.isEnabled(), f"{button.text()!r} cannot be pressed"
        self.qtbot.mouseClick(button, Qt.MouseButton.LeftButton)

    def next(self) -> None:
        which = (FirstRunWizard.WizardButton.CommitButton if self.page.isCommitPage()
                 else FirstRunWizard.WizardButton.NextButton)
        self.click(self.wizard.button(which))

    def type(self, field, text: str) -> None:
        field.clear()
        self.qtbot.keyClicks(field, text, delay=HUMAN_KEY_MS)  # a person's pace: not a wedge scan

    def wedge_scan(self, field, text: str) -> None:
        self.qtbot.keyClicks(field, text)  # a scanner that types: a burst, then Enter
        self.qtbot.keyClick(field, Qt.Key.Key_Return)

    def wait_for_step(self, step: int, timeout: int = HUB_WITHIN_MS) -> None:
        self.qtbot.waitUntil(lambda: self.wizard.currentId() == step, timeout=timeout)

    def wait_for_problem(self, row, timeout: int = HUB_WITHIN_MS) -> str:
        self.qtbot.waitUntil(lambda: bool(row.text), timeout=timeout)
        return row.text

    def close(self) -> None:
        wait_for_background_work()
        set_language(DEFAULT_LANGUAGE)  # the language is process-wide: the next test starts in English
        if self.setup.terminal is not None:
            self.setup.terminal.close()


def _settings_file(folder) -> dict:
    return tomllib.loads((folder / "terminal.toml").read_text(encoding="utf-8"))


def _spoiled_code(hub, **changes) -> str:
    from sync.hub.models import PairingCode
    from sync.hub.tokens import digest, normalize_code

    code = hub.pairing_code()
    with hub.db.write() as session:
        row = session.scalar(select(PairingCode).where(PairingCode.code_hash == digest(normalize_code(code))))
        for name, value in changes.items():
            setattr(row, name, value(row.expires_at))
    return code


def test_from_an_empty_folder_to_the_register_with_the_stores_products(qtbot, hub, scanner, printer, card_simulator,
                                                                       hub_pins, tmp_path):
    folder = tmp_path / "new-terminal"
    me = Installer(qtbot, folder)
    try:
        # 1. Language: saved at once.
        me.click(me.page.buttons["en"])
        me.next()
        assert _settings_file(folder)["language"] == "en"
        assert not (folder / "terminal.db").exists(), "nothing but the language is written before pairing"

        # 2. The hub: a mistyped address first, then the right one.
        me.wait_for_step(steps.HUB)
        me.type(me.page.url_field, "http://127.0.0.1:9")
        me.next()
        assert "does not answer" in me.wait_for_problem(me.page.problem)
        assert me.wizard.currentId() == steps.HUB
        me.type(me.page.url_field, "hub at the back")
        me.next()
        assert me.wait_for_problem(me.page.problem).startswith("That is not a hub address.")
        me.type(me.page.url_field, hub.url)
        me.next()

        # 3. The console's QR code, scanned: it pairs at once.
        me.wait_for_step(steps.CODE)
        me.wedge_scan(me.page.code_field, hub.pairing_code())
        me.wait_for_step(steps.TERMINAL)
        assert me.setup.terminal.sync.overview().paired
        back = me.wizard.button(FirstRunWizard.WizardButton.BackButton)
        assert not (back.isVisible() and back.isEnabled()), "no going back to pair twice"

        # 4. Terminal 1, a register.
        assert me.page.number.value() == 1
        me.click(me.page.mode_buttons["register"])
        me.next()
        me.wait_for_step(steps.DEVICES)

        # 5. Devices: the serial scanner reads the code on screen, the printer prints on 58 mm paper, the card
        # terminal answers.
        devices = me.page
        me.type(devices.scanner.address.lineEdit(), f"socket://127.0.0.1:{scanner.port}")
        me.click(devices.scanner.test_button)
        # The port is open and read before the code is scanned: opening a socket:// port empties its input, so a
        # scan sent between the hub's accept and that moment is dropped (a person scans seconds later).
        assert me.wizard.scanner_events.scanner.wait_connected(5) and scanner.wait_for_client()
        scanner.send(devices.test_code.encode())
        qtbot.waitUntil(lambda: devices.scanner.status.text() == "The scanner works.", timeout=5000)

        me.type(devices.printer.address.lineEdit(), f"tcp://127.0.0.1:{printer.port}")
        me.click(devices.paper_buttons[58])
        me.click(devices.printer.test_button)
        job = printer.wait_for_jobs(1)[0]
        assert "Test page" in job.text and "àâçéèêëîïôûùüÿ" in job.text
        qtbot.waitUntil(lambda: devices.printer.state == "works", timeout=5000)

        me.type(devices.card.address.lineEdit(), f"socket://127.0.0.1:{card_simulator.port}")
        me.click(devices.card.test_button)
        qtbot.waitUntil(lambda: devices.card.state == "works", timeout=10_000)
        moves = []
        me.wizard.sync_page._progress.moved.connect(lambda done, total: moves.append((done, total)))
        me.next()
        qtbot.waitUntil(lambda: me.wizard.currentId() >= steps.SYNC, timeout=5000)
        hardware = _settings_file(folder)["hardware"]
        assert hardware == {"scanner_url": f"socket://127.0.0.1:{scanner.port}",
                            "printer_url": f"tcp://127.0.0.1:{printer.port}",
                            "payment_url": f"socket://127.0.0.1:{card_simulator.port}", "paper_width_mm": 58}

        # 6. The first sync, with its progress, then 7. Ready.
        me.wait_for_step(steps.READY, timeout=SYNC_WITHIN_MS)
        assert moves and moves[-1][0] == moves[-1][1], "the bar went to the end"
        ready = me.page.summary.text()
        assert "products" in ready
        finish = me.wizard.button(FirstRunWizard.WizardButton.FinishButton)
        assert finish.text() == "Open the register"
        me.click(finish)
        assert me.wizard.result() == FirstRunWizard.DialogCode.Accepted
    finally:
        me.close()

    # The register opens on the new terminal, with the store's products and staff.
    settings = load_settings(folder)
    assert settings.mode == "register" and settings.hardware.paper_width_mm == 58
    (folder / "pins.txt").write_text("\n".join(f"{code}:{pin}" for code, pin in hub_pins.items()))
    terminal = open_terminal(settings, log_to_file=False)
    try:
        assert terminal.context.terminal_no == 1
        assert terminal.context.store_name in ready
        with wired(terminal) as till:
            cashier = Cashier(qtbot, till)
            cashier.start_the_day()
            code = terminal.catalog.in_stock_codes(1, ("dried_flower",))[0]
            cashier.scan(code)
            assert len(till.sales.sale.lines) == 1 and till.sales.totals().total.cents > 0
            total = till.sales.totals().total
            cashier.click(cashier.button("F12"))  # and the first sale, paid in cash
            assert cashier.dialog is not None, cashier.notice
            cashier.attest_age()
            tender = cashier.wait_for_dialog(TenderDialog)
            with qtbot.waitSignal(cashier.register.checkout.completed) as done:
                cashier.click(tender.exact_button)
            assert done.args[0].total_amount == total
            cashier.window.close()
    finally:
        wait_for_background_work()
        terminal.close()


def test_an_unreachable_hub_and_an_expired_or_used_code_each_say_so_and_retry_goes_on(qtbot, hub, proxy, tmp_path):
    from sync.column_types import utcnow

    folder = tmp_path / "terminal"
    me = Installer(qtbot, folder, start=steps.HUB)
    try:
        proxy.down()  # the hub's network is out
        me.type(me.page.url_field, proxy.url)
        me.next()
        assert me.wait_for_problem(me.page.problem) == (
            "The hub does not answer at that address. Check the address and that this terminal is on the store's "
            "network, then press Retry.")
        proxy.up()
        me.click(me.page.problem.retry_button)
        me.wait_for_step(steps.CODE)
        code_page = me.page
        for spoiled in (_spoiled_code(hub, expires_at=lambda _was: utcnow() - timedelta(minutes=1)),
                        _spoiled_code(hub, used_at=lambda _was: utcnow())):
            me.type(code_page.code_field, spoiled)
            me.next()
            assert me.wait_for_problem(code_page.problem) == (
                "The hub refused this pairing code: it is expired or was already used. Make a new code in the "
                "console (Stores, then Terminals), then press Retry.")
            assert me.wizard.currentId() == steps.CODE
            assert not me.setup.terminal.sync.overview().paired
        me.type(code_page.code_field, hub.pairing_code())
        me.click(code_page.problem.retry_button)
        me.wait_for_step(steps.TERMINAL)
        assert me.setup.terminal.sync.overview().paired
        me.wizard.reject()  # cancelled after pairing
    finally:
        me.close()

    # The next start carries on at the terminal's number: the pairing is kept, and not asked for again.
    again = Installer(qtbot, folder, terminal=open_terminal(load_settings(folder), log_to_file=False))
    try:
        assert again.wizard.currentId() == steps.TERMINAL
    finally:
        again.close()


def test_a_printer_that_is_offline_or_open_says_so_and_retry_prints(qtbot, printer, tmp_path):
    folder = tmp_path / "terminal"
    me = Installer(qtbot, folder, start=steps.DEVICES)
    try:
        box = me.page.printer
        me.type(box.address.lineEdit(), f"tcp://127.0.0.1:{printer.port}")
        for flags, sentence in (({"offline": True}, "The printer is offline."),
                                ({"cover_open": True}, "The printer's cover is open."),
                                ({"paper_end": True}, "The printer is out of paper.")):
            printer.set_status(**flags)
            me.click(box.test_button)
            assert me.wait_for_problem(box.problem).startswith(sentence)
            printer.set_status(offline=False, cover_open=False, paper_end=False)
        assert printer.jobs == []
        me.click(box.problem.retry_button)
        printer.wait_for_jobs(1)
        qtbot.waitUntil(lambda: box.state == "works", timeout=5000)
        assert not box.problem.text
        assert not (folder / "terminal.toml").exists(), "nothing is saved before Next"
    finally:
        me.close()


def test_the_language_chosen_applies_at_once_and_is_saved(qtbot, tmp_path):
    folder = tmp_path / "terminal"
    me = Installer(qtbot, folder)
    try:
        next_button = me.wizard.button(FirstRunWizard.WizardButton.NextButton)
        me.click(me.page.buttons["fr"])
        qtbot.waitUntil(lambda: next_button.text() == "Suivant", timeout=2000)  # Qt's LanguageChange is posted
        assert me.page.title() == "Bienvenue — Welcome"
        assert _settings_file(folder)["language"] == "fr"
        me.next()
        me.wait_for_step(steps.HUB)
        assert me.page.title() == "Le serveur central du magasin"
        me.click(me.wizard.button(FirstRunWizard.WizardButton.BackButton))
        me.click(me.page.buttons["en"])
        qtbot.waitUntil(lambda: next_button.text() == "Next", timeout=2000)
        assert me.page.title() == "Welcome — Bienvenue"
        assert _settings_file(folder)["language"] == "en"
        assert not (folder / "terminal.db").exists()
    finally:
        me.close()
