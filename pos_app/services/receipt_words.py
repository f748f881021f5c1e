"""The language a receipt prints in, and its words: the store's language, English, French, or both.

`receipt_language` (a terminal setting) is "store" by default: French for a store in Quebec, else the terminal's
`language`. "bilingual" prints each heading and label in both languages, French first in Quebec. Amounts and
dates read the way the first language writes them (`1 234,56 $`, `2026-03-04 13 h 05`).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime
from decimal import Decimal

from hardware.printers.document import ReceiptLabels
from pos_app.domain.money import Money
from pos_app.i18n import LOCALES, current_language
from pos_app.i18n.catalog import has_message, text
from pos_app.i18n.numbers import format_number

FRENCH_PROVINCES = frozenset({"QC"})


def receipt_languages(setting: str, province_code: str, terminal_language: str | None = None) -> tuple[str, ...]:
    """The languages a receipt prints in, in order: one, or two for "bilingual"."""
    french_store = province_code.upper() in FRENCH_PROVINCES
    if setting in ("en", "fr"):
        return (setting,)
    if setting == "bilingual":
        return ("fr", "en") if french_store else ("en", "fr")
    return ("fr",) if french_store else (terminal_language or current_language(),)


class ReceiptWords:
    """Every word and figure of one printed document, in its languages (catalog keys `receipt.*`)."""

    def __init__(self, languages: Sequence[str] | None = None) -> None:
        self.languages = tuple(languages) if languages else (current_language(),)
        self.locale = LOCALES[self.languages[0]]

    def __call__(self, key: str, **params: object) -> str:
        """The label in each language, joined by " / " (once if both read the same, like "TOTAL")."""
        return self.each(lambda language: text(key, language=language, **params))

    def each(self, render: Callable[[str], str]) -> str:
        """`render(language)` for each of the receipt's languages, joined like a label."""
        return " / ".join(dict.fromkeys(render(language) for language in self.languages))

    def _word(self, key: str, language: str, fallback: str) -> str:
        return text(key, language=language) if has_message(key) else fallback

    def money(self, cents: int) -> str:
        return Money.from_cents(cents).format(self.locale)

    def amount(self, money: Money) -> str:
        return money.format(self.locale)

    def moment(self, moment: datetime) -> str:
        return text("receipt.moment", language=self.languages[0], date=f"{moment:%Y-%m-%d}", hour=f"{moment:%H}",
                    minute=f"{moment:%M}")

    def percent(self, rate: Decimal, language: str) -> str:
        return text("receipt.percent", language=language, value=format_number(rate, 3, LOCALES[language]))

    def tax_name(self, code: str, language: str) -> str:
        """A tax component by the name a language gives it (HST, TVH); an unknown code as it is."""
        return self._word(f"receipt.tax_{code.lower()}", language, code)

    def tax(self, code: str, rate: Decimal | None) -> str:
        """A tax line's label with its rate: `HST 13%`, `TVQ 9,975 %`."""
        if rate is None:
            return self.each(lambda language: self.tax_name(code, language))
        return self.each(lambda language: f"{self.tax_name(code, language)} {self.percent(rate, language)}")

    def report_tax(self, code: str) -> str:
        return self.each(lambda language: text("receipt.report_tax", language=language,
                                               tax=self.tax_name(code, language)))

    def tender(self, kind: str) -> str:
        """A tender kind ("cash", "card", "card refund") as the receipt names it."""
        return self.each(lambda language: self._word("receipt.tender_" + kind.replace(" ", "_"), language,
                                                     kind.capitalize()))

    def denomination(self, code: str, label: str) -> str:
        """A bill or coin by the name each language gives it ("Loonie ($1)", "Huard (1 $)")."""
        return self.each(lambda language: self._word(f"cash.denomination_{code.replace('.', '_')}", language, label))

    def card_mismatch(self, transaction_kind: str, reference: str, kind: str) -> str:
        """One card transaction that does not match: `sale R-1: amounts differ`."""
        return self.each(lambda language: text(
            "receipt.card_batch_mismatch_row", language=language, reference=reference,
            kind=self._word(f"receipt.card_kind_{transaction_kind}", language, transaction_kind),
            words=text(f"card_batch.{kind}", language=language)))

    def labels(self) -> ReceiptLabels:
        return ReceiptLabels(
            licence=self("receipt.licence"), receipt=self("receipt.receipt"), served_by=self("receipt.served_by"),
            lot=self("receipt.lot"), subtotal=self("receipt.subtotal"), you_saved=self("receipt.you_saved"),
            total=self("receipt.total"), cash_rounding=self("receipt.cash_rounding"), change=self("receipt.change"),
            auth=self("receipt.auth"), money=self.money, tender=self.tender,
        )
