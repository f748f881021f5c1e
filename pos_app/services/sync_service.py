"""The terminal's sync, wired: pairing, status, protecting unsent work, and the engine that pushes and pulls.

This is where ``sync.client`` meets the terminal's database (``SqlOutbox``, ``SqlReplica``) and keyring (the
hub token, the tenant's PIN pepper and the store's kiosk ticket key). It holds no Qt; ``pos_app.ui.sync`` runs it
off the GUI thread.
"""

from __future__ import annotations

import socket
import threading
import uuid
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import Engine
from sqlalchemy.orm import Session, sessionmaker

from pos_app.persistence import outbox as outbox_rows
from pos_app.persistence.outbox import RejectedMutation, SqlOutbox
from pos_app.persistence.replica import SqlReplica
from pos_app.persistence.sync_state import ensure_sync_state, forget_pairing, record_pairing, set_alert
from pos_app.persistence.unit_of_work import UnitOfWork
from pos_app.secrets import KIOSK_TICKET_KEY, PIN_PEPPER, SecretStore
from pos_app.services.errors import ServiceError
from sync.client.engine import SyncEngine, SyncReport, SyncStatus
from sync.client.errors import SyncError
from sync.client.pairing import pair as pair_with_hub
from sync.client.puller import PullReport
from sync.client.runner import SyncRunner
from sync.client.transport import DEFAULT_TIMEOUT, HubClient
from sync.protocol import StoreDaySummary

HUB_TOKEN = "hub-token"


class UnsentWork(ServiceError):
    code = "unsent_work"


class NotPaired(ServiceError):
    code = "not_paired"


class SyncFailed(ServiceError):
    code = "sync_failed"


@dataclass(frozen=True)
class SyncOverview:
    paired: bool
    hub_url: str | None
    client_id: uuid.UUID
    terminal_no: int
    pending: int
    rejected: int
    last_good_sync: datetime | None
    alert: str | None
    online: bool | None = None
    needs_pairing: bool = False
    last_error: str | None = None


@dataclass(frozen=True)
class Pairing:
    terminal_id: uuid.UUID
    store_id: uuid.UUID
    new_store: bool


