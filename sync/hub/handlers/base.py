"""What every mutation handler shares: who pushed it, how it is refused, how its args are read."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from typing import Any, TypeVar

from pydantic import BaseModel, ConfigDict, ValidationError
from sqlalchemy.orm import Session

from sync.hub.database import dialect_insert

Args = TypeVar("Args", bound=BaseModel)


@dataclass(frozen=True)
class Context:
    tenant_id: uuid.UUID
    store_id: uuid.UUID
    terminal_id: uuid.UUID
    client_id: uuid.UUID
    mutation_id: int


class Rejection(Exception):
    """A permanent business refusal: the hub records it with a code and the queue moves on."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message


class MutationArgs(BaseModel):
    # Terminals may send more than the hub reads; the full args stay in sync_mutations anyway.
    model_config = ConfigDict(extra="ignore")


def parse_args(model: type[Args], args: dict) -> Args:
    try:
        return model.model_validate(args)
    except ValidationError as error:
        first = error.errors()[0]
        where = ".".join(str(part) for part in first["loc"]) or "args"
        raise Rejection("invalid_args", f"The mutation's {where} is not valid: {first['msg']}.") from None


ID = ["id"]


def insert_new(session: Session, model: type, values: dict[str, Any], key: list[str] | None = ID) -> bool:
    """Insert one row unless its `key` (default: its id; None: any unique key) is taken: False then, with
    nothing to roll back. A clash on another unique key still raises.

    One round trip instead of a look-up before the insert; the key's index decides, even against a
    concurrent insert of the same key.
    """
    table = model.__table__
    statement = dialect_insert(session, table).values(values).on_conflict_do_nothing(
        index_elements=key).returning(table.c.id)
    return session.execute(statement).first() is not None


def require_own_store(ctx: Context, store_id: uuid.UUID | None) -> None:
    if store_id is not None and store_id != ctx.store_id:
        raise Rejection("wrong_store", "The mutation names another store than the terminal's own.")
