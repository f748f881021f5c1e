"""The change-feed puller (DESIGN §4): one page, its cursor and the LMID applied in one transaction.

A page is applied only on top of the position it was asked from; if a second puller or a client id
renewal got there first, the page is dropped and asked for again. ``reset: true`` brings a full snapshot;
the applier replaces the hub's rows and keeps the outbox.

Catching up is a pipeline of two: while one page is applied (on the caller's thread, in feed order), a
reading thread already fetches the next few with the cursors the hub gave (`sync.client.read_ahead`). The
cursor is saved only with its applied page, so a crash loses at most the page in hand and those read ahead,
and re-asks them.
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Callable, Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass

from sync.client.errors import SyncError
from sync.client.ports import PullPosition, ReplicaStore
from sync.client.read_ahead import ReadAhead
from sync.client.transport import HubClient
from sync.protocol import MAX_PULL_LIMIT, PullRequest, PullResponse

PAGE_SIZE = MAX_PULL_LIMIT  # big pages: a first sync of 100,000 rows is 100 round trips, not 200
MAX_DROPPED_PAGES = 20
READ_AHEAD_PAGES = 2  # pages fetched and prepared ahead of the one being applied
Progress = Callable[[int, int], None]
# Optional work on a fetched page before it is applied (the replica converting its rows), done on the
# prefetching thread so it overlaps the writing of the page before.
Prepare = Callable[[PullResponse], None]


@dataclass
class PullReport:
    pages: int = 0
    changes: int = 0
    reset: bool = False


class Puller:
    def __init__(self, hub: HubClient, replica: ReplicaStore, *, page_size: int = PAGE_SIZE,
                 prepare: Prepare | None = None) -> None:
        self._hub = hub
        self._replica = replica
        self._page_size = page_size
        self._prepare = prepare

    def _fetch(self, position: PullPosition, wait_seconds: float = 0.0) -> PullResponse:
        return self._hub.pull(PullRequest(client_id=position.client_id, cursor=position.cursor,
                                          limit=self._page_size, wait_seconds=wait_seconds))

    def pull_page(self, wait_seconds: float = 0.0) -> PullResponse | None:
        """Ask for the next page and apply it; None when it could not be applied (someone moved on)."""
        position = self._replica.position()
        page = self._fetch(position, wait_seconds)
        return page if self._replica.apply_page(position, page) else None

    def pull_until_caught_up(self, progress: Progress | None = None, *, wait_seconds: float = 0.0) -> PullReport:
        """Pages until the hub has nothing more. Only the first request may long-poll."""
        report = PullReport()
        dropped = 0
        with ExitStack() as paused, self._replica.catch_up():
            position = self._replica.position()
            page = self._fetch(position, wait_seconds)
            if page.has_more:  # a catch-up of many pages, not one long-polled change
                paused.enter_context(_collection_paused())
            while True:
                with ReadAhead(self._fetch_prepared, position, page, depth=READ_AHEAD_PAGES) as ahead:
                    for at, in_hand in ahead:
                        if not self._replica.apply_page(at, in_hand):
                            break  # what was read ahead sits on a position that did not come about
                        report.pages += 1
                        report.changes += len(in_hand.changes)
                        report.reset = report.reset or in_hand.reset
                        if progress is not None and in_hand.changes:
                            progress(report.changes, report.changes + in_hand.remaining)
                    else:
                        return report
                dropped += 1
                if dropped > MAX_DROPPED_PAGES:
                    raise SyncError("The terminal's sync position keeps moving under the puller; try again.")
                position = self._replica.position()
                page = self._fetch(position)

    def _fetch_prepared(self, position: PullPosition) -> PullResponse:
        page = self._fetch(position)
        if self._prepare is not None:
            self._prepare(page)
        return page


_pauses = 0
_enable_after = False  # whether the collector was on when the first of the pauses began
_pauses_lock = threading.Lock()


@contextmanager
def _collection_paused() -> Iterator[None]:
    """Python's cyclic garbage collector off while a run of pages is caught up, on again after (nested, across
    threads).

    A page is thousands of fresh dicts and strings that live until it is written: each parse set off collections
    that walked them, and the rest of the program's heap, again and again. That was 60 % of a first sync's parsing
    (2.6 of 4.1 s of CPU for 100,000 products). The pages hold no reference cycles, so nothing waits long to be
    freed: reference counting frees them as before, and cycles made meanwhile wait only for the catch-up's end.
    """
    global _pauses, _enable_after
    with _pauses_lock:
        _pauses += 1
        if _pauses == 1:
            _enable_after = gc.isenabled()
            gc.disable()
    try:
        yield
    finally:
        with _pauses_lock:
            _pauses -= 1
            if _pauses == 0 and _enable_after:
                gc.enable()
