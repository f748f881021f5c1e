"""The language the terminal speaks now: English or Canadian French.

One process-wide choice, set from the terminal's `language` setting at start and changed by a staff member's
switch at sign-in or a customer's EN/FR toggle at the kiosk. Everything that turns a code into words (Qt's
translator for the screens, the message catalog for the domain's and the services' sentences, Babel for money,
numbers and dates, the receipt) asks here, so one switch changes them all. No Qt and no project imports: the
domain may read it.
"""

from __future__ import annotations

from collections.abc import Callable

LANGUAGES = ("en", "fr")
DEFAULT_LANGUAGE = "en"
# Babel's and Qt's names for the two languages as spoken in Canada.
LOCALES = {"en": "en_CA", "fr": "fr_CA"}

_current = DEFAULT_LANGUAGE
_listeners: list[Callable[[str], None]] = []


def language_refusal(language: str) -> str | None:
    """Why a language code can't be used, or None."""
    if language in LANGUAGES:
        return None
    return f"There is no language {language!r}. The terminal speaks {' or '.join(map(repr, LANGUAGES))}."


# What receipts print in (the terminal setting `receipt_language`; pos_app.services.receipt_words decides).
RECEIPT_LANGUAGES = ("store", "en", "fr", "bilingual")


def receipt_language_refusal(setting: str) -> str | None:
    """Why a receipt_language setting can't be used, or None."""
    if setting in RECEIPT_LANGUAGES:
        return None
    return (f"There is no receipt language {setting!r}. It must be one of {', '.join(map(repr, RECEIPT_LANGUAGES))}: "
            "\"store\" prints French in Quebec and the terminal's language elsewhere.")


def current_language() -> str:
    return _current


def current_locale() -> str:
    """The Babel/Qt locale name for the current language: "en_CA" or "fr_CA"."""
    return LOCALES[_current]


def set_language(language: str) -> None:
    """Switch the whole terminal to `language`, and tell each listener (the Qt translator, open screens)."""
    global _current
    refusal = language_refusal(language)
    if refusal:
        raise ValueError(refusal)
    if language == _current:
        return
    _current = language
    for listener in list(_listeners):
        listener(language)


def on_language_changed(listener: Callable[[str], None]) -> Callable[[], None]:
    """Call `listener(language)` after each switch; returns a function that stops it."""
    _listeners.append(listener)
    return lambda: _listeners.remove(listener) if listener in _listeners else None
