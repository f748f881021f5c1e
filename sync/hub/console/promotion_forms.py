"""The promotion and discount-code forms of the console: what a person typed, turned into the promotions.v1 rows
the hub checks (`sync.promotions_file`), and back. Only the shape is checked here (a number where one is needed);
every rule is left to `sync.promotions_rules` through `sync.hub.promotions`, as for the admin API and imports."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ValidationError

from sync.hub.console.language import amount, plain, typed_amount
from sync.hub.console.web import _
from sync.hub.models import Promotion
from sync.promotions_file import DiscountCodeRow, PromotionRow
from sync.promotions_rules import DAYS

KINDS = ("percent_off", "amount_off", "buy_x_get_y", "bundle", "volume_tiers")
TIER_ROWS = 3


def kind_names() -> dict[str, str]:
    return {"percent_off": _("Percentage off"), "amount_off": _("Fixed amount off each item"),
            "buy_x_get_y": _("Buy X, get Y"), "bundle": _("Bundle at one price"),
            "volume_tiers": _("Volume tiers (more items, bigger discount)")}


def day_names() -> dict[str, str]:
    return {"mon": _("Mon"), "tue": _("Tue"), "wed": _("Wed"), "thu": _("Thu"), "fri": _("Fri"), "sat": _("Sat"),
            "sun": _("Sun")}


def _labels() -> dict[str, str]:
    return {"id": _("Number"), "name": _("Name"), "priority": _("Priority"), "percent": _("Percentage"),
            "amount": _("Amount off"), "buy": _("Buy"), "get": _("Get"), "bundle_size": _("Items in the bundle"),
            "bundle_price": _("Bundle price"), "tiers": _("Tiers"), "min_quantity": _("Tier quantity"),
            "schedule": _("Schedule"), "start": _("From (time of day)"), "end": _("Until (time of day)"),
            "days": _("Days"), "valid_from": _("Starts"), "valid_until": _("Ends"), "code": _("Code"),
            "discount_value": _("Discount"), "minimum_purchase": _("Minimum purchase"),
            "usage_limit": _("Usage limit")}


def _blank(text: str) -> str | None:
    return text.strip() or None


def _number(text: str) -> str | None:
    """An amount or percentage as typed (`24,99` and `1 234,56 $` on a French page), or None for an empty field."""
    return typed_amount(text.strip()) or None


def _names(text: str) -> list[str]:
    return [part.strip() for part in text.replace("\n", ",").split(",") if part.strip()]


def shape_problems(error: ValidationError) -> list[str]:
    """pydantic's complaints as sentences that name the field as the form labels it."""
    labels = _labels()
    problems = []
    for item in error.errors():
        field = next((labels[str(part)] for part in reversed(item["loc"]) if str(part) in labels), None)
        field = field or ".".join(str(part) for part in item["loc"])
        kind = item["type"]
        if kind.startswith(("decimal", "int", "float")):
            problems.append(_("%(field)s must be a number; type it like 15 or 12.50.", field=field))
        elif kind.startswith(("time", "datetime", "date")):
            problems.append(_("%(field)s is not a date or time the console can read; use the picker or type "
                              "2027-03-31 16:20.", field=field))
        elif kind in ("missing", "string_too_short", "too_short"):
            problems.append(_("%(field)s is needed; fill it in.", field=field))
        elif kind in ("string_too_long", "too_long"):
            problems.append(_("%(field)s is too long; shorten it.", field=field))
        elif kind.startswith("greater_than"):
            problems.append(_("%(field)s must be 1 or more.", field=field))
        else:
            problems.append(_("%(field)s is not valid: %(why)s.", field=field, why=item["msg"]))
    return list(dict.fromkeys(problems))


