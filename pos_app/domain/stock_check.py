"""Can the stock cover the cart? Checked as lines change, so a line that cannot be sold is marked at once.

Cannabis is sold from lots that may be sold today (not recalled, not expired); a line pinned to a lot by its
label is sold from that lot alone. Accessories have no lots: their on-hand level counts. Every figure is the
till's own view: the pulled level less the local deltas the hub has not counted yet (DESIGN §4, overlay).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from datetime import date
from uuid import UUID

from pos_app.domain.lots import Lot
from pos_app.domain.sale import SaleLine

REMOVE = "Remove it from the sale (F4) and tell a manager."


def sellable_units(lots: Iterable[Lot], today: date, *, lot: str | None = None) -> int:
    """Units in lots that may be sold today (only ``lot``, when a label named one)."""
    return sum(max(found.quantity_remaining, 0) for found in lots
               if found.is_sellable_on(today) and lot in (None, found.batch_lot))


def _units(count: int) -> str:
    return "1 unit" if count == 1 else f"{count} units"


def _nothing_sellable(name: str, lots: Sequence[Lot], today: date, lot: str | None) -> str:
    stocked = [found for found in lots if found.quantity_remaining > 0 and lot in (None, found.batch_lot)]
    what = f"lot {lot} of {name}" if lot else name
    if stocked and all(found.recalled for found in stocked):
        recalls = sorted({found.recall for found in stocked if found.recall})
        why = "its stock is recalled" + (f" ({'; '.join(recalls)})" if recalls else "")
    elif stocked and all(not found.is_sellable_on(today) for found in stocked):
        why = "its stock is expired or recalled"
    else:
        why = "none is in stock"
    return f"{what[0].upper()}{what[1:]} can't be sold: {why}. {REMOVE}"


def _too_few(name: str, have: int, wanted: int, lot: str | None) -> str:
    what = f"lot {lot} of {name}" if lot else name
    return (f"Only {_units(have)} of {what} can be sold from stock, and the sale has {wanted}. "
            "Lower the quantity (F3), or remove the item (F4).")


def unsellable_lines(lines: Sequence[SaleLine], lots_by_sku: Mapping[str, Sequence[Lot]],
                     on_hand: Mapping[str, int], today: date) -> dict[UUID, str]:
    """The lines the stock cannot cover, each with the sentence a cashier reads: what is wrong, what to do."""
    groups: dict[tuple[str, str | None], list[SaleLine]] = defaultdict(list)
    for line in lines:
        groups[(line.product.sku, line.lot if line.product.is_cannabis else None)].append(line)
        if line.lot is not None and line.product.is_cannabis:  # a pinned line also uses up the product's stock
            groups[(line.product.sku, None)].append(line)
    problems: dict[UUID, str] = {}
    for (sku, lot), group in groups.items():
        product = group[0].product
        lots = lots_by_sku.get(sku, ())
        have = sellable_units(lots, today, lot=lot) if product.is_cannabis else on_hand.get(sku, 0)
        wanted = sum(line.quantity for line in group)
        if have >= wanted:
            continue
        if have <= 0:
            sentence = _nothing_sellable(product.name, lots, today, lot)
        else:
            sentence = _too_few(product.name, have, wanted, lot)
        for line in group:
            problems.setdefault(line.line_id, sentence)
    return problems
