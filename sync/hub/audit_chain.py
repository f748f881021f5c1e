"""Each terminal's audit chain as the hub keeps it, re-hashed from the stored rows (``pos-hub audit verify``).

A terminal hashes every audit entry together with the hash of the entry before it; the hub checks the link as an
entry arrives (``handlers/records.py``) and stores the entry as it came. Re-hashing the stored rows later shows an
entry edited on the hub, an entry that never arrived, or one that did not link when it arrived.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from itertools import groupby
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from sync.canonical import GENESIS_HASH, entry_hash
from sync.hub.models import AuditLog, Store, Terminal
from sync.mutations import AuditLoggedV1

CHAINED_FIELDS = AuditLoggedV1.CHAINED


def stored_fields(row: AuditLog) -> dict[str, Any]:
    # canonical_json writes ids and times as the terminal sent them: str(uuid) and an ISO time in UTC.
    return {name: getattr(row, name) for name in CHAINED_FIELDS}


@dataclass(frozen=True)
class ChainCheck:
    """One terminal's chain: how many entries, and the first that breaks it (with why), if any."""

    store_code: str
    terminal_name: str
    terminal_id: uuid.UUID
    entries: int = 0
    broken_seq: int | None = None
    broken_action: str | None = None
    broken_at: datetime | None = None
    problem: str = ""

    @property
    def intact(self) -> bool:
        return self.broken_seq is None


def verify_chains(session: Session, store_id: uuid.UUID | None = None) -> list[ChainCheck]:
    """Every terminal's chain that has reached the hub (of one store, or of all), in store and terminal order."""
    query = (select(AuditLog, Store.store_code, Terminal.name).join(Terminal, AuditLog.terminal_id == Terminal.id)
             .join(Store, AuditLog.store_id == Store.id).order_by(Store.store_code, Terminal.name,
                                                                    AuditLog.terminal_id, AuditLog.seq))
    if store_id is not None:
        query = query.where(AuditLog.store_id == store_id)
    checks: list[ChainCheck] = []
    rows = session.execute(query.execution_options(yield_per=2000))
    for (terminal_id, store_code, terminal_name), entries in _by_terminal(rows):
        checks.append(_check(store_code, terminal_name, terminal_id, entries))
    return checks


def _by_terminal(rows) -> Iterator[tuple[tuple[uuid.UUID, str, str], Iterator[AuditLog]]]:
    for (terminal_id, store_code, name), group in groupby(rows, key=lambda r: (r[0].terminal_id, r[1], r[2])):
        yield (terminal_id, store_code, name), (row[0] for row in group)


def _check(store_code: str, terminal_name: str, terminal_id: uuid.UUID, entries: Iterator[AuditLog]) -> ChainCheck:
    count, previous, expected_seq, first_break = 0, GENESIS_HASH, 1, {}
    for entry in entries:
        count += 1
        if not first_break:  # after the first break, only count: that one is the one to report
            first_break = _break(entry, previous, expected_seq)
            previous, expected_seq = entry.entry_hash, entry.seq + 1
    return ChainCheck(store_code, terminal_name, terminal_id, count, **first_break)


def _break(entry: AuditLog, previous: str, expected_seq: int) -> dict[str, Any]:
    """Nothing when the entry follows on; otherwise the ChainCheck fields that say where and why it breaks."""
    if entry.seq != expected_seq:
        gap = f"entry {expected_seq} is" if entry.seq == expected_seq + 1 else \
            f"entries {expected_seq} to {entry.seq - 1} are"
        return {"broken_seq": expected_seq, "problem": f"{gap} missing (never received, or removed from the hub)"}
    if entry_hash(entry.prev_hash, stored_fields(entry)) != entry.entry_hash:
        problem = "it was changed after it reached the hub"
    elif entry.prev_hash != previous:
        problem = "it does not follow the entry before it"
    elif not entry.chain_ok:
        problem = "it did not follow the entry before it when it arrived"
    else:
        return {}
    return {"broken_seq": entry.seq, "broken_action": entry.action, "broken_at": entry.created_at, "problem": problem}
