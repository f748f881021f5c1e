"""Per-tenant secrets (PIN peppers, kiosk ticket keys) sealed with a key that is not in the hub's database.

The key is ``POS_HUB_SECRET_KEY`` (a Fernet key; during a rotation, "new,old"), else the key file beside the hub:
``POS_HUB_SECRET_KEY_FILE``, or ``secret.key`` in the hub's data folder, one key a line, the current one first,
readable by the hub's user only (mode 0600). A hub with neither makes the file at first use and says so in its
log. A stolen database alone holds only Fernet tokens: without the key no pepper, so no offline PIN guessing.

`SealedSecret` is the column type: code reads and writes plain text, the database sees only tokens.
`rotate_secret_key` re-seals every stored secret under a new key (``pos-hub rotate-secret-key``).
"""

from __future__ import annotations

import logging
import os
from collections.abc import Iterator
from contextlib import suppress
from pathlib import Path

from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from platformdirs import user_data_dir
from sqlalchemy import String, Table, select, update
from sqlalchemy.engine import Connection
from sqlalchemy.types import TypeDecorator

log = logging.getLogger(__name__)

KEY_ENV = "POS_HUB_SECRET_KEY"
KEY_FILE_ENV = "POS_HUB_SECRET_KEY_FILE"
TOKEN_PREFIX = "gAAAAA"  # every Fernet token starts so (version byte 0x80, then a timestamp's high zero bytes)


class SecretKeyError(Exception):
    """The hub's secret key is missing, malformed, or not the one its secrets were sealed with."""


def key_file() -> Path:
    named = os.environ.get(KEY_FILE_ENV)
    return Path(named) if named else Path(user_data_dir("pos-hub", appauthor=False)) / "secret.key"


def _parse(text: str, where: str) -> list[bytes]:
    keys = [part.strip().encode() for part in text.replace(",", "\n").splitlines() if part.strip()]
    try:
        for key in keys:
            Fernet(key)
    except ValueError:
        raise SecretKeyError(f"{where} is not a Fernet key (32 url-safe base64 bytes). Make one with "
                             "`pos-hub rotate-secret-key`, or restore the hub's key.") from None
    if not keys:
        raise SecretKeyError(f"{where} is empty. Restore the hub's key, or set {KEY_ENV}.")
    return keys


def write_key_file(path: Path, keys: list[bytes]) -> None:
    """Write the keys (current first) readable by this user only, from the first byte; replaces atomically."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fresh = path.with_name(path.name + ".new")
    with suppress(FileNotFoundError):
        fresh.unlink()
    descriptor = os.open(fresh, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
    with os.fdopen(descriptor, "w") as out:
        out.write("".join(key.decode() + "\n" for key in keys))
        out.flush()
        os.fsync(out.fileno())
    os.replace(fresh, path)


def current_keys() -> list[bytes]:
    """The keys in use, current first: the environment's, else the key file's (made on first use)."""
    if os.environ.get(KEY_ENV):
        return _parse(os.environ[KEY_ENV], KEY_ENV)
    path = key_file()
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        with suppress(FileExistsError):  # another worker may make it at the same moment
            descriptor = os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
            with os.fdopen(descriptor, "w") as out:
                out.write(Fernet.generate_key().decode() + "\n")
            log.warning("The hub had no secret key; made one in %s (mode 0600). Back it up apart from the "
                        "database: without it the stored PIN peppers cannot be read.", path)
    return _parse(path.read_text(), str(path))


_boxes: dict[tuple[bytes, ...], MultiFernet] = {}


def box(keys: list[bytes] | None = None) -> MultiFernet:
    keys = current_keys() if keys is None else keys
    found = _boxes.get(tuple(keys))
    if found is None:
        found = _boxes[tuple(keys)] = MultiFernet([Fernet(key) for key in keys])
    return found


def seal(plain: str, keys: list[bytes] | None = None) -> str:
    return box(keys).encrypt(plain.encode()).decode()


def unseal(token: str, keys: list[bytes] | None = None) -> str:
    if not token.startswith(TOKEN_PREFIX):
        raise SecretKeyError("A stored secret is not sealed; run `pos-hub db upgrade`, which seals them.")
    try:
        return box(keys).decrypt(token.encode()).decode()
    except InvalidToken:
        raise SecretKeyError(f"The hub's stored secrets were sealed with another key than {KEY_ENV} or "
                             f"{key_file()}. Restore the key they were sealed with.") from None


class SealedSecret(TypeDecorator[str]):
    """A secret stored as a Fernet token under the hub's secret key; plain text to the code."""

    impl = String(255)
    cache_ok = True

    def process_bind_param(self, value: str | None, dialect) -> str | None:
        return None if value is None else seal(value)

    def process_result_value(self, value: str | None, dialect) -> str | None:
        return None if value is None else unseal(value)


def sealed_columns() -> Iterator[tuple[str, str]]:
    """(table, column) of every secret the hub seals."""
    from sync.hub.models.base import Base

    for table in Base.metadata.sorted_tables:
        for column in table.columns:
            if isinstance(column.type, SealedSecret):
                yield table.name, column.name


def reseal(conn: Connection, table: Table, column: str, *, old: list[bytes] | None, new: list[bytes]) -> int:
    """Re-seal one column's values under `new`: from plain text when `old` is None, else from tokens of `old`.
    Works on raw values (no type decorator), so migrations and the rotation both use it."""
    count = 0
    for key, value in conn.execute(select(table.c.id, table.c[column]).where(table.c[column].is_not(None))).all():
        if old is None and value.startswith(TOKEN_PREFIX):
            continue  # sealed already
        plain = value if old is None else unseal(value, old)
        conn.execute(update(table).where(table.c.id == key).values({column: seal(plain, new)}))
        count += 1
    return count


def raw_table(name: str, column: str) -> Table:
    """A table as its stored values (tokens, not secrets), for re-sealing outside the ORM."""
    from sqlalchemy import Column, MetaData, Uuid

    return Table(name, MetaData(), Column("id", Uuid, primary_key=True), Column(column, String(255)))


def rotate_secret_key(conn: Connection, new_key: bytes | None = None) -> tuple[int, Path | None]:
    """Re-seal every stored secret under a new key, in the caller's transaction; returns (secrets, key file).

    With the key in a file, the file first holds the new key and the old ones (so a crash before the commit
    loses nothing: both can open), then, once the caller commits, only the new one (`finish_rotation`). With
    the key in ``POS_HUB_SECRET_KEY`` the hub cannot change it: the new key must be given, and set there after.
    """
    old = current_keys()
    from_env = bool(os.environ.get(KEY_ENV))
    if from_env and new_key is None:
        raise SecretKeyError(f"{KEY_ENV} is set, so the hub cannot change its key itself. Make a new key with "
                             "`python -c \"from cryptography.fernet import Fernet; print(Fernet.generate_key()"
                             ".decode())\"`, pass it as --new-key, then set it in " + KEY_ENV + ".")
    new = new_key or Fernet.generate_key()
    _parse(new.decode(), "The new key")
    path = None if from_env else key_file()
    if path is not None:
        write_key_file(path, [new, *old])
    count = sum(reseal(conn, raw_table(table, column), column, old=old, new=[new])
                for table, column in sealed_columns())
    return count, path


def finish_rotation(path: Path | None) -> None:
    """After the re-sealing committed: the key file keeps only the new key."""
    if path is not None:
        write_key_file(path, current_keys()[:1])
    _boxes.clear()
