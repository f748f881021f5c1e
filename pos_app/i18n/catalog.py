"""The one message catalog of the domain, the services and the receipt: a code in, a sentence in the current
language out.

Each message's msgid is a stable code, the error's `code` or `code.variant` (`possession_limit_exceeded`,
`invalid_discount.negative`), or a receipt label (`receipt.subtotal`); English and French are both translations
of it (`locale/<lang>/LC_MESSAGES/pos.po`), compiled in memory when first used, so no binary .mo is kept. Texts use
python-format named placeholders (`%(grams)s`); the values are written in the language asked for: numbers and
grams through `numbers.format_number`, money through its own `format(locale)`, dates as ISO dates.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from datetime import date, datetime
from decimal import Decimal
from functools import cache
from io import BytesIO
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.support import Translations

from pos_app.i18n import DEFAULT_LANGUAGE, LANGUAGES, LOCALES, current_language
from pos_app.i18n.numbers import Count, format_count, format_number

LOCALE_DIR = Path(__file__).resolve().parent / "locale"
DOMAIN = "pos"


def po_path(language: str) -> Path:
    return LOCALE_DIR / language / "LC_MESSAGES" / f"{DOMAIN}.po"


@cache
def catalog(language: str) -> Catalog:
    """The .po of a language as Babel reads it (the CI check looks at its entries too)."""
    with po_path(language).open("rb") as source:
        return read_po(source, locale=LOCALES[language], domain=DOMAIN)


@cache
def _translations(language: str) -> Translations:
    compiled = BytesIO()
    write_mo(compiled, catalog(language))  # fuzzy entries are left out, as msgfmt does
    compiled.seek(0)
    return Translations(compiled, domain=DOMAIN)


def _template(key: str, language: str) -> str | None:
    """The text for `key` in `language`, else in English, else the text of its code (`a.b` falls back to `a`)."""
    for candidate in (key, key.split(".", 1)[0]) if "." in key else (key,):
        for lang in (language, DEFAULT_LANGUAGE):
            text = _translations(lang).gettext(candidate)
            if text != candidate:
                return text
    return None


def localize(value: object, language: str) -> str:
    """One parameter as the sentence shows it in `language`."""
    locale = LOCALES[language]
    render_in = getattr(value, "render_in", None)  # a Message or an error: worded in the language asked for
    if callable(render_in):
        return render_in(language)
    if isinstance(value, str):
        return value
    if isinstance(value, bool) or value is None:
        return str(value)
    if isinstance(value, Count):
        return format_count(value, locale)
    if isinstance(value, Decimal):
        return format_number(value, locale=locale)
    if isinstance(value, float):
        return format_number(Decimal(repr(value)), locale=locale)
    if isinstance(value, datetime):
        return f"{value:%Y-%m-%d %H:%M}"
    if isinstance(value, date):
        return value.isoformat()
    format_in = getattr(value, "format", None)  # Money, and any value object that knows how it reads
    if callable(format_in) and not isinstance(value, int):
        return format_in(locale)
    return str(value)


def text(key: str, /, language: str | None = None, **params: object) -> str:
    """The sentence for `key` with its parameters, in `language` (default: the terminal's current language)."""
    lang = language or current_language()
    if lang not in LANGUAGES:
        lang = DEFAULT_LANGUAGE
    template = _template(key, lang)
    if template is None:
        return key  # a missing entry still says which message it is; the catalog check catches it in CI
    return template % {name: localize(value, lang) for name, value in params.items()}


class Message(str):
    """A sentence rendered now (a plain `str` to whoever shows it) that keeps its key and parameters, so an error
    raised from it later renders again in the language current then."""

    key: str
    params: dict[str, object]

    def __new__(cls, key: str, /, **params: object) -> Message:
        rendered = super().__new__(cls, text(key, **params))
        rendered.key = key
        rendered.params = params
        return rendered

    def render_in(self, language: str) -> str:
        return text(self.key, language, **self.params)

    def __eq__(self, other: object) -> bool:
        # The same message is the same whichever language each was worded in (a constant made at import in
        # English equals the outcome worded in French now).
        if isinstance(other, Message):
            return (self.key, self.params) == (other.key, other.params)
        return str.__eq__(self, other)

    def __ne__(self, other: object) -> bool:
        return not self == other

    __hash__ = str.__hash__


def has_message(key: str) -> bool:
    """Whether the catalog has `key` itself (no fallback to its code)."""
    return catalog(DEFAULT_LANGUAGE).get(key) is not None


class Amounts(tuple):
    """Amounts listed in one parameter ("$5.00, $7.50"), each read in the sentence's language."""

    def format(self, locale: str) -> str:
        return ", ".join(amount.format(locale) for amount in self)


class Labels(Mapping):
    """Fixed choices' labels (reasons, sort orders) read from the catalog when looked up, so a list built at
    import reads in the language current when it is shown: `Labels({Reason.X: "refund_reason.x"})[Reason.X]`."""

    def __init__(self, keys: Mapping[object, str]) -> None:
        self._keys = dict(keys)

    def __getitem__(self, choice: object) -> str:
        return text(self._keys[choice])

    def in_language(self, choice: object, language: str) -> str:
        """The label in one language, whatever the current one (a stable name for a choice on screen)."""
        return text(self._keys[choice], language)

    def __iter__(self) -> Iterator[object]:
        return iter(self._keys)

    def __len__(self) -> int:
        return len(self._keys)
