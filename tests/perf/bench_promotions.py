"""Promotions: re-pricing a 50-line cart after a scan with 1,000 active promotions (target p99 ≤ 2 ms).

Pure domain, no database: a seeded catalog of 10,000 products (30 categories, 300 brands, costs about half the
price) and 1,000 promotions of every kind, all on at the bench's store time. Six in ten name a few SKUs, a
quarter a brand, the rest a category; one in five is stackable. A scan re-prices the whole cart with
PromotionBook.price (the book is built once, as the register keeps it until promotions change).
Floor: the same cart re-totalled the bare way: each line's SKU, category and brand looked up in plain dicts of
promotions and its amount summed in cents.
"""

from __future__ import annotations

import random
from datetime import datetime, time
from decimal import Decimal

from tests.perf.metrics import Metric, at_most
from tests.perf.stats import cpu_ms_since, cpu_now, ms_since, now, p50, p99

PRODUCTS, CATEGORIES, BRANDS, PROMOTIONS, CART_LINES = 10_000, 30, 300, 1_000, 50
AT = datetime(2026, 11, 20, 17, 0)  # a Friday, in the evening rush


def catalog(rng: random.Random) -> list[tuple[str, int, str, str, bool, int]]:
    rows = []
    for index in range(PRODUCTS):
        price = rng.choice([499, 999, 1249, 1999, 2999, 3499, 4999])
        cannabis = rng.random() < 0.85
        rows.append((f"SKU{index:05d}", price, f"Category {index % CATEGORIES}", f"Brand {rng.randrange(BRANDS)}",
                     cannabis, price // 2 if cannabis else price // 3))
    return rows


def promotions(rng: random.Random, products, brands=None, categories=None, happy_hour=None):
    """PROMOTIONS promotions over `products` (rows whose first field is the SKU) and those brands and categories
    (the seeded catalog's by default); one in ten runs in `happy_hour` (a Window; by default Friday and Saturday
    16:00–18:00, on at the bench's time)."""
    from pos_app.domain.money import Money
    from pos_app.domain.promotions import Kind, Promotion, Target, Tier, Window

    brands = brands or [f"Brand {index}" for index in range(BRANDS)]
    categories = categories or [f"Category {index}" for index in range(CATEGORIES)]
    happy_hour = happy_hour or Window(frozenset({"fri", "sat"}), time(16, 0), time(18, 0))
    made = []
    for pid in range(1, PROMOTIONS + 1):
        roll = rng.random()
        if roll < 0.6:
            target = Target(skus=frozenset(rng.choice(products)[0] for _ in range(rng.randint(1, 5))))
        elif roll < 0.85:
            target = Target(brands=frozenset({rng.choice(brands)}))
        else:
            target = Target(categories=frozenset({rng.choice(categories)}))
        kind = rng.choice([Kind.PERCENT_OFF] * 3 + [Kind.AMOUNT_OFF] * 2 + [Kind.BUY_X_GET_Y] * 2
                          + [Kind.BUNDLE] * 2 + [Kind.VOLUME_TIERS] * 1)
        fields = {"priority": rng.randrange(6), "stackable": rng.random() < 0.2,
                  "mix_and_match": rng.random() < 0.8}
        if kind in (Kind.PERCENT_OFF, Kind.BUY_X_GET_Y):
            fields["percent"] = Decimal(rng.choice([5, 10, 15, 20, 25, 50]))
        if kind is Kind.AMOUNT_OFF:
            fields["amount"] = Money.from_cents(rng.choice([100, 200, 500]))
        if kind is Kind.BUY_X_GET_Y:
            fields["buy"], fields["get"] = rng.choice([(1, 1), (2, 1), (3, 1)])
        if kind is Kind.BUNDLE:
            fields["bundle_size"] = rng.choice([2, 3])
            fields["bundle_price"] = Money.from_cents(rng.choice([1500, 2500, 4000, 6000]))
        if kind is Kind.VOLUME_TIERS:
            fields["tiers"] = (Tier(2, Decimal(5)), Tier(3, Decimal(10)))
        if rng.random() < 0.1:  # a happy hour, on at the bench's time
            fields["windows"] = (happy_hour,)
        made.append(Promotion(pid, f"promotion {pid}", kind, target, **fields))
    return made


def file_row(promotion) -> dict:
    """A promotion as a row of the promotions file (sync.promotions_file), as the hub feeds it to a terminal."""
    target = promotion.target
    row = {"id": promotion.id, "name": promotion.name, "kind": promotion.kind.value, "priority": promotion.priority,
           "stackable": promotion.stackable, "mix_and_match": promotion.mix_and_match,
           "applies_to": {"skus": sorted(target.skus), "categories": sorted(target.categories),
                          "brands": sorted(target.brands)},
           "schedule": [{"days": sorted(w.days), "start": f"{w.start:%H:%M}", "end": f"{w.end:%H:%M}"}
                        for w in promotion.windows]}
    if promotion.percent is not None:
        row["percent"] = str(promotion.percent)
    if promotion.amount is not None:
        row["amount"] = str(promotion.amount.amount)
    if promotion.buy:
        row["buy"], row["get"] = promotion.buy, promotion.get
    if promotion.bundle_size:
        row["bundle_size"], row["bundle_price"] = promotion.bundle_size, str(promotion.bundle_price.amount)
    if promotion.tiers:
        row["tiers"] = [{"min_quantity": t.min_quantity, "percent": str(t.percent)} for t in promotion.tiers]
    return row


def carts(rng: random.Random, products, scans: int):
    """Each sample is a cart after a scan: 49 lines already rung up, plus the line just scanned."""
    from pos_app.domain.money import Money
    from pos_app.domain.promotions import CartLine

    def line(row, index):
        sku, price, category, brand, cannabis, cost = row
        return CartLine(sku, Money.from_cents(price), rng.choice([1, 1, 1, 2, 3]), category, brand, cannabis,
                        Money.from_cents(cost), f"L{index}")

    out = []
    for _ in range(scans):
        rows = rng.sample(products, CART_LINES)
        out.append([line(row, index) for index, row in enumerate(rows)])
    return out


def floor_totals(book, samples) -> list[float]:
    by_sku, by_category, by_brand = book.by_sku, book.by_category, book.by_brand
    times = []
    for lines in samples:
        started = now()
        total, touched = 0, 0
        for line in lines:
            touched += len(by_sku.get(line.sku, ())) + len(by_category.get(line.category, ()))
            touched += len(by_brand.get(line.brand, ()))
            total += line.unit_price.cents * line.quantity
        times.append(ms_since(started))
    return times


def run(size, progress):
    from pos_app.domain.promotions import PromotionBook, PromotionSet

    rng = random.Random(17)
    products = catalog(rng)
    book = PromotionBook(PromotionSet(tuple(promotions(rng, products))))
    samples = carts(rng, products, max(size.scans, 50))
    for lines in samples[:20]:  # warm
        book.price(lines, AT)
    times, cpu, applied, greedy, discounts = [], [], [], 0, []
    for index, lines in enumerate(samples):
        started, started_cpu = now(), cpu_now()
        result = book.price(lines, AT)
        times.append(ms_since(started))
        cpu.append(cpu_ms_since(started_cpu))
        applied.append(len(result.applied))
        greedy += not result.exact
        discounts.append(result.discount.cents)
        if (index + 1) % 500 == 0:
            progress(f"{index + 1:,} of {len(samples):,} carts")
    floor = floor_totals(book, samples)
    how = (f"{len(times):,} re-pricings of a {CART_LINES}-line cart (1–3 units a line) with {PROMOTIONS:,} active "
           f"promotions ({sum(applied) / len(applied):.1f} applied a cart on average, {greedy} carts planned "
           "greedily) by PromotionBook.price; floor: the same carts' SKU, category and brand looked up in the "
           "book's plain dicts and their amounts summed in cents; CPU time of the same re-pricings (without "
           f"waiting for a core): p50 {p50(cpu):.3f} ms, p99 {p99(cpu):.3f} ms")
    extra = {"p50_ms": round(p50(times), 3), "floor_p99_ms": round(p99(floor), 4), "greedy_carts": greedy,
             "mean_applied": round(sum(applied) / len(applied), 1),
             "mean_discount": round(sum(discounts) / len(discounts) / 100, 2),
             "cpu_p50_ms": round(p50(cpu), 3), "cpu_p99_ms": round(p99(cpu), 3)}
    return [Metric("promotions re-priced p50", p50(times), "ms", floor=p50(floor), how=how),
            at_most(Metric("promotions re-priced p99", p99(times), "ms", floor=p99(floor), how=how,
                           extra=extra), 2)], []
