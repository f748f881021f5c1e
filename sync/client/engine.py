"""One terminal's sync: pusher and puller over one hub, the status a person sees, and who is told of it."""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import datetime
from typing import Protocol, TypeVar

from sync.client.errors import HubBusy, HubUnreachable, NeedsPairing, SyncError
from sync.client.ports import OutboxStore, ReplicaStore
from sync.client.puller import Prepare, Puller, PullReport
from sync.client.pusher import Pusher, PushReport
from sync.client.transport import HubClient

T = TypeVar("T")


@dataclass(frozen=True)
class SyncStatus:
    online: bool | None  # None until the hub was first tried
    pending: int
    rejected: int
    last_good_sync: datetime | None
    alert: str | None
    needs_pairing: bool = False
    last_error: str | None = None


class SyncListener(Protocol):
    def status_changed(self, status: SyncStatus) -> None: ...

    def progress(self, phase: str, done: int, total: int) -> None: ...

    def alert(self, message: str) -> None: ...


class _Silent:
    def status_changed(self, status: SyncStatus) -> None:
        pass

    def progress(self, phase: str, done: int, total: int) -> None:
        pass

    def alert(self, message: str) -> None:
        pass


@dataclass
class SyncReport:
    pushed: PushReport
    pulled: PullReport


class SyncEngine:
    def __init__(self, hub: HubClient, outbox: OutboxStore, replica: ReplicaStore, *,
                 listener: SyncListener | None = None, page_size: int | None = None,
                 prepare_page: Prepare | None = None) -> None:
        self.hub = hub
        self._outbox = outbox
        self.listener: SyncListener = listener or _Silent()
        self.pusher = Pusher(hub, outbox, on_alert=lambda message: self.listener.alert(message))
        self.puller = Puller(hub, replica, prepare=prepare_page, **({"page_size": page_size} if page_size else {}))
        self._lock = threading.Lock()
        self._online: bool | None = None
        self._needs_pairing = False
        self._last_error: str | None = None

    def status(self) -> SyncStatus:
        local = self._outbox.state()
        with self._lock:
            return SyncStatus(self._online, local.pending, local.rejected, local.last_good_sync, local.alert,
                              self._needs_pairing, self._last_error)

    def push(self) -> PushReport:
        return self._guarded(lambda: self.pusher.push_pending(self._reporter("push")))

    def pull(self, wait_seconds: float = 0.0) -> PullReport:
        return self._guarded(lambda: self.puller.pull_until_caught_up(self._reporter("pull"),
                                                                        wait_seconds=wait_seconds))

    def sync_once(self) -> SyncReport:
        """Push everything, then pull until caught up: what `Sync now` and `pos-app sync once` do."""
        pushed = self.push()
        return SyncReport(pushed, self.pull())

    def _reporter(self, phase: str) -> Callable[[int, int], None]:
        return lambda done, total: self.listener.progress(phase, done, total)

    def _guarded(self, work: Callable[[], T]) -> T:
        try:
            result = work()
        except (HubUnreachable, HubBusy) as error:
            self._note(online=False, error=str(error))
            raise
        except NeedsPairing as error:
            self._note(online=True, error=str(error), needs_pairing=True)
            raise
        except SyncError as error:
            self._note(online=True, error=str(error))
            raise
        self._note(online=True, error=None)
        return result

    def _note(self, *, online: bool, error: str | None, needs_pairing: bool = False) -> None:
        with self._lock:
            self._online, self._last_error, self._needs_pairing = online, error, needs_pairing
        self.listener.status_changed(self.status())

    def forget_pairing_problem(self) -> None:
        with self._lock:
            self._needs_pairing = False
        self.listener.status_changed(replace(self.status(), needs_pairing=False))
