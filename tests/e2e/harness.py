"""Driving terminal processes from a test: start them, read what they reported, SIGKILL them, and check a
terminal's database the way an auditor would (straight from the SQLite file)."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]


@dataclass
class TerminalProcess:
    process: subprocess.Popen
    lines: list[str] = field(default_factory=list)
    _lock: threading.Lock = field(default_factory=threading.Lock)

    @classmethod
    def start(cls, folder: Path, codes: list[str], *, sales: int, seed: int, extra: tuple[str, ...] = ()):
        command = [sys.executable, "-m", "tests.e2e.terminal_process", "--data-dir", str(folder),
                   "--codes", ",".join(codes), "--sales", str(sales), "--seed", str(seed), *extra]
        process = subprocess.Popen(command, cwd=REPO, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                                   env={**os.environ, "POS_APP_KEYRING": "file"})
        started = cls(process)
        threading.Thread(target=started._read, daemon=True).start()
        return started

    def _read(self) -> None:
        for line in self.process.stdout:
            with self._lock:
                self.lines.append(line.rstrip("\n"))

    def seen(self, prefix: str) -> list[str]:
        with self._lock:
            return [line for line in self.lines if line.startswith(prefix)]

    def wait_for(self, prefix: str, timeout: float) -> bool:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.seen(prefix):
                return True
            if self.process.poll() is not None:
                time.sleep(0.05)
                return bool(self.seen(prefix))
            time.sleep(0.01)
        return False

    def phase(self) -> str:
        """What the process was doing by its last report: checkout (a sale begun, not done) or sync."""
        with self._lock:
            last = next((line for line in reversed(self.lines) if line.split(" ")[0] in {"BEGIN", "DONE", "SYNC"}),
                        "")
        return "checkout" if last.startswith("BEGIN") else "sync"

    def kill(self) -> None:
        self.process.send_signal(signal.SIGKILL)
        self.process.wait(10)

    def finish(self, timeout: float) -> int:
        try:
            return self.process.wait(timeout)
        except subprocess.TimeoutExpired:
            self.kill()
            raise

    def stderr(self) -> str:
        return self.process.stderr.read() if self.process.stderr else ""

    def completed(self) -> list[str]:
        return [line.split(" ", 1)[1] for line in self.seen("DONE ")]


def check_terminal(db_path: Path, reported: list[str]) -> dict[str, int]:
    """Integrity, and every reported order with exactly one outbox row; returns counts for the report."""
    db = sqlite3.connect(db_path)
    try:
        assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert db.execute("PRAGMA foreign_key_check").fetchall() == []
        numbers = Counter(row[0] for row in db.execute("SELECT order_number FROM orders"))
        for number in reported:
            assert numbers[number] == 1, f"order {number} was reported completed but is there {numbers[number]}×"
        next_id = db.execute("SELECT next_mutation_id FROM sync_state").fetchone()[0]
        ids = [row[0] for row in db.execute("SELECT mutation_id FROM sync_outbox ORDER BY mutation_id")]
        assert ids == list(range(1, next_id)), "outbox ids have a gap or a duplicate"
        order_rows = Counter(json.loads(args)["order_number"] for (args,) in db.execute(
            "SELECT args FROM sync_outbox WHERE name = 'order.completed.v1'"))
        assert order_rows == numbers, "each order has exactly one outbox row, and each outbox row its order"
        orphans = db.execute("SELECT count(*) FROM ocs_inventory_transactions t WHERE mutation_id NOT IN "
                             "(SELECT mutation_id FROM sync_outbox)").fetchone()[0]
        assert orphans == 0, "a stock delta names an outbox row that is not there"
        pending = db.execute("SELECT count(*) FROM sync_outbox WHERE status = 'pending'").fetchone()[0]
        return {"orders": sum(numbers.values()), "outbox": len(ids), "pending": pending}
    finally:
        db.close()
