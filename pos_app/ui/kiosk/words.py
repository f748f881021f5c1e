"""What the kiosk shows in the customer's language that is not a sentence of its own: the catalog's category
names, sorts and strain types (the domain keeps them in English, as keys), amounts of money, and figures with a
decimal (``3.5 g`` is ``3,5 g`` in French)."""

from __future__ import annotations

import re

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from pos_app.domain.kiosk_browse import CATEGORY_BY_KEY, SORT_TITLES, Sort
from pos_app.domain.money import Money
from pos_app.i18n import current_language, current_locale

CONTEXT = "KioskWords"
CATEGORY_TITLES = {
    "flower": QT_TRANSLATE_NOOP("KioskWords", "Flower"),
    "pre-rolls": QT_TRANSLATE_NOOP("KioskWords", "Pre-rolls"),
    "vapes": QT_TRANSLATE_NOOP("KioskWords", "Vapes"),
    "edibles": QT_TRANSLATE_NOOP("KioskWords", "Edibles"),
    "beverages": QT_TRANSLATE_NOOP("KioskWords", "Beverages"),
    "extracts": QT_TRANSLATE_NOOP("KioskWords", "Extracts"),
    "topicals": QT_TRANSLATE_NOOP("KioskWords", "Topicals"),
    "seeds": QT_TRANSLATE_NOOP("KioskWords", "Seeds"),
    "accessories": QT_TRANSLATE_NOOP("KioskWords", "Accessories"),
}
SORTS = {
    Sort.BEST_SELLERS: QT_TRANSLATE_NOOP("KioskWords", "Best sellers"),
    Sort.PRICE_LOW: QT_TRANSLATE_NOOP("KioskWords", "Price: low to high"),
    Sort.PRICE_HIGH: QT_TRANSLATE_NOOP("KioskWords", "Price: high to low"),
    Sort.POTENCY: QT_TRANSLATE_NOOP("KioskWords", "Strongest THC"),
    Sort.NEWEST: QT_TRANSLATE_NOOP("KioskWords", "Newest"),
}
STRAINS = {
    "Indica": QT_TRANSLATE_NOOP("KioskWords", "Indica"),
    "Sativa": QT_TRANSLATE_NOOP("KioskWords", "Sativa"),
    "Hybrid": QT_TRANSLATE_NOOP("KioskWords", "Hybrid"),
}
_SEEDS = QT_TRANSLATE_NOOP("KioskWords", "{count} seeds")
_DECIMAL_POINT = re.compile(r"(?<=\d)\.(?=\d)")
_SEED_COUNT = re.compile(r"^(\d+) seeds$")


def word(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def category_title(key: str) -> str:
    source = CATEGORY_TITLES.get(key)
    return word(source) if source else CATEGORY_BY_KEY[key].title


def sort_title(sort: Sort) -> str:
    return word(SORTS.get(sort, SORT_TITLES[sort]))


def strain(text: str) -> str:
    """A strain type from the catalog (Indica, Sativa, Hybrid) in the customer's words; others as they are."""
    return word(STRAINS[text]) if text in STRAINS else text


def figure(text: str) -> str:
    """A size or a potency as the catalog writes it ('3.5 g', '18–22 %', '10 seeds'), in the current language."""
    if current_language() != "fr":
        return text
    seeds = _SEED_COUNT.match(text)
    if seeds:
        return word(_SEEDS).format(count=seeds.group(1))
    return _DECIMAL_POINT.sub(",", text)


def money(amount: Money) -> str:
    """An amount as the customer reads it: ``$77.83`` in English, ``77,83 $`` in French."""
    return amount.format(current_locale())
