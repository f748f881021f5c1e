"""The console's rendering, translations, CSRF tokens and session cookie: everything a page needs besides its own
data. Every string reaches the page through `_()` from one Babel catalog (`locale/<lang>/LC_MESSAGES/messages.po`),
so another language is a new catalog, never a template change. The language is the request's
(`language.current()`): the templates, `_()` in Python code and the money and date filters all follow it."""

from __future__ import annotations

import hmac
import secrets
from datetime import date, datetime
from decimal import Decimal
from functools import cache, partial
from io import BytesIO
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlsplit

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.support import NullTranslations, Translations
from fastapi import Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from jinja2 import Environment, FileSystemLoader, select_autoescape

from sync.hub.console import language
from sync.hub.tokens import digest
from sync.sentence import Dollars, Sentence

HERE = Path(__file__).resolve().parent
LOCALES = HERE / "locale"
SESSION_COOKIE = "pos_console_session"
CSRF_COOKIE = "pos_console_csrf"
CSRF_FIELD = "csrf_token"
CSRF_HEADER = "X-CSRF-Token"
DEFAULT_LOCALE = language.DEFAULT_LANGUAGE


@cache
def translations(locale: str) -> NullTranslations:
    """The catalog for a language, compiled from its .po in memory (no binary .mo kept in the repository)."""
    path = LOCALES / locale / "LC_MESSAGES" / "messages.po"
    if not path.is_file():
        return NullTranslations()
    with path.open("rb") as source:
        catalog = read_po(source, locale=locale)
    compiled = BytesIO()
    write_mo(compiled, catalog)
    compiled.seek(0)
    return Translations(compiled)


@cache
def environment(locale: str = DEFAULT_LOCALE) -> Environment:
    env = Environment(loader=FileSystemLoader(HERE / "templates"), autoescape=select_autoescape(default=True),
                      extensions=["jinja2.ext.i18n"], trim_blocks=True, lstrip_blocks=True)
    env.install_gettext_translations(translations(locale), newstyle=True)  # type: ignore[attr-defined]
    env.filters.update(money=partial(language.money, language=locale), cents=partial(language.cents, language=locale),
                       number=partial(language.number, language=locale), when=partial(language.when, language=locale),
                       day=partial(language.day, language=locale), amount=partial(language.amount, language=locale),
                       plain=partial(language.plain, language=locale), change=partial(language.change, language=locale),
                       said=error_text)
    return env


def gettext(message: str, **values: Any) -> str:
    """`_()` for Python code of the console: the same catalog as the templates, in the request's language."""
    text = translations(language.current()).gettext(message)
    return text % values if values else text


_ = gettext


def error_text(error: Exception | str) -> str:
    """The sentence of a refusal from the hub's services in the request's language. A service that raises with
    `Invalid("... %(name)s ...", name=value)`, or says a `sync.sentence.Sentence`, keeps the template and its
    values, so the catalog can translate it; a sentence the catalog does not know is shown as the service wrote
    it. Values are said in the same language: a nested sentence is translated, money, numbers and dates written
    the reader's way."""
    template, values = getattr(error, "template", None), getattr(error, "values", None)
    if not template and isinstance(error, Exception) and len(error.args) == 1 and isinstance(error.args[0], Sentence):
        return error_text(error.args[0])
    if not template:
        return translations(language.current()).gettext(str(error))
    text = translations(language.current()).gettext(template)
    return text % {name: _value(value) for name, value in values.items()} if values else text


def _value(value: Any) -> Any:
    if isinstance(value, Dollars):
        return language.money(value.amount)
    if isinstance(value, Sentence):
        return error_text(value)
    if isinstance(value, Decimal):
        return language.plain(value)
    if isinstance(value, datetime):
        return language.when(value)
    if isinstance(value, date):
        return language.day(value)
    return value


class PageError(Exception):
    """Answered with the error page: a status and a sentence."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status


class SignInNeeded(Exception):
    """No session, or it expired: back to sign-in, keeping where the person was going."""

    def __init__(self, next_url: str) -> None:
        super().__init__(next_url)
        self.next_url = next_url


def is_https(request: Request) -> bool:
    forwarded = request.headers.get("x-forwarded-proto", "").split(",")[0].strip().lower()
    return request.url.scheme == "https" or forwarded == "https"


def set_cookie(response: Response, request: Request, name: str, value: str, *, max_age: int | None = None) -> None:
    response.set_cookie(name, value, max_age=max_age, path="/console", httponly=True, samesite="lax",
                        secure=is_https(request))


def csrf_token(request: Request) -> str:
    """Tied to the session when signed in; before that, the double-submit cookie's value (made if missing)."""
    session = request.cookies.get(SESSION_COOKIE)
    if session:
        return digest(f"console-csrf:{session}")[:40]
    token = request.cookies.get(CSRF_COOKIE) or getattr(request.state, "new_csrf", None)
    if token is None:
        token = request.state.new_csrf = secrets.token_urlsafe(24)
    return token


async def check_csrf(request: Request) -> None:
    """Every POST carries the form's token (or htmx's header); a missing or wrong one is refused with 403."""
    sent = request.headers.get(CSRF_HEADER)
    if not sent:
        form = await request.form()
        value = form.get(CSRF_FIELD)
        sent = value if isinstance(value, str) else None
    session = request.cookies.get(SESSION_COOKIE)
    expected = digest(f"console-csrf:{session}")[:40] if session else request.cookies.get(CSRF_COOKIE)
    if not sent or not expected or not hmac.compare_digest(sent, expected):
        raise PageError(403, _("This form has expired or did not come from the console. Go back, reload the "
                                   "page and try again."))


def render(request: Request, template: str, status: int = 200, **context: Any) -> HTMLResponse:
    token = csrf_token(request)
    lang = language.current()
    page = environment(lang).get_template(template).render(request=request, csrf_token=token, csrf_field=CSRF_FIELD,
                                                           csrf_header=CSRF_HEADER, lang=lang,
                                                           here=quote(here(request), safe=""), **context)
    response = HTMLResponse(page, status_code=status)
    if getattr(request.state, "new_csrf", None):
        set_cookie(response, request, CSRF_COOKIE, request.state.new_csrf)
    return response


def redirect(url: str, request: Request | None = None) -> Response:
    """303 to a page; to htmx, a header that makes the browser go there."""
    if request is not None and request.headers.get("HX-Request"):
        return Response(status_code=204, headers={"HX-Redirect": url})
    return RedirectResponse(url, status_code=303)


def here(request: Request) -> str:
    """This page's address to come back to (after a language switch): the page itself, or for a form that was
    sent, the console page the form was on."""
    if request.method == "GET":
        return request.url.path + (f"?{request.url.query}" if request.url.query else "")
    referer = urlsplit(request.headers.get("referer", ""))
    if referer.netloc == request.url.netloc and referer.path.startswith("/console"):
        return referer.path + (f"?{referer.query}" if referer.query else "")
    return request.url.path if request.url.path == "/console/sign-in" else "/console/stores"


def sign_in_url(next_url: str | None) -> str:
    return "/console/sign-in" + (f"?next={quote(next_url, safe='')}" if next_url else "")


def safe_next(value: str | None) -> str:
    """Only a console path: never another site (an open redirect) or a protocol-relative URL."""
    if value and value.startswith("/console") and not value.startswith("//") and "\\" not in value:
        return value
    return "/console/stores"
