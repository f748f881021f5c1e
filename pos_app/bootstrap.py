"""The composition root: the one place that opens the database and wires services together."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import date
from functools import cached_property

from sqlalchemy import Engine
from sqlalchemy.orm import Session, sessionmaker

from pos_app.config import Settings
from pos_app.logging_setup import configure_logging
from pos_app.persistence.database import make_engine, make_session_factory
from pos_app.persistence.migrate import upgrade_to_head
from pos_app.secrets import PIN_PEPPER, SecretStore
from pos_app.services.refunds import RefundService
from pos_app.services.selling import SaleService
from pos_app.services.status import StatusService
from pos_app.services.sync_service import SyncService
from pos_app.services.terminal import TerminalContext, load_terminal_context

log = logging.getLogger(__name__)


@dataclass
class Terminal:
    settings: Settings
    engine: Engine
    session_factory: sessionmaker[Session]
    secrets: SecretStore

    @cached_property
    def context(self) -> TerminalContext:
        return load_terminal_context(self.session_factory, date.today())

    @property
    def pin_pepper(self) -> str:
        return self.secrets.get_or_create(PIN_PEPPER)

    @cached_property
    def sales(self) -> SaleService:
        return SaleService(self.session_factory, self.context)

    @cached_property
    def refunds(self) -> RefundService:
        return RefundService(self.session_factory)

    @cached_property
    def status(self) -> StatusService:
        return StatusService(self.session_factory)

    @cached_property
    def sync(self) -> SyncService:
        return SyncService(self.engine, self.session_factory, self.secrets)

    def close(self) -> None:
        self.engine.dispose()


def open_terminal(settings: Settings, *, log_to_file: bool = True) -> Terminal:
    settings.data_dir.mkdir(parents=True, exist_ok=True)
    if log_to_file:
        configure_logging(settings.log_dir)
    engine = make_engine(settings.db_path)
    backup = upgrade_to_head(engine, settings.db_path)
    if backup is not None:
        log.info("Database upgraded; the copy from before is %s", backup)
    return Terminal(settings, engine, make_session_factory(engine), SecretStore(settings.data_dir))
