"""What the sync client needs from the terminal's database, as ports the terminal program implements.

``sync.client`` never imports ``pos_app``; these Protocols are the whole of what it may ask. Every method is
one short SQLite transaction on the implementing side, so a crash between two calls loses nothing.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from contextlib import AbstractContextManager
from dataclasses import dataclass
from datetime import datetime
from typing import Protocol

from sync.protocol import Mutation, MutationResult, PullResponse


@dataclass(frozen=True)
class LocalState:
    client_id: uuid.UUID
    pending: int
    rejected: int
    last_good_sync: datetime | None
    alert: str | None


@dataclass(frozen=True)
class PullPosition:
    """Where the last applied page left off, and for which client id; a page applies only on top of it."""

    client_id: uuid.UUID
    cursor: str | None


class OutboxStore(Protocol):
    def state(self) -> LocalState: ...

    def batch(self, limit: int, from_id: int | None = None) -> list[Mutation]:
        """Pending mutations in id order under their wire ids; after a 409, every kept one from `from_id` on."""
        ...

    def acknowledge(self, client_id: uuid.UUID, last_mutation_id: int, results: Sequence[MutationResult]) -> int:
        """Mark rows up to the hub's LMID only (rejected ones with code and message); returns how many."""
        ...

    def renew_client_id(self, old_client_id: uuid.UUID, alert: str) -> uuid.UUID:
        """Take a new client id for the unsent rows (they restart at wire id 1) and keep the alert."""
        ...


class ReplicaStore(Protocol):
    def position(self) -> PullPosition: ...

    def apply_page(self, position: PullPosition, page: PullResponse) -> bool:
        """Apply the changes, the cursor and the LMID in one transaction, only if `position` is still current.

        Returns False (and changes nothing) when another pull or a client id renewal moved on meanwhile.
        """
        ...

    def catch_up(self) -> AbstractContextManager[None]:
        """Around a run of pages applied one after another by this thread: inside it a page's transaction may
        also hold the pages before it (one commit for several), each still with its own cursor; whatever is
        applied is committed when the run ends, however it ends."""
        ...
