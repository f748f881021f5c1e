"""News of store versions, so a long-polling pull wakes as soon as a write to its store commits.

`StoreVersions` is one worker's memory of the newest version per store. On SQLite (one process) the worker that
commits tells it directly. On PostgreSQL every write transaction also sends `NOTIFY` on one channel with the
versions it took; PostgreSQL delivers it only once the transaction commits, and never for one that rolls back.
Each worker keeps one listening connection (`FeedListener`) that hands what it hears to its `StoreVersions`, so
a pull long-polling in one worker wakes for a push committed in another, or by a `pos-hub` command.
The long-poll's periodic database check stays as the safety net for a listening connection being re-made.
"""

from __future__ import annotations

import logging
import threading
import uuid

from sqlalchemy import text
from sqlalchemy.orm import Session

CHANNEL = "pos_hub_feed"
# PostgreSQL refuses a payload of 8,000 bytes or more; one "store-uuid:version" entry is at most about 60.
_ENTRIES_PER_NOTIFY = 100
_RECONNECT_SECONDS = 1.0

log = logging.getLogger(__name__)


class StoreVersions:
    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._versions: dict[uuid.UUID, int] = {}

    def committed(self, versions: dict[uuid.UUID, int]) -> None:
        with self._lock:
            for store_id, version in versions.items():
                self._versions[store_id] = max(version, self._versions.get(store_id, 0))

    def version(self, store_id: uuid.UUID) -> int:
        with self._lock:
            return self._versions.get(store_id, 0)


def notify_versions(session: Session, versions: dict[uuid.UUID, int]) -> None:
    """Queue the news in this (PostgreSQL) transaction: every listening worker hears it when it commits."""
    entries = [f"{store_id}:{version}" for store_id, version in versions.items()]
    for start in range(0, len(entries), _ENTRIES_PER_NOTIFY):
        session.execute(text("SELECT pg_notify(:channel, :payload)"),
                        {"channel": CHANNEL, "payload": ",".join(entries[start:start + _ENTRIES_PER_NOTIFY])})


def parse_payload(payload: str) -> dict[uuid.UUID, int]:
    versions: dict[uuid.UUID, int] = {}
    for entry in payload.split(","):
        store_id, _, version = entry.partition(":")
        try:
            versions[uuid.UUID(store_id)] = int(version)
        except ValueError:  # someone else's NOTIFY on our channel: nothing to wake for
            continue
    return versions


class FeedListener:
    """One worker's listening connection: a daemon thread that LISTENs and passes each payload on.

    A lost connection is made again after a pause; meanwhile long-polls fall back to their database check.
    """

    def __init__(self, conninfo: str, versions: StoreVersions) -> None:
        self._conninfo = conninfo
        self._versions = versions
        self._stopping = threading.Event()
        self.listening = threading.Event()
        self._thread = threading.Thread(target=self._run, name="feed-listener", daemon=True)

    def start(self) -> None:
        self._thread.start()

    def stop(self) -> None:
        self._stopping.set()
        self._thread.join(timeout=3)

    def _run(self) -> None:
        import psycopg

        while not self._stopping.is_set():
            try:
                with psycopg.connect(self._conninfo, autocommit=True, connect_timeout=5) as connection:
                    connection.execute(f"LISTEN {CHANNEL}")
                    self.listening.set()
                    while not self._stopping.is_set():
                        for note in connection.notifies(timeout=0.5):
                            self._versions.committed(parse_payload(note.payload))
            except psycopg.Error as error:
                log.warning("The feed's listening connection was lost (%s); making it again.", error)
            finally:
                self.listening.clear()
            self._stopping.wait(_RECONNECT_SECONDS)
