"""The console's language for each request (English or French), and the one place that writes money, numbers and
dates for a person in that language (Babel, fr_CA: `1 234,56 $`, `24 déc. 2026 09:00`).

The language comes from the `pos_console_lang` cookie that the header's EN | FR switch sets, else from the
browser's Accept-Language, else English. `LanguageMiddleware` puts it in a context variable for the length of one
request only, so `_()` in Python code, the templates, the error pages and this module's helpers all follow the
request's language and nothing carries over to the next request."""

from __future__ import annotations

from collections.abc import Awaitable, Callable, MutableMapping
from contextvars import ContextVar
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from http.cookies import SimpleCookie
from typing import Any

from babel import Locale
from babel.dates import format_date, format_datetime
from babel.numbers import format_currency, format_decimal, format_percent

LANGUAGES = ("en", "fr")
DEFAULT_LANGUAGE = "en"
LANGUAGE_COOKIE = "pos_console_lang"
BABEL_LOCALES = {"en": "en_CA", "fr": "fr_CA"}
# English keeps the numeric dates it always had; French writes the month in words, as Quebec offices do.
_DATE_PATTERNS = {"fr": "d MMM y"}
_current: ContextVar[str] = ContextVar("console_language", default=DEFAULT_LANGUAGE)

Scope = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[MutableMapping[str, Any]]]
Send = Callable[[MutableMapping[str, Any]], Awaitable[None]]


def current() -> str:
    """The language of the request being answered (English outside a request)."""
    return _current.get()


def supported(value: str | None) -> str | None:
    value = (value or "").strip().lower()[:2]
    return value if value in LANGUAGES else None


def from_accept_language(header: str | None) -> str:
    """The best of English and French for a browser's Accept-Language (`fr-CA,fr;q=0.9,en;q=0.8`)."""
    wanted: list[tuple[float, int, str]] = []
    for position, part in enumerate((header or "").split(",")[:20]):
        tag, _sep, params = part.strip().partition(";")
        quality = 1.0
        if params.strip().startswith("q="):
            try:
                quality = float(params.strip()[2:])
            except ValueError:
                quality = 0.0
        wanted.append((-quality, position, tag.strip().replace("_", "-")))
    preferred = [tag for quality, _pos, tag in sorted(wanted) if quality < 0 and tag]
    negotiated = Locale.negotiate(preferred, list(LANGUAGES), sep="-") if preferred else None
    return negotiated.language if negotiated is not None else DEFAULT_LANGUAGE


def of_headers(cookie_header: str | None, accept_language: str | None) -> str:
    """The switch's cookie when it names a language, else the browser's preference."""
    if cookie_header:
        jar: SimpleCookie = SimpleCookie()
        try:
            jar.load(cookie_header)
        except Exception:  # noqa: BLE001 - a malformed Cookie header only means "no choice made"
            jar = SimpleCookie()
        chosen = jar.get(LANGUAGE_COOKIE)
        if chosen is not None and supported(chosen.value):
            return chosen.value
    return from_accept_language(accept_language)


class LanguageMiddleware:
    """Sets the request's language for everything under /console, and puts it back afterwards."""

    def __init__(self, app: Callable[[Scope, Receive, Send], Awaitable[None]]) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or not str(scope.get("path", "")).startswith("/console"):
            await self.app(scope, receive, send)
            return
        headers = {name.decode("latin-1"): value.decode("latin-1") for name, value in scope.get("headers", [])}
        token = _current.set(of_headers(headers.get("cookie"), headers.get("accept-language")))
        try:
            await self.app(scope, receive, send)
        finally:
            _current.reset(token)


def _locale(language: str | None) -> str:
    return BABEL_LOCALES[language or current()]


def money(value: Decimal | float | int | str | None, language: str | None = None) -> str:
    """Dollars as the person reads them: `$1,234.56` in English, `1 234,56 $` in French; `—` for nothing."""
    if value is None or value == "":
        return "—"
    return format_currency(Decimal(str(value)), "CAD", locale=_locale(language))


def cents(value: int | None, language: str | None = None) -> str:
    return "—" if value is None else money(Decimal(value) / 100, language)


def number(value: Decimal | float | int | None, language: str | None = None) -> str:
    return "—" if value is None else format_decimal(value, locale=_locale(language))


def change(value: float | None, language: str | None = None) -> str:
    """A change in percent, signed, to one decimal: `+12.5%` in English, `+12,5 %` in French; `—` for none."""
    if value is None:
        return "—"
    plain_pattern = Locale.parse(_locale(language)).percent_formats[None].pattern.replace("#,##0", "#,##0.0")
    return format_percent(value / 100, f"+{plain_pattern};-{plain_pattern}", locale=_locale(language))


def amount(value: Decimal | float | int | None, language: str | None = None) -> str:
    """An amount to put back in a form field, as the person would type it: `27.45`, or `27,45` in French."""
    return "" if value is None else format_decimal(value, "0.00", locale=_locale(language))


def when(value: datetime | None, language: str | None = None, *, seconds: bool = False) -> str:
    """A moment, in the zone it is given in: `2026-12-24 09:00` in English, `24 déc. 2026 09:00` in French."""
    if value is None:
        return "—"
    language = language or current()
    clock = "HH:mm:ss" if seconds else "HH:mm"
    pattern = _DATE_PATTERNS.get(language)
    if pattern is None:
        return value.strftime("%Y-%m-%d %H:%M:%S" if seconds else "%Y-%m-%d %H:%M")
    return format_datetime(value, f"{pattern} {clock}", tzinfo=value.tzinfo, locale=_locale(language))


def day(value: date | None, language: str | None = None) -> str:
    if value is None:
        return "—"
    language = language or current()
    pattern = _DATE_PATTERNS.get(language)
    if pattern is None:
        return value.strftime("%Y-%m-%d")
    return format_date(value, pattern, locale=_locale(language))


def plain(value: Decimal | float | int | None, language: str | None = None) -> str:
    """A number to put back in a form field, without grouping or padding: `12.5`, or `12,5` in French (a
    percentage, a rate)."""
    return "" if value is None else format_decimal(value, "0.######", locale=_locale(language))


def typed_amount(text: str, language: str | None = None) -> str:
    """An amount or a percentage typed the French way (`24,99`, `1 234,56 $`, `9,975 %`) made into the `24.99`
    the services read; English input, and anything that is not a number, is passed on as typed for the service
    to judge."""
    if (language or current()) != "fr" or not text:
        return text
    cleaned = text.strip().replace("$", "").replace("%", "").replace("\u00a0", "").replace("\u202f", "")
    cleaned = cleaned.replace(" ", "")
    if cleaned.count(",") > 1 or ("," in cleaned and "." in cleaned):
        return text
    cleaned = cleaned.replace(",", ".")
    try:
        Decimal(cleaned)
    except InvalidOperation:
        return text
    return cleaned
