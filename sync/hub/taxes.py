"""Sales tax rates per province and component (GST, HST, PST, QST), with the dates they apply.

History is never edited in place: a change of rate is a new row starting on a future date, and the rate it
replaces ends the day before (``effective_to`` is the last day it applies, as the terminals read it). Both rows
go to the terminals of every store in the province through the feed; a register prices a sale with the rate
whose period holds the sale's date (pos_app/persistence/store_repository.py `tax_components`).

The rates are the province's, shared by every tenant with stores there: only an owner or admin changes them.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal, InvalidOperation

from sqlalchemy import select
from sqlalchemy.orm import Session

from sync.column_types import utcnow
from sync.hub.feed.record import record_put
from sync.hub.models import ProvinceTerritory, TaxRate
from sync.hub.tenancy import PROVINCE_CODES, Invalid, OutOfScope, Scope, audit, not_a_province, province
from sync.sentence import Sentence

TAX_TYPES = ("GST", "HST", "PST", "QST")
# Each component's name for a sentence (French: TPS, TVH, TVP, TVQ); the code itself stays as stored.
TAX_NAMES = {"GST": Sentence("GST"), "HST": Sentence("HST"), "PST": Sentence("PST"), "QST": Sentence("QST")}
_PERCENT_PLACES = Decimal("0.0001")


@dataclass(frozen=True)
class TaxRateRow:
    province_code: str
    province_name: str
    tax_type: str
    percent: Decimal
    effective_from: date
    effective_to: date | None
    state: str  # ended, current, scheduled


def list_tax_rates(session: Session, province_code: str = "", *, today: date | None = None) -> list[TaxRateRow]:
    """Every active rate, by province, component and start date; one province's when a code is given."""
    today = today or utcnow().date()
    query = (select(TaxRate, ProvinceTerritory).join(ProvinceTerritory,
                                                    ProvinceTerritory.id == TaxRate.province_territory_id)
             .where(TaxRate.is_active.is_(True))
             .order_by(ProvinceTerritory.code, TaxRate.tax_type, TaxRate.effective_from))
    code = (province_code or "").strip().upper()
    if code:
        query = query.where(ProvinceTerritory.code == code)
    return [TaxRateRow(place.code, place.name, rate.tax_type, _percent(rate.rate), rate.effective_from,
                       rate.effective_to, _state(rate, today))
            for rate, place in session.execute(query).all()]


def add_tax_rate(session: Session, scope: Scope, *, province_code: str, tax_type: str, percent: str | Decimal,
                 effective_from: str | date, today: date | None = None) -> TaxRate:
    """A new rate from a future date; the rate in force until then ends the day before it starts."""
    if scope.store_ids is not None:
        raise OutOfScope("Only an owner or admin can change tax rates; a manager can read them.")
    today = today or utcnow().date()
    code = (province_code or "").strip().upper()
    if code not in PROVINCE_CODES:
        raise not_a_province(code)
    kind = (tax_type or "").strip().upper()
    if kind not in TAX_TYPES:
        raise Invalid("%(kind)s is not a tax component; use one of %(kinds)s.", kind=kind or "—",
                      kinds=", ".join(TAX_TYPES))
    fraction = _fraction(percent)
    starts = _date(effective_from)
    if starts <= today:
        raise Invalid("A new rate starts on a future date (after %(today)s); past and current sales keep the "
                      "rate they were made at.", today=today)
    place = province(session, code)
    same = list(session.scalars(select(TaxRate).where(
        TaxRate.province_territory_id == place.id, TaxRate.tax_type == kind, TaxRate.is_active.is_(True))
        .order_by(TaxRate.effective_from).with_for_update()))
    for rate in same:
        if rate.effective_from >= starts or (rate.effective_to is not None and rate.effective_to >= starts):
            if rate.effective_to is None:
                raise Invalid("The %(kind)s of %(code)s already has a rate from %(start)s; the new period would "
                              "overlap it. Choose a start date after it.", kind=TAX_NAMES[kind], code=code,
                              start=rate.effective_from)
            raise Invalid("The %(kind)s of %(code)s already has a rate from %(start)s to %(end)s; the new period "
                          "would overlap it. Choose a start date after it.", kind=TAX_NAMES[kind], code=code,
                          start=rate.effective_from, end=rate.effective_to)
    ended = [rate for rate in same if rate.effective_to is None]
    for rate in ended:
        rate.effective_to = starts - timedelta(days=1)
        record_put(session, rate)
    added = TaxRate(province_territory_id=place.id, tax_type=kind, rate=fraction, effective_from=starts,
                    effective_to=None)
    session.add(added)
    session.flush()
    record_put(session, added)
    audit(session, scope, "tax_rate.added", entity=added,
          details={"province": code, "tax_type": kind, "rate": str(fraction), "effective_from": starts.isoformat(),
                   "ended": [str(rate.id) for rate in ended]})
    return added


def _fraction(percent: str | Decimal) -> Decimal:
    text = str(percent if percent is not None else "").strip().rstrip("%").strip()
    try:
        value = Decimal(text)
    except InvalidOperation:
        if not text:
            raise Invalid("Type the rate as a percentage, like 13 or 9.975.") from None
        raise Invalid("%(text)s is not a percentage; type it like 13 or 9.975.", text=text) from None
    if not value.is_finite() or value < 0 or value > 100:
        raise Invalid("A tax rate is between 0 % and 100 %; type 13 for 13 %.")
    if value != value.quantize(_PERCENT_PLACES):
        raise Invalid("A tax rate has at most 4 decimals, like 9.975.")
    return _plain(value / 100)


def _percent(fraction: Decimal) -> Decimal:
    return _plain(Decimal(fraction) * 100)


def _plain(value: Decimal) -> Decimal:
    """Without trailing zeros, and never in exponent form (10, not 1E+1)."""
    value = value.normalize()
    return value.quantize(Decimal(1)) if value.as_tuple().exponent > 0 else value


def _date(value: str | date) -> date:
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat((value or "").strip())
    except ValueError:
        raise Invalid("The start date is not a date; use the form 2027-04-01.") from None


def _state(rate: TaxRate, today: date) -> str:
    if rate.effective_from > today:
        return "scheduled"
    return "ended" if rate.effective_to is not None and rate.effective_to < today else "current"
