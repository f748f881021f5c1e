"""Recalls on the hub: the API and `pos-hub recall` mark lots recalled in the tenant's stores (and the feed carries
the recall to the terminals), an unknown lot is a 404 with a sentence, and the report lists the sales that took
the lot, as JSON and CSV. Shelf locations: the admin API and `pos-hub import-locations` (a bad row names its line,
nothing is written)."""

from __future__ import annotations

import csv
import io

from sqlalchemy import select

from sync.hub.cli import main
from sync.hub.models import BatchTracking, Recall, ShelfLocation
from tests.sync.hub.helpers import mutation, pull_all, push, sale_args


def _sold(client, terminal, quantity: int) -> str:
    args = sale_args(terminal, quantity)
    response = push(client, terminal, [mutation(terminal.take_ids(1)[0], "order.completed.v1", args)])
    assert response.status_code == 200 and response.json()["results"][0]["status"] == "applied", response.text
    return args["order_number"]


def test_a_recall_marks_the_lot_reaches_the_feed_and_reports_the_earlier_sale(client, world):
    a1, a2, b1 = world.terminals["A1"], world.terminals["A2"], world.terminals["B1"]
    _changes, cursor = pull_all(client, a1)
    sold = _sold(client, a1, 2)
    other_tenant = _sold(client, b1, 1)  # the same SKU and lot code in another tenant: not in this report
    created = client.post("/api/v1/recalls", headers=world.admin("A"), json={
        "sku": "SKU-1", "lots": ["LOT-1"], "reason": "Mould found by the producer", "reference": "RA-2026-0042"})
    assert created.status_code == 201, created.text
    recall = created.json()
    assert recall["lot_rows_marked"] == 2  # stores A1 and A2

    changes, _ = pull_all(client, a1, cursor)
    lots = [c["data"] for c in changes if c["entity"] == "batch" and c["data"]["batch_lot"] == "LOT-1"]
    assert lots and lots[0]["is_recalled"] is True
    assert lots[0]["metadata"]["recall"] == {"id": recall["id"], "reason": "Mould found by the producer",
                                             "reference": "RA-2026-0042"}
    with client.app.state.db.read() as session:
        flags = session.execute(select(BatchTracking.store_id, BatchTracking.is_recalled).where(
            BatchTracking.batch_lot == "LOT-1",
            BatchTracking.store_id.in_([a1.store_id, a2.store_id, b1.store_id]))).all()
    assert {store: flag for store, flag in flags} == {a1.store_id: True, a2.store_id: True, b1.store_id: False}

    report = client.get(f"/api/v1/recalls/{recall['id']}/report", headers=world.admin("A"))
    assert report.status_code == 200, report.text
    lines = report.json()["lines"]
    assert [(line["receipt_number"], line["quantity"], line["terminal"]) for line in lines] == [(sold, 2, "T-A1")]
    assert lines[0]["sold_at"] and report.json()["units"] == 2
    assert other_tenant not in report.text

    as_csv = client.get(f"/api/v1/recalls/{recall['id']}/report", headers=world.admin("A"),
                        params={"format": "csv"})
    assert as_csv.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(as_csv.text)))
    assert [(row["order_number"], row["quantity"], row["batch_lot"]) for row in rows] == [(sold, "2", "LOT-1")]
    by_accept = client.get(f"/api/v1/recalls/{recall['id']}/report",
                           headers={**world.admin("A"), "Accept": "text/csv"})
    assert by_accept.text == as_csv.text

    assert client.get(f"/api/v1/recalls/{recall['id']}/report", headers=world.admin("B")).status_code == 403
    assert client.get("/api/v1/recalls", headers=world.admin("A")).json()["total"] >= 1


def test_recalling_an_unknown_lot_is_a_404_with_a_sentence_and_changes_nothing(client, world):
    refused = client.post("/api/v1/recalls", headers=world.admin("A"),
                          json={"sku": "SKU-1", "lots": ["LOT-1", "NOPE-9"], "reason": "Mould"})
    assert refused.status_code == 404
    assert "lot NOPE-9 of SKU SKU-1" in refused.json()["detail"] and "nothing was recalled" in refused.json()["detail"]
    with client.app.state.db.read() as session:
        store = world.terminals["A1"].store_id
        assert session.scalar(select(BatchTracking.is_recalled).where(BatchTracking.store_id == store)) is False


