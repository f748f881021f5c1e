"""What every mutation model shares: strict fields, and wire forms that reproduce the terminal's canonical JSON.

A model's `payload()` is the args exactly as they travel, so its hash is the one the terminal has always sent.
Two wire types pin the text where pydantic's own JSON form would differ from the canonical one: timestamps are
``datetime.isoformat()`` ("+00:00", not "Z") and decimals are ``str(Decimal)`` ("1.50" stays "1.50").
"""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, PlainSerializer

WireTime = Annotated[datetime, PlainSerializer(datetime.isoformat, return_type=str, when_used="json")]
WireDecimal = Annotated[Decimal, PlainSerializer(str, return_type=str, when_used="json")]


class WireModel(BaseModel):
    """A part of a mutation's args: a key the model does not name is an error, never silently dropped."""

    model_config = ConfigDict(extra="forbid")


class MutationArgs(WireModel):
    """The args of one mutation name and version (see `sync.mutations.MUTATIONS`)."""

    def payload(self) -> dict[str, Any]:
        """The args as JSON values, key for key what the terminal sends and hashes."""
        return self.model_dump(mode="json")
