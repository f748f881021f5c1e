"""One measured figure, its floor, its target and whether it met it; how the groups hand results back."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any


@dataclass
class Metric:
    metric: str
    value: float | None
    unit: str
    floor: float | None = None  # the same work done the bare way, measured in the same run
    target: str | None = None  # as a person reads it: "≤ 10 ms", "≤ 3× floor"
    met: bool | None = None  # None when there is no target, or the figure could not be measured
    how: str = ""
    error: str | None = None
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def ratio(self) -> float | None:
        if self.value is None or not self.floor:
            return None
        return self.value / self.floor

    def as_json(self) -> dict[str, Any]:
        data = asdict(self)
        data["ratio"] = None if self.ratio is None else round(self.ratio, 2)
        return data

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Metric:
        known = {k: v for k, v in data.items() if k in cls.__dataclass_fields__}
        return cls(**known)


def at_most(metric: Metric, limit: float) -> Metric:
    """Target: the value is at most `limit` (in the metric's unit)."""
    metric.target = f"≤ {limit:g} {metric.unit}"
    metric.met = None if metric.value is None else metric.value <= limit
    return metric


def at_least(metric: Metric, limit: float) -> Metric:
    metric.target = f"≥ {limit:,g} {metric.unit}"
    metric.met = None if metric.value is None else metric.value >= limit
    return metric


def ratio_at_most(metric: Metric, times: float, *, also_at_most: float | None = None) -> Metric:
    """Target: at most `times` the floor (and, if given, at most an absolute limit too)."""
    parts = [f"≤ {times:g}× floor"]
    ok = None if metric.ratio is None else metric.ratio <= times
    if also_at_most is not None:
        parts.insert(0, f"≤ {also_at_most:g} {metric.unit}")
        if metric.value is not None:
            ok = (ok is not False) and metric.value <= also_at_most
    metric.target = " and ".join(parts)
    metric.met = ok
    return metric


def failed(name: str, unit: str, target: str | None, message: str) -> Metric:
    """A figure that could not be measured: the table says why, in one line."""
    line = " ".join(message.strip().splitlines()[-1:]) if message.strip() else "unknown failure"
    return Metric(metric=name, value=None, unit=unit, target=target, met=None, error=f"error: {line[:200]}")