def test_locations_are_created_listed_and_deactivated_through_the_feed(client, world):
    a1, admin = world.terminals["A1"], world.admin("A")
    params = {"store_id": str(a1.store_id)}
    _changes, cursor = pull_all(client, a1)
    made = client.post("/api/v1/locations", headers=admin, params=params,
                       json={"zone": "vault", "aisle": "1", "shelf": "3", "bin": "b"})
    assert made.status_code == 201, made.text
    assert made.json()["location_code"] == "VAULT-01-03-B"
    again = client.post("/api/v1/locations", headers=admin, params=params,
                        json={"zone": "VAULT", "aisle": "01", "shelf": "03", "bin": "B"})
    assert again.status_code == 409 and "already has the location VAULT-01-03-B" in again.json()["detail"]
    bad = client.post("/api/v1/locations", headers=admin, params=params,
                      json={"zone": "V1", "aisle": "1", "shelf": "3", "bin": "B"})
    assert bad.status_code == 400 and "not a shelf location" in bad.json()["detail"]
    listed = client.get("/api/v1/locations", headers=admin, params=params).json()
    assert [item["location_code"] for item in listed["items"]] == ["VAULT-01-03-B"]
    gone = client.post(f"/api/v1/locations/{made.json()['id']}/deactivate", headers=admin)
    assert gone.json()["is_active"] is False
    assert client.post(f"/api/v1/locations/{made.json()['id']}/deactivate",
                       headers=world.admin("B")).status_code == 403
    changes, _ = pull_all(client, a1, cursor)
    fed = [c["data"] for c in changes if c["entity"] == "shelf_location"]
    assert fed and fed[-1]["location_code"] == "VAULT-01-03-B" and fed[-1]["is_active"] is False


def test_cli_recall_and_import_locations(tmp_path, capsys):
    url = f"sqlite:///{tmp_path / 'hub.db'}"
    assert main(["seed-demo", "--db", url, "--products", "40"]) == 0
    capsys.readouterr()
    bad = tmp_path / "bad.csv"
    bad.write_text("zone,aisle,shelf,bin,location_type\nBACK,7,1,A,standard\nBACK,seven,1,B,standard\n"
                   "BACK,7,2,A,freezer\n")
    assert main(["import-locations", str(bad), "--store", "ON001", "--db", url]) == 1
    err = capsys.readouterr().err
    assert "Nothing was imported from bad.csv" in err and "line 3:" in err and "line 4:" in err
    assert "line 2:" not in err and "Traceback" not in err
    good = tmp_path / "good.csv"
    good.write_text("location_code,location_type,notes\nBACK-07-01-A,standard,\nLOC:QRN-01-01-A,quarantine,Recalls\n"
                    "VAULT-99-01-Q,secure,Recall quarantine\n")
    assert main(["import-locations", str(good), "--store", "ON001", "--db", url]) == 0
    assert "2 created, 1 updated" in capsys.readouterr().out

    from sync.hub.database import Database

    db = Database(url)
    try:
        with db.read() as session:
            codes = set(session.scalars(select(ShelfLocation.location_code)))
            lot = session.scalar(select(BatchTracking).where(BatchTracking.is_recalled.is_(False),
                                                             BatchTracking.quantity_remaining > 0))
            sku, batch_lot = lot.sku, lot.batch_lot
        assert {"BACK-07-01-A", "QRN-01-01-A"} <= codes and "BACK-07-02-A" not in codes

        assert main(["recall", "--sku", sku, "--lot", "NOPE", "--reason", "Mould", "--db", url]) == 1
        assert f"lot NOPE of SKU {sku}" in capsys.readouterr().err
        assert main(["recall", "--sku", sku, "--lot", batch_lot, "--reason", "Mould found",
                     "--reference", "RA-7", "--db", url]) == 0
        assert "recalled in 1 lot record" in capsys.readouterr().out
        with db.read() as session:
            recall = session.scalar(select(Recall).where(Recall.sku == sku))
            assert recall.lots == [batch_lot] and recall.reference == "RA-7"
            assert session.scalar(select(BatchTracking.is_recalled).where(BatchTracking.batch_lot == batch_lot))
    finally:
        db.dispose()


def test_a_put_away_naming_another_stores_shelf_is_refused_whole(client, world):
    import uuid

    a1, a2 = world.terminals["A1"], world.terminals["A2"]
    admin = world.admin("A")
    mine = client.post("/api/v1/locations", headers=admin, params={"store_id": str(a1.store_id)},
                       json={"zone": "BACK", "aisle": "1", "shelf": "1", "bin": "A"}).json()
    theirs = client.post("/api/v1/locations", headers=admin, params={"store_id": str(a2.store_id)},
                         json={"zone": "BACK", "aisle": "1", "shelf": "1", "bin": "A"}).json()

    def batch(*locations):
        return {"putaway_id": str(uuid.uuid4()), "store_id": str(a1.store_id), "staff_id": None,
                "placements": [{"assignment_id": str(uuid.uuid4()), "location_id": location["id"], "sku": "SKU-1",
                                "batch_lot": None, "quantity": 2, "is_primary": True, "from_assignment_id": None}
                               for location in locations]}

    [refused] = push(client, a1, [mutation(a1.take_ids(1)[0], "shelf.assigned.v1", batch(mine, theirs))]
                     ).json()["results"]
    assert refused["status"] == "rejected" and refused["code"] == "unknown_location"
    [applied] = push(client, a1, [mutation(a1.take_ids(1)[0], "shelf.assigned.v1", batch(mine))]).json()["results"]
    assert applied["status"] == "applied"
    with client.app.state.db.read() as session:
        from sync.hub.models import InventoryShelfAssignment

        rows = session.scalars(select(InventoryShelfAssignment).where(
            InventoryShelfAssignment.store_id == a1.store_id)).all()
    assert [(row.quantity, row.is_primary) for row in rows] == [(2, True)]  # the refused batch left nothing