class _Listeners:
    """Fans the engine's news out to whoever listens now (the screen, the CLI's progress line)."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._listeners: list = []

    def add(self, listener) -> None:
        with self._lock:
            self._listeners.append(listener)

    def remove(self, listener) -> None:
        with self._lock:
            if listener in self._listeners:
                self._listeners.remove(listener)

    def _each(self):
        with self._lock:
            return list(self._listeners)

    def status_changed(self, status: SyncStatus) -> None:
        for listener in self._each():
            listener.status_changed(status)

    def progress(self, phase: str, done: int, total: int) -> None:
        for listener in self._each():
            listener.progress(phase, done, total)

    def alert(self, message: str) -> None:
        for listener in self._each():
            listener.alert(message)


def _clean_hub_url(hub_url: str) -> str:
    url = hub_url.strip().rstrip("/")
    if not url.startswith(("http://", "https://")) or len(url) < 10:
        raise ServiceError("service_error.hub_url", hub_url=repr(hub_url))
    return url


class SyncService:
    def __init__(self, engine: Engine, session_factory: sessionmaker[Session], secrets: SecretStore, *,
                 hub_timeout: float = DEFAULT_TIMEOUT, page_size: int | None = None) -> None:
        self._db_engine = engine
        self._session_factory = session_factory
        self._secrets = secrets
        self._hub_timeout = hub_timeout
        self._page_size = page_size
        self.outbox = SqlOutbox(session_factory)
        self.replica = SqlReplica(engine)
        self.listeners = _Listeners()
        self._engine: SyncEngine | None = None
        self._engine_lock = threading.Lock()
        with session_factory() as session:
            ensure_sync_state(session)  # the client id is made with the database
            session.commit()

    # --- what a person sees ----------------------------------------------------------------------------

    def overview(self) -> SyncOverview:
        with self._session_factory() as session:
            state = ensure_sync_state(session)
            paired = state.hub_url is not None and state.terminal_id is not None
            hub_url, terminal_no = state.hub_url, state.terminal_no
        local = self.outbox.state()
        live = self._engine.status() if self._engine is not None else None
        return SyncOverview(
            paired=paired, hub_url=hub_url, client_id=local.client_id, terminal_no=terminal_no,
            pending=local.pending, rejected=local.rejected, last_good_sync=local.last_good_sync, alert=local.alert,
            online=live.online if live else None, needs_pairing=bool(live and live.needs_pairing),
            last_error=live.last_error if live else None)

    def rejected(self) -> list[RejectedMutation]:
        with self._session_factory() as session:
            return outbox_rows.rejected_mutations(session)

    def acknowledge_alert(self) -> None:
        uow = UnitOfWork(self._session_factory)
        with uow as session:
            set_alert(session, None)
            uow.commit()

    def refuse_if_unsent(self, action: str) -> None:
        """Raise UnsentWork when the outbox holds rows the hub has not confirmed (DESIGN §4). `action` is what
        would be refused: "pair" (with another hub), "unpair" or "reset" (the database)."""
        pending = self.outbox.state().pending
        if pending:
            raise UnsentWork(f"unsent_work.{action}{'_one' if pending == 1 else ''}", count=pending)

    # --- pairing ---------------------------------------------------------------------------------------

    def pair(self, hub_url: str, code: str, *, terminal_name: str | None = None,
             terminal_no: int | None = None) -> Pairing:
        url = _clean_hub_url(hub_url)
        overview = self.overview()
        if overview.hub_url != url:
            self.refuse_if_unsent("pair")  # pairing the same hub again only renews the token
        name = terminal_name or f"{socket.gethostname()} #{terminal_no or overview.terminal_no}"
        try:
            answer = pair_with_hub(url, code, terminal_name=name, client_id=overview.client_id,
                                   timeout=self._hub_timeout)
        except SyncError as error:
            raise SyncFailed("sync_failed.pairing", error=error) from None
        self._secrets.set(HUB_TOKEN, answer.token)
        if answer.pin_pepper:
            self._secrets.set(PIN_PEPPER, answer.pin_pepper)
        if answer.ticket_key:
            self._secrets.set(KIOSK_TICKET_KEY, answer.ticket_key)
        uow = UnitOfWork(self._session_factory)
        with uow as session:
            new_store = record_pairing(session, hub_url=url, terminal_id=answer.terminal_id,
                                       store_id=answer.store_id, terminal_no=terminal_no)
            uow.commit()
        self._reset_engine()
        return Pairing(answer.terminal_id, answer.store_id, new_store)

    def unpair(self) -> None:
        self.refuse_if_unsent("unpair")
        self._secrets.delete(HUB_TOKEN)
        uow = UnitOfWork(self._session_factory)
        with uow as session:
            forget_pairing(session)
            uow.commit()
        self._reset_engine()

    # --- syncing ---------------------------------------------------------------------------------------

    @property
    def engine(self) -> SyncEngine:
        with self._engine_lock:
            if self._engine is None:
                hub_url = self.overview().hub_url
                if hub_url is None:
                    raise NotPaired("not_paired")
                hub = HubClient(hub_url, lambda: self._secrets.get(HUB_TOKEN), timeout=self._hub_timeout)
                self._engine = SyncEngine(hub, self.outbox, self.replica, listener=self.listeners,
                                          page_size=self._page_size, prepare_page=self.replica.prepare)
            return self._engine

    def runner(self, **options) -> SyncRunner:
        return SyncRunner(self.engine, **options)

    def sync_once(self) -> SyncReport:
        try:
            return self.engine.sync_once()
        except SyncError as error:
            raise SyncFailed(str(error)) from None

    def bootstrap(self) -> PullReport:
        """Pull the store's full snapshot (a newly paired terminal), page by page with progress."""
        try:
            return self.engine.pull()
        except SyncError as error:
            raise SyncFailed(str(error)) from None

    def store_summary(self, day: date) -> StoreDaySummary:
        """One day of the store's sales as the hub has them now (for the back office's Reports tab)."""
        try:
            return self.engine.hub.store_summary(self.outbox.state().client_id, day)
        except SyncError as error:
            raise SyncFailed(str(error)) from None

    def _reset_engine(self) -> None:
        with self._engine_lock:
            if self._engine is not None:
                self._engine.hub.close()
            self._engine = None

    def close(self) -> None:
        self._reset_engine()
