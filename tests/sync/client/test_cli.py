"""`pos-app sync pair|status|once|unpair` and `pos-app db reset` against a real hub, as a person runs them."""

from __future__ import annotations

from pos_app.cli import main
from pos_app.services.status import StatusService
from tests.sync.client.tills import open_till


def run(capsys, *argv) -> tuple[int, str, str]:
    status = main(list(argv))
    out, err = capsys.readouterr()
    return status, out, err


def test_pair_bootstrap_sell_sync_and_the_guards_on_unsent_work(hub, proxy, tmp_path, capsys):
    folder = tmp_path / "till"
    status, out, _err = run(capsys, "sync", "status", "--data-dir", str(folder))
    assert status == 0 and "Paired:          no" in out
    till = open_till(folder)
    assert StatusService(till.terminal.session_factory).sync_summary().label == "Sync: not paired"
    till.close()

    status, out, err = run(capsys, "sync", "pair", "--hub", proxy.url, "--code", hub.pairing_code(),
                           "--terminal-no", "91", "--data-dir", str(folder))
    assert status == 0, err
    assert "Paired with the hub" in out and "The terminal can sell." in out
    assert "Receiving" in out and " of " in out, "the snapshot came with progress"

    till = open_till(folder)
    code, _sku = till.products(1)[0]
    order = till.sell(code)
    assert order.order_number.startswith("ON001-91-")
    # One sale is two changes for the hub: the age check and the order.
    assert StatusService(till.terminal.session_factory).sync_summary().label == "Sync: 2 waiting"
    till.close()

    for argv in (("sync", "unpair"), ("db", "reset", "--yes")):
        status, _out, err = run(capsys, *argv, "--data-dir", str(folder))
        assert status == 1
        assert "2 changes have not reached the hub yet" in err and "Traceback" not in err

    status, out, err = run(capsys, "sync", "once", "--data-dir", str(folder))
    assert status == 0, err
    assert "Sent 2 (0 rejected)" in out and "0 still pending" in out
    status, out, _err = run(capsys, "sync", "status", "--data-dir", str(folder))
    assert "Paired:          yes" in out and f"Hub:             {proxy.url}" in out
    assert "Pending:         0" in out and "Last good sync:  never" not in out

    status, out, _err = run(capsys, "sync", "unpair", "--data-dir", str(folder))
    assert status == 0 and "no longer paired" in out
    status, _out, err = run(capsys, "db", "reset", "--data-dir", str(folder))
    assert status == 1 and "--yes" in err
    status, out, _err = run(capsys, "db", "reset", "--yes", "--data-dir", str(folder))
    assert status == 0 and "The database was reset" in out
    assert not (folder / "terminal.db").exists()
    assert list((folder / "backups").glob("terminal-*-before-reset.db"))


def test_a_bad_code_or_an_unreachable_hub_is_one_plain_sentence(hub, proxy, tmp_path, capsys):
    folder = tmp_path / "till"
    status, _out, err = run(capsys, "sync", "pair", "--hub", proxy.url, "--code", "WRONG-CODE1",
                            "--data-dir", str(folder))
    assert status == 1 and "Pairing failed" in err and "pairing code is unknown" in err
    proxy.down()
    status, _out, err = run(capsys, "sync", "pair", "--hub", proxy.url, "--code", hub.pairing_code(),
                            "--data-dir", str(folder))
    assert status == 1 and "cannot be reached" in err and "Traceback" not in err
    status, _out, err = run(capsys, "sync", "pair", "--hub", "hub.local", "--code", "X", "--data-dir", str(folder))
    assert status == 1 and "is not a hub address" in err
    status, _out, err = run(capsys, "sync", "once", "--data-dir", str(folder))
    assert status == 1 and "not paired" in err
