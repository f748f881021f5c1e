"""The write-ahead journal of payment attempts.

An attempt is recorded with its own reference BEFORE the request goes to the terminal, and marked with
its result after. Whatever is still pending after a crash or a timeout is resolved by `recover_pending`,
which asks the terminal about that same reference. pos_app implements AttemptJournal on its own database;
the SQLite implementation here serves tests, diagnostics and the CLI.
"""

from __future__ import annotations

import sqlite3
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from hardware.ports import PaymentKind, PaymentResult, PaymentStatus


@dataclass(frozen=True)
class PendingAttempt:
    reference: str
    kind: PaymentKind
    amount_cents: int


class AttemptJournal(Protocol):
    def record_pending(self, reference: str, kind: PaymentKind, amount_cents: int) -> None:
        """Durably record the attempt; refuse a reference that was used before."""

    def mark_result(self, reference: str, result: PaymentResult) -> None:
        """Record the final result. A PENDING result leaves the attempt pending."""

    def pending(self) -> list[PendingAttempt]:
        """Attempts whose outcome is not known yet, oldest first."""


class DuplicateReference(Exception):
    pass


_SCHEMA = """
CREATE TABLE IF NOT EXISTS payment_attempts (
    reference TEXT PRIMARY KEY,
    kind TEXT NOT NULL,
    amount_cents INTEGER NOT NULL,
    status TEXT NOT NULL DEFAULT 'pending',
    approved_cents INTEGER NOT NULL DEFAULT 0,
    last4 TEXT NOT NULL DEFAULT '',
    brand TEXT NOT NULL DEFAULT '',
    auth_code TEXT NOT NULL DEFAULT '',
    terminal_ref TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    updated_at TEXT
)
"""


class SqliteAttemptJournal:
    def __init__(self, path: str | Path) -> None:
        self._lock = threading.Lock()
        self._db = sqlite3.connect(str(path), check_same_thread=False, isolation_level=None)
        self._db.execute("PRAGMA journal_mode=WAL")
        self._db.execute("PRAGMA synchronous=FULL")  # a recorded attempt must survive a power cut
        self._db.execute("PRAGMA busy_timeout=5000")
        self._db.execute(_SCHEMA)

    def record_pending(self, reference: str, kind: PaymentKind, amount_cents: int) -> None:
        try:
            with self._lock:
                self._db.execute(
                    "INSERT INTO payment_attempts (reference, kind, amount_cents) VALUES (?, ?, ?)",
                    (reference, str(kind), amount_cents),
                )
        except sqlite3.IntegrityError:
            raise DuplicateReference(
                f"The payment reference {reference} was used before; use a new one."
            ) from None

    def mark_result(self, reference: str, result: PaymentResult) -> None:
        if result.status is PaymentStatus.PENDING:
            return
        with self._lock:
            self._db.execute(
                "UPDATE payment_attempts SET status = ?, approved_cents = ?, last4 = ?, brand = ?,"
                " auth_code = ?, terminal_ref = ?, updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')"
                " WHERE reference = ?",
                (
                    str(result.status),
                    result.approved_cents,
                    result.last4,
                    result.brand,
                    result.auth_code,
                    result.terminal_ref,
                    reference,
                ),
            )

    def pending(self) -> list[PendingAttempt]:
        with self._lock:
            rows = self._db.execute(
                "SELECT reference, kind, amount_cents FROM payment_attempts WHERE status = 'pending'"
                " ORDER BY created_at, rowid"
            ).fetchall()
        return [PendingAttempt(reference, PaymentKind(kind), amount) for reference, kind, amount in rows]

    def status_of(self, reference: str) -> PaymentStatus | None:
        with self._lock:
            row = self._db.execute(
                "SELECT status FROM payment_attempts WHERE reference = ?", (reference,)
            ).fetchone()
        return PaymentStatus(row[0]) if row else None

    def close(self) -> None:
        with self._lock:
            self._db.close()
