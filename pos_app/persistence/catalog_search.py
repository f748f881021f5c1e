"""Search as you type over the replica's catalog: every word must match the name, the brand or the SKU.

Hits come in tiers: the exact SKU, then names that start with the first word (in name order), then brands
(in brand, then name order), then SKUs that start with it, then every other match (in name order).
Cannabis products come before accessories.
A GTIN (8, 12, 13 or 14 digits, check digit right) is an exact match on each, case or accessory barcode, compared
as a GTIN-14 (`hardware.codes.gs1`, the one GTIN rule). Wildcards a person types
(% and _) are matched literally.

Speed on a 100,000-product catalog comes from the schema of migration 0004: an FTS5 trigram table per
catalog table finds substrings of three characters or more, and partial NOCASE indexes on names and brands
serve "starts with" in order. A substring of one or two characters cannot use trigrams: it is matched as a
prefix, a two-character word also at the start of any later word in a name ("dr" finds "Blue Dream"), and
as a plain filter on rows the other words already found.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date
from decimal import Decimal

from sqlalchemy import and_, func, literal_column, or_, select
from sqlalchemy import text as raw_sql
from sqlalchemy.orm import Session

from hardware.codes.gs1 import gtin14_or_none
from pos_app.domain.stock_check import sellable_units
from pos_app.persistence.models import Accessory, OcsInventory, OcsProduct
from pos_app.persistence.stock import available_stock, sellable_lots

TRIGRAM = 3
# Below this many substring matches, sorting them beats walking the whole name index in order.
FEW_MATCHES = 500
# Text that starts with w sorts (NOCASE) in [w, w + MAX_CHAR): no character sorts above U+10FFFF.
MAX_CHAR = "\U0010ffff"


@dataclass(frozen=True)
class SearchRow:
    sku: str
    name: str
    brand: str
    price: Decimal
    form: str
    is_cannabis: bool
    on_hand: int  # pulled level less the local deltas the hub has not counted yet (DESIGN §4, overlay)
    sellable: int = 0  # of those, units in lots that may be sold today (cannabis); the level itself otherwise


@dataclass(frozen=True)
class _Catalog:
    table: str
    search: str  # its FTS5 trigram table (migration 0004), rowid = the catalog row's rowid
    name: str
    brand: str
    sku: str


PRODUCTS = _Catalog("ocs_product_catalog", "ocs_product_search", "product_name", "brand_name", "ocs_variant_number")
ACCESSORIES = _Catalog("accessories_catalog", "accessory_search", "name", "brand", "sku")
SEARCH_TABLES = (PRODUCTS.search, ACCESSORIES.search)
SEARCH_INDEX_SUFFIXES = ("_active_name_nocase", "_active_brand_nocase")
KIOSK_INDEX_PREFIX = "ix_ocs_product_catalog_kiosk_"  # migration 0008: the kiosk's browse indexes
KIOSK_LISTING = "kiosk_listing"  # migration 0010: the kiosk's shelves and sort keys, their indexes and triggers
CATALOG_UPKEEP = "catalog_upkeep_"  # migration 0019: the pause of the search triggers and indexes in a first sync


def is_search_index(name: str | None) -> bool:
    """Tables and indexes migrations 0004 and 0019 (search), 0008 and 0010 (kiosk browsing) made by hand, which the
    models do not describe (FTS5 tables, partial and expression indexes, a table kept by triggers)."""
    return name is not None and (name.startswith((*SEARCH_TABLES, KIOSK_INDEX_PREFIX, KIOSK_LISTING, CATALOG_UPKEEP))
                                 or name.endswith(SEARCH_INDEX_SUFFIXES))


def _phrase(word: str) -> str:
    return '"' + word.replace('"', '""') + '"'


def _like_escaped(word: str) -> str:
    return word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


class _SearchSql:
    """The SQL of a search over one catalog table, tier by tier; each tier's rows come in its own order.

    Tiers: the exact SKU; names, then brands, then SKUs that start with the first word (one compound
    SELECT of (tier, rowid) rows); then, only when those fall short, any row holding every word. A row can
    be in several tiers; the caller keeps its first. Each tier needs at most ``limit`` rows: if a tier has
    that many, the tiers up to it already hold ``limit`` different rows. Every tier reads an index that holds
    name, brand and SKU (or the FTS table's own copy), never the wide catalog rows.
    """

    def __init__(self, catalog: _Catalog, words: list[str], count: Callable[[str], int]) -> None:
        self.c, self.words, self.count = catalog, words, count  # count: FTS matches of a query, up to FEW_MATCHES
        self.params: dict[str, object] = {}

    def bind(self, value: object) -> str:
        key = f"p{len(self.params)}"
        self.params[key] = value
        return f":{key}"

    def holds_all(self, words: list[str], source: str, columns: tuple[str, str, str]) -> list[str]:
        """Conditions that every word is in the name, brand or SKU: trigrams for long words, LIKE for short."""
        clauses = []
        long_words = [w for w in words if len(w) >= TRIGRAM]
        if long_words:
            # The unary + keeps the planner from driving the query by these rowids (then sorting them all):
            # walking an index in the order wanted, checking each row against the set, stops after n rows.
            clauses.append(f"+{source}.rowid IN (SELECT rowid FROM {self.c.search} WHERE {self.c.search} MATCH "
                           f"{self.bind(' AND '.join(_phrase(w) for w in long_words))})")
        for word in (w for w in words if len(w) < TRIGRAM):
            pattern = self.bind(f"%{_like_escaped(word)}%")
            clauses.append("(" + " OR ".join(f"{column} LIKE {pattern} ESCAPE '\\'" for column in columns) + ")")
        return clauses

    def prefix_sql(self) -> str:
        c, t = self.c, self.c.table
        name, brand, sku = f"{t}.{c.name}", f"{t}.{c.brand}", f"{t}.{c.sku}"
        first, rest = self.words[0], self.words[1:]
        lo, hi = self.bind(first), self.bind(first + MAX_CHAR)
        upper = self.bind(first.upper())
        # A row that starts with the first word holds it: the other words are left to check.
        others = self.holds_all(rest, t, (name, f"coalesce({brand}, '')", sku))
        active = f"{t}.is_active"  # the partial indexes hold active rows only
        tiers = [] if rest else [(t, [active, f"{sku} IN ({lo}, {upper})"], sku)]
        tiers += [
            (t, [active, f"{name} COLLATE NOCASE >= {lo}", f"{name} COLLATE NOCASE < {hi}", *others],
             f"{name} COLLATE NOCASE"),
            (t, [active, f"{brand} COLLATE NOCASE >= {lo}", f"{brand} COLLATE NOCASE < {hi}", *others],
             f"{brand} COLLATE NOCASE, {name} COLLATE NOCASE"),
            (t, [active, f"{sku} >= {upper}", f"{sku} < {self.bind(first.upper() + MAX_CHAR)}", *others], sku),
        ]
        return " UNION ALL ".join(f"SELECT {tier}, rowid FROM ({_select(*select)})"
                                  for tier, select in enumerate(tiers))

    def substring_sql(self) -> str | None:
        c, t, words = self.c, self.c.table, self.words
        long_words = [w for w in words if len(w) >= TRIGRAM]
        if long_words:
            match, short = " AND ".join(_phrase(w) for w in long_words), [w for w in words if len(w) < TRIGRAM]
        else:
            # No trigram in the words: a two-letter word is looked for at the start of a later word in a name.
            pairs = [w for w in words if len(w) == TRIGRAM - 1]
            if not pairs:
                return None
            match = " AND ".join(_phrase(" " + w) for w in pairs)
            short = [w for w in words if len(w) < TRIGRAM - 1]
        matches = self.count(match)
        if not matches:
            return None
        s, match = c.search, self.bind(match)
        if matches < FEW_MATCHES:  # sort the few, on the FTS table's copy of name, brand and SKU
            copies = (f"{s}.name", f"{s}.brand", f"{s}.sku")
            return _select(s, [f"{s} MATCH {match}", *self.holds_all(short, s, copies)], f"{s}.name COLLATE NOCASE")
        # Many: walk the name index in order, keeping the matches, which ends the walk early.
        name, brand, sku = f"{t}.{c.name}", f"coalesce({t}.{c.brand}, '')", f"{t}.{c.sku}"
        return _select(f"{t} INDEXED BY ix_{t}_active_name_nocase",
                       [f"{t}.is_active", f"{t}.rowid IN (SELECT rowid FROM {s} WHERE {s} MATCH {match})",
                        *self.holds_all(short, t, (name, brand, sku))], f"{name} COLLATE NOCASE")


def _select(source: str, where: list[str], order: str) -> str:
    table = source.split()[0]  # "table INDEXED BY index"
    return f"SELECT {table}.rowid AS rowid FROM {source} WHERE {' AND '.join(where)} ORDER BY {order} LIMIT :n"


def _ranked_rowids(session: Session, catalog: _Catalog, words: list[str], limit: int) -> list[int]:
    def count(match: str) -> int:
        return session.execute(raw_sql(f"SELECT count(*) FROM (SELECT 1 FROM {catalog.search} WHERE {catalog.search} "
                                    f"MATCH :match LIMIT {FEW_MATCHES})"), {"match": match}).scalar_one()

    query = _SearchSql(catalog, words, count)
    rows = session.execute(raw_sql(query.prefix_sql()), {**query.params, "n": limit}).all()
    ranked = list(dict.fromkeys(rowid for _tier, rowid in sorted(rows, key=lambda row: row[0])))  # stable sort
    if len(ranked) < limit:
        substrings = query.substring_sql()
        if substrings is not None:
            ranked = list(dict.fromkeys([*ranked, *session.execute(raw_sql(substrings),
                                                                   {**query.params, "n": limit}).scalars()]))
    return ranked[:limit]


def _cannabis(store_id: uuid.UUID):
    stock = and_(OcsInventory.sku == OcsProduct.ocs_variant_number, OcsInventory.store_id == store_id)
    price = func.coalesce(OcsInventory.override_price, OcsInventory.retail_price, OcsProduct.price_per_unit)
    return (
        select(literal_column("ocs_product_catalog.rowid"), OcsProduct.ocs_variant_number, OcsProduct.product_name,
               OcsProduct.brand_name, price, OcsProduct.product_form,
               func.coalesce(OcsInventory.quantity_on_hand, 0))
        .outerjoin(OcsInventory, stock)
        .where(OcsProduct.is_active)
    )


def _accessories(store_id: uuid.UUID):
    stock = and_(OcsInventory.sku == Accessory.sku, OcsInventory.store_id == store_id)
    price = func.coalesce(OcsInventory.override_price, OcsInventory.retail_price, Accessory.retail_price)
    return (
        select(literal_column("accessories_catalog.rowid"), Accessory.sku, Accessory.name,
               func.coalesce(Accessory.brand, ""), price, literal_column("'accessory'"),
               func.coalesce(OcsInventory.quantity_on_hand, 0))
        .outerjoin(OcsInventory, stock)
        .where(Accessory.is_active)
    )


def _rows(session: Session, query, is_cannabis: bool, rowids: list[int] | None = None) -> list[SearchRow]:
    """The rows of ``query`` (rowid first); with ``rowids``, only those, in that order."""
    if rowids is not None:
        if not rowids:
            return []
        query = query.where(query.selected_columns[0].in_(rowids))
    found = {row[0]: SearchRow(row[1], row[2], row[3], Decimal(row[4]), row[5], is_cannabis, row[6])
             for row in session.execute(query)}
    return list(found.values()) if rowids is None else [found[r] for r in rowids if r in found]


def search_catalog(session: Session, store_id: uuid.UUID, text: str, limit: int, *, today: date) -> list[SearchRow]:
    """Up to ``limit`` matches, each with its on-hand level and how many units of it may be sold ``today``."""
    words = text.split()
    if not words or limit <= 0:
        return []
    gtin = gtin14_or_none(words[0]) if len(words) == 1 else None
    cannabis, accessories = _cannabis(store_id), _accessories(store_id)
    if gtin is not None:
        codes = or_(OcsProduct.each_gtin == gtin, OcsProduct.case_gtin == gtin)
        rows = _rows(session, cannabis.where(codes).limit(limit), True)
        rows += _rows(session, accessories.where(Accessory.barcode == gtin).limit(limit - len(rows)), False)
    else:
        rows = _rows(session, cannabis, True, _ranked_rowids(session, PRODUCTS, words, limit))
        if len(rows) < limit:
            rows += _rows(session, accessories, False, _ranked_rowids(session, ACCESSORIES, words, limit - len(rows)))
    rows = rows[:limit]
    levels = available_stock(session, store_id, {row.sku: row.on_hand for row in rows})
    lots = sellable_lots(session, store_id, [row.sku for row in rows if row.is_cannabis])
    return [replace(row, on_hand=levels[row.sku],
                    sellable=sellable_units(lots.get(row.sku, ()), today) if row.is_cannabis else levels[row.sku])
            for row in rows]
