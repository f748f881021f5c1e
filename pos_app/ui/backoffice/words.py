"""The back office's figures and fixed words in the language spoken now: counts, money and dates through QLocale
(``1 234``, ``77,83 $``, ``2026-12-06``), and the reasons' labels, which the domain keeps in English as keys."""

from __future__ import annotations

from datetime import date
from functools import lru_cache

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QDate, QLocale

from pos_app.domain.money import Money
from pos_app.i18n import current_locale
from sync.mutations.reasons import AdjustmentReason, DiscrepancyReason

CONTEXT = "BackOfficeWords"
DISCREPANCY_REASONS = {
    DiscrepancyReason.SHORT: QT_TRANSLATE_NOOP("BackOfficeWords", "Short"),
    DiscrepancyReason.OVER: QT_TRANSLATE_NOOP("BackOfficeWords", "Over"),
    DiscrepancyReason.DAMAGED: QT_TRANSLATE_NOOP("BackOfficeWords", "Damaged"),
    DiscrepancyReason.WRONG_ITEM: QT_TRANSLATE_NOOP("BackOfficeWords", "Wrong item"),
    DiscrepancyReason.NOT_ORDERED: QT_TRANSLATE_NOOP("BackOfficeWords", "Not ordered"),
}
ADJUSTMENT_REASONS = {
    AdjustmentReason.DAMAGED: QT_TRANSLATE_NOOP("BackOfficeWords", "Damaged"),
    AdjustmentReason.DESTROYED: QT_TRANSLATE_NOOP("BackOfficeWords", "Destroyed"),
    AdjustmentReason.EXPIRED: QT_TRANSLATE_NOOP("BackOfficeWords", "Expired"),
    AdjustmentReason.THEFT_OR_LOSS: QT_TRANSLATE_NOOP("BackOfficeWords", "Theft or loss"),
    AdjustmentReason.SAMPLE_OR_TESTING: QT_TRANSLATE_NOOP("BackOfficeWords", "Sample or testing"),
    AdjustmentReason.RETURNED_TO_SUPPLIER: QT_TRANSLATE_NOOP("BackOfficeWords", "Returned to supplier"),
    AdjustmentReason.RECALL_QUARANTINE: QT_TRANSLATE_NOOP("BackOfficeWords", "Recall quarantine"),
    AdjustmentReason.FOUND: QT_TRANSLATE_NOOP("BackOfficeWords", "Found"),
    AdjustmentReason.DATA_CORRECTION: QT_TRANSLATE_NOOP("BackOfficeWords", "Data correction"),
}


PRODUCT_FORMS = {
    "dried_flower": QT_TRANSLATE_NOOP("BackOfficeWords", "Dried flower"),
    "pre_roll": QT_TRANSLATE_NOOP("BackOfficeWords", "Pre-roll"),
    "fresh": QT_TRANSLATE_NOOP("BackOfficeWords", "Fresh"),
    "vape": QT_TRANSLATE_NOOP("BackOfficeWords", "Vape"),
    "extract": QT_TRANSLATE_NOOP("BackOfficeWords", "Extract"),
    "edible": QT_TRANSLATE_NOOP("BackOfficeWords", "Edible"),
    "beverage": QT_TRANSLATE_NOOP("BackOfficeWords", "Beverage"),
    "oil": QT_TRANSLATE_NOOP("BackOfficeWords", "Oil"),
    "topical": QT_TRANSLATE_NOOP("BackOfficeWords", "Topical"),
    "seed": QT_TRANSLATE_NOOP("BackOfficeWords", "Seed"),
    "accessory": QT_TRANSLATE_NOOP("BackOfficeWords", "Accessory"),
}


def word(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def discrepancy_reason(reason: DiscrepancyReason) -> str:
    return word(DISCREPANCY_REASONS[reason])


def category_name(form: str) -> str:
    """A product form from the store's figures (dried_flower) as a person reads it (Dried flower)."""
    return word(PRODUCT_FORMS[form]) if form in PRODUCT_FORMS else form.replace("_", " ").capitalize()


def adjustment_reason(reason: AdjustmentReason) -> str:
    return word(ADJUSTMENT_REASONS[reason])


def locale() -> QLocale:
    return _locale(current_locale())


@lru_cache(maxsize=4)
def _locale(name: str) -> QLocale:
    return QLocale(name)


def number(value: int) -> str:
    """A count as the language writes it: 1,234 in English, 1 234 in French."""
    return str(value) if -1000 < value < 1000 else locale().toString(int(value))


def signed(value: int) -> str:
    """A change in stock, with its sign: +3, -2."""
    return ("-" if value < 0 else "+") + number(abs(value))


def money(amount: Money) -> str:
    return amount.format(current_locale())


def cents(amount: int) -> str:
    return money(Money.from_cents(amount))


def day(value: date | None, *, long: bool = False) -> str:
    """A date: short (2026-12-06 in both languages) or long (Sunday, December 6, 2026 / dimanche 6 décembre 2026)."""
    if value is None:
        return "–"
    form = QLocale.FormatType.LongFormat if long else QLocale.FormatType.ShortFormat
    return locale().toString(QDate(value.year, value.month, value.day), form)
