"""``pos-app promotions price``: price a cart against a promotions file and print the result as JSON.

Each cart line carries its own price, category, brand, whether it is cannabis, and its unit cost. With
--promotions it needs no database; without, it prices against the terminal's own promotions, as synced from the
hub. The formats of the cart, the promotions file and the output are in docs/promotions.md.
"""

from __future__ import annotations

import argparse
import json
import sys
from datetime import datetime
from decimal import Decimal
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from pos_app.cli.common import add_data_dir

NOT_PAIRED = ("This terminal has no store yet, so it has no promotions to price against. Pair and sync it "
              "(pos-app sync pair), or give the promotions to use with --promotions FILE.json.")


class CartLineIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    sku: str = Field(min_length=1)
    unit_price: Decimal = Field(ge=0)
    quantity: int = Field(ge=1, le=999)
    category: str = ""
    brand: str = ""
    is_cannabis: bool = True
    unit_cost: Decimal | None = Field(default=None, ge=0)
    id: str = ""


class CartIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    lines: list[CartLineIn] = Field(min_length=1)
    used_locally: dict[str, int] = {}


class Refusal(Exception):
    pass


def add_commands(commands) -> None:
    promotions = commands.add_parser("promotions", help="price carts against promotions")
    actions = promotions.add_subparsers(dest="action", required=True, metavar="ACTION")
    price = actions.add_parser("price", help="print a cart's promotions, allocations and totals as JSON")
    price.add_argument("--cart", type=Path, required=True, help="the cart as JSON (see docs/promotions.md)")
    price.add_argument("--codes", default="", help="discount codes entered, comma-separated: A,B")
    price.add_argument("--at", help="store-local time to price at, ISO 8601 (default: now in the store's zone)")
    price.add_argument("--promotions", type=Path, help="a promotions file (promotions.v1); default: the "
                                                         "terminal's own, as synced from the hub")
    add_data_dir(price)
    promotions.set_defaults(handler=cmd_promotions)


def cmd_promotions(args: argparse.Namespace) -> int:
    try:
        print(json.dumps(price_command(args), indent=2, ensure_ascii=False))
    except Refusal as refusal:
        print(str(refusal), file=sys.stderr)
        return 2
    return 0


def _read(path: Path, what: str) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except OSError as error:
        raise Refusal(f"Cannot read the {what} {path}: {error.strerror}. Check the path.") from None


def read_cart(text: str):
    from pos_app.domain.money import Money
    from pos_app.domain.promotions import CartLine

    try:
        cart = CartIn.model_validate_json(text)
    except ValidationError as error:
        first = error.errors()[0]
        where = ".".join(str(part) for part in first["loc"])
        raise Refusal(f"The cart is not in the cart format: {where}: {first['msg']}. See docs/promotions.md.") \
            from None
    lines = [CartLine(sku=line.sku, unit_price=Money.of(line.unit_price), quantity=line.quantity,
                      category=line.category, brand=line.brand, is_cannabis=line.is_cannabis,
                      unit_cost=None if line.unit_cost is None else Money.of(line.unit_cost), line_id=line.id)
             for line in cart.lines]
    return lines, {code.upper(): used for code, used in cart.used_locally.items()}


def store_time(text: str | None, zone_name: str | None) -> datetime:
    try:
        zone = ZoneInfo(zone_name) if zone_name else None
    except (ZoneInfoNotFoundError, ValueError):
        raise Refusal(f"The promotions file's store_time_zone {zone_name!r} is not a time zone. Use an IANA "
                      "name such as America/Toronto.") from None
    if text is None:
        return datetime.now(zone).replace(tzinfo=None)
    try:
        at = datetime.fromisoformat(text)
    except ValueError:
        raise Refusal(f"--at {text!r} is not a date and time. Write it like 2026-11-21T16:20.") from None
    if at.tzinfo is not None and zone is not None:
        at = at.astimezone(zone)
    return at.replace(tzinfo=None)


def terminal_promotions(args: argparse.Namespace, used_locally: dict[str, int]):
    """The terminal's own promotions as a file, with the codes it used that the hub has not counted yet."""
    from pos_app.bootstrap import open_terminal
    from pos_app.cli.common import settings_for
    from pos_app.services.promotions import codes_used_locally, promotions_file

    terminal = open_terminal(settings_for(args))
    try:
        try:
            context = terminal.context
        except Exception:  # no store row: never paired
            raise Refusal(NOT_PAIRED) from None
        with terminal.session_factory() as session:
            data = promotions_file(session, context.store_id, context.zone)
            for code, used in codes_used_locally(session).items():
                used_locally[code] = used_locally.get(code, 0) + used
    finally:
        terminal.close()
    return data


def price_command(args: argparse.Namespace) -> dict:
    from pos_app.domain.errors import DomainError
    from pos_app.domain.promotions import PromotionBook
    from pos_app.domain.promotions.checks import Catalog, Product
    from pos_app.domain.promotions.from_file import promotion_set_from_file
    from sync.promotions_file import PromotionsFileError, read_promotions_file

    lines, used_locally = read_cart(_read(args.cart, "cart"))
    if args.promotions is None:
        data = terminal_promotions(args, used_locally)
    else:
        try:
            data = read_promotions_file(_read(args.promotions, "promotions file"))
        except PromotionsFileError as error:
            raise Refusal(str(error)) from None
    # The law is checked against the products this cart shows; the hub checks against its whole catalog.
    known = Catalog({line.sku: Product(line.category, line.brand, line.is_cannabis, line.unit_price,
                                       line.unit_cost) for line in lines}, complete=False)
    try:
        promotion_set = promotion_set_from_file(data, known)
    except DomainError as error:
        raise Refusal(error.message) from None
    at = store_time(args.at, data.store_time_zone)
    codes = [code for code in args.codes.split(",") if code.strip()]
    result = PromotionBook(promotion_set).price(lines, at, codes, used_locally)
    return result_json(result, at)


def result_json(result, at: datetime) -> dict:
    def money(value) -> str:
        return str(value.amount)

    return {
        "at": at.isoformat(timespec="minutes"),
        "lines": [{"id": line.line.line_id, "sku": line.line.sku, "quantity": line.line.quantity,
                   "unit_price": money(line.line.unit_price), "subtotal": money(line.subtotal),
                   "discount": money(line.discount), "total": money(line.total),
                   "unit_prices": [money(p) for p in line.unit_prices],
                   "allocations": [{"promotion_id": a.promotion_id, "code": a.code, "name": a.name,
                                    "amount": money(a.amount)} for a in line.allocations]}
                  for line in result.lines],
        "applied": [{"promotion_id": a.promotion_id, "code": a.code, "name": a.name, "kind": a.kind,
                     "saving": money(a.saving)} for a in result.applied],
        "not_applied": [{"promotion_id": n.promotion_id, "code": n.code, "name": n.name,
                         "reason_code": n.reason_code, "reason": n.reason} for n in result.not_applied],
        "totals": {"subtotal": money(result.subtotal), "discount": money(result.discount),
                   "total": money(result.total)},
        "search": "exact" if result.exact else "greedy",
    }
