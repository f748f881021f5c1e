"""Every string the console shows comes from its one Babel catalog: what the templates and the console's Python
ask `_()` for is in messages.pot and in each language's messages.po, so a new language needs no template change."""

from __future__ import annotations

from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po

from sync.hub.console.web import HERE, LOCALES, environment, translations

METHODS = [("**.py", "python"), ("templates/**.html", "jinja2")]
OPTIONS = {"templates/**.html": {"extensions": "jinja2.ext.i18n", "trim_blocks": "true", "lstrip_blocks": "true"}}


def asked_for() -> set[str]:
    found = extract_from_dir(str(HERE), METHODS, options_map=OPTIONS)
    return {message if isinstance(message, str) else message[0] for _file, _line, message, _c, _ctx in found}


def catalog_ids(path) -> set[str]:
    with path.open("rb") as source:
        # A plural entry's id is (singular, plural): the singular is what the template asks for.
        return {message.id if isinstance(message.id, str) else message.id[0] for message in read_po(source)
                if message.id}


def test_every_console_string_is_in_the_template_and_the_english_catalog():
    wanted = asked_for()
    assert len(wanted) > 50 and "Make a pairing code" in wanted
    fix = " Run `make console-catalog` and commit locale/."
    template = catalog_ids(LOCALES / "messages.pot")
    assert wanted <= template, f"messages.pot lacks {sorted(wanted - template)}.{fix}"
    for po in LOCALES.glob("*/LC_MESSAGES/messages.po"):
        assert wanted <= catalog_ids(po), f"{po.parent.parent.name} lacks {sorted(wanted - catalog_ids(po))}.{fix}"


def test_templates_go_through_the_catalog():
    """A catalog entry changes what a page says: proof that the page's words are looked up, not written in."""
    env = environment()
    catalog = translations("en")
    catalog._catalog["Make a pairing code"] = "Make a code"  # type: ignore[attr-defined]
    try:
        html = env.get_template("pairing_code.html").render(code="ABCDE-FGHJK", qr="", hours=24, error=None)
        assert "It works once, for 24 hours." in html
        page = env.get_template("terminals.html").render(
            store=type("S", (), {"id": "x", "name": "Queen West", "store_code": "ON002"})(), terminals=[],
            code=None, me=None, csrf_token="t", csrf_field="csrf_token", csrf_header="X-CSRF-Token")
        assert ">Make a code</button>" in page and ">Make a pairing code</button>" not in page
    finally:
        del catalog._catalog["Make a pairing code"]  # type: ignore[attr-defined]
