"""The promotions file: what `pos-hub import-promotions` reads and `pos-app promotions price --promotions` prices
against. Standard library and pydantic only, so the hub reads it without the terminal's code.

This model checks the file's shape (names, types, which kinds exist); the rules a promotion must keep (a
percentage from 0 to 100, schedules that do not overlap, SKUs and categories the catalog knows, the law) are checked
by sync.promotions_rules, on the hub and on the terminal alike, each with a sentence. Times are the store's
own local time without an offset; amounts and percentages are strings ("12.50", "15") so they stay exact.
docs/promotions.md describes every field with a worked example.
"""

from __future__ import annotations

import json
from datetime import datetime, time
from decimal import Decimal
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

FORMAT = "promotions.v1"
Day = Literal["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
PromotionKind = Literal["percent_off", "amount_off", "buy_x_get_y", "bundle", "volume_tiers"]


class FileModel(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class AppliesTo(FileModel):
    """The units a promotion counts, mixed and matched: any of these SKUs, categories or brands."""

    skus: list[str] = []
    categories: list[str] = []
    brands: list[str] = []
    everything: bool = False


class ScheduleWindow(FileModel):
    days: list[Day] = Field(min_length=1)
    start: time = Field(description="HH:MM, store-local, included")
    end: time = Field(description="HH:MM, store-local, not included")


class VolumeTier(FileModel):
    min_quantity: int
    percent: Decimal


class PromotionRow(FileModel):
    id: int = Field(ge=1)
    name: str = Field(min_length=1, max_length=80, description="What customers see on screen and receipt.")
    kind: PromotionKind
    applies_to: AppliesTo
    priority: int = 0
    stackable: bool = False
    active: bool = True  # False: paused, kept in the file but never applied
    percent: Decimal | None = None  # percent_off, buy_x_get_y
    amount: Decimal | None = None  # amount_off: off each unit
    buy: int | None = None  # buy_x_get_y
    get: int | None = None
    bundle_size: int | None = None  # bundle
    bundle_price: Decimal | None = None
    tiers: list[VolumeTier] = []  # volume_tiers
    mix_and_match: bool = True  # False: a group or bundle must be of one SKU
    schedule: list[ScheduleWindow] = []  # empty: at any time
    valid_from: datetime | None = None
    valid_until: datetime | None = None


class DiscountCodeRow(FileModel):
    id: int = Field(ge=1)
    code: str = Field(min_length=1, max_length=32)
    name: str = Field(min_length=1, max_length=80)
    discount_type: Literal["percentage", "fixed"]
    discount_value: Decimal
    minimum_purchase: Decimal | None = None
    usage_limit: int | None = None
    usage_count: int = 0
    valid_from: datetime | None = None
    valid_until: datetime | None = None
    priority: int = 0
    stackable: bool = True
    active: bool = True


class PromotionsFile(FileModel):
    format: Literal["promotions.v1"] = FORMAT
    store_time_zone: str | None = Field(default=None, description="IANA name, e.g. America/Toronto")
    allow_below_cost: bool = False
    promotions: list[PromotionRow] = []
    discount_codes: list[DiscountCodeRow] = []


class PromotionsFileError(ValueError):
    """The file cannot be read as a promotions file; the message says where and what to fix."""


def _where(location: tuple) -> str:
    return "".join(f"[{part}]" if isinstance(part, int) else (f".{part}" if i else str(part))
                   for i, part in enumerate(location)) or "the file"


def read_promotions_file(text: str) -> PromotionsFile:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        raise PromotionsFileError(f"The promotions file is not JSON (line {error.lineno}, column {error.colno}: "
                                  f"{error.msg}). Fix it and try again.") from None
    try:
        return PromotionsFile.model_validate(data)
    except ValidationError as error:
        problems = [f"{_where(e['loc'])}: {e['msg']}" for e in error.errors()[:10]]
        raise PromotionsFileError("The promotions file is not in the promotions.v1 format: "
                                  + "; ".join(problems) + ". See docs/promotions.md.") from None
