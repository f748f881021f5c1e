"""What every mutation handler shares: who pushed it, how it is refused, how its args are read."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from typing import TypeVar

from pydantic import BaseModel, ValidationError

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


def parse_args(model: type[Args], args: dict) -> Args:
    """The args as the mutation's model (`sync.mutations`), or an `invalid_args` rejection naming the field."""
    try:
        return model.model_validate(args)
    except ValidationError as error:
        first = error.errors()[0]
        where = ".".join(str(part) for part in first["loc"]) or "args"
        raise Rejection("invalid_args", f"The mutation's {where} is not valid: {first['msg']}.") from None


def require_own_store(ctx: Context, store_id: uuid.UUID | None) -> None:
    if store_id is not None and store_id != ctx.store_id:
        raise Rejection("wrong_store", "The mutation names another store than the terminal's own.")
