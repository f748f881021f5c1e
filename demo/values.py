"""Small helpers that turn seeded draws into the value types the replica's columns expect."""

from __future__ import annotations

import random
import uuid
from datetime import UTC, date, datetime, time
from decimal import Decimal

_MONEY: dict[int, Decimal] = {}
_TENTHS: dict[int, Decimal] = {}


def section_rng(seed: int, section: str) -> random.Random:
    """One random stream per part of the tenant, so adding products leaves the store's ids alone."""
    return random.Random(f"demo-tenant:{seed}:{section}")


def new_id(rng: random.Random) -> uuid.UUID:
    return uuid.UUID(int=rng.getrandbits(128), version=4)


def money(cents: int) -> Decimal:
    """Dollars with two places, from integer cents (cached: a catalog reuses few distinct prices)."""
    value = _MONEY.get(cents)
    if value is None:
        value = _MONEY[cents] = Decimal(cents).scaleb(-2)
    return value


def tenths(value: int) -> Decimal:
    """`value` tenths as a one-place Decimal (THC %, grams)."""
    result = _TENTHS.get(value)
    if result is None:
        result = _TENTHS[value] = Decimal(value).scaleb(-1)
    return result


def retail_cents(rng: random.Random, low: float, high: float) -> int:
    """A shelf price between `low` and `high` dollars ending the way store prices do (.99, .49, .95, .00)."""
    dollars = int(low + (high - low) * rng.random())
    ending = pick(rng, (99, 99, 99, 49, 95, 0))
    return max(dollars * 100 + ending, 99)


def cost_cents(rng: random.Random, retail: int, low: float = 0.62, high: float = 0.8) -> int:
    """What the store pays: a share of the retail price, always below it."""
    return min(int(retail * (low + (high - low) * rng.random())), retail - 1)


def utc_at(day: date, hour: int, minute: int = 0) -> datetime:
    return datetime.combine(day, time(hour, minute), tzinfo=UTC)


# random.Random.randrange/choice/sample are slow pure-Python paths; a catalog of 100,000 products makes
# millions of draws, so the hot loops use these instead (the tiny bias of scaling random() does not matter).
def below(rng: random.Random, n: int) -> int:
    """An int in [0, n)."""
    return int(rng.random() * n)


def between(rng: random.Random, low: int, high: int) -> int:
    """An int in [low, high)."""
    return low + int(rng.random() * (high - low))


def pick(rng: random.Random, options: tuple | list):
    return options[int(rng.random() * len(options))]
