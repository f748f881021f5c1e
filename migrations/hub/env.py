"""Alembic environment for the hub's database (PostgreSQL, or SQLite for demos)."""

from __future__ import annotations

from alembic import context
from sqlalchemy.types import TypeDecorator

from sync.hub.database import make_engine
from sync.hub.models import Base

config = context.config
target_metadata = Base.metadata


def render_item(type_, obj, autogen_context):
    # Migrations must not import the hub's column types, which may change after a migration is written:
    # render each TypeDecorator as the plain SQL type it stores.
    if type_ == "type" and isinstance(obj, TypeDecorator):
        return f"sa.{obj.impl!r}"
    return False


def _configure(**kwargs) -> None:
    context.configure(target_metadata=target_metadata, render_as_batch=True, compare_type=True,
                      render_item=render_item, **kwargs)


def run_migrations_offline() -> None:
    _configure(url=config.get_main_option("sqlalchemy.url"), literal_binds=True)
    with context.begin_transaction():
        context.run_migrations()


def run_migrations_online() -> None:
    connection = config.attributes.get("connection")
    if connection is not None:
        _run(connection)
        return
    engine = make_engine(config.get_main_option("sqlalchemy.url"))
    try:
        with engine.connect() as connection:
            _run(connection)
    finally:
        engine.dispose()


def _run(connection) -> None:
    _configure(connection=connection)
    with context.begin_transaction():
        context.run_migrations()


if context.is_offline_mode():
    run_migrations_offline()
else:
    run_migrations_online()
