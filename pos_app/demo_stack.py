"""`pos-app run --demo`: the embedded hub, the device simulators, a paired and bootstrapped demo terminal.

The hub is a `pos-hub serve` child process on a fixed loopback port, with its SQLite file in the demo
folder next to the terminals' folders; a second demo terminal finds it answering and reuses it (and the
simulators, which answer on fixed ports too). Whoever started a part stops it when its window closes.
The receipt printer simulator keeps every receipt as a PNG and a text file in ``demo-receipts`` there too,
and every start ends by showing who can sign in, with their PINs (it is a demo).
"""

from __future__ import annotations

import contextlib
import os
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

import httpx

from hardware.simulators.payment_terminal import PaymentTerminalSimulator
from hardware.simulators.printer import PrinterSimulator
from pos_app.bootstrap import Terminal
from pos_app.services.demo_data import DEMO_SEED, demo_staff, sign_in_lines
from pos_app.services.errors import ServiceError

HUB_PORT = int(os.environ.get("POS_APP_DEMO_HUB_PORT", "8799"))
PRINTER_PORT = int(os.environ.get("POS_APP_DEMO_PRINTER_PORT", "9199"))
PAYMENT_PORT = int(os.environ.get("POS_APP_DEMO_PAYMENT_PORT", "10099"))
DEMO_PRODUCTS = int(os.environ.get("POS_APP_DEMO_PRODUCTS", "2000"))
STORE_CODE = "ON001"
RECEIPTS_DIR_NAME = "demo-receipts"
HUB_START_SECONDS = 60


@dataclass
class DemoStack:
    hub_url: str
    hub_db_url: str
    hub_process: subprocess.Popen | None = None  # None: another demo terminal's hub is reused
    simulators: list = field(default_factory=list)
    runner: object | None = None

    def close(self) -> None:
        if self.runner is not None:
            self.runner.stop()
        for simulator in self.simulators:
            simulator.stop()
        if self.hub_process is not None and self.hub_process.poll() is None:
            self.hub_process.terminate()
            with contextlib.suppress(subprocess.TimeoutExpired):
                self.hub_process.wait(10)


def hub_answers(url: str) -> bool:
    try:
        return httpx.get(f"{url}/healthz", timeout=1.0).status_code == 200
    except httpx.HTTPError:
        return False


def _hub_command(*args: str) -> list[str]:
    return [sys.executable, "-m", "sync.hub.cli", *args]


def _import_demo_promotions(hub_dir: Path, db_url: str) -> None:
    """The demo store's deals (demo.promotions), as a manager would import them: again on every start is the same
    (promotions are matched by id, codes by code)."""
    import json

    from demo.promotions import DEMO_PROMOTIONS

    path = hub_dir / "demo-promotions.json"
    path.write_text(json.dumps(DEMO_PROMOTIONS, indent=2), encoding="utf-8")
    imported = subprocess.run(_hub_command("import-promotions", "--db", db_url, str(path)), capture_output=True,
                              text=True)
    if imported.returncode != 0:
        raise ServiceError(f"The demo hub's promotions could not be imported: {imported.stderr.strip()}")


def _seed_and_serve(hub_dir: Path, db_url: str, port: int, say) -> subprocess.Popen:
    hub_dir.mkdir(parents=True, exist_ok=True)
    seeded = subprocess.run(_hub_command("seed-demo", "--db", db_url, "--products", str(DEMO_PRODUCTS),
                                         "--seed", str(DEMO_SEED)), capture_output=True, text=True)
    if seeded.returncode != 0:
        raise ServiceError(f"The demo hub could not be set up: {seeded.stderr.strip()}")
    # The hub lists the PINs "once"; the demo shows them, with names, at every start instead.
    say("\n".join(line for line in seeded.stdout.strip().splitlines() if not line.startswith("Staff PINs")))
    _import_demo_promotions(hub_dir, db_url)
    log = (hub_dir / "hub.log").open("a", encoding="utf-8")
    return subprocess.Popen(_hub_command("serve", "--db", db_url, "--port", str(port), "--log-level", "warning"),
                            stdout=log, stderr=subprocess.STDOUT, preexec_fn=_die_with_parent)


def _die_with_parent() -> None:
    """On Linux the hub goes when the terminal that started it goes, even if that one was killed."""
    if sys.platform.startswith("linux"):
        import ctypes
        import signal

        ctypes.CDLL(None).prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG


