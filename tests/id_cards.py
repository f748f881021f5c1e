"""Ontario driver's licence payloads with a chosen date of birth (no real person's data)."""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

from tests.hardware.aamva_vectors import ONTARIO_ELEMENTS, aamva

STORE_ZONE = ZoneInfo("America/Toronto")  # the demo stores are in Ontario


def store_today() -> date:
    """The demo store's date: an age is counted on it, whatever the machine's zone or the hour in UTC."""
    return datetime.now(STORE_ZONE).date()


def years_ago(years: int, today: date | None = None) -> date:
    today = today or store_today()
    try:
        return today.replace(year=today.year - years)
    except ValueError:  # 29 February
        return today.replace(year=today.year - years, day=28)


def ontario_licence(born: date, expires: date | None = None, number: str = "D1234-56789-00315") -> str:
    expires = expires or date(store_today().year + 3, 1, 31)
    replaced = {"DBB": f"{born:%Y%m%d}", "DBA": f"{expires:%Y%m%d}", "DAQ": number}
    elements = [replaced.get(e[:3], e[3:]) and (e[:3] + replaced[e[:3]] if e[:3] in replaced else e)
                for e in ONTARIO_ELEMENTS]
    return aamva("636012", 8, [("DL", elements), ("ZO", ["ZOAXYZ"])], dl_offset_override="0000",
                 jurisdiction_version="01")
