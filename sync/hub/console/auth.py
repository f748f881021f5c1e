"""Signing in and out, setting a password from a one-time link, and `signed_in`: the dependency every other
console page takes (the user, and the scope that limits what they reach)."""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlsplit

from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import Response

from sync.hub import accounts
from sync.hub.console import language
from sync.hub.console.web import (
    SESSION_COOKIE,
    PageError,
    SignInNeeded,
    _,
    check_csrf,
    error_text,
    here,
    redirect,
    render,
    safe_next,
    set_cookie,
)
from sync.hub.models import ConsoleUser
from sync.hub.tenancy import Invalid, Scope

router = APIRouter(prefix="/console", include_in_schema=False)
LANGUAGE_KEPT = 365 * 24 * 3600
Csrf = Depends(check_csrf)


@dataclass(frozen=True)
class Visitor:
    user: ConsoleUser
    scope: Scope


def signed_in(request: Request) -> Visitor:
    db = request.app.state.db
    with db.read() as session:
        user = accounts.session_user(session, request.cookies.get(SESSION_COOKIE))
        if user is None:
            raise SignInNeeded(_where(request))
        scope = accounts.scope_of(session, user)
    return Visitor(user, scope)


def _where(request: Request) -> str:
    """Where to come back to: this page, or for a form that was sent, the page the form was on."""
    if request.method != "GET":
        referer = urlsplit(request.headers.get("referer", ""))
        if not (referer.netloc == request.url.netloc and referer.path.startswith("/console")):
            return request.url.path
    return here(request)


@router.get("")
def home() -> Response:
    return redirect("/console/stores")


@router.get("/language/{lang}")
def choose_language(request: Request, lang: str, next: str | None = None) -> Response:  # noqa: A002 - the URL's name
    """The header's EN | FR switch: remembered in a cookie on this browser for a year, for every page after."""
    chosen = language.supported(lang)
    if chosen is None:
        raise PageError(404, _("The console speaks English (en) and French (fr) only."))
    response = redirect(safe_next(next))
    set_cookie(response, request, language.LANGUAGE_COOKIE, chosen, max_age=LANGUAGE_KEPT)
    return response


@router.get("/sign-in")
def sign_in_page(request: Request, next: str | None = None) -> Response:  # noqa: A002 - the URL's name
    return render(request, "sign_in.html", next=safe_next(next), login="", error=None)


@router.post("/sign-in", dependencies=[Csrf])
def sign_in(request: Request, login: str = Form(""), password: str = Form(""), next: str = Form("")) -> Response:  # noqa: A002
    db = request.app.state.db
    with db.write() as session:
        outcome = accounts.sign_in(session, login, password)
        token = None if isinstance(outcome, accounts.SignInRefused) else accounts.open_session(session, outcome)
    if token is None:
        return render(request, "sign_in.html", 401, next=safe_next(next), login=login, error=error_text(outcome))
    response = redirect(safe_next(next))
    set_cookie(response, request, SESSION_COOKIE, token, max_age=int(accounts.SESSION_TTL.total_seconds()))
    if language.LANGUAGE_COOKIE not in request.cookies:  # the browser's language, from now on remembered
        set_cookie(response, request, language.LANGUAGE_COOKIE, language.current(), max_age=LANGUAGE_KEPT)
    return response


@router.post("/sign-out", dependencies=[Csrf])
def sign_out(request: Request) -> Response:
    with request.app.state.db.write() as session:
        accounts.close_session(session, request.cookies.get(SESSION_COOKIE))
    response = redirect("/console/sign-in")
    response.delete_cookie(SESSION_COOKIE, path="/console")
    return response


@router.get("/set-password")
def set_password_page(request: Request, token: str = "") -> Response:
    try:
        with request.app.state.db.read() as session:
            _row, user = accounts.password_token_user(session, token)
            who = user.username
    except Invalid as error:
        return render(request, "set_password.html", 400, token=None, username=None, error=error_text(error))
    return render(request, "set_password.html", token=token, username=who, error=None)


@router.post("/set-password", dependencies=[Csrf])
def set_password(request: Request, token: str = Form(""), password: str = Form(""),
                 confirm: str = Form("")) -> Response:
    try:
        with request.app.state.db.write() as session:
            user = accounts.set_password_with_token(session, token, password, confirm)
            who = user.username
    except Invalid as error:
        with request.app.state.db.read() as session:
            try:
                accounts.password_token_user(session, token)
                usable = token
            except Invalid:
                usable = None
        return render(request, "set_password.html", 400, token=usable, username=None, error=error_text(error))
    return render(request, "sign_in.html", next="/console/stores", login=who, error=None,
                  notice=_("Your password is set. Sign in with it now."))