class PromotionForm(BaseModel):
    number: str = ""
    name: str = ""
    kind: str = "percent_off"
    priority: str = "0"
    stackable: bool = False
    every_store: bool = False
    skus: str = ""
    categories: str = ""
    brands: str = ""
    everything: bool = False
    same_item: bool = False  # a group or bundle of one SKU only (no mix and match)
    percent: str = ""
    amount: str = ""
    buy: str = ""
    get: str = ""
    bundle_size: str = ""
    bundle_price: str = ""
    tier_quantity: list[str] = []
    tier_percent: list[str] = []
    days: list[str] = []
    start: str = ""
    end: str = ""
    valid_from: str = ""
    valid_until: str = ""

    @property
    def tiers(self) -> list[tuple[str, str]]:
        """The tier rows to show: the ones typed, padded with empty rows."""
        typed = list(zip(self.tier_quantity, self.tier_percent, strict=False))
        return typed + [("", "")] * max(0, TIER_ROWS - len(typed))

    def kind_fields(self) -> dict[str, Any]:
        """Only the numbers of the chosen kind, so a value left in another kind's field is not sent."""
        if self.kind in ("percent_off",):
            return {"percent": _number(self.percent)}
        if self.kind == "amount_off":
            return {"amount": _number(self.amount)}
        if self.kind == "buy_x_get_y":
            return {"buy": _blank(self.buy), "get": _blank(self.get), "percent": _number(self.percent)}
        if self.kind == "bundle":
            return {"bundle_size": _blank(self.bundle_size), "bundle_price": _number(self.bundle_price)}
        if self.kind == "volume_tiers":
            return {"tiers": [{"min_quantity": q.strip(), "percent": _number(p) or ""} for q, p in self.tiers
                              if q.strip() or p.strip()]}
        return {}

    def row(self, number: int) -> PromotionRow:
        """The promotions.v1 row; a shape problem raises `ValueError` with its sentences."""
        schedule = []
        if self.days or self.start.strip() or self.end.strip():
            if not (self.days and self.start.strip() and self.end.strip()):
                raise ValueError([_("A schedule needs its days and both times of day; fill them in, or clear "
                                    "them to run at any time.")])
            schedule = [{"days": [d for d in DAYS if d in self.days], "start": self.start.strip(),
                         "end": self.end.strip()}]
        data = {"id": _blank(self.number) or number, "name": self.name.strip(), "kind": self.kind,
                "priority": _blank(self.priority) or 0, "stackable": self.stackable,
                "mix_and_match": not self.same_item, "schedule": schedule,
                "applies_to": {"skus": _names(self.skus), "categories": _names(self.categories),
                               "brands": _names(self.brands), "everything": self.everything},
                "valid_from": _blank(self.valid_from), "valid_until": _blank(self.valid_until),
                **self.kind_fields()}
        try:
            return PromotionRow.model_validate(data)
        except ValidationError as error:
            raise ValueError(shape_problems(error)) from None

    @classmethod
    def of(cls, promotion: Promotion) -> PromotionForm:
        row = PromotionRow.model_validate({**promotion.definition, "active": promotion.is_active})
        window = row.schedule[0] if row.schedule else None

        def text(value) -> str:
            return "" if value is None else str(value)

        def money(value) -> str:  # as the person types it in their language: 24.99, or 24,99
            return "" if value is None else amount(value)

        return cls(number=str(row.id), name=row.name, kind=row.kind, priority=str(row.priority),
                   stackable=row.stackable, every_store=promotion.store_id is None,
                   skus=", ".join(row.applies_to.skus), categories=", ".join(row.applies_to.categories),
                   brands=", ".join(row.applies_to.brands), everything=row.applies_to.everything,
                   same_item=not row.mix_and_match, percent=plain(row.percent), amount=money(row.amount),
                   buy=text(row.buy), get=text(row.get), bundle_size=text(row.bundle_size),
                   bundle_price=money(row.bundle_price),
                   tier_quantity=[str(t.min_quantity) for t in row.tiers],
                   tier_percent=[plain(t.percent) for t in row.tiers],
                   days=list(window.days) if window else [], start=f"{window.start:%H:%M}" if window else "",
                   end=f"{window.end:%H:%M}" if window else "",
                   valid_from=f"{row.valid_from:%Y-%m-%dT%H:%M}" if row.valid_from else "",
                   valid_until=f"{row.valid_until:%Y-%m-%dT%H:%M}" if row.valid_until else "")


class CodeForm(BaseModel):
    code: str = ""
    name: str = ""
    discount_type: str = "percentage"
    discount_value: str = ""
    minimum_purchase: str = ""
    usage_limit: str = ""
    valid_from: str = ""
    valid_until: str = ""
    stackable: bool = False
    every_store: bool = False

    def row(self, number: int) -> DiscountCodeRow:
        data = {"id": number, "code": self.code.strip().upper(), "name": self.name.strip() or self.code.strip(),
                "discount_type": self.discount_type, "discount_value": _number(self.discount_value),
                "minimum_purchase": _number(self.minimum_purchase), "usage_limit": _blank(self.usage_limit),
                "valid_from": _blank(self.valid_from), "valid_until": _blank(self.valid_until),
                "stackable": self.stackable}
        try:
            return DiscountCodeRow.model_validate(data)
        except ValidationError as error:
            raise ValueError(shape_problems(error)) from None
