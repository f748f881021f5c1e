"""Sync in the background: a pusher thread on a short timer and a puller thread that long-polls the hub.

Two threads, because a long-poll may hold its request for seconds and a sale must not wait that long to
leave. Failures back off exponentially with jitter; nothing here decides anything by the wall clock.
"""

from __future__ import annotations

import logging
import threading

from sync.client.backoff import Backoff
from sync.client.engine import SyncEngine, SyncStatus
from sync.client.errors import HubBusy, SyncError

log = logging.getLogger(__name__)

PUSH_INTERVAL = 0.5
LONG_POLL_SECONDS = 10.0


class SyncRunner:
    def __init__(self, engine: SyncEngine, *, push_interval: float = PUSH_INTERVAL,
                 long_poll: float = LONG_POLL_SECONDS, backoff_cap: float = 30.0) -> None:
        self.engine = engine
        self._push_interval = push_interval
        self._long_poll = long_poll
        self._backoff_cap = backoff_cap
        self._stop = threading.Event()
        self._wake = threading.Event()
        self._threads: list[threading.Thread] = []
        self._last_status: SyncStatus | None = None

    def start(self) -> None:
        self._stop.clear()
        for name, loop in (("push", self._push_loop), ("pull", self._pull_loop)):
            thread = threading.Thread(target=loop, name=f"sync-{name}", daemon=True)
            thread.start()
            self._threads.append(thread)

    def stop(self, timeout: float = 2.0) -> None:
        self._stop.set()
        self._wake.set()
        for thread in self._threads:
            thread.join(timeout)
        self._threads.clear()

    @property
    def running(self) -> bool:
        return any(thread.is_alive() for thread in self._threads)

    def wake(self) -> None:
        """Push now instead of at the next tick (a sale just completed, or someone pressed Sync now)."""
        self._wake.set()

    def _push_loop(self) -> None:
        backoff = Backoff(cap=self._backoff_cap)
        while not self._stop.is_set():
            delay = self._push_interval
            try:
                if self._publish_status().pending:
                    self.engine.push()
                backoff.reset()
            except Exception as error:  # the loop must outlive any one failure
                delay = self._delay_after(error, backoff)
            self._wake.wait(delay)
            self._wake.clear()

    def _pull_loop(self) -> None:
        backoff = Backoff(cap=self._backoff_cap)
        while not self._stop.is_set():
            delay = 0.0
            try:
                self.engine.pull(wait_seconds=self._long_poll)
                backoff.reset()
            except Exception as error:
                delay = self._delay_after(error, backoff)
            self._stop.wait(delay)

    def _delay_after(self, error: Exception, backoff: Backoff) -> float:
        if not isinstance(error, SyncError):
            log.exception("Sync failed unexpectedly; it will try again")
        retry_after = error.retry_after if isinstance(error, HubBusy) else None
        return backoff.next_delay(retry_after)

    def _publish_status(self) -> SyncStatus:
        # Pending counts change with every sale; tell the screen when they do, not only after a push.
        status = self.engine.status()
        if status != self._last_status:
            self._last_status = status
            self.engine.listener.status_changed(status)
        return status

