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
from pos_app.i18n.catalog import Message


def sellable_units(lots: Iterable[Lot], today: date, *, lot: str | None = None) -> int:
    """Units in lots that may be sold today (only ``lot``, when a label named one)."""
    return sum(max(found.quantity_remaining, 0) for found in lots
               if found.is_sellable_on(today) and lot in (None, found.batch_lot))


def _nothing_sellable(name: str, lots: Sequence[Lot], today: date, lot: str | None) -> Message:
    stocked = [found for found in lots if found.quantity_remaining > 0 and lot in (None, found.batch_lot)]
    where = {"lot": lot} if lot else {}
    name = name if lot else name[:1].upper() + name[1:]  # the sentence starts with it
    variant = "_lot" if lot else ""
    if stocked and all(found.recalled for found in stocked):
        recalls = sorted({found.recall for found in stocked if found.recall})
        if recalls:
            return Message(f"unsellable_item.recalled_because{variant}", name=name, recalls="; ".join(recalls),
                           **where)
        return Message(f"unsellable_item.recalled{variant}", name=name, **where)
    if stocked and all(not found.is_sellable_on(today) for found in stocked):
        return Message(f"unsellable_item.expired{variant}", name=name, **where)
    return Message(f"unsellable_item.none_in_stock{variant}", name=name, **where)


def _too_few(name: str, have: int, wanted: int, lot: str | None) -> Message:
    key = f"unsellable_item.too_few{'_one' if have == 1 else ''}{'_lot' if lot else ''}"
    return Message(key, name=name, have=have, wanted=wanted, **({"lot": lot} if lot else {}))


def unsellable_lines(lines: Sequence[SaleLine], lots_by_sku: Mapping[str, Sequence[Lot]],
                     on_hand: Mapping[str, int], today: date) -> dict[UUID, Message]:
    """The lines the stock cannot cover, each with the sentence a cashier reads: what is wrong, what to do."""
    groups: dict[tuple[str, str | None], list[SaleLine]] = defaultdict(list)
    for line in lines:
        groups[(line.product.sku, line.lot if line.product.is_cannabis else None)].append(line)
        if line.lot is not None and line.product.is_cannabis:  # a pinned line also uses up the product's stock
            groups[(line.product.sku, None)].append(line)
    problems: dict[UUID, Message] = {}
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
