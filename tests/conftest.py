"""Shared fixtures: a real terminal (SQLite file, migrations, demo store) in a temporary folder."""

from __future__ import annotations

import os
import shutil
import tempfile
from datetime import date
from pathlib import Path

import pytest

from hardware.simulators.payment_terminal import PaymentTerminalSimulator
from hardware.simulators.printer import PrinterSimulator

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ["POS_APP_KEYRING"] = "file"  # never touch the desktop's real keyring from a test
# The hub's secret key: a file of this run's own, never the user's hub data folder (subprocesses inherit it).
os.environ.setdefault("POS_HUB_SECRET_KEY_FILE", str(Path(tempfile.mkdtemp(prefix="pos-hub-key-")) / "secret.key"))

DEMO_PRODUCTS = 300
DEMO_SEED = 11
DEMO_TODAY = date(2026, 11, 21)


@pytest.fixture(scope="session")
def demo_template(tmp_path_factory) -> Path:
    """A demo terminal built once per run; each test gets its own copy."""
    from pos_app.bootstrap import open_terminal
    from pos_app.config import load_settings
    from pos_app.services.demo_data import install_demo_data

    folder = tmp_path_factory.mktemp("demo-template")
    terminal = open_terminal(load_settings(folder), log_to_file=False)
    summary = install_demo_data(terminal.session_factory, terminal.pin_pepper, products=DEMO_PRODUCTS,
                                seed=DEMO_SEED, today=DEMO_TODAY)
    (folder / "pins.txt").write_text("\n".join(f"{s.staff_code}:{s.pin}" for s in summary.staff))
    terminal.close()
    return folder


@pytest.fixture
def terminal(demo_template, tmp_path):
    """An open terminal on its own copy of the demo store."""
    from pos_app.bootstrap import open_terminal
    from pos_app.config import load_settings
    from pos_app.secrets import PIN_PEPPER, SecretStore

    folder = tmp_path / "terminal"
    shutil.copytree(demo_template, folder)
    # Secrets are kept per data folder; the copy is the same terminal, so it gets the template's PIN pepper.
    SecretStore(folder).set(PIN_PEPPER, SecretStore(demo_template).get(PIN_PEPPER))
    opened = open_terminal(load_settings(folder), log_to_file=False)
    yield opened
    opened.close()


@pytest.fixture
def card_simulator():
    """The card terminal simulator on a real socket (port chosen by the OS)."""
    sim = PaymentTerminalSimulator(port=0, customer_timeout_s=2.0)
    sim.start()
    yield sim
    sim.stop()


@pytest.fixture
def printer_sim(tmp_path):
    """The receipt printer simulator on a real socket (port chosen by the OS), keeping what it printed."""
    sim = PrinterSimulator(port=0, save_dir=tmp_path / "receipts")
    sim.start()
    yield sim
    sim.stop()
