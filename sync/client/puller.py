"""The change-feed puller (DESIGN §4): one page, its cursor and the LMID applied in one transaction.

A page is applied only on top of the position it was asked from; if a second puller or a client id
renewal got there first, the page is dropped and asked for again. ``reset: true`` brings a full snapshot;
the applier replaces the hub's rows and keeps the outbox.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from sync.client.errors import SyncError
from sync.client.ports import ReplicaStore
from sync.client.transport import HubClient
from sync.protocol import PullRequest, PullResponse

PAGE_SIZE = 500
MAX_DROPPED_PAGES = 20
Progress = Callable[[int, int], None]


@dataclass
class PullReport:
    pages: int = 0
    changes: int = 0
    reset: bool = False


class Puller:
    def __init__(self, hub: HubClient, replica: ReplicaStore, *, page_size: int = PAGE_SIZE) -> None:
        self._hub = hub
        self._replica = replica
        self._page_size = page_size

    def pull_page(self, wait_seconds: float = 0.0) -> PullResponse | None:
        """Ask for the next page and apply it; None when it could not be applied (someone moved on)."""
        position = self._replica.position()
        page = self._hub.pull(PullRequest(client_id=position.client_id, cursor=position.cursor,
                                          limit=self._page_size, wait_seconds=wait_seconds))
        return page if self._replica.apply_page(position, page) else None

    def pull_until_caught_up(self, progress: Progress | None = None, *, wait_seconds: float = 0.0) -> PullReport:
        """Pages until the hub has nothing more. Only the first request may long-poll."""
        report = PullReport()
        wait = wait_seconds
        dropped = 0
        while True:
            page = self.pull_page(wait)
            wait = 0.0
            if page is None:
                dropped += 1
                if dropped > MAX_DROPPED_PAGES:
                    raise SyncError("The terminal's sync position keeps moving under the puller; try again.")
                continue
            report.pages += 1
            report.changes += len(page.changes)
            report.reset = report.reset or page.reset
            if progress is not None and page.changes:
                progress(report.changes, report.changes + page.remaining)
            if not page.has_more:
                return report
