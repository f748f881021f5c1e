"""The OCS daily report on a SQLite hub, and `pos-hub report ocs-daily`: a movement that arrives after its day was
exported marks that day amended there too, and the command writes the file or says in a sentence why not."""

from __future__ import annotations

import uuid
from decimal import Decimal

from sync.hub.inventory import Delta, apply_deltas
from sync.hub.models import OcsProduct, Store
from sync.hub.reports.exports import AMENDED, EXPORTED, NOT_EXPORTED, day_statuses, export_day
from sync.hub.tenancy import Scope
from tests.sync.hub.ocs_store_life import DAYS, local


def _sqlite_store(tmp_path):
    """A SQLite hub with store ON009 that received 10 units of SKU-1 on the first day; (url, store id, scope)."""
    from sync.hub.database import Database
    from sync.hub.migrate import upgrade
    from sync.hub.models import Tenant
    from tests.sync.hub.helpers import _province, _store

    url = f"sqlite:///{tmp_path / 'hub.db'}"
    upgrade(url)
    db = Database(url)
    with db.write() as session:
        tenant = Tenant(code="SQLITE", name="SQLite")
        session.add(tenant)
        session.flush()
        store = _store(session, tenant, _province(session), "ON009")
        session.add(OcsProduct(tenant_id=tenant.id, ocs_variant_number="SKU-1", ocs_product_name="x",
                               product_name="x", brand_name="B", category="Flower", product_form="dried_flower",
                               net_content=Decimal("1"), unit_of_measure="g", price_per_unit=Decimal("9.99")))
        apply_deltas(session, store.id, [Delta("SKU-1", None, 10)], transaction_type="receipt",
                     reference_type="purchase_order", reference_id=uuid.uuid4(), occurred_at=local(DAYS[0], 9))
        store_id, scope = store.id, Scope(tenant.id, via="cli")
    return db, store_id, scope


def test_on_sqlite_a_late_movement_marks_its_exported_day_amended_too(tmp_path):
    db, store_id, scope = _sqlite_store(tmp_path)
    day = DAYS[1]
    with db.write() as session:
        for exported in (DAYS[0], day):
            export_day(session, scope, session.get(Store, store_id), exported, "test")
    with db.write() as session:
        apply_deltas(session, store_id, [Delta("SKU-1", None, -1, None, "expired")], transaction_type="adjustment",
                     reference_type="adjustment", reference_id=uuid.uuid4(), occurred_at=local(day, 12))
    with db.read() as session:
        days, total = day_statuses(session, session.get(Store, store_id), offset=0, limit=400)
    shown = {d.day: d.status for d in days}
    assert (shown[DAYS[0]], shown[day], shown[DAYS[2]]) == (EXPORTED, AMENDED, NOT_EXPORTED)
    db.dispose()


def test_the_command_writes_the_file_or_says_in_a_sentence_why_not(tmp_path, capsys):
    from sync.hub.cli import main

    db, _store_id, _scope = _sqlite_store(tmp_path)
    db.dispose()
    url, out = f"sqlite:///{tmp_path / 'hub.db'}", tmp_path / "ocs.csv"
    command = ["report", "ocs-daily", "--db", url, "--store", "ON009", "--out", str(out), "--date"]
    assert main([*command, DAYS[0].isoformat()]) == 0
    assert "This version is recorded as exported" in capsys.readouterr().out
    assert out.read_text().splitlines()[1].split(",")[3:] == ["SKU-1", "0", "10", "0", "0", "0", "0", "0", "10",
                                                              "0.00"]
    assert main([*command, "2026-10-01"]) == 1
    assert "had no stock before 2026-10-30" in capsys.readouterr().err
    assert main([*command, "2999-01-01"]) == 1
    assert "has not come yet" in capsys.readouterr().err
