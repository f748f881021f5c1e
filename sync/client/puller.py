"""The change-feed puller (DESIGN §4): one page, its cursor and the LMID applied in one transaction.

A page is applied only on top of the position it was asked from; if a second puller or a client id
renewal got there first, the page is dropped and asked for again. ``reset: true`` brings a full snapshot;
the applier replaces the hub's rows and keeps the outbox.

Catching up is a pipeline of three (`sync.client.read_ahead`): while one page is applied (on the caller's
thread, in feed order), a helper thread parses and prepares the next, and another already asks the hub for the
one after, with the cursor the hub gave in its answer's headers. The cursor is saved only with its applied
page, so a crash loses at most the page in hand and the few fetched ahead, and re-asks them.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from sync.client.errors import SyncError
from sync.client.ports import PullPosition, ReplicaStore
from sync.client.read_ahead import Fetched, ReadAhead
from sync.client.transport import HubClient
from sync.protocol import MAX_PULL_LIMIT, PullRequest, PullResponse

PAGE_SIZE = MAX_PULL_LIMIT  # big pages: a first sync of 100,000 rows is 100 round trips, not 200
MAX_DROPPED_PAGES = 20
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
        ahead: ReadAhead | None = None
        with self._replica.catch_up():
            try:
                position = self._replica.position()
                page = self._fetch(position, wait_seconds)
                while True:
                    if ahead is None and page.has_more:
                        ahead = ReadAhead(self._fetch_ahead, self._prepare,
                                          PullPosition(position.client_id, page.cursor))
                    if not self._replica.apply_page(position, page):
                        ahead = _closed(ahead)
                        dropped += 1
                        if dropped > MAX_DROPPED_PAGES:
                            raise SyncError("The terminal's sync position keeps moving under the puller; try again.")
                        position = self._replica.position()
                        page = self._fetch(position)
                        continue
                    report.pages += 1
                    report.changes += len(page.changes)
                    report.reset = report.reset or page.reset
                    if progress is not None and page.changes:
                        progress(report.changes, report.changes + page.remaining)
                    if not page.has_more:
                        return report
                    position, page = ahead.next()
            finally:
                _closed(ahead)

    def _fetch_ahead(self, position: PullPosition) -> Fetched:
        request = PullRequest(client_id=position.client_id, cursor=position.cursor, limit=self._page_size)
        fetch_pull = getattr(self._hub, "fetch_pull", None)
        if fetch_pull is None:  # a hub client that only parses: fetched and parsed on the fetching thread
            return _Parsed(self._hub.pull(request))
        return fetch_pull(request)


class _Parsed:
    def __init__(self, page: PullResponse) -> None:
        self._page, self.next_cursor, self.has_more = page, page.cursor, page.has_more

    def page(self) -> PullResponse:
        return self._page


def _closed(ahead: ReadAhead | None) -> None:
    # Pages fetched ahead of a position that did not come about are useless; a request on its way is left to
    # finish and its answer, or its error, is dropped.
    if ahead is not None:
        ahead.close()
