"""The screens' side of the current language: amounts in its locale, and a widget that retranslates itself.

Money goes through ``Money.format(current_locale())`` (``$77.83`` or ``77,83 $``), and what a person types
through ``Money.parse`` in the same locale. A screen that stays open across a switch of language mixes in
``Retranslating`` and sets its texts in ``retranslate()``: Qt sends it ``QEvent.LanguageChange`` after each switch
(see pos_app.ui.translation), and what it shows (the sale) stays as it is.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QEvent, QLocale

from pos_app.domain.formatting import format_number
from pos_app.domain.money import CENT, Money
from pos_app.i18n import current_locale

ROLE_NAMES = {"cashier": QT_TRANSLATE_NOOP("Roles", "Cashier"), "manager": QT_TRANSLATE_NOOP("Roles", "Manager"),
              "admin": QT_TRANSLATE_NOOP("Roles", "Admin")}


def role_name(role) -> str:
    """A staff role as the screens name it: Cashier, Manager, Admin (Caissier, Gérant, Administrateur)."""
    value = getattr(role, "value", role)
    return QCoreApplication.translate("Roles", ROLE_NAMES[value]) if value in ROLE_NAMES else str(value).title()


def items_text(count: int) -> str:
    """"1 item", "3 items" ("1 article", "3 articles"): the count of a cart as a person says it."""
    if count == 1:
        return QCoreApplication.translate("Counts", "1 item")
    return QCoreApplication.translate("Counts", "{count} items").format(count=QLocale().toString(count))


def money(amount: Money) -> str:
    return amount.format(current_locale())


def number(value) -> str:
    """A plain figure (grams, a percentage): ``12.5`` or ``12,5``."""
    text = format_number(value)
    return text.replace(".", ",") if current_locale().startswith("fr") else text


def signed_money(amount: Money) -> str:
    """An adjustment: ``+$0.02`` / ``-$0.02`` (``+0,02 $`` in French)."""
    return f"+{money(amount)}" if amount > Money.zero() else money(amount)


def amount_field_text(amount: Money) -> str:
    """An amount to put in a field a person may edit: ``12.50`` or ``12,50``, no symbol."""
    text = format(amount.amount.quantize(CENT), "f")
    return text.replace(".", ",") if current_locale().startswith("fr") else text


def parse_money(text: str) -> Money:
    """What a person typed (``12.50``, ``12,50``, ``$12.50``, ``12,50 $``), or InvalidAmount."""
    return Money.parse(text, current_locale())


class Retranslating:
    """Mixed into a QWidget (before it): ``retranslate()`` runs after each switch of language."""

    def retranslate(self) -> None:
        raise NotImplementedError

    def changeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
