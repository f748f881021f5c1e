"""A sentence for a person that keeps its template and values: the English text for the API, logs and files, and
what a screen needs to say it in the person's language.

`Sentence("%(label)s needs a bundle of 2 items or more.", label=...)` is a `str` (the English, as before), so
code that compares, joins or prints it is unchanged; the console looks up `template` in its catalog and fills in
`values`, itself saying each value that is a `Sentence` (a label), `Dollars` (an amount of money) or a date in the
same language. Extraction finds the templates by the keyword `Sentence` (the Makefile's CONSOLE_EXTRACT)."""

from __future__ import annotations

from decimal import Decimal
from typing import Any


class Sentence(str):
    template: str
    values: dict[str, Any]

    def __new__(cls, template: str, /, **values: Any) -> Sentence:
        made = super().__new__(cls, template % values if values else template)
        made.template = template
        made.values = values
        return made


class Dollars(str):
    """An amount of money inside a sentence: `$1,234.56` in English, written again in the reader's language."""

    amount: Decimal

    def __new__(cls, amount: Decimal | int | str) -> Dollars:
        value = Decimal(str(amount))
        made = super().__new__(cls, f"{'-' if value < 0 else ''}${abs(value):,.2f}")
        made.amount = value
        return made
