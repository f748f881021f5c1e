"""The console's language over HTTP on PostgreSQL: the browser's Accept-Language before any choice, the EN | FR
switch remembered in a cookie, French error pages, validation sentences, money and typed amounts, and no language
carried from one request to the next or outside a request."""

from __future__ import annotations

from html import unescape

from tests.sync.console.conftest import Console, console_as
from tests.sync.console.test_console_staff import stocked  # noqa: F401  (a product received into store A)

FRENCH = {"Accept-Language": "fr-CA,fr;q=0.9,en;q=0.5"}


def test_the_sign_in_page_follows_the_browser_and_sign_in_remembers_it(console_app, tenant):
    french, english = Console(console_app), Console(console_app)
    page = unescape(french.get("/console/sign-in", headers=FRENCH).text)
    assert '<html lang="fr">' in page and "Se connecter" in page and "Sign in" not in page
    page = unescape(english.get("/console/sign-in", headers={"Accept-Language": "de-DE,en-GB;q=0.7"}).text)
    assert '<html lang="en">' in page and "Se connecter" not in page

    refused = french.post("/console/sign-in", {"login": tenant.owner, "password": "not it"}, headers=FRENCH)
    assert refused.status_code == 401 and "Le nom d'utilisateur ou le mot de passe est erroné" in unescape(refused.text)
    signed = french.post("/console/sign-in", {"login": tenant.owner, "password": "correct horse battery",
                                               "next": "/console/stores"}, headers=FRENCH)
    assert signed.status_code == 303 and french.http.cookies.get("pos_console_lang") == "fr"
    stores = unescape(french.get("/console/stores").text)  # no Accept-Language now: the cookie holds the choice
    assert '<html lang="fr">' in stores and "Magasins" in stores and "Se déconnecter" in stores


def test_the_switch_sets_the_language_and_goes_back_to_the_page(console_app, tenant):
    owner = console_as(console_app, tenant.owner)
    back = owner.get("/console/language/fr?next=%2Fconsole%2Ftax-rates")
    assert back.status_code == 303 and back.headers["location"] == "/console/tax-rates"
    assert "HttpOnly" in back.headers["set-cookie"] and "Path=/console" in back.headers["set-cookie"]
    assert "Taux de taxe de vente" in owner.get("/console/tax-rates").text
    assert owner.get("/console/language/fr?next=//elsewhere.example").headers["location"] == "/console/stores"
    assert owner.get("/console/language/de").status_code == 404
    assert owner.get("/console/language/en?next=/console/stores").status_code == 303
    assert "Sales tax rates" in owner.get("/console/tax-rates").text


def test_a_french_manager_reads_a_refusal_in_french_and_nothing_leaks_to_english(console_app, tenant):
    from sync.hub.console.web import gettext

    manager = console_as(console_app, tenant.manager)
    manager.get("/console/language/fr")
    refused = manager.get(f"/console/stores/{tenant.store_b}/prices")
    assert refused.status_code == 403 and "Ce magasin n'est pas l'un des vôtres" in unescape(refused.text)
    assert "Cela n'a pas fonctionné" in unescape(refused.text)
    english = console_as(console_app, tenant.manager)  # the next request, without the cookie, is English
    assert "That store is not one of yours" in unescape(english.get(f"/console/stores/{tenant.store_b}/prices").text)
    assert gettext("Sign in") == "Sign in", "outside a request the console speaks English"


def test_french_prices_read_and_are_typed_the_french_way(console_app, tenant, stocked):  # noqa: F811
    sku, _gtin = stocked
    owner = console_as(console_app, tenant.owner)
    owner.get("/console/language/fr")
    base = f"/console/stores/{tenant.store_a}/prices"
    page = owner.get(f"{base}?q={sku}")
    assert "29,99\u00a0$" in unescape(page.text) and "$29.99" not in unescape(page.text)
    refused = owner.post(base, {"sku": sku, "price": "vingt", "q": sku})
    assert refused.status_code == 422 and "vingt n'est pas un prix; tapez-le comme 24,99." in unescape(refused.text)
    done = owner.post(base, {"sku": sku, "price": "27,45"})
    assert done.status_code == 303
    assert "se vend maintenant 27,45\u00a0$ dans ce magasin" in unescape(owner.get(done.headers["location"]).text)
