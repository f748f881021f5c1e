"""Exponential backoff with full jitter, so terminals that lost the hub together do not return together."""

from __future__ import annotations

import random
from dataclasses import dataclass, field


@dataclass
class Backoff:
    base: float = 0.5
    cap: float = 60.0
    attempts: int = 0
    rng: random.Random = field(default_factory=random.Random)

    def next_delay(self, at_least: float | None = None) -> float:
        """Seconds to wait before the next try; a server's Retry-After is honoured as a floor."""
        ceiling = min(self.cap, self.base * (2 ** self.attempts))
        self.attempts += 1
        delay = self.rng.uniform(0, ceiling)
        return max(delay, at_least or 0.0)

    def reset(self) -> None:
        self.attempts = 0