def ensure_hub(hub_dir: Path, say=print) -> DemoStack:
    url, db_url = f"http://127.0.0.1:{HUB_PORT}", f"sqlite:///{hub_dir / 'hub.db'}"
    if hub_answers(url):
        return DemoStack(url, db_url)
    say(f"Starting the demo hub on {url}…")
    process = _seed_and_serve(hub_dir, db_url, HUB_PORT, say)
    deadline = time.monotonic() + HUB_START_SECONDS
    while not hub_answers(url):
        if process.poll() is not None or time.monotonic() > deadline:
            process.kill()
            raise ServiceError(f"The demo hub did not start; see {hub_dir / 'hub.log'}. Is port {HUB_PORT} taken?")
        time.sleep(0.2)
    return DemoStack(url, db_url, process)


def start_simulators(stack: DemoStack, receipts_dir: Path, say=print) -> None:
    for name, simulator in (("receipt printer", PrinterSimulator(PRINTER_PORT, save_dir=receipts_dir)),
                            ("card terminal", PaymentTerminalSimulator(PAYMENT_PORT))):
        try:
            simulator.start()
        except OSError:
            continue  # another demo terminal runs it already; share it
        stack.simulators.append(simulator)
        say(f"The {name} simulator answers on 127.0.0.1:{simulator.port}.")
    say(f"Printed receipts are kept as PNG and text files in {receipts_dir}")


def write_demo_settings(data_dir: Path) -> None:
    """Point a new demo terminal at the simulators (an existing terminal.toml is left as it is)."""
    path = data_dir / "terminal.toml"
    if path.exists():
        return
    data_dir.mkdir(parents=True, exist_ok=True)
    path.write_text(f'[hardware]\nprinter_url = "tcp://127.0.0.1:{PRINTER_PORT}"\n'
                    f'payment_url = "socket://127.0.0.1:{PAYMENT_PORT}"\n', encoding="utf-8")


def pairing_code(hub_db_url: str) -> str:
    from sqlalchemy import select

    from sync.hub.database import Database
    from sync.hub.models import Store
    from sync.hub.tokens import issue_pairing_code

    db = Database(hub_db_url)
    try:
        with db.write() as session:
            return issue_pairing_code(session, session.scalar(select(Store).where(Store.store_code == STORE_CODE)))
    finally:
        db.dispose()


def start_demo_stack(data_dir: Path, say=print) -> DemoStack:
    """Everything a demo terminal needs before its database opens: hub, simulators, settings."""
    stack = ensure_hub(data_dir.parent / "demo-hub", say)
    try:
        start_simulators(stack, data_dir.parent / RECEIPTS_DIR_NAME, say)
        write_demo_settings(data_dir)
    except Exception:
        stack.close()
        raise
    return stack


def join_demo_stack(stack: DemoStack, terminal: Terminal, terminal_no: int, say=print, *,
                    kind: str = "terminal") -> None:
    """Pair the demo terminal (first run), bring its store over with progress, and keep it in sync. ``kind``
    names it on the hub: "Demo terminal 1", "Demo kiosk 3"."""
    from pos_app.cli.sync import ProgressLine

    sync = terminal.sync
    if not sync.overview().paired:
        sync.pair(stack.hub_url, pairing_code(stack.hub_db_url), terminal_name=f"Demo {kind} {terminal_no}",
                  terminal_no=terminal_no)
        say(f"Paired demo {kind} {terminal_no} with the demo hub.")
    if sync.overview().last_good_sync is None:
        say("Fetching the demo store from the hub…")
        line = ProgressLine()
        sync.listeners.add(line)
        try:
            sync.bootstrap()
        finally:
            line.end()
            sync.listeners.remove(line)
    stack.runner = sync.runner()
    stack.runner.start()
    for line in sign_in_lines(demo_staff(terminal.session_factory, terminal.pin_pepper)):
        say(line)
    say(console_sign_in_line(stack.hub_url))


def console_sign_in_line(hub_url: str) -> str:
    """Where the demo hub's store console is, and the demo owner's sign-in (a demo password, shown every start)."""
    from sync.hub.seed import DEMO_CONSOLE_LOGIN, DEMO_CONSOLE_PASSWORD

    return (f"Store console: {hub_url}/console (sign in as {DEMO_CONSOLE_LOGIN} with the demo password "
            f"{DEMO_CONSOLE_PASSWORD})")
