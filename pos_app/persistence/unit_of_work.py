"""One SQLite transaction per command: everything a command writes commits together or not at all."""

from __future__ import annotations

from types import TracebackType
from typing import Any

from sqlalchemy.orm import Session, sessionmaker

from pos_app.persistence.database import WRITE_TRANSACTION


class UnitOfWork:
    """``with uow as session: ...; uow.commit()`` — leaving the block without commit rolls back."""

    def __init__(self, session_factory: sessionmaker[Session], *,
                 execution_options: dict[str, Any] = WRITE_TRANSACTION) -> None:
        """``execution_options``: ``FREQUENT_WRITE_TRANSACTION`` for the few writes that may skip the fsync."""
        self._session_factory = session_factory
        self._execution_options = execution_options
        self.session: Session | None = None

    def __enter__(self) -> Session:
        self.session = self._session_factory()
        self.session.connection(execution_options=self._execution_options)
        return self.session

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        assert self.session is not None
        try:
            self.session.rollback()
        finally:
            self.session.close()
            self.session = None

    def commit(self) -> None:
        assert self.session is not None, "commit() outside of the with-block"
        self.session.commit()
