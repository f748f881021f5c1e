"""PostgreSQL for the hub groups: the admin connection, and throw-away databases cloned from a template."""

from __future__ import annotations

import os
import uuid

PG_HOST = "127.0.0.1"
PG_PORT = int(os.environ.get("HUB_TEST_PG_PORT", "5432"))


def admin_connection():
    import psycopg

    return psycopg.connect(f"host={PG_HOST} port={PG_PORT} user=postgres dbname=test", autocommit=True,
                           connect_timeout=5)


def url_of(name: str) -> str:
    return f"postgresql+psycopg://postgres@{PG_HOST}:{PG_PORT}/{name}"


def dsn_of(name: str) -> str:
    return f"host={PG_HOST} port={PG_PORT} user=postgres dbname={name}"


def database_exists(name: str) -> bool:
    with admin_connection() as conn:
        return conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", (name,)).fetchone() is not None


def drop_database(name: str) -> None:
    with admin_connection() as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def clone_database(template: str, prefix: str = "bench_run") -> str:
    """A fresh copy of `template` (CREATE DATABASE ... TEMPLATE): seconds, where seeding takes minutes."""
    name = f"{prefix}_{uuid.uuid4().hex[:10]}"
    with admin_connection() as conn:
        conn.execute(f'CREATE DATABASE "{name}" TEMPLATE "{template}"')
    return name


def databases_like(prefix: str) -> list[str]:
    with admin_connection() as conn:
        rows = conn.execute("SELECT datname FROM pg_database WHERE datname LIKE %s", (prefix + "%",)).fetchall()
    return [row[0] for row in rows]


def connections_to(name: str) -> int:
    with admin_connection() as conn:
        return conn.execute("SELECT count(*) FROM pg_stat_activity WHERE datname = %s", (name,)).fetchone()[0]
